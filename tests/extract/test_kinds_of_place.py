"""A trigger noun that names a place people stay in by what brought them there ("a
displacement camp") tells no event (kg/extract/stance.py ``kind_of_act``), on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, militiamen shelled a displacement camp near Lowtown, killing six people.",
        "Rebels shell displacement camp near Lowtown, killing six",
        "On 3 March 2021, gunmen attacked displacement sites outside Lowtown.",
    ],
)
def test_a_camp_named_by_displacement_tells_no_displacement(extractor: Any, text: str) -> None:
    types = [e.event_type for e in extractor.extract_one(Article("t", text)).events]
    assert types and "displacement" not in types


def test_a_displacement_told_is_still_one(extractor: Any) -> None:
    text = "On 3 March 2021, the displacement of 4,000 villagers from Lowtown began."
    assert "displacement" in [
        e.event_type for e in extractor.extract_one(Article("t", text)).events
    ]
