"""A toll told for a wide area and its parts told town by town: "Russian strikes killed 41
people across Ukraine overnight. ... In Lowtown, 10 people were killed when a missile hit a
building." The ten are among the 41: counted on both events they would be 51.

A wire story's lead often gives the total of a wave of violence over a country or a region
("across Ukraine", "nationwide", "in three provinces", "including nine in Lowtown"), and its
later paragraphs the dead of each town. Where a later event of the same happening (no other
happening opened between them, :mod:`kg.extract.happenings`) at a town the total's event does
not name, but that lies in a place it names (if it names any), counts dead that the total can
hold, and tells them as no harm besides it ("two more", "also"), its dead are part of the
total: the town's event keeps its own, and the wide
event those told at no town (41 - 10 = 31), so that each death is counted once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import parse_tree
from kg.extract.continued import told_besides
from kg.extract.drafts import Draft
from kg.extract.numbers import parse_number
from kg.extract.twins import family

__all__ = ["SpreadWords", "included", "included_places", "parts_of_totals", "spread"]

# the ACLED event types of armed violence, whose dead a total counts
_VIOLENT = frozenset({"battles", "explosions-remote-violence", "violence-against-civilians"})
_CLIMB = 3  # a trigger's head and the verb of its clause ("strikes (killed) ... across")


@dataclass(frozen=True, slots=True)
class SpreadWords:
    """Words of a toll told over a wide area (``kg/data/lexicon.toml`` ``[events]``)."""

    adverbs: frozenset[str]  # "killed 30 soldiers nationwide"
    prepositions: frozenset[str]  # "across Ukraine", "throughout the region"
    areas: frozenset[str]  # "across the country", "in several provinces"
    widest: frozenset[str]  # "in the country", "in the region": wide after "in" too


def parts_of_totals(
    events: list[Draft],
    continues: Callable[[int, int], bool],
    apart: Callable[[str], bool],
    agree: Callable[[str, str], bool],
    words: SpreadWords,
    key_at: Callable[[int], str | None] = lambda _: None,
) -> list[Draft]:
    """Take from each total told over a wide area (``words``) the dead that later events of
    the same happening (``continues``: sentence of one token goes on telling that of another)
    count at a place ``apart`` (a town, a district, not a country) the total does not name,
    but which lies in one it names where it names any (``agree``: one place holds the
    other: "across Ukraine", "in Kharkiv"; the wave "in Lowtown and Midtown districts" holds
    no death at Hightown). A part the total names with "including" goes to the town's
    event that counts none (``key_at``: the key of the place named at a token)."""
    wide: list[tuple[Draft, int]] = []  # the totals, and the dead left to them
    for e in events:
        dead = e.counts.get("fatalities")
        if dead is None or family(e.event_class) not in _VIOLENT or e.background:
            continue
        total = next(
            (w for w in reversed(wide) if _part_of(e, w[0], dead, w[1], continues, apart, agree)),
            None,
        )
        if total is not None:
            left = total[1] - dead
            total[0].counts["fatalities"] = left
            wide[wide.index(total)] = (total[0], left)
        elif spread(e, words):
            wide.append((e, dead))
    for whole, _ in wide:
        _told_town_by_town(whole, events, continues, key_at, words)
    return events


def _told_town_by_town(
    total: Draft,
    events: list[Draft],
    continues: Callable[[int, int], bool],
    key_at: Callable[[int], str | None],
    words: SpreadWords,
) -> None:
    """ "killed 14 across Ukraine, including nine in Lowtown. In Lowtown, a missile hit a
    building": the town's event of the same happening, which counts no dead of its own, has
    the nine, and the total the rest, at the wide place it names ("across Ukraine")."""
    over = [
        key
        for t in total.sentence
        if t.dep_ == "prep" and t.lower_ in words.prepositions
        for o in t.children
        if o.dep_ == "pobj" and (key := key_at(o.i)) is not None
    ]
    for dead, place in included(total, key_at):
        left = total.counts.get("fatalities", 0) - dead
        town = next(
            (
                e for e in events
                if e.sentence.start > total.sentence.start and place in e.places
                and "fatalities" not in e.counts and e.agents == total.agents
                and continues(total.sentence.start, e.sentence.start)
            ),
            None,
        )  # fmt: skip
        if town is None or left < 0 or place not in total.places:
            continue
        rest = [p for p in total.places if p != place] or over[:1]
        if not rest:
            continue  # the total is placed nowhere but at the town
        town.counts["fatalities"] = dead
        total.counts["fatalities"] = left
        total.places = rest


def included_places(e: Draft, key_at: Callable[[int], str | None]) -> set[str]:
    """The places a total names only as its parts: "including nine in Lowtown"."""
    return {place for _, place in included(e, key_at)}


def included(e: Draft, key_at: Callable[[int], str | None]) -> list[tuple[int, str]]:
    """The dead and the place of each part a total names with "including" in the clause of
    its trigger ("killed 14 people, including nine in Lowtown": (9, "lowtown"))."""
    out = []
    for t in e.sentence:
        if t.lower_ != "including":
            continue
        number = next((a for a in t.subtree if a.like_num), None)
        dead = parse_number(number.text) if number is not None else None
        keys = [
            key
            for at in t.subtree
            if at.lower_ == "in"
            for a in at.subtree
            if (key := key_at(a.i)) is not None
        ]
        if dead is not None and keys:
            out.append((dead, keys[-1]))
    return out


def _part_of(
    e: Draft,
    total: Draft,
    dead: int,
    left: int,
    continues: Callable[[int, int], bool],
    apart: Callable[[str], bool],
    agree: Callable[[str, str], bool],
) -> bool:
    """Whether the dead of ``e`` are among the ``left`` of ``total``'s."""
    if e.sentence.start <= total.sentence.start or dead > left:
        return False
    if not continues(total.sentence.start, e.sentence.start) or told_besides(e.sentence):
        return False
    own = [p for p in e.places if apart(p)]
    if not own or set(own) <= set(total.places):
        return False
    return not total.places or all(any(agree(t, p) for t in total.places) for p in own)


def spread(e: Draft, words: SpreadWords) -> bool:
    """Whether the toll of ``e`` is told over a wide area: a word of spread in the clause of
    its trigger ("killed 41 people across Ukraine", "nationwide", "in several provinces",
    "killed 25, including nine in Lowtown"). Read on the token columns: a ``Token`` only for
    a preposition or "including"."""
    doc = e.sentence.doc
    t = parse_tree.tree(doc)
    token = e.trigger.root.i
    chain = {token}
    for _ in range(_CLIMB):
        token = t.head[token]
        chain.add(token)
    for i in range(e.sentence.start, e.sentence.end):
        if not _in_chain(t.head, i, chain):
            continue
        if t.lower[i] in words.adverbs:
            return True
        if t.dep[i] == "prep" or t.lower[i] == "including":
            word = doc[i]
            if _over_area(word, words) or _including_elsewhere(word):
                return True
    return False


def _in_chain(head: tuple[int, ...], i: int, chain: set[int]) -> bool:
    """Whether token ``i`` or one of its ancestors (spaCy's ``Token.ancestors``) is in
    ``chain``."""
    for _ in range(len(head)):  # spaCy's bound: no more steps than tokens
        if i in chain:
            return True
        if head[i] == i:
            return False
        i = head[i]
    return i in chain


def _over_area(t: Token, words: SpreadWords) -> bool:
    """ "across Ukraine", "throughout the country", "in three provinces", "in the region"."""
    if t.dep_ != "prep":
        return False
    objects = [c for c in t.children if c.dep_ == "pobj"]
    if t.lower_ in words.prepositions:
        return any(
            o.ent_type_ in ("GPE", "LOC") or o.lemma_.lower() in words.areas for o in objects
        )
    if t.lower_ == "in":
        return any(
            o.lemma_.lower() in words.widest
            or (o.lemma_.lower() in words.areas and o.tag_ == "NNS")
            for o in objects
        )
    return False


def _including_elsewhere(t: Token) -> bool:
    """ "killed 25 people, including nine in Lowtown", "in the city of Lowtown": a total with
    a part at one place."""
    if t.lower_ != "including":
        return False
    after = list(t.subtree)
    return any(a.like_num for a in after) and any(
        a.lower_ == "in" and any(c.ent_type_ in ("GPE", "LOC") for c in a.subtree) for a in after
    )
