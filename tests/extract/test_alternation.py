"""Alternations grouped by first letter match as the flat alternation does."""

from __future__ import annotations

import re

from kg.extract import dates
from kg.extract.alternation import by_first_letter


def test_the_names_are_grouped_by_first_letter_in_their_order() -> None:
    assert by_first_letter(["june", "jan", "feb", "j.u"]) == r"(?:f(?:eb)|j(?:une|an|\.u))"
    # "s" and the long s match each other ignoring case: one flat alternation
    assert by_first_letter(["sab", "\u017fa", "ab"]) == "(?:sab|\u017fa|ab)"


def _flat(pattern: str) -> str:
    """``pattern`` with the dates module's grouped names written as flat alternations."""
    months = sorted(dates.MONTHS, key=len, reverse=True)
    for grouped, flat in (
        (by_first_letter(months), "(?:" + "|".join(months) + ")"),
        (by_first_letter(dates.WEEKDAYS), "(?:" + "|".join(dates.WEEKDAYS) + ")"),
        (by_first_letter(dates.MONTHS), "(?:" + "|".join(dates.MONTHS) + ")"),
    ):
        pattern = pattern.replace(grouped, flat)
    return pattern


def test_the_date_patterns_match_as_with_flat_alternations() -> None:
    words = [*dates.MONTHS, *dates.WEEKDAYS]
    texts = [
        " ".join(f"{w} {n} {w.upper()}. {n + 9}, 20{n:02d}" for n, w in enumerate(words)),
        " ".join(
            f"{w.title()} night [{n} {m}] x{w} {m}s"
            for n, (w, m) in enumerate(zip(words, words[::-1], strict=True))
        ),
        "Lowtown, Sunday, 3rd of Sept. 2019; Jun 2020, Jul. 4 and Mar 12, 2018 (Tues 5 Dec)",
    ]
    named = [*dates._ABSOLUTE[:2], dates._MONTH_YEAR, dates._MONTH_NAME, dates._MONTH_ONLY]
    assert all(_flat(p.pattern) != p.pattern for p in named)  # each has grouped names
    patterns = [*named, *dates._ABSOLUTE[2:]]
    for pattern in patterns:
        flat = re.compile(_flat(pattern.pattern), pattern.flags)
        for text in [*texts, *(w for w in words)]:
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
                (m.span(), m.groupdict()) for m in flat.finditer(text)
            ]
