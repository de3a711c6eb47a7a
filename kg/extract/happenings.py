"""Where an article turns from one happening to another: a news article tells several, and
what one sentence tells refines the event of the sentence before only while it goes on about
the same happening. A sentence opens another one when it says so ("Separately, ...", "In
another incident, ...") or names a day other than the one the article was telling of
("Gunmen attacked a village on Sunday. The army killed 30 bandits on Monday.")."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from kg.extract import columns, dates
from kg.extract.date_spans import sentence_dates
from kg.extract.lexicon import Lexicon
from kg.model import DatePrecision

__all__ = ["Happenings"]

_ANY_DAY = dt.date(2001, 6, 15)  # to compare the days sentences name, never a date
_PAST = re.compile(r"\b(?:last|ago|previous|past)\b", re.IGNORECASE)  # told from today
_PAST_PERIOD = dt.timedelta(days=7)  # "last week" lies a week or more before the day of reference


class Happenings:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.openers = tuple(
            sorted(lexicon.word_set("events", "another_happening_openers"), key=len, reverse=True)
        )
        self._key = f"kg.happenings.{id(self)}"

    def breaks(self, doc: Doc) -> frozenset[int]:
        """The starts of the sentences that open another happening than the one before them,
        found once per Doc."""
        return columns.memo(doc, self._key, lambda: self._breaks(doc))

    def continues(self, doc: Doc, first: int, later: int) -> bool:
        """Whether the sentence of token ``later`` tells of the same happening as that of token
        ``first``: no sentence between them, nor ``later``'s own, opens another."""
        starts = columns.sentence_starts(doc)
        low, high = sorted((starts[first], starts[later]))
        return not any(low < s <= high for s in self.breaks(doc))

    def stretch(self, doc: Doc, i: int) -> tuple[int, int]:
        """The tokens (start, end) of the sentences telling the happening of token ``i``."""
        start = columns.sentence_starts(doc)[i]
        breaks = self.breaks(doc)
        first = max((s for s in breaks if s <= start), default=0)
        end = min((s for s in breaks if s > start), default=len(doc))
        return first, end

    def _breaks(self, doc: Doc) -> frozenset[int]:
        found = []
        day: dt.date | None = None  # the day the article was telling of
        for n, (start, end) in enumerate(columns.sentence_bounds(doc)):
            days, earlier = _days(doc, start, end)
            other_day = day is not None and bool(days) and day not in days
            # "Protesters rallied on Tuesday. She died in custody last week": a past week or
            # month, no day of it, after a day told is another happening
            other_day = other_day or (day is not None and not days and earlier)
            if n and (self._opens_another(doc, start, end) or other_day):
                found.append(start)
            if days:
                day = days[0]
        return frozenset(found)

    def _opens_another(self, doc: Doc, start: int, end: int) -> bool:
        lower = columns.lowers(doc)
        while start < end and doc[start].is_punct:
            start += 1  # an opening quote
        opening = " ".join(lower[start : min(end, start + 4)])
        return any(opening == o or opening.startswith(o + " ") for o in self.openers)


def _days(doc: Doc, start: int, end: int) -> tuple[list[dt.date], bool]:
    """The days the sentence names ("on Sunday", "3 May"), in its order, and whether it names
    a past week or month before the current one ("last week", "two weeks ago", "last month";
    not "this week")."""
    out = []
    earlier = False
    for span in sentence_dates(doc, start, end):
        text = columns.text(span)
        if dates.is_relative_to_event(text):
            continue
        resolved = dates.resolve(text, _ANY_DAY)
        if resolved is None:
            continue
        if resolved.precision == DatePrecision.DAY:
            out.append(resolved.date)
        elif _PAST.search(text) and _ANY_DAY - resolved.date >= _PAST_PERIOD:
            earlier = True  # "last week", not "in March": a month named resolves anywhere
    return out, earlier
