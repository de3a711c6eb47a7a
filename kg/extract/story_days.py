"""The days a story tells, in its order: what "the following day", "two days later" and "that
evening" count from. A story telling "On 6 May, troops stormed the camp. They fought off a
counterattack the following day" means 7 May, not the day after its publication: such words
count from the last day told before them ("6 May", "on Sunday", "yesterday", or a day itself
told so, "the following day" of it), and only with none told before from the article's
dates as before (``kg.extract.timing.when``)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from spacy.tokens import Doc

from kg.extract import columns, dates
from kg.extract.date_spans import date_spans
from kg.extract.datelines import find_dateline
from kg.model import DatePrecision

__all__ = ["ToldDays", "told_days"]


class ToldDays:
    """The day-level dates told in a document, by the token each starts at."""

    def __init__(self, told: list[tuple[int, dt.date]]) -> None:
        self._starts = [start for start, _ in told]
        self._days = [day for _, day in told]

    def before(self, i: int) -> dt.date | None:
        """The last day told before token ``i`` (None: none told)."""
        k = bisect_left(self._starts, i)
        return self._days[k - 1] if k else None


def told_days(doc: Doc, published: dt.date | None) -> ToldDays:
    """The days told in ``doc``, a dateline's aside (the day the story was filed), each
    resolved from the publication date or, told from the story's day, from the day told last
    before it; one found once a Doc."""
    return columns.memo(doc, f"kg.told_days.{published}", lambda: _told(doc, published))


def _told(doc: Doc, published: dt.date | None) -> ToldDays:
    dateline = find_dateline(columns.doc_text(doc))
    lead = dateline.lead if dateline is not None else 0
    told: list[tuple[int, dt.date]] = []
    for span in date_spans(doc):
        if span.start_char < lead:
            continue
        text = columns.text(span)
        last = told[-1][1] if told else None
        relative = dates.is_story_relative(text)
        if relative and last is None:
            continue  # counted from no day the story told: no day to count from
        resolved = dates.resolve(text, last if relative else published)
        if resolved is not None and resolved.precision == DatePrecision.DAY:
            told.append((span.start, resolved.date))
    return ToldDays(told)
