"""Mentions anchored on the noun phrase that refers to an actor or a place (kg/extract/phrases.py),
while labels and keys stay the names."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article, Extraction

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


def test_a_capital_preposition_is_not_part_of_a_name(extractor: Any) -> None:
    # regression: "Near Palmyra" at a sentence start was read as a person
    text = "Near Palmyra, two strikes destroyed a vehicle. Near Sinjar, one strike hit a bridge."
    extraction = _extract(extractor, text)
    assert {p.label for p in extraction.places} >= {"Palmyra", "Sinjar"}
    assert not [a for a in extraction.actors if "Palmyra" in a.label or "Sinjar" in a.label]


def test_a_compass_word_that_starts_a_name_stays(extractor: Any) -> None:
    text = "Israeli forces raided a village in the West Bank near Bethlehem."
    assert "west-bank" in {p.key for p in _extract(extractor, text).places}


def test_a_country_s_government_is_an_organisation_mention(extractor: Any) -> None:
    text = "The Government of Iraq welcomed the statement on Sunday."
    actors = {a.key: a for a in _extract(extractor, text).actors}
    government = actors["government-of-iraq"]
    assert [m.text for m in government.mentions] == ["The Government of Iraq"]
    assert government.label == "Government of Iraq"


def test_a_weapon_is_no_organisation(extractor: Any) -> None:
    text = "Near Mosul, one strike destroyed a VBIED and an ISIS tactical unit."
    labels = {a.label for a in _extract(extractor, text).actors}
    assert not any("VBIED" in label for label in labels)


def test_a_title_in_apposition_is_a_mention_of_the_person(extractor: Any) -> None:
    text = "Boris Johnson, the Foreign Secretary, met ministers in London on Monday."
    actor = next(a for a in _extract(extractor, text).actors if a.key == "boris-johnson")
    assert "the Foreign Secretary" in [m.text for m in actor.mentions]


def test_a_role_in_apposition_is_the_person_not_a_force(extractor: Any) -> None:
    """ "X, the lead investigating officer,": the officer is X, no police force."""
    text = "Col. Jane Holt, the lead investigating officer, will present the findings in Lowtown."
    extraction = _extract(extractor, text)
    actor = next(a for a in extraction.actors if a.key == "jane-holt")
    assert "the lead investigating officer" in [m.text for m in actor.mentions]
    assert not [a for a in extraction.actors if a.actor_type is ActorType.STATE_FORCES]


def test_an_officer_named_by_no_name_stays_a_force(extractor: Any) -> None:
    text = "A police officer was shot dead by gunmen in Lowtown on Monday."
    extraction = _extract(extractor, text)
    assert [a for a in extraction.actors if a.actor_type is ActorType.STATE_FORCES]


def test_a_count_is_no_part_of_the_mention(extractor: Any) -> None:
    text = "Near Mosul, five strikes engaged four ISIS tactical units."
    actor = next(a for a in _extract(extractor, text).actors if a.key == "islamic-state")
    assert [m.text for m in actor.mentions] == ["ISIS tactical units", "ISIS"]


def test_a_plural_demonym_is_a_nation_s_people(extractor: Any) -> None:
    text = "The Iraqis have cleared most of the town, the commander said."
    actors = {a.key: a for a in _extract(extractor, text).actors}
    assert [m.text for m in actors["iraqis"].mentions] == ["The Iraqis"]
    assert actors["iraqis"].label == "Iraqis"


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


def test_the_group_refers_back_to_the_last_group_named(extractor: Any) -> None:
    text = "Al-Shabaab claimed the attack. The group said it killed ten soldiers."
    actors = {a.key: a for a in _extract(extractor, text).actors}
    assert [m.text for m in actors["al-shabaab"].mentions] == ["Al-Shabaab", "The group"]


def test_a_headline_title_without_article_is_a_person(extractor: Any) -> None:
    text = "Defence Secretary welcomes new talks on the border.\nThe talks begin in Geneva."
    people = [a for a in _extract(extractor, text).actors if a.label == "Defence Secretary"]
    assert [m.text for a in people for m in a.mentions] == ["Defence Secretary"]
    assert people[0].actor_type.value == "person"


def test_a_title_inside_a_sentence_is_no_headline(extractor: Any) -> None:
    text = "He met the Interior Minister of Chad and Defence Secretary staff in Geneva."
    labels = {a.label for a in _extract(extractor, text).actors}
    assert "Defence Secretary" not in labels


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


@pytest.mark.model
@pytest.mark.parametrize(
    "text,phrase,body",
    [
        ("A Foreign Office spokesman said the talks would go on.", "A Foreign Office spokesman",
         "Foreign Office"),
        ("The minister joined the US Secretary of State for talks in Paris.",
         "the US Secretary of State", "US"),
        ("The NATO commanding general said the drill went well.",
         "The NATO commanding general", "NATO"),
    ],
)  # fmt: skip
def test_a_title_after_a_body_s_name_names_a_person(
    extractor: Any, text: str, phrase: str, body: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    people = [m.text for a in extraction.actors if a.actor_type is ActorType.PERSON
              for m in a.mentions]  # fmt: skip
    assert phrase in people
    others = [m.text for a in extraction.actors if a.actor_type is not ActorType.PERSON
              for m in a.mentions]  # fmt: skip
    others += [m.text for p in extraction.places for m in p.mentions]
    assert body in others  # the body's name stays its own mention, nested in the person's


@pytest.mark.model
def test_a_title_and_its_portfolio_name_the_person_in_apposition(extractor: Any) -> None:
    text = "Minister for the Caribbean, Jane Holt, visited the port on Monday."
    extraction = extractor.extract_one(Article("t", text))
    holt = next(a for a in extraction.actors if a.label == "Jane Holt")
    assert "Minister for the Caribbean" in [m.text for m in holt.mentions]


@pytest.mark.model
def test_a_title_and_its_portfolio_without_a_name_are_a_person(extractor: Any) -> None:
    text = "In his first visit to Uzbekistan as Minister for Central Asia, he met officials."
    extraction = extractor.extract_one(Article("t", text))
    people = {a.label: [m.text for m in a.mentions] for a in extraction.actors}
    assert "Minister for Central Asia" in people.get("Minister for Central Asia", [])
    assert "Central Asia" in {p.label for p in extraction.places}  # the portfolio's place


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


def test_the_government_and_people_of_a_country_are_two_mentions(extractor: Any) -> None:
    text = "The U.S. reaffirms its commitment to support the government and people of Iraq."
    actors = {a.key: a for a in _extract(extractor, text).actors}
    assert [m.text for m in actors["government-of-iraq"].mentions] == ["the government"]
    people = next(a for a in actors.values() if a.actor_type is ActorType.CIVILIANS)
    assert [m.text for m in people.mentions] == ["people of Iraq"]
    assert people.label == "Civilians (Iraq)"  # the people "of Iraq", not the speaker's


def test_a_leaders_regime_is_of_the_country_of_the_events(extractor: Any) -> None:
    """ "The UK condemned the Asad regime's strikes ... in Syria": the regime is no British
    body; the country a regime with no country of its own belongs to is where the events are,
    not the one the article names most."""
    text = (
        "The UK condemned the Asad regime's air strikes on Lowtown in Syria. The UK has called "
        "for a ceasefire and the UK will press for talks."
    )
    regime = next(a for a in _extract(extractor, text).actors if "regime" in a.label)
    assert regime.country == "SY"


def test_a_leaders_regime_acts_not_the_leader(extractor: Any) -> None:
    """ "The Asad regime bombed Lowtown": the event's agent is the regime (Syria's forces,
    named so elsewhere), not the person Asad, whose name stays a mention of his own."""
    text = "Syrian regime forces shelled Highfield. The Asad regime also bombed Lowtown on Monday."
    extraction = _extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    agents = {k for e in extraction.events for k in e.agents}
    assert agents == {"military-forces-of-syria"}
    assert any(a.actor_type is ActorType.PERSON and a.label == "Asad" for a in actors.values())
