"""Communities that fight (kg/extract/communal.py), on the real model's parses of sentences
written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.communal import CommunalFighters
from kg.extract.lexicon import load
from kg.model import Article

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


@pytest.mark.parametrize(
    ("text", "word", "fights"),
    [
        ("Clashes between the Pokot and Samburu communities left two dead.", "Samburu", True),
        ("On Monday, the Borana and Gabra clans fought near Lowtown.", "Gabra", True),
        ("Members of the Turkana community attacked Upton on Monday.", "Turkana", True),
        # the community was attacked, or lives in peace: no side of a fight
        ("Gunmen attacked members of the Turkana community in Upton.", "Turkana", False),
        ("Talks between the Pokot and Samburu communities ended on Monday.", "Samburu", False),
    ],
)
def test_a_people_whose_community_fights_is_a_side(
    extractor: Any, communal: CommunalFighters, text: str, word: str, fights: bool
) -> None:
    token = next(t for t in extractor.nlp(text) if t.text == word)
    assert communal.community_fighting(token) is fights


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2024, clashes between the Pokot and Samburu communities in Baragoi left three "
        "dead.",
        "On 5 May 2024, members of the Pokot and Samburu communities clashed in Baragoi.",
    ],
)
def test_communities_that_clash_are_their_peoples_militias(extractor: Any, text: str) -> None:
    """Each side is its people's ethnic militia, as ACLED codes them (no communal militia of
    "members", and "Samburu" no place: the county of that name is not the scene)."""
    extracted = extractor.extract_one(Article("t", text))
    (event,) = extracted.events
    assert event.event_type == "armed-clash"
    assert sorted(event.agents) == ["pokot-ethnic-militia-kenya", "samburu-ethnic-militia-kenya"]
    assert {p.label for p in extracted.places} == {"Baragoi"}
