import datetime as dt

import pytest

from kg.extract.dates import (
    Resolved,
    find_story_days,
    is_relative_to_event,
    is_story_relative,
    resolve,
)
from kg.model import DatePrecision

SUNDAY = dt.date(2014, 9, 28)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("Saturday", dt.date(2014, 9, 27), DatePrecision.DAY),
        ("Sunday", SUNDAY, DatePrecision.DAY),
        ("last Sunday", dt.date(2014, 9, 21), DatePrecision.DAY),
        ("yesterday", dt.date(2014, 9, 27), DatePrecision.DAY),
        ("a day earlier", dt.date(2014, 9, 27), DatePrecision.DAY),
        ("two days ago", dt.date(2014, 9, 26), DatePrecision.DAY),
        ("late last month", dt.date(2014, 8, 25), DatePrecision.MONTH),
        ("early this month", dt.date(2014, 9, 5), DatePrecision.MONTH),
        ("last week", dt.date(2014, 9, 21), DatePrecision.WEEK),
        ("22 February 2020", dt.date(2020, 2, 22), DatePrecision.DAY),
        ("February 22, 2020", dt.date(2020, 2, 22), DatePrecision.DAY),
        ("Feb. 22", dt.date(2014, 2, 22), DatePrecision.DAY),
        ("December 3", dt.date(2013, 12, 3), DatePrecision.DAY),
        ("2020-02-22", dt.date(2020, 2, 22), DatePrecision.DAY),
        ("in March 2021", dt.date(2021, 3, 15), DatePrecision.MONTH),
        # a month named "last": the latest before the reference's month
        ("last August", dt.date(2014, 8, 15), DatePrecision.MONTH),
        ("last September", dt.date(2013, 9, 15), DatePrecision.MONTH),
        ("late last November", dt.date(2013, 11, 25), DatePrecision.MONTH),
    ],
)
def test_resolves_against_the_reference(text: str, date: dt.date, precision: DatePrecision) -> None:
    resolved = resolve(text, SUNDAY)
    assert resolved is not None
    assert (resolved.date, resolved.precision) == (date, precision)


@pytest.mark.parametrize("text", ["Saturday", "a day earlier", "late last month", "Feb. 22"])
def test_relative_dates_without_reference_stay_unresolved(text: str) -> None:
    assert resolve(text, None) is None


def test_absolute_dates_need_no_reference() -> None:
    resolved = resolve("On 1 February 2020", None)
    assert resolved is not None and resolved.date == dt.date(2020, 2, 1)


def test_offsets_are_relative_to_an_event_not_to_publication() -> None:
    assert is_relative_to_event("a day earlier")
    assert not is_relative_to_event("two days ago")
    assert not is_relative_to_event("Saturday")


def test_absolute_dates_are_found_in_text() -> None:
    from kg.extract.dates import find_absolute

    text = "On 28 Apr 2020, workers protested; on February 22, 2020 and in March 2021 too."
    assert [text[a:b] for a, b in find_absolute(text)] == [
        "28 Apr 2020",
        "February 22, 2020",
        "March 2021",
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On Sunday night [13 February]", dt.date(2011, 2, 13)),
        ("Tuesday, March 5", dt.date(2019, 3, 5)),  # the reference's year agrees
        ("Monday (July 21st)", dt.date(2014, 7, 21)),
        ("Friday 29 February", dt.date(2008, 2, 29)),
        ("Sunday 13 February 2019", dt.date(2019, 2, 13)),  # a stated year stands
    ],
)
def test_a_weekday_gives_the_year_of_a_yearless_date(text: str, date: dt.date) -> None:
    resolved = resolve(text, dt.date(2019, 11, 18))
    assert resolved is not None and resolved.date == date


def test_a_weekday_is_part_of_the_date_found_in_text() -> None:
    from kg.extract.dates import find_absolute

    text = "Police fired tear gas on Monday [5 June] and on Tuesday, 6 June."
    assert [text[a:b] for a, b in find_absolute(text)] == ["Monday [5 June", "Tuesday, 6 June"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("on 23/03/2017 in the town", dt.date(2017, 3, 23)),
        ("on 5/6/2020", dt.date(2020, 6, 5)),  # day first
        ("on 12/23/2017", dt.date(2017, 12, 23)),  # unless the day cannot be a month
        ("killed on 20/12/08.", dt.date(2008, 12, 20)),
    ],
)
def test_numeric_dates_resolve_day_first(text: str, date: dt.date) -> None:
    resolved = resolve(text, None)
    assert resolved is not None and resolved.date == date


@pytest.mark.parametrize("text", ["24/7", "1/2/3", "a 3/4 majority"])
def test_fractions_are_no_dates(text: str) -> None:
    assert resolve(text, None) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On 20 June", dt.date(2019, 6, 20)),
        ("On 29 June", dt.date(2018, 6, 29)),  # after the reference: the year before
        ("On July 3rd", dt.date(2018, 7, 3)),
    ],
)
def test_a_yearless_day_is_the_last_one_not_after_the_reference(text: str, date: dt.date) -> None:
    resolved = resolve(text, dt.date(2019, 6, 25))
    assert resolved is not None and resolved.date == date


def test_the_first_letter_lookaheads_change_no_match() -> None:
    """The absolute-date patterns find what they would find without their lookaheads."""
    import re

    from kg.extract import dates

    texts = [
        "On Monday 5 March 2020, and on TUESDAY, MARCH 5; Sunday night [13 February].",
        "Monday (July 21st) 2019-02-03 23/03/2017 in March 2021 the 3rd of May, 12/23/2017.",
        "may 2 he said; Sept. 4, 2020; dec 31 1999 - FRIDAY 1 JAN - \u017fept 2 - 4 Oct",
        "5 \u0663 March, \u0663\u0664 April: Arabic-Indic digits; wed 3 jun; xmarch 2020",
    ]
    lookaheads = (dates._WD, dates._WM, dates._M)
    for pattern in [*dates._ABSOLUTE, dates._MONTH_YEAR]:
        plain = pattern.pattern
        for lookahead in lookaheads:
            plain = plain.replace(lookahead, "")
        without = re.compile(plain, pattern.flags)
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in without.finditer(text)]
    assert dates.find_absolute(texts[0]) == [(3, 22), (31, 47), (49, 74)]


def test_the_quick_checks_skip_only_patterns_that_find_nothing() -> None:
    from kg.extract import dates

    def every_pattern(text: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for pattern in (*dates._ABSOLUTE, dates._MONTH_YEAR):
            for m in pattern.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    spans.append((m.start(), m.end()))
        return sorted(spans)

    texts = [
        "No date here.",
        "Clashes on 2020-03-04 and on 23/03/2017 left 3 dead.",
        "On Sunday, March 5, 2017 and on 6 SEPT 2018; in June 2019, 12 June.",
        "Killed 5 people in May.",
        "Dec. 3 2019 - 2019-12-04/05",
    ]
    texts += [
        "may 2 he said; Sept. 4, 2020; dec 31 1999 - FRIDAY 1 JAN - \u017fept 2 - 4 Oct",
        "5 \u0663 March, \u0663\u0664 April: Arabic-Indic digits; wed 3 jun; xmarch 2020",
    ]
    for text in texts:
        assert dates.find_absolute(text) == every_pattern(text), text
    assert dates.find_absolute(texts[1]) == [(11, 21), (29, 39)]


def test_a_parts_dates_are_those_found_in_the_part_alone() -> None:
    """The patterns run once on a whole text; each part's dates (a sentence's) are chosen from
    those matches, as if the part had been searched alone: on every part of texts where
    matches run across a part's ends, words go on across them, a part ends after line breaks
    followed by a word, or a date ends with its month's full stop before a word."""
    from kg.extract import dates

    texts = [
        "Clashes on 5 March 2020.\n\nOn 6 March, 2021-02-03 and 4/5/20 saw 7 Jan. more.",
        "Monday 5 June\n\n12 June 2019 x3 Mar 2020y 2020-01-0212 Sept. 4, 2020 8 Jan.X 5 Jan.",
        "On Sunday night [13 February 2022]\n\nMay 2 and 3rd of May 2019/20/12/2019 4 Oct",
    ]
    for text in texts:
        matches = dates.absolute_matches(text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                alone = dates.find_absolute(text[start:end])
                got = dates.find_absolute_in(text, matches, start, end)
                assert got == [(start + a, start + b) for a, b in alone], (start, end)
    assert dates.find_absolute_in(texts[0], dates.absolute_matches(texts[0]), 0, 24) == [(11, 23)]


def test_the_matches_index_answers_as_a_scan() -> None:
    # AbsoluteMatches finds a part's matches by bisecting: the same as a scan of them all,
    # in the patterns' order, overlapping and repeated spans included
    import random

    from kg.extract import dates

    rng = random.Random(11)
    for _ in range(200):
        spans = tuple(
            (a, a + rng.randint(1, 20))
            for a in (rng.randrange(100) for _ in range(rng.randint(0, 9)))
        )
        matches = dates.AbsoluteMatches(spans)
        for start in range(0, 125, 5):
            assert matches.across(start) == any(a < start < b for a, b in spans)
            assert matches.ends_at(start) == any(b == start for _, b in spans)
            for end in range(start, 130, 7):
                expected = [(a, b) for a, b in spans if start <= a and b <= end]
                assert matches.within(start, end) == expected


def test_the_weekday_patterns_are_compiled_once_in_weekday_order() -> None:
    from kg.extract.dates import _WEEKDAY_WORDS, WEEKDAYS

    assert [index for _, index in _WEEKDAY_WORDS] == list(WEEKDAYS.values()) == list(range(7))
    assert _WEEKDAY_WORDS[4][0].search("on friday night") and not _WEEKDAY_WORDS[4][0].search(
        "fridays"
    )


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("the following day", True),
        ("the day before", True),
        ("two days later", True),
        ("that evening", True),
        ("the same day", True),
        ("yesterday", False),
        ("two days ago", False),
        ("Sunday", False),
        ("3 May", False),
    ],
)
def test_a_day_told_from_the_storys_day(text: str, story: bool) -> None:
    assert is_story_relative(text) is story


@pytest.mark.parametrize("text", ["that evening", "the same day", "later that day"])
def test_the_same_day_is_the_reference(text: str) -> None:
    assert resolve(text, SUNDAY) == Resolved(SUNDAY, DatePrecision.DAY)


def test_the_story_days_are_found_where_the_model_misses_them() -> None:
    text = "The following day, rebels struck again; that evening police arrived."
    assert [text[a:b] for a, b in find_story_days(text)] == ["The following day", "that evening"]
