"""kg/data/triggers.tsv: "shot dead" the small model reads as a noun "shot" ("gunmen on a
motorcycle shot dead a headman": "a motorcycle shot") is the shooting, no exchange of shots.
Invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _shootings(extractor: Any, text: str) -> list[str]:
    told = extractor.extract_one(Article("t", text, published=dt.date(2024, 10, 16))).events
    return [e.event_type for e in told if e.trigger.text.startswith("shot")]


def test_a_noun_shot_before_dead_is_the_shooting(extractor: Any) -> None:
    text = (
        "Rebels attacked an army base in Yala on Friday, the army said.\n\n"
        "On Saturday, two men on a motorcycle shot dead a shopkeeper in Saiburi district,"
        " witnesses said."
    )
    assert _shootings(extractor, text) == ["attack"]
