"""Resolve the date expressions of news text to calendar dates.

Absolute dates ("22 February 2020", "Feb. 22", "2020-02-22", "22/02/2020", "in March 2021")
resolve on their own (a missing year comes from the reference date; a weekday named with it
can move it, "on Sunday 13 February"). Relative ones ("Saturday", "yesterday", "a day
earlier", "late last month") resolve against a reference: the article's publication date, or
the date of the event they are relative to. What cannot be resolved keeps its words and no
date; nothing is guessed from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from kg.extract.alternation import by_first_letter
from kg.extract.numbers import parse_number
from kg.model import DatePrecision

MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}  # fmt: skip
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
# the names grouped by first letter (kg/extract/alternation.py): the same matches, faster
_MONTH = r"(?P<month>" + by_first_letter(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
# "Tuesday 5 March", "Tuesday, March 5", "Sunday night [13 February]", "Monday (July 21st)"
_WEEKDAY = (
    r"(?:(?P<weekday>" + by_first_letter(WEEKDAYS) + r")"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*,?\s*[\[(]?\s*)?"
)
# Lookaheads for the first letter a match can start with (a weekday's, a month's, a digit):
# the same matches, found twice as fast, as most words are then rejected at their first letter
_WD = "(?=[" + "".join(sorted({d[0] for d in WEEKDAYS})) + r"\d])"
_WM = "(?=[" + "".join(sorted({n[0] for n in [*WEEKDAYS, *MONTHS]})) + "])"
_M = "(?=[" + "".join(sorted({n[0] for n in MONTHS})) + "])"
_ABSOLUTE = [
    re.compile(rf"\b{_WD}{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(rf"\b{_WM}{_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
    # day first ("23/03/2017", "20/12/08"), unless the day cannot be a month ("12/23/2017")
    re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)?\d{2})\b"),
]
_DIGIT = re.compile(r"\d")
_DIGIT_DASH = re.compile(r"\d-\d")
_DIGIT_SLASH = re.compile(r"\d/\d")
_WORD = re.compile(r"\w")  # what ``\b`` tells from the rest
_MONTH_NAME = re.compile(by_first_letter(MONTHS), re.I)  # ``_MONTH`` anywhere: a quick no
_WEEKDAY_YEARS = 30  # how far back a weekday may move a yearless date
_MONTH_YEAR = re.compile(rf"\b{_M}{_MONTH}\s+{_YEAR}\b", re.I)
_MONTH_ONLY = re.compile(rf"^(?:(?:early|late|mid|end of|beginning of|in)\s+)*{_MONTH}$", re.I)
# "last August", "late last August": the latest such month before the reference's
_LAST_MONTH = re.compile(
    rf"^(?:(?:early|late|mid|end of|beginning of|in|since)\s+)*last\s+{_MONTH}$", re.I
)
_OFFSET = re.compile(
    r"\b(?P<n>[\w.,-]+(?:\s+[\w-]+)?)\s+(?P<unit>day|days|week|weeks|month|months)\s+"
    r"(?P<dir>earlier|before|ago|later|after)\b",
    re.I,
)

# days told from the day the story was telling of: "the following day", "that evening", "the
# same day" (with ``_OFFSET``'s "two days later", not "ago")
_STORY_DAY = re.compile(
    r"\b(?:the\s+(?:day\s+before|previous\s+day|day\s+earlier|next\s+day|following\s+day"
    r"|day\s+after|same\s+day)|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night))\b",
    re.I,
)
_SAME_DAY = re.compile(
    r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night))\b", re.I
)

# each weekday's name as a word, compiled once (``_relative`` tries them in turn)
_WEEKDAY_WORDS = tuple((re.compile(rf"\b{name}\b"), index) for name, index in WEEKDAYS.items())


@dataclass(frozen=True, slots=True)
class Resolved:
    date: dt.date
    precision: DatePrecision


def find_absolute(text: str) -> list[tuple[int, int]]:
    """Character spans of the absolute dates in a text ("28 Apr 2020", "February 22, 2020"),
    for where the model's entity recogniser cuts them short."""
    return _kept(absolute_matches(text).spans)


class AbsoluteMatches:
    """The matches of the absolute-date patterns in a text, pattern by pattern (``spans``),
    indexed by their starts: a sentence's are found by bisecting, not by a scan of the whole
    document's for each sentence (which made a long article's cost grow with its square)."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        self.spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i])
        self._starts = [spans[i][0] for i in self._order]
        self._ends = {end for _, end in spans}
        self._longest = max((end - start for start, end in spans), default=0)

    def across(self, at: int) -> bool:
        """Whether a match runs across the offset ``at`` (starts before it, ends after)."""
        low = bisect_left(self._starts, at - self._longest)
        high = bisect_left(self._starts, at)
        return any(self.spans[self._order[k]][1] > at for k in range(low, high))

    def ends_at(self, at: int) -> bool:
        return at in self._ends

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The matches inside ``start``-``end``, in pattern order."""
        low, high = bisect_left(self._starts, start), bisect_right(self._starts, end)
        picked = sorted(k for k in self._order[low:high] if self.spans[k][1] <= end)
        return [self.spans[k] for k in picked]


def absolute_matches(text: str) -> AbsoluteMatches:
    """Every match of the absolute-date patterns in ``text``, pattern by pattern, overlapping
    ones kept: what ``find_absolute`` chooses from, found once for a whole document."""
    if _DIGIT.search(text) is None:
        return AbsoluteMatches(())  # each pattern holds a digit (half the sentences have none)
    month = _MONTH_NAME.search(text) is not None
    # what else each pattern must find: a month's name, a digit then "-" or "/" then a digit
    # (skipped, they find nothing; "-" and "/" alone are in many texts without such dates)
    dashed = "-" in text and _DIGIT_DASH.search(text) is not None
    slashed = "/" in text and _DIGIT_SLASH.search(text) is not None
    return AbsoluteMatches(
        tuple(
            m.span()
            for pattern, needed in zip(
                (*_ABSOLUTE, _MONTH_YEAR), (month, month, dashed, slashed, month), strict=True
            )
            if needed
            for m in pattern.finditer(text)
        )
    )


def find_absolute_in(
    text: str, matches: AbsoluteMatches, start: int, end: int
) -> list[tuple[int, int]]:
    """``find_absolute(text[start:end])``, offsets in ``text``, chosen from ``matches``
    (``absolute_matches(text)``). Inside a part of the text the patterns match as in the
    whole, as all they see outside a match is whether a word goes on across its ends: the part
    is searched again where a match runs across an end of the part, where a word goes on
    across its start, or where its end is followed by a word and ends a word or a match (a
    paragraph's last sentence ends with its line breaks, followed by the next one's words)."""
    across = matches.across(start) or matches.across(end)
    joined_start = start > 0 and _WORD.match(text, start - 1) is not None
    joined_end = (
        end < len(text)
        and _WORD.match(text, end) is not None
        and (_WORD.match(text, end - 1) is not None or matches.ends_at(end))
    )
    if across or joined_start or joined_end:
        return [(start + a, start + b) for a, b in find_absolute(text[start:end])]
    return _kept(matches.within(start, end))


def _kept(matches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matches, in order, that overlap none kept before them, sorted."""
    spans: list[tuple[int, int]] = []
    for start, end in matches:
        if not any(a < end and start < b for a, b in spans):
            spans.append((start, end))
    return sorted(spans)


def is_relative_to_event(text: str) -> bool:
    """True for expressions relative to another event ("a day earlier"), not to publication."""
    return bool(_OFFSET.search(text)) and not re.search(r"\bago\b", text, re.I)


def is_story_relative(text: str) -> bool:
    """True for days told from the day the story was telling of ("the following day", "two
    days later", "that evening"), not from the publication date ("yesterday", "Sunday")."""
    return _STORY_DAY.search(text) is not None or is_relative_to_event(text)


def find_story_days(text: str) -> list[tuple[int, int]]:
    """Character spans of the days told from the story's day ("the following day", "that
    evening", not "two days later"), which the model often leaves out of its dates."""
    return [m.span() for m in _STORY_DAY.finditer(text)]


def is_story_before(text: str) -> bool:
    """True for a day told back from the story's day: "the day before", "two days earlier"."""
    m = _OFFSET.search(text)
    if m is not None and m.group("dir").lower() in ("earlier", "before"):
        return True
    return (
        re.search(r"\bthe\s+(?:day\s+before|previous\s+day|day\s+earlier)\b", text, re.I)
        is not None
    )


def is_same_day(text: str) -> bool:
    """True for the day the story was telling of itself: "that evening", "the same day"."""
    return _SAME_DAY.search(text) is not None


def resolve(text: str, reference: dt.date | None) -> Resolved | None:
    """The date ``text`` denotes, given the date it is relative to (None: absolute only)."""
    t = " ".join(text.lower().split())
    found = _absolute(t, reference)
    if found is not None or reference is None:
        return found
    return _relative(t, reference)


def _absolute(t: str, reference: dt.date | None) -> Resolved | None:
    for pattern in _ABSOLUTE:
        m = pattern.search(t)
        if m is None:
            continue
        month = m.group("month")
        month_no = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        year, day = m.group("year"), int(m.group("day"))
        if year is None:
            if reference is None:
                return None
            year_no = _year_of_day(reference, month_no, day)
            weekday = m.groupdict().get("weekday")
            if weekday is not None:
                year_no = _year_of_weekday(year_no, month_no, day, WEEKDAYS[weekday.lower()])
        else:
            year_no = int(year) if len(year) == 4 else _century(int(year))
        if month_no > 12 >= day:
            month_no, day = day, month_no
        try:
            return Resolved(dt.date(year_no, month_no, day), DatePrecision.DAY)
        except ValueError:
            return None
    m = _MONTH_YEAR.search(t)
    if m is not None:
        month_no = MONTHS[m.group("month").lower().rstrip(".")]
        return Resolved(_in_month(int(m.group("year")), month_no, t), DatePrecision.MONTH)
    m = _MONTH_ONLY.match(t)
    if m is not None and reference is not None:
        month_no = MONTHS[m.group("month").lower().rstrip(".")]
        return Resolved(
            _in_month(_year_near(reference, month_no), month_no, t), DatePrecision.MONTH
        )
    return None


def _relative(t: str, ref: dt.date) -> Resolved | None:
    day = DatePrecision.DAY
    for weekday, index in _WEEKDAY_WORDS:
        if weekday.search(t):
            back = (ref.weekday() - index) % 7
            if re.search(r"\b(next|coming)\b", t):
                return Resolved(ref + dt.timedelta(days=(index - ref.weekday()) % 7 or 7), day)
            if re.search(r"\blast\b", t) and back == 0:
                back = 7
            return Resolved(ref - dt.timedelta(days=back), day)
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", t) or (
        _SAME_DAY.search(t) is not None
    ):
        return Resolved(ref, day)
    if re.search(r"\b(yesterday|last night)\b", t):
        return Resolved(ref - dt.timedelta(days=1), day)
    if re.search(r"\btomorrow\b", t):
        return Resolved(ref + dt.timedelta(days=1), day)
    if re.search(r"\b(the day before|the previous day|the day earlier)\b", t):
        return Resolved(ref - dt.timedelta(days=1), day)
    if re.search(r"\b(the next day|the following day|the day after)\b", t):
        return Resolved(ref + dt.timedelta(days=1), day)
    m = _OFFSET.search(t)
    if m is not None:
        n = 1 if m.group("n") in ("a", "an", "one", "just a") else parse_number(m.group("n"))
        if n is None:
            return None
        unit = m.group("unit").rstrip("s")
        sign = -1 if m.group("dir") in ("earlier", "before", "ago") else 1
        if unit == "day":
            return Resolved(ref + dt.timedelta(days=sign * n), day)
        if unit == "week":
            return Resolved(ref + dt.timedelta(weeks=sign * n), DatePrecision.WEEK)
        return Resolved(_in_month(*_add_months(ref, sign * n), t), DatePrecision.MONTH)
    if re.search(r"\b(last|past|previous) week\b", t):
        return Resolved(ref - dt.timedelta(days=7), DatePrecision.WEEK)
    if re.search(r"\bthis week\b", t):
        return Resolved(ref, DatePrecision.WEEK)
    if re.search(r"\b(last|past|previous) month\b", t):
        return Resolved(_in_month(*_add_months(ref, -1), t), DatePrecision.MONTH)
    if re.search(r"\bthis month\b", t):
        return Resolved(_in_month(ref.year, ref.month, t), DatePrecision.MONTH)
    m = _LAST_MONTH.match(t)
    if m is not None:  # "last August" told in March: the August before
        month_no = MONTHS[m.group("month").lower().rstrip(".")]
        year = ref.year if month_no < ref.month else ref.year - 1
        return Resolved(_in_month(year, month_no, t), DatePrecision.MONTH)
    return None


def _year_near(reference: dt.date, month: int) -> int:
    """The year of a month named without one: the latest such month not after the reference."""
    return reference.year - 1 if month > reference.month + 1 else reference.year


def _year_of_day(reference: dt.date, month: int, day: int) -> int:
    """The year of a day named without one: the latest such day not after the reference."""
    if (month, day) > (reference.month, reference.day):
        return reference.year - 1
    return reference.year


def _century(year: int) -> int:
    """A two-digit year ("08") in the century that puts it nearest: 1950-2049."""
    return 2000 + year if year < 50 else 1900 + year


def _year_of_weekday(year: int, month: int, day: int, weekday: int) -> int:
    """The year a day named with its weekday ("Sunday 13 February") falls in: the one the
    reference gives if the weekday agrees, else the nearest earlier year where it does (within
    30), as a reader dates a note written long after the event."""
    for candidate in range(year, year - _WEEKDAY_YEARS, -1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return year


def _add_months(ref: dt.date, months: int) -> tuple[int, int]:
    index = ref.year * 12 + ref.month - 1 + months
    return index // 12, index % 12 + 1


def _in_month(year: int, month: int, t: str) -> dt.date:
    """A day that stands for "early", "mid", "late" or the whole of a month."""
    if re.search(r"\b(early|beginning)\b", t):
        day = 5
    elif re.search(r"\b(late|end)\b", t):
        day = 25
    else:
        day = 15
    return dt.date(year, month, day)
