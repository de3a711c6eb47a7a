"""The quick check before a case-blind search (kg/geo/blind.py)."""

from __future__ import annotations

import re
import sys

import pytest

from kg.geo.blind import UNFOLDED, may_hold


def test_every_letter_a_case_blind_pattern_takes_for_ascii_is_folded_or_listed() -> None:
    letter = re.compile(r"[a-z]", re.I)
    missed = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if letter.fullmatch(chr(cp)) and not chr(cp).lower().isascii()
    ]
    assert sorted(missed) == sorted(UNFOLDED)


@pytest.mark.parametrize(
    ("text", "words", "may"),
    [
        ("Rebels shelled a village near the lake.", ("basin", "america"), False),
        ("Rebels shelled a village in LATIN AMERICA.", ("basin", "america"), True),
        ("Rebels shelled a village in Latin Ameri\u0131a.", ("basin",), True),  # never folded
        ("Rebels shelled a village.", ("Basin",), True),  # not lower-case: no quick answer
        ("Rebels shelled a village.", ("b\u00e4sin",), True),  # not ASCII: no quick answer
    ],
)
def test_the_check_says_no_only_where_no_word_can_match(
    text: str, words: tuple[str, ...], may: bool
) -> None:
    assert may_hold(text, words) is may
    if not may:
        assert not any(re.search(re.escape(w), text, re.I) for w in words)
