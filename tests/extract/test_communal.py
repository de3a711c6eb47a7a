"""Communities that fight (kg/extract/communal.py), on the real model's parses of sentences
written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.communal import CommunalFighters
from kg.extract.lexicon import load

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def communal() -> CommunalFighters:
    return CommunalFighters(load(), {"somali": "SO"}, frozenset({"group"}))


@pytest.mark.parametrize(
    ("ask", "text", "word", "fights"),
    [
        ("herders", "Herders clashed with farmers near Lowtown.", "Herders", True),
        ("herders", "A group of herders attacked a farmer in Lowtown.", "herders", True),
        ("herders", "A farmer was killed by herders in Lowtown.", "herders", True),
        ("herders", "Gunmen killed three herders in Lowtown.", "herders", False),
        ("herders", "Herders protested in Lowtown.", "Herders", False),
        ("people", "On Monday, the Pokot raided a village near Lowtown.", "Pokot", True),
        ("people", "On Monday, a Samburu attack on Upton left two dead.", "Samburu", True),
        ("people", "Gunmen killed eleven Pokot near Lowtown on Monday.", "Pokot", False),
        # a country's demonym names its state's men, not a people's
        ("people", "On Monday, Somali forces raided a village near Lowtown.", "Somali", False),
    ],
)
def test_herders_and_peoples_fight_as_the_doers_of_armed_violence(
    extractor: Any, communal: CommunalFighters, ask: str, text: str, word: str, fights: bool
) -> None:
    token = next(t for t in extractor.nlp(text) if t.text == word)
    ask_of = communal.herders_fight if ask == "herders" else communal.people_fighting
    assert ask_of(token) is fights
