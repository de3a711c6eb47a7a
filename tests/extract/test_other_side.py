"""Agents lost between verbs and to the default country, with the real model: a "by" phrase
shared by coordinated passives (kg/extract/clauses.py: shared_agent), the victims of a
country's strike who are not its own forces (kg/extract/other_side.py), and members of a
parliament attacked or arrested (civilians, kg/data/lexicon.toml)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    extraction = extractor.extract_one(Article("t", text))
    return [(e.event_type, e.agents, e.targets) for e in extraction.events]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Two civilians were killed and one was wounded by an Israeli drone in Lowtown.",
         "military-forces-of-israel"),
        ("Three soldiers were killed and four were injured by militants near Lowtown.",
         "militants"),
    ],
)  # fmt: skip
def test_coordinated_passives_share_the_last_ones_by_phrase(
    extractor: Any, text: str, agent: str
) -> None:
    events = _events(extractor, text)
    assert events
    assert all(agent in agents for _, agents, _ in events), events


def test_an_active_conjunct_lends_no_by_phrase(extractor: Any) -> None:
    from kg.extract.clauses import shared_agent
    from kg.extract.parse_tree import tree

    doc = extractor.nlp("Two guards were killed and the gunmen fled by car.")
    killed = next(t for t in doc if t.text == "killed")
    assert shared_agent(tree(doc), killed.i) == []
    doc = extractor.nlp("Two guards were killed and one was wounded by gunmen.")
    killed = next(t for t in doc if t.text == "killed")
    assert [doc[i].text for i in shared_agent(tree(doc), killed.i)] == ["gunmen"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Ukrainian drone strike killed two soldiers near Lowtown on Monday.", "ukraine"),
        ("Russian shelling killed three soldiers near Lowtown on Monday.", "russia"),
        ("Russian troops killed two soldiers in Lowtown on Monday.", "russia"),
    ],
)
def test_a_countrys_strike_does_not_kill_its_own_forces_by_default(
    extractor: Any, text: str, agent: str
) -> None:
    events = _events(extractor, text)
    assert events
    for _, agents, targets in events:
        assert f"military-forces-of-{agent}" in agents
        assert targets == ("military-forces",)


def test_forces_the_text_names_as_the_same_countrys_stay_so(extractor: Any) -> None:
    # "Russian soldiers" tell their country: no side is assumed, nothing is renamed
    events = _events(extractor, "Russian troops killed two Russian soldiers in Lowtown.")
    assert events
    assert not any(t == "military-forces" for _, _, targets in events for t in targets)


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested an opposition legislator in Lowtown on Monday.",
        "Gunmen killed an opposition lawmaker in Lowtown on Monday.",
        "Gunmen attacked an opposition MP in Lowtown on Monday.",
        "Police arrested two MPs in Lowtown on Monday.",
        "Unknown assailants shot dead a senator in Lowtown on Monday.",
        "Police arrested an opposition politician in Lowtown on Monday.",
    ],
)
def test_members_of_a_parliament_are_civilians(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    assert extraction.events
    assert any(e.targets for e in extraction.events)
    assert all(p.label != "MP" for p in extraction.places)
    targets = {t for e in extraction.events for t in e.targets}
    types = {a.key: a.actor_type.value for a in extraction.actors}
    assert {types[t] for t in targets} == {"civilians"}


def test_an_opposition_commander_stays_armed(extractor: Any) -> None:
    events = _events(extractor, "Soldiers killed an opposition commander in Lowtown on Monday.")
    assert any("rebels" in targets for _, _, targets in events)


def test_members_of_a_parliament_who_act_are_no_civilians(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "Residents protested against an MP in Lowtown on Monday.")
    )
    assert extraction.events
    assert all(a.actor_type.value != "civilians" for a in extraction.actors)


def test_victims_of_a_strike_abroad_in_a_divided_town_are_its_larger_halfs(
    geo_extractor: Any,
) -> None:
    # Rafah lies on both sides of a border (Gaza's and Egypt's); the name alone is Gaza's
    text = "Israeli air strikes killed 20 people in Rafah on Monday."
    (event,) = _events(geo_extractor, text)
    assert event == ("air-drone-strike", ("military-forces-of-israel",), ("civilians-palestine",))
