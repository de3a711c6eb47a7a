"""A place's country as the text states it (kg/geo/town_of.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.geo.town_of import _BEFORE, _may_end_of, said_country
from kg.model import Article, Span


def _mentions(text: str, word: str) -> list[Span]:
    out, at = [], 0
    while (at := text.find(word, at)) >= 0:
        out.append(Span(at, at + len(word), word))
        at += len(word)
    return out


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Rebels took the Syrian town of Lowtown.", "SY"),
        ("Troops entered the Iraqi city of Lowtown on Monday.", "IQ"),
        ("Clashes hit Syria's northern province of Lowtown.", "SY"),
        ("Shelling hit the Turkish border town of Lowtown.", "TR"),
        ("An attack on the U.S. city of Lowtown.", "US"),
        ("Rebels took Lowtown.", None),  # nothing said
        ("Syrian rebels took Lowtown.", None),  # whose rebels, not where the town is
        ("The Syrian town of Lowtown and the Iraqi town of Lowtown.", None),  # two countries
    ],
)
def test_the_country_written_before_a_kind_of_place(text: str, iso: str | None) -> None:
    assert said_country(text, _mentions(text, "Lowtown")) == iso


@pytest.mark.model
def test_a_town_the_text_puts_in_a_country_is_keyed_there(geo_extractor: Any) -> None:
    """A village GeoNames lacks, in a sentence that also names another country: it is keyed
    within the country the text gives it ("dabik-sy"), not the other one."""
    text = (
        "Syrian opposition forces liberated the Syrian town of Dabiq from ISIL control, aided "
        "by strong support from our ally Turkey."
    )
    extraction = geo_extractor.extract_one(Article("t", text))
    dabiq = next(p for p in extraction.places if p.label == "Dabiq")
    assert dabiq.key.endswith("-sy")


@pytest.mark.parametrize(
    ("window", "may"),
    [
        ("fighters attacked the Syrian town of ", True),
        ("fighters attacked the Syrian town of the ", True),
        ("in the Syrian town of\n", True),
        ("fighters attacked positions in ", False),
        ("fighters attacked the town of", False),  # no space after "of": no match either
        ("", False),
    ],
)
def test_the_quick_check_rules_out_only_windows_the_pattern_cannot_match(
    window: str, may: bool
) -> None:
    assert _may_end_of(window) is may
    if not may:
        assert _BEFORE.search(window) is None
