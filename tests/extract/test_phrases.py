"""Mentions anchored on the noun phrase that refers to an actor or a place (kg/extract/phrases.py),
while labels and keys stay the names."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article, Extraction

pytestmark = pytest.mark.model


def _extract(extractor: Any, text: str) -> Extraction:
    result: Extraction = extractor.extract_one(Article("t", text))
    return result


def test_a_title_and_the_name_are_both_mentions_of_the_person(extractor: Any) -> None:
    text = (
        "Foreign Secretary Boris Johnson met ministers in London on Monday. "
        "The Foreign Secretary said the talks were useful."
    )
    actor = next(a for a in _extract(extractor, text).actors if a.key == "boris-johnson")
    assert actor.label == "Boris Johnson"
    mentions = [m.text for m in actor.mentions]
    assert "Foreign Secretary Boris Johnson" in mentions and "Boris Johnson" in mentions
    assert "The Foreign Secretary" in mentions  # the title alone refers back to him
    assert actor.aliases == ()  # a role is no alias


def test_a_rating_before_a_name_is_the_person_s_whole(extractor: Any) -> None:
    text = (
        "We mourn the loss of one of our own, Navy Special Warfare Operator 1st Class "
        "Charles Brown, who was killed yesterday in northern Lowland."
    )
    person = next(a for a in _extract(extractor, text).actors if a.label == "Charles Brown")
    mentions = [m.text for m in person.mentions]
    assert "Navy Special Warfare Operator 1st Class Charles Brown" in mentions
    assert "Class Charles Brown" not in mentions


def test_a_name_modifying_a_group_noun_is_mentioned_by_the_whole_phrase(extractor: Any) -> None:
    text = "An ISIS tactical unit withdrew from the town on Tuesday."
    actor = next(a for a in _extract(extractor, text).actors if a.key == "islamic-state")
    assert actor.label == "Islamic State"
    assert [m.text for m in actor.mentions] == ["An ISIS tactical unit", "ISIS"]


def test_a_determiner_joins_the_mention_without_a_nested_name(extractor: Any) -> None:
    text = "The statement of the Syrian Democratic Forces was welcomed in Geneva."
    actor = next(a for a in _extract(extractor, text).actors if "democratic" in a.key)
    assert [m.text for m in actor.mentions] == ["the Syrian Democratic Forces"]


def test_a_compass_word_belongs_to_a_town_s_mention(extractor: Any) -> None:
    text = "Government forces shelled eastern Aleppo on Tuesday in northern Syria."
    places = {p.key: p for p in _extract(extractor, text).places}
    assert [m.text for m in places["aleppo"].mentions] == ["eastern Aleppo", "Aleppo"]
    # a mention of Syria itself (re3d's convention), not a place of its own
    assert [m.text for m in places["syria"].mentions] == ["northern Syria", "Syria"]
    assert "northern-syria" not in places


def test_a_compass_word_that_starts_a_name_stays(extractor: Any) -> None:
    text = "Israeli forces raided a village in the West Bank near Bethlehem."
    assert "west-bank" in {p.key for p in _extract(extractor, text).places}


def test_a_weapon_is_no_organisation(extractor: Any) -> None:
    text = "Near Mosul, one strike destroyed a VBIED and an ISIS tactical unit."
    labels = {a.label for a in _extract(extractor, text).actors}
    assert not any("VBIED" in label for label in labels)


def test_a_count_is_no_part_of_the_mention(extractor: Any) -> None:
    text = "Near Mosul, five strikes engaged four ISIS tactical units."
    actor = next(a for a in _extract(extractor, text).actors if a.key == "islamic-state")
    assert [m.text for m in actor.mentions] == ["ISIS tactical units", "ISIS"]


def test_one_phrase_is_one_mention(extractor: Any) -> None:
    # regression: a name and the generic noun it modifies both took the whole phrase, and the
    # one mention then referred to two actors (a SHACL violation)
    text = "Al-Qaida's foreign terrorist fighter network used the building as a base in Idlib."
    extraction = _extract(extractor, text)
    spans = [
        (m.start, m.end)
        for records in (extraction.actors, extraction.places)
        for r in records
        for m in r.mentions
    ]
    assert len(spans) == len(set(spans))


@pytest.mark.parametrize(
    ("text", "phrase", "name"),
    [
        ("Air strikes hit targets in Idlib province on Monday.", "Idlib province", "Idlib"),
        ("The ministers discussed joint action in Calais region.", "Calais region", "Calais"),
        ("Shelling hit the Wadi Barada area of Damascus.", "the Wadi Barada area", "Wadi Barada"),
    ],
)
def test_a_name_and_its_place_noun_are_one_mention(
    extractor: Any, text: str, phrase: str, name: str
) -> None:
    places = {p.label: [m.text for m in p.mentions] for p in _extract(extractor, text).places}
    assert places.get(name) == [phrase, name]


def test_a_listed_place_without_a_place_context_is_a_place(extractor: Any) -> None:
    text = "Aid agencies have not been given access to eastern Aleppo since June."
    places = {p.label: [m.text for m in p.mentions] for p in _extract(extractor, text).places}
    assert places.get("Aleppo") == ["eastern Aleppo", "Aleppo"]


def test_a_listed_place_telling_where_people_are_from_is_no_place(extractor: Any) -> None:
    text = "Kisumu students rioted over the killing of a student by police."
    assert not any(p.label == "Kisumu" for p in _extract(extractor, text).places)


@pytest.mark.parametrize(
    "text,phrase",
    [
        ("Gunmen attacked the residents of Lowtown on Monday.", "the residents of Lowtown"),
        ("Militants shot citizens of Lowtown.", "citizens of Lowtown"),
    ],
)
def test_the_residents_of_a_place_are_one_mention(extractor: Any, text: str, phrase: str) -> None:
    mentions = [m.text for a in _extract(extractor, text).actors for m in a.mentions]
    assert phrase in mentions


def test_the_families_of_the_victims_stay_two_groups(extractor: Any) -> None:
    text = "Gunmen killed ten people. We send condolences to the families of the victims."
    mentions = [m.text for a in _extract(extractor, text).actors for m in a.mentions]
    assert "the families" in mentions and "the victims" in mentions


@pytest.mark.parametrize(
    "text,phrase,name",
    [
        ("Peshmerga brigades retook the village near Lowtown.", "Peshmerga brigades", "Peshmerga"),
        ("Hezbollah advisers trained the fighters.", "Hezbollah advisers", "Hezbollah"),
    ],
)
def test_a_group_named_through_its_units_or_advisers_is_one_phrase(
    extractor: Any, text: str, phrase: str, name: str
) -> None:
    mentions = [m.text for a in _extract(extractor, text).actors for m in a.mentions]
    assert phrase in mentions and name in mentions  # the name inside is a mention too


def test_a_built_place_s_name_keeps_its_article(extractor: Any) -> None:
    text = (
        "Militants captured the Lowtown Barrage on Monday and shelled the Upton Mosque. "
        "Reporters gathered in the Press Briefing Room. Strikes hit the United States embassy "
        "near Kobane Dam."
    )
    words = {m.text for p in _extract(extractor, text).places for m in p.mentions}
    assert {"the Lowtown Barrage", "the Upton Mosque", "the Press Briefing Room"} <= words
    assert not words & {"Lowtown Barrage", "Upton Mosque", "Press Briefing Room"}  # none nested
    assert "Kobane Dam" in words  # no article, none added


def test_a_body_of_water_s_name_keeps_its_article(extractor: Any) -> None:
    text = (
        "Warships patrolled the Red Sea and the Gulf on Monday. Militants crossed the Lowtown "
        "River near Upton."
    )
    words = {m.text for p in _extract(extractor, text).places for m in p.mentions}
    assert {"the Red Sea", "the Gulf", "the Lowtown River"} <= words
    assert not words & {"Red Sea", "Gulf", "Lowtown River"}  # none nested
    assert "Upton" in words  # a town's name takes no article


def test_two_titled_people_joined_by_and_are_two_phrases(extractor: Any) -> None:
    # the parse reads the first name as a modifier of the second; one title, one person
    text = (
        "Foreign Minister Lia Ken and Defence Minister Omar Farah will host envoys in Lowtown "
        "on Monday."
    )
    people = {a.label: [m.text for m in a.mentions] for a in _extract(extractor, text).actors}
    assert "Defence Minister Omar Farah" in people["Omar Farah"], people
    assert not any("Lia Ken and" in m for m in people["Omar Farah"]), people


def test_a_body_s_name_right_before_a_person_s_is_not_in_the_person_s_phrase(
    extractor: Any,
) -> None:
    text = (
        "Special Envoy for the Global Coalition to Counter ISIL Brett Lowe will lead a "
        "delegation to Lowtown."
    )
    mentions = [
        m.text for a in _extract(extractor, text).actors if a.label == "Brett Lowe"
        for m in a.mentions
    ]  # fmt: skip
    assert mentions == ["Brett Lowe"], mentions
    # a title between the body's name and the person's keeps the phrase whole
    text = "U.S. Army General Joseph Lowe visited Lowtown on Monday."
    mentions = [
        m.text for a in _extract(extractor, text).actors if a.label == "Joseph Lowe"
        for m in a.mentions
    ]  # fmt: skip
    assert "U.S. Army General Joseph Lowe" in mentions, mentions


def test_a_title_joins_a_hyphenated_name_as_any_other(extractor: Any) -> None:
    # the parse hangs the hyphen of "Al-Lowani" on the surname; it ends no phrase
    for text, name in (
        ("Rebels met Prime Minister Al-Lowani in Lowtown on Monday.", "Al-Lowani"),
        ("He was appointed by Lowlandic Prime Minister Omar al-Lowani to lead the crackdown.",
         "Omar al-Lowani"),
    ):  # fmt: skip
        mentions = [
            m.text for a in _extract(extractor, text).actors if a.label == name
            for m in a.mentions
        ]  # fmt: skip
        assert any(m.startswith(("Prime Minister", "Lowlandic Prime")) for m in mentions), mentions
