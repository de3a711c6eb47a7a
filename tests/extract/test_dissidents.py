"""Dissidents of a named group are the group's dissidents (kg/extract/dissidents.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Dissidents of the former Revolutionary Armed Forces of Colombia (FARC) kidnapped two "
        "soldiers near Lowtown, Colombia, on Monday.",
        "Dissidents of the FARC kidnapped two soldiers near Lowtown, Colombia, on Monday.",
        "Holdouts of the now-defunct FARC kidnapped two soldiers near Lowtown, Colombia, "
        "on Monday.",
    ],
)
def test_dissidents_of_a_group_are_its_dissidents(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.agents == ("farc-dissidents",)


def test_the_group_itself_stays_the_group(extractor: Any) -> None:
    text = "FARC rebels kidnapped two soldiers near Lowtown, Colombia, on Monday."
    (event,) = acled_events(extractor, text)
    assert event.agents == ("farc",)
