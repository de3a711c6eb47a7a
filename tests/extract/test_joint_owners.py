"""Men of two countries in one noun phrase are each country's (kg/extract/joint_owners.py),
on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article


def _agents(extractor: Any, text: str) -> list[set[str]]:
    extraction = extractor.extract_one(Article("t", text))
    return [set(e.agents) for e in extraction.events if e.event_type != "statement"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "On Monday, U.S. and British forces struck targets near Lowtown.",
        "On Monday, US and UK troops struck targets near Lowtown.",
        "On Monday, American and British warplanes struck targets near Lowtown.",
        # regression: a country's name before machines was the one state ("U.S."), and
        # machines listed with machines named no one ("warplanes and warships")
        "On Monday, U.S. and British warplanes struck targets near Lowtown.",
        "On Monday, American and British warplanes and warships struck targets near Lowtown.",
        "On Monday, U.S. and British warplanes and warships struck targets near Lowtown.",
    ],
)
def test_forces_of_two_countries_are_both_doers(extractor: Any, text: str) -> None:
    assert _agents(extractor, text) == [
        {"military-forces-of-united-states", "military-forces-of-united-kingdom"}
    ]


@pytest.mark.model
def test_each_country_keeps_its_own_words(extractor: Any) -> None:
    text = "On Monday, U.S. and British forces struck targets near Lowtown."
    extraction = extractor.extract_one(Article("t", text))
    words = {a.key: {m.text for m in a.mentions} for a in extraction.actors}
    assert "British forces" in words["military-forces-of-united-kingdom"]
    assert "U.S." in words["military-forces-of-united-states"]


@pytest.mark.model
def test_one_countrys_forces_stay_one_actor(extractor: Any) -> None:
    text = "On Monday, British forces struck targets near Lowtown."
    assert _agents(extractor, text) == [{"military-forces-of-united-kingdom"}]


@pytest.mark.model
def test_a_conjunct_naming_no_country_splits_nothing(extractor: Any) -> None:
    """ "American and allied forces": "allied" names no country; the phrase is not split
    into a country's forces and another's."""
    text = "On Monday, American and allied forces struck targets near Lowtown."
    assert _agents(extractor, text) == [{"military-forces-of-united-states"}]
