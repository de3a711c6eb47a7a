"""Dates that open a sentence and set the whole of it: "Today, ...", "On 3 May, ...", and a day
told after the place the sentence opens on ("In Turbat on Sunday, ...", "In the northern city of
Gulu on Friday, ..."), whatever the parse hangs them on."""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["opens"]

_DAY_PARTS = frozenset({"night", "morning", "afternoon", "evening", "dawn"})
# the prepositions that open a sentence on its place, and the words a place's phrase is made of
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near"})
_PLACE_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "ADP", "PART", "NUM"})
_LONGEST_PLACE = 8  # words of the opening place's phrase, its preposition included


def opens(date: Span, sent: Span) -> bool:
    """Whether ``date`` opens ``sent`` and a comma sets it apart: "Today, ...", "On 3 May,
    ...", "In Turbat on Sunday, ..." (a setting of the whole sentence)."""
    doc = sent.doc
    first = sent.start
    while first < date.start and doc[first].is_punct:
        first += 1  # an opening quote
    after_preposition = date.start == first + 1 and doc[first].pos_ == "ADP"
    if date.start != first and not after_preposition and not _after_place(doc, first, date.start):
        return False
    end = date.end
    while end < sent.end and doc[end].lower_ in _DAY_PARTS:
        end += 1  # "On Tuesday night, ...": the model's date may leave out the part of the day
    return end < sent.end and doc[end].text == ","


def _after_place(doc: Doc, first: int, start: int) -> bool:
    """Whether the words from ``first`` to the date at ``start`` are the place the sentence
    opens on, then "on": "In Turbat on | Sunday", "At a market in Mosul on | Monday night"."""
    if start - first > _LONGEST_PLACE or start - first < 3:
        return False
    if doc[first].lower_ not in _PLACE_PREPOSITIONS or doc[start - 1].lower_ != "on":
        return False
    words = doc[first + 1 : start - 1]
    return all(t.pos_ in _PLACE_WORDS for t in words) and any(t.pos_ == "PROPN" for t in words)
