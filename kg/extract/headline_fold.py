"""A headline and its lead tell one happening: "Gunmen kill 12 in raid on village" over
"Gunmen on motorcycles attacked a village in Zamfara state on Sunday, killing at least 12
people" is one attack with 12 dead, not two attacks and 24.

A plain-text story opens with its headline: a short first line with no final period, with the
body after it. The headline retells the story's main happening, which the lead (the body's
first paragraph) tells in full, or, where the lead opens with its setting or a reaction
("Residents fled a village ..."), the paragraph after it; its event folds into the first
event of these two that tells the same happening (``retells``), which keeps its details and
takes what only the headline names. A headline whose happening neither tells stays an event,
as does a note of one line ("Police battle armed bandits"), which has no body.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.drafts import Draft
from kg.extract.found import Mentions
from kg.extract.headline_retells import Places, retells, second_clause, story_of
from kg.extract.twins import merge_told_twice

__all__ = ["fold_headline", "headline_end"]

_ENDS = frozenset(".!?")
_QUOTES = "\"'\u2019\u201d"  # after a lead's final period: 'he said."'
# a headline is a few words: a longer first line with no final period is a paragraph whose
# period is missing, or a note that ends with a bracket ("... [size=no report]")
_MAX_WORDS = 16
_PARAGRAPHS = 2  # the body's paragraphs that may tell the headline's happening


def headline_end(doc: Doc) -> int | None:
    """The character offset where ``doc``'s headline ends: its first line, of a few words and
    no final period, with body text after it. None where the text opens with no headline."""
    line, newline, rest = columns.doc_text(doc).partition("\n")
    words = line.split()
    if not newline or not rest.strip() or not words or len(words) > _MAX_WORDS:
        return None
    return None if words[-1][-1] in _ENDS else len(line)


def fold_headline(
    events: list[Draft],
    mentions: Mentions,
    unnamed: Callable[[str], bool],
    killing: frozenset[str] = frozenset(),
    qualifiers: frozenset[str] = frozenset(),
) -> list[Draft]:
    """Each event of the headline that the lead, or the paragraph after it, retells
    (``retells``) folded into the first event there that does, the lead's first: that event
    keeps its trigger, type, place and date, and takes the actors, places and figures only
    the headline names (``unnamed``: an armed group told by no name, "gunmen", agrees with
    any actor). The lead is running text, its paragraph ended by a period: a line with none
    after the first is another note of one line. ``qualifiers``: the words by which a place's
    name names the place ("Indian Kashmir" over "... in Kashmir": :meth:`Places.qualifies`)."""
    if not events:
        return events
    doc = events[0].sentence.doc
    end = headline_end(doc)
    if end is None:
        return events
    text = columns.doc_text(doc)
    paragraphs = _opening_paragraphs(text, end)
    if not paragraphs:
        return events
    # the headline's sentences end with its line (the line break after it is their space)
    headline = [
        e for e in events
        if e.event_class != "statement"
        and e.sentence.start_char + len(text[e.sentence.start_char : e.sentence.end_char].rstrip())
        <= end
    ]  # fmt: skip
    # the lead's events first, then those of the paragraph after it
    body = [
        e for start, stop in paragraphs for e in events if start <= e.sentence.start_char < stop
    ]
    named = {f.key for f in mentions.found if f.kind == "place" and doc[f.start].idx < end}
    place = Places(mentions, named, doc, qualifiers)
    dropped: set[int] = set()
    # a second clause with its own subject tells a second happening, which the story may
    # tell further down ("..., rebels seize town" over a fourth paragraph's capture)
    later = [e for e in events if e.sentence.start_char >= paragraphs[-1][1]]
    lead = {id(e) for e in body}  # a headline naming no side is only the lead's
    for h in headline:
        _own_sides(h)
        told = [*body, *later] if second_clause(h.trigger[0]) is not None else body
        host = next(
            (e for e in told if retells(h, e, unnamed, place, killing, id(e) in lead)), None
        )
        if host is not None:
            h.places = place.own(h)  # "..., army strikes back": not the first clause's places
            _vaguer_doers(h, host, unnamed)
            merge_told_twice(host, h)
            dropped.add(id(h))
    return [e for e in events if id(e) not in dropped]


def _own_sides(headline: Draft) -> None:
    """Drop the headline event's agents and targets that only another story of the headline
    names (``story_of``)."""
    sentence = headline.trigger.sent
    story = story_of(headline)
    if len(story) == len(sentence):
        return

    def other(key: str) -> bool:
        found = headline.role_mentions.get(key, [])
        inside = [f for f in found if sentence.start <= f.start < sentence.end]
        return (
            bool(inside) and len(inside) == len(found) and all(f.start not in story for f in inside)
        )

    for key in [k for k in (*headline.agents, *headline.targets) if other(k)]:
        headline.agents = [k for k in headline.agents if k != key]
        headline.targets = [k for k in headline.targets if k != key]
        headline.role_mentions.pop(key, None)


def _vaguer_doers(headline: Draft, host: Draft, unnamed: Callable[[str], bool]) -> None:
    """ "Gunmen abduct students" over "Armed bandits ... kidnapped 120 students": the
    headline's doers told by no name are the host's, told by a vaguer word; they do not join
    them."""
    if not host.agents:
        return
    vague = {a for a in headline.agents if unnamed(a) and a not in host.agents}
    headline.agents = [a for a in headline.agents if a not in vague]
    for key in vague:
        headline.role_mentions.pop(key, None)


def _opening_paragraphs(text: str, end: int) -> list[tuple[int, int]]:
    """The character spans of the body's first paragraphs after a headline ending at
    ``end`` (the lead, and the one after it: a lead may open with the reaction or the
    setting, "Residents fled ...", and the next paragraph tell the headline's happening),
    as long as each is running text, ended by a period."""
    out: list[tuple[int, int]] = []
    start = end
    for _ in range(_PARAGRAPHS):
        start = len(text) - len(text[start:].lstrip())
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
        if start >= stop or text[start:stop].rstrip().rstrip(_QUOTES)[-1:] not in _ENDS:
            break
        out.append((start, stop))
        start = stop
    return out
