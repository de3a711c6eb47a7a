"""The date expressions of a text or a sentence: absolute dates found in the text (the model
often cuts them short), the days a story tells from its own ("the following day"), and the
model's DATE entities, with the TIME ones that name their day ("on Monday night")."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Span

from kg.extract import columns, dates
from kg.extract.char_spans import char_span
from kg.extract.spans import doc_ents, ents_in

__all__ = ["date_spans", "is_point", "sentence_dates"]

_ANY_DAY = dt.date(2001, 6, 15)  # to tell a point in time from a length of it, never a date


def date_spans(span: Doc | Span) -> list[Span]:
    """Date expressions: absolute dates found in the text (the model often cuts them short:
    "2 | February 2020", "28 Apr | 2020"), then the model's other DATE entities."""
    doc = span.doc if isinstance(span, Span) else span
    out: list[Span] = []
    text = columns.doc_text(doc)
    # the patterns run once on the whole text, a sentence's dates taken from there
    matches = columns.memo(doc, "absolute_dates", lambda: dates.absolute_matches(text))
    if not isinstance(span, Span):
        first, last = 0, len(text)
    elif len(span):
        first, last = columns.char_offsets(doc, span.start, span.end)
    else:
        first, last = 0, 0
    for start, end in dates.find_absolute_in(text, matches, first, last):
        found = char_span(doc, start, end)
        if found is not None:
            out.append(found)
    taken = {i for s in out for i in range(s.start, s.end)}
    # "the following day", "that evening": where the model reads no date, or only "The day"
    story = columns.memo(doc, "story_days", lambda: dates.find_story_days(text))
    for start, end in story:
        found = char_span(doc, start, end) if first <= start and end <= last else None
        if found is not None and not any(i in taken for i in range(found.start, found.end)):
            out.append(found)
            taken.update(range(found.start, found.end))
    for ent in ents_in(span) if isinstance(span, Span) else doc_ents(span):
        if ((ent.label_ == "DATE" and not _place_read_as_date(ent)) or _day_told(ent)) and not any(
            i in taken for i in range(ent.start, ent.end)
        ):
            out.append(ent)
    return sorted(out, key=lambda s: s.start)


def sentence_dates(doc: Doc, start: int, end: int) -> list[Span]:
    """``date_spans(doc[start:end])`` of a sentence, found once a Doc (kept as offsets and
    labels: the happenings' breaks read every sentence's days, the events those of each
    sentence that tells one)."""
    kept: dict[tuple[int, int], tuple[tuple[int, int, int], ...]]
    kept = columns.memo(doc, "sentence_dates", dict)
    found = kept.get((start, end))
    if found is None:
        spans = date_spans(doc[start:end])
        kept[start, end] = tuple((s.start, s.end, s.label) for s in spans)
        return spans
    return [Span(doc, s, e, label=label) for s, e, label in found]


def _day_told(ent: Span) -> bool:
    """A TIME entity that names its day: the model reads "on Monday night" and "last night"
    as one TIME, no DATE (an hour, "at 9 a.m.", names none)."""
    return ent.label_ == "TIME" and is_point(columns.text(ent))


def _place_read_as_date(ent: Span) -> bool:
    """A DATE of proper nouns that names no day: a place the model joined to the day after it
    ("In Turbat | on Sunday, ..."), no date."""
    return all(t.pos_ == "PROPN" for t in ent) and not is_point(columns.text(ent))


def is_point(text: str) -> bool:
    """A point in time, dated once a reference is known ("Saturday", "22 February")."""
    return dates.resolve(text, _ANY_DAY) is not None
