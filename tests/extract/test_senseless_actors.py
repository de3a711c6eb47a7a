"""Actors that make no sense, each a kind the rules now read otherwise (real model; sentences
written for these tests): a common noun opening a headline is no person
(kg/extract/common_nouns.py), "its fighters" are the group's named before
(kg/extract/possessed.py), a demonym joined to "pro-" names no side's proxies and "force" as
strength is no body of men (kg/extract/generic_context.py), a mob's victim stays a civilian
(kg/extract/roles.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article

pytestmark = pytest.mark.model


def _actors(extractor: Any, text: str) -> dict[str, tuple[str, ActorType]]:
    extraction = extractor.extract_one(Article("t", text))
    return {a.key: (a.label, a.actor_type) for a in extraction.actors}


def _persons(extractor: Any, text: str) -> list[str]:
    return [label for label, kind in _actors(extractor, text).values() if kind is ActorType.PERSON]


@pytest.mark.parametrize(
    "text",
    [
        "Riot: On 4 May, residents burned tyres on a road in Lowtown, Kenya.",
        "Lorry driver shot dead by gunmen in Lowtown, Kenya.",
        "Defusal: On 4 May, police found an explosive device in Lowtown, Kenya.",
    ],
)
def test_a_common_noun_opening_a_headline_is_no_person(extractor: Any, text: str) -> None:
    assert _persons(extractor, text) == []


def test_a_name_of_no_noun_opening_a_sentence_stays_a_person(extractor: Any) -> None:
    text = "Wafula told reporters that police had arrested five men in Lowtown, Kenya."
    assert "Wafula" in _persons(extractor, text)


def test_a_noun_naming_a_groups_supporters_is_no_person(extractor: Any) -> None:
    """ "Jubilee supporters": a party's supporters, protesters in their protest."""
    actors = _actors(extractor, "Jubilee supporters protested in Lowtown, Kenya.")
    assert _persons(extractor, "Jubilee supporters protested in Lowtown, Kenya.") == []
    assert actors.get("protesters-kenya") == ("Protesters (Kenya)", ActorType.PROTESTERS)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Hamas said its fighters attacked a convoy near Lowtown on Monday.", "hamas"),
        ("Al Shabaab claimed that their militants ambushed a convoy near Lowtown, Somalia.",
         "al-shabaab"),
    ],
)  # fmt: skip
def test_a_groups_own_fighters_are_the_group(extractor: Any, text: str, group: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    (attack,) = [e for e in extraction.events if e.event_type != "statement"]
    assert attack.agents == (group,)
    assert not any(k.startswith("unidentified-armed-group") for k in attack.agents)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # the group tells of its own men acted on, in a relative clause or as the subject
        ("Civilians fled to the base of the UN mission, MINUSMA, which said its troops had been"
         " fired upon near Lowtown, Mali.", "minusma"),
        ("The Hill Front said its fighters had been attacked near Lowtown, Mali, on Monday.",
         "hill-front-ml"),
    ],
)  # fmt: skip
def test_a_groups_own_men_acted_on_are_the_group(extractor: Any, text: str, group: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    (fight,) = [e for e in extraction.events if e.event_type == "armed-clash"]
    assert fight.targets == (group,)


def test_men_acted_on_another_group_names_are_not_its(extractor: Any) -> None:
    text = "The Hill Front attacked Lowtown, Mali, and the army said its soldiers were wounded."
    extraction = extractor.extract_one(Article("t", text))
    assert not any(
        "hill-front" in e.targets for e in extraction.events if e.event_type != "statement"
    )


def test_their_fighters_without_a_group_before_stay_generic(extractor: Any) -> None:
    text = "Residents said their sons were killed by soldiers in Lowtown, Somalia."
    assert "civilians-somalia" in _actors(extractor, text)


def test_a_demonym_joined_to_pro_names_not_the_proxies(extractor: Any) -> None:
    text = "Turkish and pro-Turkish rebel faction fighters shelled the village of Lowtown, Syria."
    actors = _actors(extractor, text)
    assert "rebels-turkey" not in actors
    assert actors.get("rebels-syria") == ("Rebels (Syria)", ActorType.REBEL_GROUP)
    # a demonym alone still tells whose forces they are
    assert "military-forces-of-turkey" in _actors(
        extractor, "Turkish forces shelled the village of Lowtown, Syria."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The law, once entered into force, will ban protests in Lowtown, Kenya.",
        "Rebels took the town of Lowtown, Syria by force.",
        "Police used excessive force against protesters in Lowtown, Kenya.",
    ],
)
def test_force_as_strength_is_no_body_of_men(extractor: Any, text: str) -> None:
    assert not any(k.startswith("military-forces") for k in _actors(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "A joint force attacked Lowtown, Syria.",
        "Syrian military force used chlorine in an attack on Lowtown.",
    ],
)
def test_a_force_is_a_body_of_men(extractor: Any, text: str) -> None:
    assert "military-forces-of-syria" in _actors(extractor, text)


def test_a_groups_men_acted_on_are_not_resolved_to_it(extractor: Any) -> None:
    """ "tens of its fighters defected": no subject, so no mention of the group itself."""
    text = "Hamas said police arrested ten of its fighters near Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    (hamas,) = [a for a in extraction.actors if a.key == "hamas"]
    assert [m.text for m in hamas.mentions] == ["Hamas"]


def test_a_mobs_victim_stays_a_civilian_target(extractor: Any) -> None:
    text = "On 4 May, a suspected thief was lynched by angry villagers in Lowtown, Kenya."
    extraction = extractor.extract_one(Article("t", text))
    (riot,) = [e for e in extraction.events if e.event_type == "mob-violence"]
    assert riot.agents == ("rioters-kenya",)
    assert riot.targets == ("civilians-kenya",)


def test_a_partys_protesters_are_protesters(extractor: Any) -> None:
    """ "CORD protesters": a party's crowd is protesters (ACLED's coding), and the police
    firing on them use excessive force against protesters."""
    text = "Riot police open fire on CORD protesters in Lowtown, Kenya; several injured."
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    assert "Riot" not in labels.values()
    assert [e.event_type for e in extraction.events] == ["excessive-force-against-protesters"]
    (event,) = extraction.events
    assert [labels[k] for k in event.targets] == ["Protesters (Kenya)"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Bush said on Monday that the troops would stay in Lowtown.", "Bush"),
        ("Rice told reporters the talks had failed.", "Rice"),
    ],
)
def test_a_surname_that_is_also_a_noun_speaking_is_the_person(
    extractor: Any, text: str, name: str
) -> None:
    # regression: the common-noun rule dropped a sentence-opening surname the language also
    # knows as a noun, and the statement with it
    extraction = extractor.extract_one(Article("t", text))
    person = next(a for a in extraction.actors if a.label == name)
    assert person.actor_type is ActorType.PERSON
    assert any(person.key in e.agents for e in extraction.events)


def test_a_sentence_opening_surname_named_in_full_later_is_the_person(extractor: Any) -> None:
    """ "Rice visits Lowtown. ... Condoleezza Rice arrived": the headline's one word is the
    person the article names in full (a noun the language knows, not speaking, would be
    dropped alone)."""
    text = "Rice visits Lowtown. Secretary of State Condoleezza Rice arrived in Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    (person,) = [a for a in extraction.actors if a.actor_type is ActorType.PERSON]
    assert person.label == "Condoleezza Rice"
    assert "Rice" in [m.text for m in person.mentions]
