"""kg.extract.arguments: a conjunct clause with its own "that" is another thing said, and takes
no doer from the clause before it ("said that the army had moved against gangs, and that nine
policemen had been wounded": not the army's wounding). Invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

LEAD = "Troops fired tear gas at marchers in the city of Valencia on Saturday, witnesses said.\n\n"


def _roles(extractor: Any, text: str, trigger: str) -> list[tuple[tuple[str, ...], ...]]:
    told = extractor.extract_one(Article("t", text, published=dt.date(2024, 8, 5))).events
    return [(e.agents, e.targets) for e in told if e.trigger.text == trigger]


def test_a_conjunct_said_apart_takes_no_doer(extractor: Any) -> None:
    text = LEAD + (
        "The minister said that the security forces had moved against armed gangs, and that"
        " nine police officers had been wounded."
    )
    assert all(not agents for agents, _ in _roles(extractor, text, "wounded"))
