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
    ("ask", "text", "word", "answer"),
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
        # a people's name alone, joined to another's, as the sides of a fight
        ("people", "On Monday, Samburu and Pokot clashed near Lowtown.", "Pokot", True),
        ("people", "Clashes between Samburu and Pokot left two dead near Lowtown.", "Pokot", True),
        ("people", "A battle between Kisii and Kalenjin left three dead.", "Kisii", True),
        ("people", "On Monday, Tharaka and Meru groups clashed near Lowtown.", "Meru", True),
        # talks are no fight
        ("people", "Talks between Samburu and Pokot ended on Monday in Lowtown.", "Pokot", False),
        # a people's name alone as those killed: its civilians
        (
            "attacked",
            "On Monday, Pokot raiders killed eleven Turkana near Lowtown.",
            "Turkana",
            True,
        ),
        ("attacked", "On Monday, gunmen killed Turkana near Lowtown.", "Turkana", True),
        ("attacked", "On Monday, a cattle raid against Turkana left one dead.", "Turkana", True),
        # a place of the people's name is raided, not killed; those who kill are no victims
        ("attacked", "On Monday, gunmen raided Meru and killed a trader.", "Meru", False),
        ("attacked", "On Monday, two traders were killed in Turkana.", "Turkana", False),
        ("attacked", "On Monday, Turkana killed three traders near Lowtown.", "Turkana", False),
        ("attacked", "On Monday, gunmen killed eleven Somali near Lowtown.", "Somali", False),
    ],
)
def test_herders_and_peoples_fight_as_the_doers_of_armed_violence_or_are_killed(
    extractor: Any, communal: CommunalFighters, ask: str, text: str, word: str, answer: bool
) -> None:
    token = next(t for t in extractor.nlp(text) if t.text == word)
    ask_of = {
        "herders": communal.herders_fight,
        "people": communal.people_fighting,
        "attacked": communal.people_attacked,
    }[ask]
    assert ask_of(token) is answer


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


@pytest.mark.parametrize(
    ("text", "agents", "targets"),
    [
        (
            "On 5 May 2024, Samburu and Pokot clashed in Baragoi.",
            ["pokot-ethnic-militia-kenya", "samburu-ethnic-militia-kenya"],
            [],
        ),
        (
            "On 5 May 2024, Pokot killed eleven Turkana in Baragoi.",
            ["pokot-ethnic-militia-kenya"],
            ["civilians-kenya"],
        ),
    ],
)
def test_peoples_named_alone_are_militias_or_civilians_no_persons(
    extractor: Any, text: str, agents: list[str], targets: list[str]
) -> None:
    """Each people that fights is its ethnic militia, one only killed its civilians; none is a
    person nor a place."""
    extracted = extractor.extract_one(Article("t", text))
    (event,) = extracted.events
    assert sorted(event.agents) == agents
    assert sorted(event.targets) == targets
    assert not [a for a in extracted.actors if a.actor_type.value == "person"]
    assert {p.label for p in extracted.places} == {"Baragoi"}


def test_a_people_named_before_a_noun_of_a_place_is_the_place(extractor: Any) -> None:
    """ "Kisii" names a people and a county: before "county" it is the county, counted
    people or not."""
    text = "On 5 May 2024, 200 Kisii county employees protested over unpaid wages."
    extracted = extractor.extract_one(Article("t", text))
    assert "Kisii" in {p.label for p in extracted.places}
