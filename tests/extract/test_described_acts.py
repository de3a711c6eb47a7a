"""kg.extract.modality: an act named by a word describing people by it ("militants involved
in the attacks", "held responsible for the raid") was told before: no new event, and it takes
the sentence's own act from it. Invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

LEAD = "Gunmen killed five farmers near Lowtown on Wednesday, police said.\n\n"


def _events(extractor: Any, text: str) -> list[tuple[str, str, dt.date | None]]:
    told = extractor.extract_one(Article("t", text, published=dt.date(2024, 5, 12))).events
    return [
        (e.event_type, e.trigger.text, e.time.date if e.time else None)
        for e in told
        if e.event_type != "statement"
    ]


def test_an_act_people_are_described_by_is_no_event(extractor: Any) -> None:
    text = LEAD + (
        "The army said troops had killed three gunmen in an operation near Hightown on Friday,"
        " acting on intelligence about men involved in the attacks."
    )
    told = _events(extractor, text)
    assert not [e for e in told if e[1] == "attacks"]
    assert ("armed-clash", "killed", dt.date(2024, 5, 10)) in told


def test_a_raid_told_with_its_doers_stays(extractor: Any) -> None:
    text = LEAD + "Soldiers involved in a raid on Hightown on Friday killed three gunmen."
    assert any(kind == "armed-clash" for kind, _, _ in _events(extractor, text))


def test_an_act_told_only_by_the_describing_word_stays(extractor: Any) -> None:
    text = "Police officer from the Lowtown clan implicated in murder of a herder"
    assert [kind for kind, _, _ in _events(extractor, text)]
