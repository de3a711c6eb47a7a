"""Place names the entity model splits, misses or invents (kg/extract/place_names.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.found import Found
from kg.keys import name_key
from kg.model import ActorType, Article, PlaceType

pytestmark = pytest.mark.model


def _places(extractor: Any, text: str) -> list[str]:
    result = extractor.extract_one(Article("t", text))
    return [m.text for p in result.places for m in p.mentions]


def test_a_name_joined_by_a_particle_is_one_place(extractor: Any) -> None:
    places = _places(extractor, "Gunmen raided a checkpoint in Pul-e Khumri district on Monday.")
    assert "Pul-e Khumri" in places and "Pul" not in places and "Khumri" not in places


def test_an_arabic_article_joins_the_name(extractor: Any) -> None:
    text = "Shells fell near Tell al-Abyad on Monday. A mine exploded in Ras al-Ain on Tuesday."
    places = _places(extractor, text)
    assert "Tell al-Abyad" in places and "Ras al-Ain" in places


def test_a_person_named_with_an_article_stays_a_person(extractor: Any) -> None:
    places = _places(extractor, "Abu Bakr al-Baghdadi was reported killed in Idlib on Monday.")
    assert places == ["Idlib"]


def test_the_country_a_faction_supports_is_no_place(extractor: Any) -> None:
    places = _places(extractor, "On Monday, pro-Turkey factions shelled villages in Afrin.")
    assert "Turkey" not in places and "Afrin" in places


def test_a_currency_names_no_country(extractor: Any) -> None:
    places = _places(
        extractor, "Traders in Idlib protested the fall of the pound against the US dollar."
    )
    assert "US" not in places and "Idlib" in places


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, militants fired Katyusha rockets at an army post near Lowtown.",
        "On Monday, the rebels fired dozens of Katyusha rockets at an army post near Lowtown.",
    ],
)
def test_a_weapons_model_names_no_place(extractor: Any, text: str) -> None:
    places = _places(extractor, text)
    assert "Katyusha" not in places and "Lowtown" in places


@pytest.mark.parametrize("name", ["Akhali", "Novara"])
def test_a_partys_name_names_no_place(extractor: Any, name: str) -> None:
    """The model reads a one-word party's name before "party" as a town."""
    places = _places(
        extractor, f"On Monday, police detained a leader of the {name} party in Lowtown."
    )
    assert name not in places and "Lowtown" in places


@pytest.mark.parametrize(
    "text",
    [
        "Smith's party, Kenya Freedom Movement (KFM), said two of its supporters were shot"
        " dead in Lowtown.",
        "Members of Nigeria People's Alliance (NPA) marched in Lowtown on Monday.",
    ],
)
def test_a_country_starting_a_bracketed_acronyms_name_names_no_place(
    extractor: Any, text: str
) -> None:
    """The party is whose, as "U.S. Naval Forces Central Command" is: no place of its own."""
    places = _places(extractor, text)
    assert "Kenya" not in places and "Nigeria" not in places and "Lowtown" in places


def test_a_country_before_another_acronym_stays_a_place(extractor: Any) -> None:
    text = "Gunmen killed two people in Kenya on Monday (ABC reported)."
    assert "Kenya" in _places(extractor, text)


def test_a_town_before_a_rocket_attack_stays_a_place(extractor: Any) -> None:
    places = _places(extractor, "On Monday, a Lowtown rocket attack killed two soldiers.")
    assert "Lowtown" in places


def test_a_road_names_both_towns(extractor: Any) -> None:
    places = _places(extractor, "On Monday, bandits ambushed a lorry on the Kitale-Lodwar road.")
    assert "Kitale" in places and "Lodwar" in places


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On Monday, students protested at Garissa University over fees.", "Garissa"),
        ("On Monday, students protested at the University of Garissa over fees.", "Garissa"),
        ("On Monday, gunmen attacked the Garissa police station.", "Garissa"),
        # names the entity model misses
        (
            "On Monday, women protested outside the Bakirtepe courthouse over a sentence.",
            "Bakirtepe",
        ),
        (
            "The crowd at a Bakirtepe polling centre attacked a woman accused of bribery.",
            "Bakirtepe",
        ),
        ("On Monday, nurses protested at the Bakirtepe health center over pay.", "Bakirtepe"),
    ],
)
def test_an_institution_names_its_town(extractor: Any, text: str, town: str) -> None:
    assert town in _places(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, militants raided Lowtan Police Camp in Hightown County.",
        "On Monday, gunmen attacked the Lowtan Central Police Station.",
        "Two rebels were killed in a forest under Lowtan Police Station (Hightown, Maharashtra).",
    ],
)
def test_a_capitalised_police_station_names_its_town(extractor: Any, text: str) -> None:
    places = _places(extractor, text)
    assert "Lowtan" in places and not any("Police" in p for p in places), places


def test_a_police_station_of_no_town_names_no_place(extractor: Any) -> None:
    places = _places(extractor, "On Monday, protesters stormed the Central Police Station.")
    assert "Central" not in places, places


@pytest.mark.parametrize(
    ("text", "town"),
    [
        (
            "On February 26 Tamberi Governor's Office declared five zones closed to citizens.",
            "Tamberi",
        ),
        ("On 3 March Kovanli Governor's Office banned all marches for 15 days.", "Kovanli"),
        ("Youths stormed the Lowtown District Commissioner's office on Monday.", "Lowtown"),
    ],
)
def test_an_officials_office_names_its_place(extractor: Any, text: str, town: str) -> None:
    places = _places(extractor, text)
    assert town in places and not any(" " in p for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered outside the Governor's Office on Monday.",
        "Ali Governor's Office closed the road on Monday.",  # the model saw a person
    ],
)
def test_an_office_of_no_named_place_names_no_place(extractor: Any, text: str) -> None:
    assert _places(extractor, text) == []


def test_a_post_on_social_media_names_no_place(extractor: Any) -> None:
    places = _places(extractor, "A Facebook post said gunmen attacked the Wajir border post.")
    assert "Facebook" not in places and "Wajir" in places


def test_people_named_after_their_town_name_a_place(extractor: Any) -> None:
    assert "Garissa" in _places(extractor, "On Monday, Garissa traders protested a new market tax.")


def test_a_faith_naming_residents_is_no_place(extractor: Any) -> None:
    places = _places(extractor, "On Monday, Muslim residents of Kisumu protested a new tax.")
    assert "Muslim" not in places


def test_the_outskirts_of_a_town_name_the_town(extractor: Any) -> None:
    places = _places(extractor, "On Monday, artillery targeted the outskirts of Kafr Nabl (Idlib).")
    assert "Kafr Nabl" in places


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On Monday, Garissa University College students protested over fees.", "Garissa"),
        ("On Monday, students at Moi University in Eldoret protested over fees.", "Eldoret"),
    ],
)
def test_the_town_of_a_college(extractor: Any, text: str, town: str) -> None:
    places = _places(extractor, text)
    assert town in places and "Moi" not in places


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, students of Lowtan Boys High School rioted over their principal.",
        "On Monday, students of Lowtan Girls' Secondary School went on strike.",
        "On Monday, youths disrupted a rally at Lowtan Stadium.",
        "On Monday, nurses at the Lowtan District Hospital went on strike.",
        "On Monday, students of Lowtan Teachers Training College held demonstrations.",
    ],
)
def test_a_school_names_its_town(extractor: Any, text: str) -> None:
    places = _places(extractor, text)
    assert "Lowtan" in places and not any(" " in p for p in places), places


def test_a_school_of_kind_words_only_names_no_town(extractor: Any) -> None:
    places = _places(extractor, "On Monday, students of Boys High School went on strike.")
    assert not any(p in ("Boys", "Boys High") for p in places), places


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Suburban Kisumu residents lynched a suspected thief on Monday.", "Kisumu"),
        ("Rural Eldoret traders protested a new market tax on Monday.", "Eldoret"),
    ],
)
def test_a_setting_word_before_residents_is_no_part_of_the_town(
    extractor: Any, text: str, town: str
) -> None:
    labels = [p.label for p in extractor.extract_one(Article("t", text)).places]
    assert town in labels and not any(p.startswith(("Suburban", "Rural")) for p in labels), labels


def test_a_hospital_named_after_a_person_is_no_town(extractor: Any) -> None:
    places = _places(extractor, "Al Assad University Hospital in Damascus was shelled on Monday.")
    assert "Al Assad" not in places


def test_a_road_named_by_compass_points_names_no_town(extractor: Any) -> None:
    places = _places(extractor, "On Monday, locals blocked the East-West highway in Lamki village.")
    assert "East" not in places and "West" not in places and "Lamki" in places


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a Christian village near Jos on Sunday.",
        "Militants shelled a Kurdish town near Jos on Sunday.",
    ],
)
def test_a_community_before_a_place_noun_is_no_place(extractor: Any, text: str) -> None:
    assert _places(extractor, text) == ["Jos"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Two policemen were wounded by gunmen in Kushki Kuhna district Herat.", "Kushki Kuhna"),
        ("Fighters attacked army positions on the Qaniyah front on Monday.", "Qaniyah"),
        ("Rebels clashed with regime forces in the Zmar axis on Monday.", "Zmar"),
        ("On Monday, residents of Gatundu protested against insecurity.", "Gatundu"),
    ],
)
def test_a_name_before_a_place_noun_or_after_residents_of_is_a_place(
    extractor: Any, text: str, place: str
) -> None:
    assert place in _places(extractor, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Reported on 11 March 2021 over the past 24 hours an airstrike by Afghan military "
            "forces killed 1 Taliban militant Dara Joy district Zabul.",
            "Dara Joy district Zabul",
        ),
        (
            "2 Taliban militants were killed in Laram of Jaghori district Ghazni.",
            "Laram of Jaghori district Ghazni",
        ),
        ("Journalists protest against a proposed bill through the streets of Kabwezi.", "Kabwezi"),
        ("Hezbollah fired a missile towards the forests of Kfarhouna (Tyr).", "Kfarhouna"),
        ("Al Shabaab attacked Haluqa, outside of Kabwezi, targeting a mast.", "Kabwezi"),
        ("Ten militants were killed in al-Hamra area southeast Ar Rashad.", "Ar Rashad"),
        ("Shells fell near the town Umm Saad on Monday.", "Umm Saad"),
        ("Protesters blocked the road at the Rahbe intersection on Monday.", "Rahbe"),
        ("Unidentified assailants attacked Kibwezi location on Monday.", "Kibwezi"),
        (  # the model reads both towns as persons; they are war regions' known places
            "Airstrikes hit Jisr al-Shughur and Maarat al-Numan in Idlib province on Sunday.",
            "Jisr al-Shughur",
        ),
        (
            "Airstrikes hit Jisr al-Shughur and Maarat al-Numan in Idlib province on Sunday.",
            "Maarat al-Numan",
        ),
    ],
)
def test_a_name_the_model_took_for_an_actor_is_a_place_where_the_text_places_it(
    extractor: Any, text: str, place: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert place in [m.text for p in result.places for m in p.mentions]
    assert not any(place in m.text for a in result.actors for m in a.mentions)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("On Monday, MP Jane Otieno of Suba constituency condemned the attack.", "Jane Otieno"),
        ("On Monday, workers at Kilimo Sugar Company went on strike.", "Kilimo Sugar Company"),
    ],
)
def test_an_actor_after_a_preposition_of_place_may_stay_an_actor(
    extractor: Any, text: str, actor: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert any(actor in m.text for a in result.actors for m in a.mentions)
    assert actor not in [m.text for p in result.places for m in p.mentions]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Gunmen shot at Lowtown on Monday.", "place"),
        ("Gunmen shot at Lowtown police on Monday.", "actor"),  # whose police
        ("Gunmen were seen near Lowtown's house on Monday.", "actor"),  # a person's
        ("Gunmen were seen near the Lowtown Council on Monday.", "actor"),  # an organisation
        ("Gunmen were seen in the village of Lowtown on Monday.", "place"),
        ("Gunmen were seen in the home of Lowtown on Monday.", "actor"),
    ],
)
def test_which_actors_after_a_preposition_of_place_are_places(
    extractor: Any, text: str, kind: str
) -> None:
    """The rule alone, on a name the entity model took for an actor."""
    doc = extractor.nlp(text)
    start = next(t.i for t in doc if t.text == "Lowtown")
    end = start + 2 if doc[start + 1].text == "Council" else start + 1
    name = doc[start:end].text
    actor = Found("actor", start, end, name_key(name), name, actor_type=ActorType.ORGANISATION)
    settled = extractor.mentions.place_names.settle(doc, [actor], set())
    assert [(f.kind, f.start) for f in settled] == [(kind, start)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen shot at Michoacan state police on Monday.", "Michoacan"),
        ("Soldiers repelled an attack on the Syrian front on Monday.", "Syrian"),
        ("Troops advanced on the Eastern front on Monday.", "Eastern"),
    ],
)
def test_a_place_noun_naming_an_actor_or_a_side_gives_no_place(
    extractor: Any, text: str, word: str
) -> None:
    assert not any(word in p for p in _places(extractor, text))


def test_a_unit_named_after_a_preposition_is_an_organisation(extractor: Any) -> None:
    text = "Two hundred airmen deployed from the 112th Bomber Wing to the base on Monday."
    result = extractor.extract_one(Article("t", text))
    assert "Bomber Wing" not in [m.text for p in result.places for m in p.mentions]
    assert any(a.label == "112th Bomber Wing" for a in result.actors)  # the ordinal is its name's


def test_words_that_go_on_a_name_are_no_place(extractor: Any) -> None:
    text = "Questions from the Pentagon Press will follow the statement."
    assert "Press" not in _places(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, they requested immediate support from the Coalition near Mosul.",
        "On Monday, fighting broke out in the Army's barracks near Goma.",
    ],
)
def test_one_word_naming_a_body_is_no_place(extractor: Any, text: str) -> None:
    places = _places(extractor, text)
    assert "Coalition" not in places and "Army" not in places and "the Army" not in places
    assert places[0] in ("Mosul", "Goma")


def test_a_university_named_after_its_town_is_not_at_its_subject(
    extractor: Any, geo_extractor: Any
) -> None:
    text = "In Kenya, students of Meru University of Science and Technology protested over fees."
    assert "Science" not in _places(extractor, text)
    assert "Meru" in _places(geo_extractor, text)  # the town (kg/geo/named_after.py)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,name",
    [
        ("The minister welcomed the liberation of Sinjar and thanked the army.", "Sinjar"),
        ("This is a good day; Kobane has been freed after a long occupation.", "Kobane"),
        ("The minister spoke about the siege of Tal Hamis.", "Tal Hamis"),
    ],
)
def test_ground_taken_or_besieged_is_a_place(extractor: Any, text: str, name: str) -> None:
    # the small model reads these as an organisation or a person
    extraction = extractor.extract_one(Article("t", text))
    assert name in {p.label for p in extraction.places}
    assert name not in {a.label for a in extraction.actors}


@pytest.mark.model
def test_a_people_besieged_is_no_place(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "Forces lifted the siege of the Yazidis on the mountain.")
    )
    assert "Yazidis" not in {p.label for p in extraction.places}


@pytest.mark.model
def test_a_country_acting_does_not_place_the_events_it_only_speaks_of(extractor: Any) -> None:
    """An event with no place of its own falls back to the article's country; a country
    named only as the subject of its clause ("The U.S. reaffirms its commitment") is a state
    acting, and weighs less in that choice than a country named as a place."""
    text = (
        "On Saturday, gunmen claimed two attacks in the market of Lowtown which killed 28 "
        "people. Today, more attacks, also claimed by the gunmen, have killed 35 civilians. "
        "The U.S. reaffirms its commitment to support the government and people of Iraq."
    )
    extraction = extractor.extract_one(Article("t", text))
    today = next(e for e in extraction.events if e.sentence.text.startswith("Today"))
    assert today.places == ("iraq",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the state acting: the events it speaks of are not in Norway
        ("Norway said the regime's strikes killed 3 civilians.", ()),
        # a country as the event's place, or as its passive subject, stays its place
        ("On Monday, strikes in Norway killed 3 civilians.", ("norway",)),
        ("On Monday, Norway was hit by strikes that killed 3 civilians.", ("norway",)),
    ],
)  # fmt: skip
def test_a_country_acting_is_not_the_place_of_the_events_of_its_sentence(
    extractor: Any, text: str, places: tuple[str, ...]
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    strikes = next(e for e in extraction.events if "strike" in e.trigger.text)
    assert strikes.places == places


@pytest.mark.parametrize(
    ("text", "sea"),
    [
        ("Gunmen seized a tanker in the Gulf on Monday.", "Gulf"),
        ("Gunmen seized a tanker in the Gulf of Oman on Monday.", "Gulf of Oman"),
        ("A drone was shot down over the Red Sea on Monday.", "Red Sea"),
        ("A ship was struck in the Sea of Azov near Lowtown.", "Sea of Azov"),
    ],
)
def test_a_sea_is_a_region_not_a_town_or_a_country(extractor: Any, text: str, sea: str) -> None:
    result = extractor.extract_one(Article("t", text))
    assert [(p.label, p.place_type) for p in result.places if sea in p.label] == [
        (sea, PlaceType.REGION)
    ]
    assert all(p.place_type is not PlaceType.COUNTRY for p in result.places)


@pytest.mark.parametrize(
    "text",
    [
        "Members of the Gulf Cartel clashed with police in Reynosa.",
        "The frigate sailed with HMS Ocean and two destroyers.",
        "Rebels shelled the east of the Lowtown Red Sea port city on Monday.",
    ],
)
def test_a_name_a_sea_s_word_begins_or_a_ship_s_is_no_sea(extractor: Any, text: str) -> None:
    result = extractor.extract_one(Article("t", text))
    assert all(p.place_type is not PlaceType.REGION for p in result.places)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On 4 March 2021 in the Municipality of Nueva Lowtown gunmen clashed with police.",
            "Nueva Lowtown",
        ),
        (
            "On 2 April 2021 in the Municipality of Puerto Lowtown a man was shot dead.",
            "Puerto Lowtown",
        ),
        ("On 2 April 2021 in the District of Lowtown a man was shot dead.", "Lowtown"),
    ],
)
def test_a_place_noun_and_of_is_no_name_the_name_after_them_is(
    extractor: Any, text: str, name: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert [p.label for p in result.places] == [name]


def test_residents_of_a_name_whose_first_word_reads_as_an_adjective(extractor: Any) -> None:
    places = _places(extractor, "3 July. Residents of Ol Kalou march over rising crime.")
    assert places == ["Ol Kalou"]


def test_a_faith_or_people_the_model_labels_a_name_is_none(extractor: Any) -> None:
    # regression: "Yazidi" labelled GPE became a place ("Yazidi plight"), labelled PERSON a
    # person ("the Yazidi community")
    text = (
        "The minister marks one year since Yazidi plight on Mount Lowpeak at the hands of the "
        "militants. Aid reached the Yazidi community near Lowtown."
    )
    result = extractor.extract_one(Article("t", text))
    assert not any("Yazidi" in p.label for p in result.places)
    assert not any(a.label == "Yazidi" for a in result.actors)
    assert "Lowtown" in _places(extractor, text)


def test_ground_a_side_is_pushed_out_of_is_a_place(extractor: Any) -> None:
    # regression: the model's ORG on "Kobane" made the town an organisation
    text = "Kurdish fighters pushed the militants out of Kobane last year."
    result = extractor.extract_one(Article("t", text))
    assert "Kobane" in _places(extractor, text)
    assert not any(m.text == "Kobane" for a in result.actors for m in a.mentions)


def test_a_named_exercise_is_no_place(extractor: Any) -> None:
    text = "Troops from ten nations will take part in Exercise Silver Harbor 18 in Ostland."
    places = _places(extractor, text)
    assert not any("Silver Harbor" in p for p in places)


def test_a_country_s_official_name_is_its_place(extractor: Any) -> None:
    text = "The drills were held in the Hashemite Kingdom of Jordan from May 15 to 24."
    result = extractor.extract_one(Article("t", text))
    jordan = next(p for p in result.places if p.label == "Jordan")
    assert "Hashemite Kingdom of Jordan" in [m.text for m in jordan.mentions]
    assert not any(p.label.startswith("Hashemite") for p in result.places)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot a commander near his home in Al Khawkhah city (Al Hudaydah) on Friday.",
        "Fighters shelled Ad Dahfash village in western Yemen (Ad Durayhimi, Al Hudaydah).",
    ],
)
def test_a_name_in_brackets_after_a_place_is_where_it_lies(extractor: Any, text: str) -> None:
    result = extractor.extract_one(Article("t", text))
    assert "Al Hudaydah" in [m.text for p in result.places for m in p.mentions]
    assert "Al Hudaydah" not in [a.label for a in result.actors]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, warplanes killed four civilians at the entry to Ar Qudrayn (Idlib).",
        "On 3 May 2021, jets struck a supply line near As Qudrayn (Idlib, Syria).",
    ],
)
def test_a_name_a_bracket_of_places_follows_is_a_place(extractor: Any, text: str) -> None:
    # the model reads the unknown name as a person, or misses it ("As" a preposition)
    result = extractor.extract_one(Article("t", text))
    places = [m.text for p in result.places for m in p.mentions]
    assert any(name in places for name in ("Ar Qudrayn", "As Qudrayn"))
    assert result.events and result.events[0].places[0].endswith("qudrayn")


def test_a_titled_person_a_bracket_of_places_follows_stays_a_person(extractor: Any) -> None:
    text = "On 3 May 2021, supporters of Governor Musa Bello (Kano) clashed with police in Kano."
    result = extractor.extract_one(Article("t", text))
    assert "Musa Bello" not in [m.text for p in result.places for m in p.mentions]


def test_a_bracket_after_a_name_or_a_dateline_holds_no_place(extractor: Any) -> None:
    result = extractor.extract_one(Article("t", "LOWTOWN (Reuters) - Omar Haddad (pictured) left."))
    assert "Omar Haddad" in {a.label for a in result.actors}
    # the dateline's agency reported the story: no place, and no actor (kg/extract/datelines.py)
    assert "Reuters" not in {p.label for p in result.places} | {a.label for a in result.actors}


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("On Friday, in Iguatu, Ceara, a man was shot dead.", "Ceara"),
        ("Taliban fighters clashed with police in Dawlat Abad district, Balkh.", "Balkh"),
    ],
)
def test_a_province_after_a_place_and_a_comma_is_a_place(
    extractor: Any, text: str, province: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert province in [m.text for p in result.places for m in p.mentions]
    assert province not in [a.label for a in result.actors]


def test_an_online_platform_is_no_place(extractor: Any) -> None:
    # regression: "said on Telegram" made a place Telegram, where the fighting was put
    text = (
        "Lowtown militants said on Telegram that their fighters attacked a convoy in Kidal. "
        "The video was posted on YouTube and Facebook."
    )
    result = extractor.extract_one(Article("t", text))
    places = [m.text for p in result.places for m in p.mentions]
    assert places == ["Kidal"]
    assert all(e.places == (result.places[0].key,) for e in result.events if e.places)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Reinforcements from the Lowtown Martyrs Brigades arrived in Idlib.", "Brigades"),
        ("Fighters from the Hightown Battalions entered the town.", "Battalions"),
        ("A statement from the Popular Defence Committees was read in Aden.", "Committees"),
    ],
)
def test_a_plural_unit_after_from_is_no_place(extractor: Any, text: str, unit: str) -> None:
    result = extractor.extract_one(Article("t", text))
    assert not any(unit in p.label for p in result.places)
    assert any(a.label.endswith(unit) for a in result.actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Around 4 May 2020, in Lagoa do Morro, Hightown, two men were found dead.",
         "Lagoa do Morro"),
        ("On 2 May 2020, in Villa de Lowtown, Hightown, residents blocked a road.",
         "Villa de Lowtown"),
        ("On 5 May 2020, traders protested in Santa Rita de la Loma over taxes.",
         "Santa Rita de la Loma"),
        ("Fighters attacked a checkpoint in Lowtan i Nur district on Monday.", "Lowtan i Nur"),
        ("Two men were killed in Qara e Hightown on Tuesday.", "Qara e Hightown"),
        ("Shelling hit Deh ye Lowtan district of Farah province.", "Deh ye Lowtan"),
        ("On Monday, residents of Lowtan i Nur district protested a new tax.", "Lowtan i Nur"),
        ("On Monday, residents of Villa do Lowtown blocked a road.", "Villa do Lowtown"),
    ],
)  # fmt: skip
def test_a_name_joined_by_a_spaced_particle_is_one_place(
    extractor: Any, text: str, name: str
) -> None:
    places = _places(extractor, text)
    assert name in places, places
    assert not any(p != name and p in name for p in places), places


def test_a_spaced_particle_joins_no_organisation_nor_country(extractor: Any) -> None:
    text = "FDLR (Forces Democratiques de Liberation du Rwanda) fighters attacked Lowtown."
    places = _places(extractor, text)
    assert not any("Liberation" in p for p in places), places


def test_a_landform_s_name_is_a_place_the_model_left_unlabelled(extractor: Any) -> None:
    text = "The Lowtown Mountains are a small ridge in northeast Iraq. Rebels hid there."
    result = extractor.extract_one(Article("t", text))
    ridge = next(p for p in result.places if p.label == "Lowtown Mountains")
    assert ridge.place_type is PlaceType.REGION
    assert not any("Mountains" in a.label for a in result.actors)


def test_a_landform_s_noun_lower_case_makes_no_place_of_a_person(extractor: Any) -> None:
    text = "Omar Lowe said the rebels had fled to the hills."
    assert "Omar Lowe" not in _places(extractor, text)


def test_a_village_name_of_several_words_is_one_place(extractor: Any) -> None:
    """The model made two towns of one village name, cut where the tagger read a word of it
    as no proper noun (or as a place of its own)."""
    text = "A jet dropped two bombs on the school in Lam Yet Tone village, a teacher said."
    places = _places(extractor, text)
    assert "Lam Yet Tone" in places and "Lam" not in places and "Tone" not in places
    text = "Jets dropped four bombs on the market in Nyaung Pin Thar village, residents said."
    assert "Nyaung Pin Thar" in _places(extractor, text)


def test_a_region_the_tagger_took_for_a_verb_is_a_place(extractor: Any) -> None:
    text = "An air strike killed 17 people at a school in the northwestern Sagaing region."
    result = extractor.extract_one(Article("t", text))
    (region,) = [p for p in result.places if p.label == "Sagaing"]
    assert region.place_type == PlaceType.PROVINCE


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked an army base near Lowland's capital, Bamako, on Sunday.",
        "Jihadists attacked a military school in the capital, Bamako, on Tuesday.",
    ],
)
def test_a_name_beside_capital_is_a_town(extractor: Any, text: str) -> None:
    """Regression: the model reads "Bamako" there an organisation's name."""
    result = extractor.extract_one(Article("t", text))
    bamako = next(p for p in result.places if p.label == "Bamako")
    assert bamako.place_type is PlaceType.TOWN
    assert "Bamako" not in {a.label for a in result.actors}


def test_a_weapons_model_is_no_place(extractor: Any) -> None:
    text = "Militants fired Katyusha rockets at a base near Lowtown on Monday."
    assert _places(extractor, text) == ["Lowtown"]


def test_a_partys_name_is_no_place(extractor: Any) -> None:
    text = "Police arrested a leader of the Akhali party in Lowtown on Monday."
    assert _places(extractor, text) == ["Lowtown"]
