"""Actors named by a common noun (kg/extract/generic.py), on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article
from tests.extract.extracted import mentions_by_label


@pytest.mark.model
def test_a_fighter_among_aircraft_is_no_actor(extractor: Any) -> None:
    text = "Planes struck the bridge using bomber, fighter and remotely piloted aircraft."
    mentions = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert "fighter" not in mentions


@pytest.mark.model
def test_fighters_beside_gunmen_stay_actors(extractor: Any) -> None:
    text = "Fighters and gunmen attacked the village on Monday."
    mentions = [m for ms in mentions_by_label(extractor, text).values() for m in ms]
    assert "Fighters" in mentions


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("On 3 May 2021, Syrian military men clashed with rebels near Daraa.", "military men"),
        ("On 3 May 2021, police elements arrested two traders in Basra.", "police elements"),
    ],
)
def test_men_of_the_military_or_police_are_state_forces(
    extractor: Any, text: str, words: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.actor_type is ActorType.STATE_FORCES


def test_the_region_names_lookahead_changes_no_match() -> None:
    """The regions' pattern finds what it finds without its first-letter lookahead."""
    import re

    from kg.extract.generic import GenericActors
    from kg.extract.lexicon import load

    generic = GenericActors(load(), {})
    pattern = generic.region_names
    plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)", "", pattern.pattern, count=1), pattern.flags)
    assert plain.pattern != pattern.pattern
    names = sorted(generic.regions)
    texts = [
        " ".join(names),
        ", ".join(n.upper() for n in names),
        "; ".join(f"x{n} {n}x {n.title()}" for n in names),
        "Shelling in Donetsk oblast and \u017fouth Kordofan, near Idlib's countryside.",
    ]
    for text in texts:
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
        assert pattern.findall(text)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Capt. Jean Dupont, commander of the frigate, said the crew was ready.",
        "Gen. Sam Hale, commander, Northern Command met the ministers on Monday.",
    ],
)
def test_a_title_beside_a_name_is_no_armed_group(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    assert not any(a.actor_type is ActorType.POLITICAL_MILITIA for a in extraction.actors)


@pytest.mark.model
def test_a_commander_of_a_group_stays_an_armed_actor(extractor: Any) -> None:
    text = "A commander was killed by gunmen near Kismayo on Monday."
    extraction = extractor.extract_one(Article("t", text))
    commander = next(a for a in extraction.actors if any("commander" in m.text for m in a.mentions))
    assert commander.actor_type is ActorType.POLITICAL_MILITIA


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "actor_type"),
    [
        ("Syrian opposition forces took the town of Lowtown on Monday.", "opposition forces",
         ActorType.REBEL_GROUP),
        ("Rebel forces took the town of Lowtown on Monday.", "Rebel forces", ActorType.REBEL_GROUP),
        ("Syrian armed forces took the town of Lowtown on Monday.", "armed forces",
         ActorType.STATE_FORCES),
        ("Government forces took the town of Lowtown on Monday.", "Government forces",
         ActorType.STATE_FORCES),
    ],
)  # fmt: skip
def test_a_sides_forces_are_that_side(
    extractor: Any, text: str, words: str, actor_type: ActorType
) -> None:
    """ "opposition forces", "rebel forces": the side the modifier names, not the state's
    forces the noun "forces" alone would give; "armed forces" stay the state's."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.actor_type is actor_type


@pytest.mark.model
def test_a_capitalised_plural_the_tagger_takes_for_a_name_is_still_the_noun(
    extractor: Any,
) -> None:
    """ "Rebels attacked the base": the model tags a sentence's first plural as a proper noun
    (NNPS, lemma "Rebels"); it is still the generic actor noun "rebel"."""
    extraction = extractor.extract_one(Article("t", "Rebels attacked the base on Monday."))
    attack = next(e for e in extraction.events if e.trigger.text == "attacked")
    actor = next(a for a in extraction.actors if a.key in attack.agents)
    assert actor.actor_type is ActorType.REBEL_GROUP


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "label"),
    [
        ("Turkish-backed forces shelled the town of Manbij in Syria on Monday.",
         "Turkish-backed forces", "Unidentified Armed Group (Syria)"),
        ("U.S.-backed forces took the town of Lowtown in Syria on Monday.", "U.S.-backed forces",
         "Unidentified Armed Group (Syria)"),
        ("US-trained Syrian forces attacked Islamic State positions near Raqqa.",
         "US-trained Syrian forces", "Unidentified Armed Group (Syria)"),
        ("Turkish forces shelled the town of Manbij in Syria on Monday.", "Turkish forces",
         "Military Forces of Turkey in Syria"),
    ],
)  # fmt: skip
def test_backed_forces_are_a_proxy_not_the_backers_forces(
    extractor: Any, text: str, words: str, label: str
) -> None:
    """ "Turkish-backed forces", "US-trained Syrian forces": the country before a participle of
    backing (lexicon.toml, backing_words) is the group's backer, neither its state nor its
    country, and forces someone backs are no state's forces; "Turkish forces" stay Turkey's."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.label == label


@pytest.mark.parametrize(
    ("text", "words", "label"),
    [
        ("Kurdish forces repelled an Islamic State attack on Kobani in Syria on Monday.",
         "Kurdish forces", "Kurdish Ethnic Militia (Syria)"),
        ("Local Arab fighters attacked an army post near Raqqa on Monday.",
         "Local Arab fighters", "Arab Ethnic Militia (Syria)"),
        # a people that is also a country's demonym stays that country's
        ("Somali forces attacked Al-Shabaab fighters in Baidoa on Monday.", "Somali forces",
         "Military Forces of Somalia"),
        # the police are no militia
        ("Kurdish police arrested two men in Erbil on Monday.", "Kurdish police",
         "Police Forces of Iraq"),
    ],
)  # fmt: skip
def test_a_peoples_armed_men_are_an_ethnic_militia(
    extractor: Any, text: str, words: str, label: str
) -> None:
    """ "Kurdish forces", "Arab fighters": soldiers or fighters a people's name qualifies
    (lexicon.toml, [actors.peoples]) are an identity militia, named as ACLED names them, not
    the state forces of the country they fight in."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.label == label
    if "Ethnic" in label:
        assert actor.actor_type.value == "identity-militia"


@pytest.mark.model
def test_people_of_a_country_are_that_country_s(extractor: Any) -> None:
    text = (
        "Britain's minister spoke in London on Monday. Gunmen shot people of Kenya near the border."
    )
    extraction = extractor.extract_one(Article("t", text))
    labels = {m.text: a.label for a in extraction.actors for m in a.mentions}
    assert labels["people of Kenya"] == "Civilians (Kenya)"  # not the article's main country's
