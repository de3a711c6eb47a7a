"""One sentence's tally of the uprooted is one displacement (kg/extract/uprooted.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _displacements(extractor: Any, text: str) -> list[Any]:
    events = extractor.extract_one(Article("t", text)).events
    return [e for e in events if e.event_type == "displacement"]


def test_refugees_and_the_displaced_of_one_sentence_are_one_displacement(extractor: Any) -> None:
    text = (
        "Two million people have fled to neighbouring countries, while another 4.5 million "
        "were displaced inside Upland."
    )
    (event,) = _displacements(extractor, text)
    assert (event.counts.refugees, event.counts.displaced) == (2_000_000, 4_500_000)


def test_two_flights_counted_alike_stay_two(extractor: Any) -> None:
    text = "About 5,000 people fled to Chad on Monday and 3,000 fled to Niger on Tuesday."
    assert len(_displacements(extractor, text)) == 2
