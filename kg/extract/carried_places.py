"""Where an event whose sentence names no place happened: where the story's previous event of
armed violence in its paragraph did, as ACLED's coders read a story ("Gunmen attacked a
checkpoint in Lowtown. Soldiers returned fire, killing two of them": the soldiers fired in
Lowtown), not the article's country (:mod:`kg.extract.event_places` falls back to it).

Not where the sentence opens another happening ("Separately,", "In another attack":
:func:`kg.extract.continued.opens_another`) or tells another day, nor for a statement
(where it was said is not where the fighting was).

A site named again by a definite noun ("the headquarters compound", "a building on the
hospital complex": ``site_nouns``) is where the story's last placed event that named it was,
in any paragraph and on any day: "A strike on Jan. 1 hit vehicles that had left a large
headquarters near Lowtown ... a Jan. 3 strike hit the headquarters compound itself".

A division named again by its common noun alone ("raided a village in the regency", "in the
district") is the one the story last named with that noun ("in the Upton regency", "Upton
district"), not the town the story was filed from."""

from __future__ import annotations

import functools

from kg.extract import parse_tree
from kg.extract.continued import VIOLENT_FAMILIES, opens_another
from kg.extract.drafts import Draft, paragraph_start
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import read_words
from kg.extract.twins import family
from kg.model import PlaceType

__all__ = ["carry_places"]


def carry_places(
    events: list[Draft], mentions: Mentions, sites: frozenset[str] = frozenset()
) -> None:
    """Give each event whose sentence names no place (``_names_a_place``) and that no rule
    placed but at the article's country the places of the story's last event of armed
    violence before it in its paragraph placed somewhere more telling than that country."""
    if not events:
        return
    host: Draft | None = None
    placed: list[Draft] = []  # the events placed below the country, in text order
    for e in sorted(events, key=lambda d: d.trigger.start):
        unplaced = (
            e.event_class != "statement"
            and set(e.places) <= {mentions.main_place}
            and not _names_a_place(e, mentions)
        )
        site = _site_again(e, placed, sites) if unplaced and sites else None
        if site is not None:
            e.places = list(site.places)
        division = _division_again(e, mentions) if unplaced and site is None else None
        if division is not None:
            e.places = [division]
        if host is not None and paragraph_start(host) != paragraph_start(e):
            host = None
        elif (
            host is not None
            and site is None
            and division is None
            and unplaced  # the country's fallback, or none
            and not opens_another(e)
            and not _another_day(e, host)
        ):
            e.places = list(host.places)
        if _below_country(e, mentions) and e.event_class != "statement":
            placed.append(e)  # somewhere more telling than the country
            if family(e.event_class) in VIOLENT_FAMILIES and not e.background:
                host = e


def _site_again(e: Draft, placed: list[Draft], sites: frozenset[str]) -> Draft | None:
    """The last event before ``e`` whose sentence named the site ``e``'s sentence names again
    by a definite noun ("the headquarters compound", "the hospital complex")."""
    t = parse_tree.tree(e.sentence.doc)
    again = {
        t.lemma[i] for i in range(e.sentence.start, e.sentence.end)
        if t.lemma[i] in sites and t.pos[i] == "NOUN" and _definite(t, i)
    }  # fmt: skip
    if not again:
        return None
    for d in reversed(placed):
        if d.sentence.start < e.sentence.start and any(
            t.lemma[i] in again for i in range(d.sentence.start, d.sentence.end)
        ):
            return d
    return None


def _division_again(e: Draft, mentions: Mentions) -> str | None:
    """The key of the place the story last named before ``e``'s sentence with the division's
    noun that sentence names again alone after a preposition ("in the regency": "the Upton
    regency", "Upton district"), if any."""
    t = parse_tree.tree(e.sentence.doc)
    nouns = _division_nouns()
    again = {
        t.lemma[i] for i in range(e.sentence.start, e.sentence.end)
        if t.lemma[i] in nouns and t.pos[i] == "NOUN" and t.dep[i] == "pobj"
        and any(t.dep[c] == "det" and t.lower[c] == "the" for c in t.kids[i])
        and not any(t.dep[c] in ("compound", "amod", "poss", "prep") for c in t.kids[i])
    }  # fmt: skip
    if not again:
        return None
    named: Found | None = None
    for f in mentions.found:
        if f.kind != "place" or f.end >= e.sentence.start:
            continue
        if t.lemma[f.end] in again and (named is None or f.start > named.start):
            named = f  # "Upton regency": the noun right after the name
    return named.key if named is not None else None


@functools.cache
def _division_nouns() -> frozenset[str]:
    """The nouns of divisions (``[places]`` district, province of ``kg/data/lexicon.toml``)."""
    return read_words("lexicon.toml", "places", "district") | read_words(
        "lexicon.toml", "places", "province"
    )


def _definite(t: parse_tree.Tree, i: int) -> bool:
    """ "the headquarters compound": the noun, or the noun its compound modifies, has "the"."""
    heads = [i, t.head[i]] if t.dep[i] == "compound" else [i]
    return any(t.dep[c] == "det" and t.lower[c] in ("the", "this", "that")
               for h in heads for c in t.kids[h])  # fmt: skip


def _below_country(e: Draft, mentions: Mentions) -> bool:
    """Whether ``e`` is placed somewhere other than the article's main place, not a country."""
    countries = {
        f.key for f in (*mentions.found, *mentions.unnamed_places)
        if f.kind == "place" and f.place_type is PlaceType.COUNTRY
    }  # fmt: skip
    return bool(set(e.places) - countries - {mentions.main_place})


def _another_day(e: Draft, host: Draft) -> bool:
    """Whether the two are told of different days ("On Saturday, gunmen attacked a market in
    Lowtown. Today, attacks killed 35 more": today's may be elsewhere)."""
    if e.date is not None and host.date is not None:
        return e.date != host.date
    if e.time is None or not e.sentence.start <= e.time.start < e.sentence.end:
        return False  # no day told in its own sentence
    return host.time is None or e.time.text.lower() != host.time.text.lower()  # "Today, ..."


def _names_a_place(e: Draft, mentions: Mentions) -> bool:
    return any(
        (f := mentions.at(i)) is not None and f.kind == "place"
        for i in range(e.sentence.start, e.sentence.end)
    )
