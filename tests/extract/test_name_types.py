"""Names typed by their last word (kg/data/names.toml), on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.errors import ResourceError
from kg.extract.lexicon import read_words
from kg.extract.name_context import load_organisation_heads, with_ordinal
from kg.extract.phrases import load_honorifics
from kg.model import ActorType, Article
from tests.extract.extracted import mentions_by_label


def test_the_heads_load() -> None:
    heads = load_organisation_heads()
    assert "wing" in heads and "government" in heads
    assert "mr" in load_honorifics()


def test_a_missing_word_list_names_its_file_and_list() -> None:
    with pytest.raises(ResourceError, match=r"names\.toml.*\[people\] nicknames"):
        read_words("names.toml", "people", "nicknames")


@pytest.mark.model
def test_a_unit_after_from_is_no_place(extractor: Any) -> None:
    text = "Ninety airmen from the 912th Air Refueling Wing left for the base on Monday."
    extraction = extractor.extract_one(Article("t", text))
    assert not any("Wing" in p.label for p in extraction.places)
    wing = next(a for a in extraction.actors if "Wing" in a.label)
    assert wing.actor_type is ActorType.ORGANISATION


@pytest.mark.model
def test_a_unit_s_ordinal_begins_its_name(extractor: Any) -> None:
    # regression: "deployed from the 158th Fighter Wing" gave the actor "Fighter Wing", one
    # key for every fighter wing
    text = (
        "Airmen deployed from the 912th Fighter Wing on Monday. "
        "More airmen deployed from the 87th Fighter Wing on Tuesday."
    )
    extraction = extractor.extract_one(Article("t", text))
    wings = sorted(a.label for a in extraction.actors if "Wing" in a.label)
    assert wings == ["87th Fighter Wing", "912th Fighter Wing"]


def test_an_ordinal_joins_the_name_after_it() -> None:
    doc = Doc(
        spacy.blank("en").vocab,
        words=["from", "the", "912th", "Fighter", "Wing", "and", "3", "Fighter", "Wing"],
    )
    assert with_ordinal(doc[3:5]).text == "912th Fighter Wing"
    assert with_ordinal(doc[3:5], taken={2}).text == "Fighter Wing"  # the ordinal is another name's
    assert with_ordinal(doc[7:9]).text == "Fighter Wing"  # a count is no ordinal


@pytest.mark.model
def test_an_honorific_nests_no_name(extractor: Any) -> None:
    text = "Mr Pemberton said the talks would resume. Defence Secretary Jane Holt agreed."
    mentions = mentions_by_label(extractor, text)
    assert mentions["Pemberton"] == ["Mr Pemberton"]
    assert "Jane Holt" in mentions["Jane Holt"]  # a role's title keeps the name nested


@pytest.mark.model
def test_a_town_and_its_region_after_a_comma_are_one_phrase(extractor: Any) -> None:
    text = "The convoy was hit near Tarvel, Ostland, on Monday, and later in northern Ostland."
    extraction = extractor.extract_one(Article("t", text))
    mentions = [m.text for p in extraction.places for m in p.mentions]
    assert "Tarvel, Ostland" in mentions and "Tarvel" in mentions


@pytest.mark.model
def test_a_compass_word_joins_a_country_too(extractor: Any) -> None:
    text = "Aid reached the camps in northern Syria on Monday."
    extraction = extractor.extract_one(Article("t", text))
    syria = next(p for p in extraction.places if p.label == "Syria")
    assert [m.text for m in syria.mentions] == ["northern Syria", "Syria"]


@pytest.mark.model
def test_a_leader_s_regime_is_an_organisation_and_the_leader_a_person(extractor: Any) -> None:
    text = "Aid groups said the Morvak regime has besieged the town of Tarvel in Syria."
    extraction = extractor.extract_one(Article("t", text))
    types = {m.text: a.actor_type for a in extraction.actors for m in a.mentions}
    assert types.get("Morvak") is ActorType.PERSON
    assert types.get("the Morvak regime") not in (None, ActorType.PERSON)


@pytest.mark.model
def test_a_ship_is_neither_an_actor_nor_a_place(extractor: Any) -> None:
    text = (
        "The frigate HMS Valiant joined USS Example in the Red Sea on Monday. "
        "Valiant then sailed north with three destroyers, Captain Ann Lowe said. "
        "Forbin is joining U.S. ships USS Example (DDG 70), USS Sample (DDG 72) and "
        "HMS Valiant (F 12)."
    )
    extraction = extractor.extract_one(Article("t", text))
    named = [m.text for a in extraction.actors for m in a.mentions]
    named += [m.text for p in extraction.places for m in p.mentions]
    assert not any("Valiant" in n or "Example" in n or "Sample" in n for n in named)
    assert not any("DDG" in n or n == "F" for n in named)  # the hull numbers in brackets
    assert any("Ann Lowe" in n for n in named)


@pytest.mark.model
def test_a_time_zone_or_a_holiday_is_no_name(extractor: Any) -> None:
    text = (
        "The strikes began at 0400 Greenwich Mean Time on Thanksgiving Day, "
        "and rebels shelled Idlib the next morning."
    )
    extraction = extractor.extract_one(Article("t", text))
    named = [m.text for a in extraction.actors for m in a.mentions]
    named += [m.text for p in extraction.places for m in p.mentions]
    assert not any("Greenwich" in n or "Thanksgiving" in n for n in named)
    assert "Idlib" in named


@pytest.mark.model
def test_a_unit_named_after_its_country_is_an_organisation(extractor: Any) -> None:
    text = "A spokesman for U.S. Naval Forces Central Command said the drill had ended."
    extraction = extractor.extract_one(Article("t", text))
    unit = next(a for a in extraction.actors if "Command" in a.label)
    assert unit.actor_type is ActorType.ORGANISATION
    assert [m.text for m in unit.mentions] == ["U.S. Naval Forces Central Command"]
    assert any(p.label == "United States" for p in extraction.places)  # the country nests


@pytest.mark.model
def test_a_name_cut_at_a_lower_case_particle_is_made_whole(extractor: Any) -> None:
    text = "Rebels shelled a depot near Dayr az Zawr on Tuesday, residents said."
    extraction = extractor.extract_one(Article("t", text))
    mentions = [m.text for p in extraction.places for m in p.mentions]
    mentions += [m.text for a in extraction.actors for m in a.mentions]
    assert "Dayr az Zawr" in mentions and not {"Dayr", "Zawr"} & set(mentions)


@pytest.mark.model
def test_a_particle_written_with_a_stray_space_joins_the_name(extractor: Any) -> None:
    """ "the Foreign Minister, Omar al- Haddad": one person (the title in apposition is a
    mention of him), labelled as the name is spelt without the space."""
    text = "Jane Holt met the Lowland Foreign Minister, Omar al- Haddad in Lowtown today."
    extraction = extractor.extract_one(Article("t", text))
    person = next(a for a in extraction.actors if "Haddad" in a.label)
    assert person.label == "Omar al-Haddad"
    assert person.actor_type is ActorType.PERSON
    assert "the Lowland Foreign Minister" in [m.text for m in person.mentions]
    assert not [p for p in extraction.places if "Haddad" in p.label]


def test_english_words_are_no_particles() -> None:
    words = read_words("names.toml", "particles", "words")
    assert "az" in words and not {"at", "as", "an", "of", "and"} & words


@pytest.mark.model
def test_a_state_s_own_forces_stay_its_forces(extractor: Any) -> None:
    text = "Somalia National Army troops killed two militants in Kismayo on Monday."
    extraction = extractor.extract_one(Article("t", text))
    forces = next(a for a in extraction.actors if a.label == "Military Forces of Somalia")
    assert forces.actor_type is ActorType.STATE_FORCES


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Secretary met the US Secretary of State and partners in Paris on Monday.",
        "The Minister of Interior said police arrested two men in Basra.",
    ],
)
def test_a_portfolio_after_a_title_is_no_organisation(extractor: Any, text: str) -> None:
    labels = mentions_by_label(extractor, text)
    assert not any(label in ("State", "Interior") for label in labels)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,person",
    [
        ("Officers shared knowledge in an exchange between experts. Staff Sgt. Albert Connelly, "
         "an artillery crew chief, said the classes went well.", "Albert Connelly"),
        ("Questions will be asked by Navy Capt. Jeff Davis who will also be in the room.",
         "Jeff Davis"),
        ("During the call, Brig. Gen. Richard Coe will present the findings.", "Richard Coe"),
    ],
)  # fmt: skip
def test_a_military_rank_before_a_name_is_no_actor(extractor: Any, text: str, person: str) -> None:
    labels = {a.label for a in extractor.extract_one(Article("t", text)).actors}
    assert person in labels
    assert not labels & {"Staff Sgt", "Sgt", "Navy Capt", "Brig"}


@pytest.mark.model
def test_a_capitalised_rank_before_a_name_is_no_group(extractor: Any) -> None:
    text = "Petty Officer Keating was advising local forces when he was killed in northern Iraq."
    actors = extractor.extract_one(Article("t", text)).actors
    assert not any("Petty Officer" in m.text for a in actors if a.actor_type is not ActorType.PERSON
                   for m in a.mentions)  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        (
            "Gunmen killed 70 members of the Al Bu Zaid tribe in Lowtown.",
            "Al Bu Zaid",
            "the Al Bu Zaid tribe",
        ),
        (
            "Fighting broke out between the Darood clan and the army near Lowtown.",
            "Darood",
            "the Darood clan",
        ),
        ("He was the son of a sheikh of the Kabrani clan.", "Kabrani", "the Kabrani clan"),
        ("The Abgaal are a sub-clan of the Hawiye.", "Abgaal", "The Abgaal"),
        ("The Abgaal are a sub-clan of the Hawiye.", "Hawiye", "the Hawiye"),
    ],
)
def test_a_name_before_tribe_or_clan_is_a_kin_group(
    extractor: Any, text: str, name: str, phrase: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    group = next(a for a in extraction.actors if a.label == name)
    assert group.actor_type is ActorType.IDENTITY_MILITIA  # a tribe, not a person
    assert phrase in [m.text for m in group.mentions]  # the mention covers its phrase


@pytest.mark.model
def test_the_tribe_whose_members_are_killed_is_not_a_second_target(extractor: Any) -> None:
    # regression: "members of the X tribe" made the tribe a target, and a relation with it
    extraction = extractor.extract_one(
        Article("t", "ISIL has killed 70 members of the Kabrani tribe in Lowtown.")
    )
    attack = next(e for e in extraction.events if e.event_type == "attack")
    assert "kabrani" not in attack.targets and len(attack.targets) == 1
    assert not any("kabrani" in (r.source, r.target) for r in extraction.relations)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The statement came from Ambassador Jane Holt on Monday.",
        "Below is a statement from Spokesperson Jane Holt.",
    ],
)
def test_a_titled_name_after_from_is_the_person_not_a_place(extractor: Any, text: str) -> None:
    # regression: "from Ambassador Robert Ford", "from President Obama" were places (the
    # latter geocoded in Japan): "from" is a locative preposition to the place rules
    extraction = extractor.extract_one(Article("t", text))
    assert not extraction.places
    holt = next(a for a in extraction.actors if a.label == "Jane Holt")
    assert holt.actor_type is ActorType.PERSON


@pytest.mark.model
def test_a_fields_name_in_a_tag_is_no_person(extractor: Any) -> None:
    """Regression: the model read "Size" in a coder's "[Size=no report]" tag as a person (a
    Person actor "Size" in 27 of 1,000 bench articles)."""
    extraction = extractor.extract_one(
        Article("t", "Traders protested in Lowtown, Kenya on Monday. [Size=no report]")
    )
    assert [a.label for a in extraction.actors] == ["Protesters (Kenya)"]


@pytest.mark.model
def test_a_body_named_by_its_noun_and_of_is_no_place(extractor: Any) -> None:
    # "from", "at": prepositions of place, but "the Department of X" heads a body's name
    text = (
        "Traders may not sell the oil without a licence from the Department of the Treasury. "
        "The grant was announced at the Ministry of Culture on Monday."
    )
    extraction = extractor.extract_one(Article("t", text))
    assert not extraction.places
    bodies = {a.label: a.actor_type for a in extraction.actors}
    assert bodies["Department of the Treasury"] is ActorType.ORGANISATION
    assert bodies["Ministry of Culture"] is ActorType.ORGANISATION


@pytest.mark.model
def test_a_place_s_noun_before_of_still_names_a_place(extractor: Any) -> None:
    text = "Fighters fled from the Province of Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    assert [p.label for p in extraction.places] == ["Province of Lowtown"]


@pytest.mark.model
def test_a_body_s_phrase_stops_before_the_comma_of_a_list(extractor: Any) -> None:
    text = (
        "Dr. Karim Lowe, director of the Office of Archives at the Lowtown Ministry of Culture, "
        "State Board of Heritage (SBH) announced the grant."
    )
    mentions = mentions_by_label(extractor, text)
    assert mentions["Lowtown Ministry of Culture"] == ["the Lowtown Ministry of Culture"]
