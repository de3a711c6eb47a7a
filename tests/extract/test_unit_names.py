"""Armed groups named by their unit nouns (kg/extract/unit_names.py), on sentences written for
the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.lexicon import read_words
from kg.model import ActorType, Article, Extraction


def _extract(extractor: Any, text: str) -> Extraction:
    result: Extraction = extractor.extract_one(Article("t", text))
    return result


def _types(extractor: Any, text: str) -> dict[str, ActorType]:
    return {a.label: a.actor_type for a in _extract(extractor, text).actors}


def test_the_word_lists_load() -> None:
    assert {"brigades", "battalions", "army"} <= read_words("names.toml", "armed_units", "units")
    assert "republican" in read_words("names.toml", "armed_units", "state_words")
    assert "liberation" in read_words("names.toml", "armed_units", "rebel_words")


@pytest.mark.model
def test_a_generic_noun_inside_the_name_is_the_group_s(extractor: Any) -> None:
    # regression: "Supporters" inside the name gave the actor "Rioters (Lowland)"
    types = _types(extractor, "The Lowtown Supporters Brigades attacked a checkpoint in Hightown.")
    assert types == {"Lowtown Supporters Brigades": ActorType.POLITICAL_MILITIA}


@pytest.mark.model
def test_a_name_the_model_misses_is_the_clash_s_agent(extractor: Any) -> None:
    # regression: the clash had only a target, the model tagging no entity in the name
    extraction = _extract(extractor, "The Qasim Battalions clashed with army troops in Lowtown.")
    group = next(a for a in extraction.actors if a.label == "Qasim Battalions")
    assert group.actor_type is ActorType.REBEL_GROUP  # it fights the state's troops
    assert any(group.key in e.agents for e in extraction.events)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        # the model tags the name: an armed group, not an organisation
        (
            "Reinforcements from the Lowtown Martyrs Brigades arrived on Monday.",
            "Lowtown Martyrs Brigades",
            ActorType.POLITICAL_MILITIA,
        ),
        # particles and "of" belong to the name
        (
            "Fighters of the al-Qasim Battalions and the Lowtown Brigades met on Monday.",
            "al-Qasim Battalions",
            ActorType.POLITICAL_MILITIA,
        ),
        (
            "Fighters of the Martyrs of Lowtown Brigades met on Monday.",
            "Martyrs of Lowtown Brigades",
            ActorType.POLITICAL_MILITIA,
        ),
        # liberation and revolution make rebels
        (
            "The Lowtown Revolutionary Front shelled the town.",
            "Lowtown Revolutionary Front",
            ActorType.REBEL_GROUP,
        ),
        (
            "The Hightown Liberation Army shelled the town.",
            "Hightown Liberation Army",
            ActorType.REBEL_GROUP,
        ),
    ],
)
def test_a_unit_s_name_is_an_armed_group(
    extractor: Any, text: str, name: str, actor_type: ActorType
) -> None:
    assert _types(extractor, text)[name] is actor_type


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Soldiers of the 3rd Brigade of the Syrian Army entered the town on Monday.",
        "Tanks of the 4th Armored Division entered the town on Monday.",
        "The Republican Guard Brigade entered the town on Monday.",
        "The Iraqi Army entered the town on Monday.",
        "The Peace Corps opened an office in the town on Monday.",
        "Heavy fighting went on along the Eastern Front on Monday.",
        "Rebels Storm Army Base Near Lowtown",
        "The Islamic Revolution Guard Corps fired missiles on Monday.",
        "A member of Syria's Storm Corps was killed on Monday.",
        "Three members of the United Front for Democracy were arrested on Monday.",
    ],
)
def test_state_units_fronts_and_headlines_are_no_armed_group(extractor: Any, text: str) -> None:
    armed = {ActorType.POLITICAL_MILITIA, ActorType.REBEL_GROUP}
    extraction = _extract(extractor, text)
    named = [a.label for a in extraction.actors if a.actor_type in armed and a.mentions]
    assert not [
        n for n in named if n.split()[-1] in ("Brigade", "Division", "Army", "Corps", "Front")
    ]


@pytest.mark.model
def test_a_division_after_in_is_no_armed_group(extractor: Any) -> None:
    # Kenya's divisions are places: "in Njoro Division"
    types = _types(extractor, "Herders clashed in Lowtown Division on Monday.")
    assert types.get("Lowtown Division") not in (ActorType.POLITICAL_MILITIA, ActorType.REBEL_GROUP)


@pytest.mark.model
def test_a_street_named_after_a_brigade_stays_a_place(extractor: Any) -> None:
    extraction = _extract(extractor, "A car bomb exploded on Brigade Street in Lowtown.")
    assert not any("Brigade" in a.label for a in extraction.actors)


@pytest.mark.model
def test_a_unit_named_after_of_is_the_group_s(extractor: Any) -> None:
    # regression: "The Army" of "The Army of the Victorious X" gave the state's forces
    text = "The Army of the Victorious Believers claimed the attack on the market in Lowtown."
    types = _types(extractor, text)
    assert types.get("Army of the Victorious Believers") is ActorType.POLITICAL_MILITIA
    assert not any(t is ActorType.STATE_FORCES for t in types.values())


@pytest.mark.model
def test_a_state_unit_named_after_of_is_no_armed_group(extractor: Any) -> None:
    types = _types(extractor, "The Brigade of the Republican Guards entered Lowtown on Monday.")
    assert "Brigade of the Republican Guards" not in types or types[
        "Brigade of the Republican Guards"
    ] not in (ActorType.POLITICAL_MILITIA, ActorType.REBEL_GROUP)


@pytest.mark.model
def test_a_unit_s_group_fighting_the_state_is_a_rebel_group(extractor: Any) -> None:
    types = _types(extractor, "The Qasim Battalions clashed with regime forces in Homs.")
    assert types["Qasim Battalions"] is ActorType.REBEL_GROUP


@pytest.mark.model
def test_a_unit_s_group_fighting_beside_the_state_stays_a_militia(extractor: Any) -> None:
    text = "Fighters of the Qasim Brigade and regime forces attacked Islamic State positions."
    assert _types(extractor, text)["Qasim Brigade"] is ActorType.POLITICAL_MILITIA


@pytest.mark.model
def test_a_generic_militia_fighting_the_state_keeps_its_type(extractor: Any) -> None:
    # regression: "Militia (...)" of the generic rules, its first word a unit noun, was made
    # a rebel group
    text = "Nigerian soldiers clashed with militias near Lowtown in Benue."
    assert _types(extractor, text)["Militia (Nigeria)"] is ActorType.POLITICAL_MILITIA


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Members of the Tonton Vif gang attacked the town of Lowtown on Sunday.",
            "Tonton Vif Gang",
        ),
        ("The 300 Kafou gang kidnapped four teachers in Lowtown on Monday.", "300 Kafou Gang"),
    ],
)
def test_a_named_gang_is_an_armed_group_of_its_own_name(
    extractor: Any, text: str, label: str
) -> None:
    # regression: the name was dropped and the gang was "Unidentified Armed Group (...)"
    extraction = _extract(extractor, text)
    gang = next(a for a in extraction.actors if a.label == label)
    assert gang.actor_type is ActorType.POLITICAL_MILITIA
    assert [e.agents for e in extraction.events] == [(gang.key,)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A Haitian gang attacked the town of Lowtown on Sunday.",
        "Gangs attacked the town of Lowtown on Sunday.",
    ],
)
def test_a_people_s_gang_or_gangs_alone_name_no_gang(extractor: Any, text: str) -> None:
    labels = {a.label for a in _extract(extractor, text).actors}
    assert not any(label.endswith("Gang") for label in labels)
