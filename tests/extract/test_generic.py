"""Actors named by a common noun (kg/extract/generic.py), on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article


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
         "Military Forces of Turkey"),
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
        # the model labels some peoples as names: "Tuareg" a person, "Druze" an organisation
        ("Tuareg rebels attacked an army post near Kidal on Monday.", "Tuareg rebels",
         "Tuareg Ethnic Militia (Mali)"),
        ("Druze militiamen clashed with Bedouin fighters in Sweida on Monday.",
         "Druze militiamen", "Druze Ethnic Militia (Syria)"),
        # a name: "Arab Army" is part of the Jordanian forces' name
        ("Jordan Armed Forces - Arab Army troops shelled Lowtown in Syria on Monday.",
         "Arab Army", "Military Forces of Jordan"),
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
@pytest.mark.parametrize(
    "text",
    [
        "Turkana herders clashed with police near Lowtown, Kenya on Monday.",
        "Kikuyu youths torched houses in Lowtown, Kenya on Monday.",
        "The Borana elders met the governor in Lowtown, Kenya on Monday.",
        "Raiders killed eleven Pokot near Lowtown, Kenya on Monday.",
        "Gunmen attacked a dispute between the Pokot and Turkana communities in Lowtown, Kenya.",
    ],
)
def test_a_peoples_name_before_its_people_is_no_person(extractor: Any, text: str) -> None:
    """Regression: the model reads a people's name as a person's ("Turkana", a Person actor
    in 20 of 1,000 bench articles, is also a Kenyan county); before a noun of people, or
    counted, it names that people."""
    extraction = extractor.extract_one(Article("t", text))
    assert not [a.label for a in extraction.actors if a.actor_type is ActorType.PERSON]


@pytest.mark.model
def test_people_of_a_country_are_that_country_s(extractor: Any) -> None:
    text = (
        "Britain's minister spoke in London on Monday. Gunmen shot people of Kenya near the border."
    )
    extraction = extractor.extract_one(Article("t", text))
    labels = {m.text: a.label for a in extraction.actors for m in a.mentions}
    assert labels["people of Kenya"] == "Civilians (Kenya)"  # not the article's main country's


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "key"),
    [
        ("US soldiers killed ten militants in Lowtown on Monday.", "US soldiers",
         "military-forces-of-united-states"),
        ("The US said that U.S. soldiers killed ten militants in Lowtown.", "U.S. soldiers",
         "military-forces-of-united-states"),
        ("UK troops killed ten militants near Lowtown, Somalia, on Monday.", "UK troops",
         "military-forces-of-united-kingdom"),
    ],
)  # fmt: skip
def test_a_countrys_name_before_soldiers_names_its_forces(
    extractor: Any, text: str, words: str, key: str
) -> None:
    """Regression: "US soldiers" gave no actor at all (the country's name took the words)."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if a.key == key)
    assert [m.text for m in actor.mentions] == [words]
    assert actor.external is ("Somalia" in text)  # the UK's forces act abroad there
    assert not [p for p in extraction.places if any(words in m.text for m in p.mentions)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two members of the Dalo clan in Lowtown, Somalia.",
        "Militants killed three members of one family in Lowtown, Somalia.",
    ],
)
def test_members_of_a_clan_or_a_family_killed_are_civilians(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    members = next(a for a in extraction.actors if any(m.text == "members" for m in a.mentions))
    assert members.actor_type is ActorType.CIVILIANS
    assert any(r.target == members.key for r in extraction.relations)


@pytest.mark.model
def test_members_of_a_clan_who_attack_are_a_communal_militia(extractor: Any) -> None:
    """ "Members of the X clan" acting are tribesmen, as "clansmen" are (ACLED's coding)."""
    text = "Members of the Dalo clan attacked a farm in Lowtown, Somalia."
    extraction = extractor.extract_one(Article("t", text))
    (members,) = [a for a in extraction.actors if a.mentions[0].text == "Members"]
    assert members.actor_type is ActorType.IDENTITY_MILITIA


@pytest.mark.model
def test_members_of_a_party_are_no_civilians(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "Police arrested five members of the opposition party in Lowtown, Kenya.")
    )
    assert not [a for a in extraction.actors if any(m.text == "members" for m in a.mentions)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gunmen killed five Christians near Lowtown on Sunday.", "Christians"),
        ("Twelve Shiites were killed in a bombing in Lowtown.", "Shiites"),
        ("The militia attacked Muslims and Christians in Lowtown.", "Christians"),
    ],
)
def test_a_faith_a_violent_act_befalls_is_civilians(extractor: Any, text: str, words: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(m.text == words for m in a.mentions))
    assert actor.actor_type is ActorType.CIVILIANS
    assert not any(m.text == words for p in extraction.places for m in p.mentions)


@pytest.mark.model
def test_a_faith_that_acts_is_no_civilian_actor(extractor: Any) -> None:
    """Those who protest are protesters by what they do, not civilians by their faith."""
    extraction = extractor.extract_one(Article("t", "Muslims protested in Lowtown on Friday."))
    assert not any(a.actor_type is ActorType.CIVILIANS for a in extraction.actors)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Kenyan police arrested 20 protesters on Monday.",
         {"police-forces-of-kenya", "protesters-kenya"}),
        ("Nigerian troops clashed with militiamen on Monday.",
         {"military-forces-of-nigeria", "militia-nigeria"}),
        ("Syrian helicopters bombed rebel positions on Monday.",
         {"military-forces-of-syria", "rebels-syria"}),
    ],
)  # fmt: skip
def test_soldiers_police_and_a_war_countrys_machines_tell_where_others_are(
    extractor: Any, text: str, keys: set[str]
) -> None:
    """Soldiers and police act mostly at home, and so do the machines of a country where
    the lexicon places wars: they tell the country of those they face."""
    extraction = extractor.extract_one(Article("t", text))
    assert {a.key for a in extraction.actors} == keys


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "owner"),
    [
        ("Hezbollah's fighters attacked the army post near Lowtown.", "hezbollah"),
        ("Al-Shabaab's militants stormed a police station in Lowtown.", "al-shabaab"),
    ],
)
def test_a_groups_possessed_men_are_that_group_not_an_unknown_one(
    extractor: Any, text: str, owner: str
) -> None:
    """Regression: "Hezbollah's fighters" also made "fighters" an unidentified armed group,
    a second agent of the attack."""
    extraction = extractor.extract_one(Article("t", text))
    attack = next(e for e in extraction.events if e.agents)
    assert attack.agents == (owner,)
    assert not [m.text for a in extraction.actors for m in a.mentions
                if m.text in ("fighters", "militants")]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kenya's police arrested ten protesters in Lowtown.", "Kenya's police"),
        ("Assad's forces shelled Lowtown on Monday.", "Assad's forces"),
    ],
)
def test_a_countrys_or_a_leaders_possessed_men_stay_state_forces(
    extractor: Any, text: str, words: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(m.text == words for m in a.mentions))
    assert actor.actor_type is ActorType.STATE_FORCES


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Photographs of U.S. service members in Lowtown were published on Monday.",
        "Two American service members were killed in Lowtown on Monday.",
    ],
)
def test_service_members_are_their_countrys_forces(extractor: Any, text: str) -> None:
    """ "U.S. service members": the country's armed services' men and women, no place and no
    civilians, whatever befell them."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any("service" in m.text for m in a.mentions))
    assert actor.actor_type is ActorType.STATE_FORCES
    assert actor.label == "Military Forces of United States"
    assert not [p for p in extraction.places if p.label == "United States"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The briefing was given by Navy Capt. Mark Holden in Lowtown.", "Navy"),
        ("Navy Chief Petty Officer Tom Fisher was killed in Lowtown.", "Navy"),
        ("Marine Sgt. Tom Fisher, 24, of Lowtown, died on Monday.", "Marine"),
        ("The navy shelled the port of Lowtown, killing three fishermen.", "The navy"),
    ],
)
def test_a_navy_or_marines_are_state_forces_as_an_army_is(
    extractor: Any, text: str, words: str
) -> None:
    """The service named before a rank ("Navy Capt. X", as "Army Lt. Gen. X") or acting is
    the state's forces (was: no actor, the word a body's noun no generic rule read)."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(m.text == words for m in a.mentions))
    assert actor.actor_type is ActorType.STATE_FORCES


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "label"),
    [
        ("Maasai herders opened fire on a police patrol near Lowtown on Monday.",
         "herders", "Maasai Ethnic Militia"),
        ("A group of herders attacked a farmer near Lowtown on Monday.",
         "herders", "Unidentified Communal Militia"),
        ("Herders clashed with farmers near Lowtown on Monday.", "Herders",
         "Unidentified Communal Militia"),
        # a people's name as the doer: the subject, the noun's modifier, a headline's subject
        ("On Monday, the Pokot raided a village near Lowtown.", "Pokot", "Pokot Ethnic Militia"),
        ("On Monday, a Samburu attack on Upton village left two dead.", "Samburu",
         "Samburu Ethnic Militia"),
        ("Borana attack Upton traders near Lowtown", "Borana", "Borana Ethnic Militia"),
    ],
)  # fmt: skip
def test_herders_or_a_people_who_fight_are_its_identity_militia(
    extractor: Any, text: str, words: str, label: str
) -> None:
    """ACLED codes a community's armed men where they attack or clash as an identity militia
    ("<People> Ethnic Militia", else an unidentified communal militia), not as civilians,
    rioters or a person."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.actor_type is ActorType.IDENTITY_MILITIA
    assert actor.label.startswith(label)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed three Turkana herders near Lowtown on Monday.",
        "Herders protested near Lowtown on Monday.",
    ],
)
def test_herders_attacked_or_protesting_are_no_militia(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any("erders" in m.text for m in a.mentions))
    assert actor.actor_type in (ActorType.CIVILIANS, ActorType.PROTESTERS)


def _typed(extractor: Any, text: str, words: str) -> ActorType:
    extraction = extractor.extract_one(Article("t", text))
    return next(a for a in extraction.actors if any(words in m.text for m in a.mentions)).actor_type


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "actor_type"),
    [
        # a guard is private security unless the text makes him a state's or a civilian
        ("A guard was hacked to death by thieves in Lowtown on Sunday.", "guard",
         ActorType.EXTERNAL_OTHER),
        ("Gunmen shot dead a civilian school guard in Lowtown on Sunday.", "school guard",
         ActorType.CIVILIANS),
        ("Gunmen killed three municipal guards in Lowtown on Sunday.", "municipal guards",
         ActorType.STATE_FORCES),
        ("Prison guards beat an inmate in Lowtown on Sunday.", "Prison guards",
         ActorType.STATE_FORCES),
        ("A police guard was shot dead in Lowtown on Sunday.", "police guard",
         ActorType.STATE_FORCES),
        ("Gunmen attacked the presidential guard in Lowtown on Sunday.", "presidential guard",
         ActorType.STATE_FORCES),
        ("Kyrgyz border guards fired at Tajik troops near Lowtown.", "border guards",
         ActorType.STATE_FORCES),
        ("Gunmen killed two security guards at a hotel in Lowtown.", "security guards",
         ActorType.EXTERNAL_OTHER),
    ],
)  # fmt: skip
def test_guards_are_private_security_unless_told_whose(
    extractor: Any, text: str, words: str, actor_type: ActorType
) -> None:
    assert _typed(extractor, text, words) is actor_type


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("On 1 May 2021, gunmen shot and injured a former police chief in Lowtown.",
         "former police chief"),
        ("On 1 May 2021, a retired army officer was killed by bandits in Lowtown.",
         "retired army officer"),
        ("On 1 May 2021, unknown men killed a former soldier in Lowtown.", "former soldier"),
    ],
)  # fmt: skip
def test_a_former_officer_is_a_civilian(extractor: Any, text: str, words: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    types = {a.actor_type for a in extraction.actors if any(words in m.text for m in a.mentions)}
    assert types == {ActorType.CIVILIANS}
    assert all(a.actor_type is not ActorType.STATE_FORCES for a in extraction.actors)


@pytest.mark.model
def test_a_serving_police_chief_stays_a_force(extractor: Any) -> None:
    text = "On 1 May 2021, gunmen shot and injured a police chief in Lowtown."
    extraction = extractor.extract_one(Article("t", text))
    assert any(a.actor_type is ActorType.STATE_FORCES for a in extraction.actors)


def _types(extractor: Any, text: str) -> dict[str, ActorType | None]:
    return {a.label: a.actor_type for a in extractor.extract_one(Article("t", text)).actors}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2021, police arrested opposition leader John Lowe in Lowtown.",
        "On 1 May 2021, police fired tear gas at opposition supporters in Lowtown.",
        "On 1 May 2021, police shot dead an opposition activist in Lowtown.",
        "On 1 May 2021, youths stoned the offices of the main opposition party in Lowtown.",
    ],
)
def test_the_political_opposition_is_no_rebel_group(extractor: Any, text: str) -> None:
    types = _types(extractor, text)
    assert ActorType.REBEL_GROUP not in types.values(), types


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("On 1 May 2021, opposition fighters attacked an army post near Lowtown.",
         "opposition fighters"),
        ("On 1 May 2021, regime forces shelled opposition and Islamist factions in Lowtown.",
         "opposition"),
        ("On 1 May 2021, the armed opposition seized the town of Lowtown.", "armed opposition"),
    ],
)  # fmt: skip
def test_the_opposition_in_arms_is_a_rebel_group(extractor: Any, text: str, words: str) -> None:
    assert _typed(extractor, text, words) is ActorType.REBEL_GROUP


@pytest.mark.model
def test_the_opposition_alone_is_the_parties(extractor: Any) -> None:
    text = "On 1 May 2021, the opposition called for protests in Lowtown after the vote."
    assert _typed(extractor, text, "opposition") is ActorType.ORGANISATION


@pytest.mark.model
def test_a_partys_youths_are_its_crowd(extractor: Any) -> None:
    """Party supporters fighting party youths: rioters on both sides, no civilians; youths a
    violent act befalls stay civilians."""
    text = "On 1 May 2021, opposition supporters clashed with ruling party youths in Lowtown."
    assert _typed(extractor, text, "party youths") is ActorType.RIOTERS
    text = "On 1 May 2021, gunmen killed two youths in Lowtown."
    assert _typed(extractor, text, "youths") is ActorType.CIVILIANS


@pytest.mark.model
def test_the_opposition_of_a_war_fought_by_it_is_the_rebels(extractor: Any) -> None:
    text = "On 1 May 2021, regime forces attacked the Syrian opposition in Lowtown."
    assert _typed(extractor, text, "opposition") is ActorType.REBEL_GROUP
    text = "On 1 May 2021, the Zambian opposition called for protests in Lowtown."
    assert _typed(extractor, text, "opposition") is ActorType.ORGANISATION


MYANMAR = "military-forces-of-myanmar"
NIGERIANS = "civilians-nigeria"


def _event_of(extraction: Any, agent: str | None = None) -> Any:
    return next(e for e in extraction.events if agent is None or agent in e.agents)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "agent", "target"),
    [
        ("Gunmen killed two Kenyans near Lowtown on Monday.", "", "civilians-kenya"),
        ("Two Palestinians were killed by Israeli forces in Lowtown on Monday.",
         "military-forces-of-israel", "civilians-palestine"),
        ("Police arrested three Afghans in Lowtown, Pakistan, on Monday.",
         "police-forces-of-pakistan", "civilians-afghanistan"),
    ],
)  # fmt: skip
def test_a_plural_nationality_acted_on_is_its_countrys_civilians(
    extractor: Any, text: str, agent: str, target: str
) -> None:
    event = _event_of(extractor.extract_one(Article("t", text)), agent or None)
    assert target in event.targets


@pytest.mark.model
def test_a_plural_nationality_that_acts_is_no_civilians(extractor: Any) -> None:
    text = "The Kenyans attacked a convoy near Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    assert not any(a.key.startswith("civilians") for a in extraction.actors)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role", "key"),
    [
        # a military that took power acts as the country's forces (ACLED's coding)
        ("The junta bombed a school in Lowtown, Myanmar, on Monday.", "agents", MYANMAR),
        ("Myanmar's military junta carried out air strikes on Lowtown village on Monday.",
         "agents", MYANMAR),
        ("The putschists arrested two ministers in Lowtown, Myanmar, on Monday.", "agents",
         MYANMAR),
        # people named by what they were doing when violence befell them are civilians
        ("Gunmen killed 15 worshippers at a church in Lowtown, Nigeria, on Sunday.", "targets",
         NIGERIANS),
        ("Gunmen abducted 20 migrants near Lowtown, Nigeria, on Sunday.", "targets", NIGERIANS),
        ("Gunmen attacked a bus of pilgrims near Lowtown, Nigeria, on Sunday.", "targets",
         NIGERIANS),
        ("Gunmen killed three IDPs and a teenager near Lowtown, Nigeria, on Sunday.", "targets",
         NIGERIANS),
        ("Bandits shot dead a motorcycle rider and two locals in Lowtown, Nigeria.", "targets",
         NIGERIANS),
    ],
)  # fmt: skip
def test_juntas_and_people_by_their_doing(extractor: Any, text: str, role: str, key: str) -> None:
    event = _event_of(extractor.extract_one(Article("t", text)))
    assert key in getattr(event, role)


@pytest.mark.model
def test_an_armed_groups_adjective_before_its_targets_names_the_target(extractor: Any) -> None:
    """ "struck militant hideouts": the tagger's adjective names the militants, the target;
    "military targets" name no one."""
    text = "Turkish jets struck militant hideouts near Lowtown, Iraq, on Monday."
    event = _event_of(extractor.extract_one(Article("t", text)), "military-forces-of-turkey")
    assert event.targets == ("militants-iraq",)
    text = "Turkish jets struck military targets near Lowtown, Iraq, on Monday."
    event = _event_of(extractor.extract_one(Article("t", text)), "military-forces-of-turkey")
    assert event.targets == ()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Shelling hit Lowtown in Ukraine. Russia's defence ministry said its forces had"
            " struck fuel depots near Lowtown.",
            "military-forces-of-russia",
        ),
        (
            "Shelling hit Lowtown in Lebanon. Israel's army said its troops had struck rocket"
            " launchers near Lowtown.",
            "military-forces-of-israel",
        ),
    ],
)
def test_forces_a_speaker_calls_its_own_are_the_speakers_country(
    extractor: Any, text: str, forces: str
) -> None:
    """ "its forces" under a verb of speaking are the speaker's, not the article's country."""
    extraction = extractor.extract_one(Article("t", text))
    struck = next(e for e in extraction.events if e.trigger.text == "struck")
    assert struck.agents == (forces,)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with rebels near Lowtown on Monday, killing two fighters on each side.",
        "Four militants from both sides were killed when soldiers and rebels clashed near Lowtown.",
    ],
)
def test_men_on_each_side_are_the_sides_own_not_a_third_group(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    types = {a.actor_type for a in extraction.actors}
    assert ActorType.REBEL_GROUP in types and ActorType.POLITICAL_MILITIA not in types


@pytest.mark.model
def test_men_on_either_side_of_a_place_are_still_men(extractor: Any) -> None:
    text = "Rebels shelled the river crossing, killing gunmen on either side of the river."
    extraction = extractor.extract_one(Article("t", text))
    assert any(a.actor_type is ActorType.POLITICAL_MILITIA for a in extraction.actors)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Resistance forces captured the town of Lowtown on Monday, residents said.",
        "Local resistance fighters attacked a police post near Lowtown on Monday.",
    ],
)
def test_resistance_forces_are_rebels_not_the_state(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any("resistance" in m.text.lower()
                                                      for m in a.mentions))  # fmt: skip
    assert actor.actor_type is ActorType.REBEL_GROUP


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the group and the place vote for Somalia; the contingent names the men's country
        "Al Shabaab militants shot dead a soldier of the Burundi contingent near Lowtown"
        " (Jowhar Middle Shabelle).",
        "Militants ambushed troops of the Kenyan battalion near Lowtown (Jowhar Middle Shabelle).",
    ],
)
def test_a_countrys_contingent_is_that_countrys_forces(geo_extractor: Any, text: str) -> None:
    extraction = geo_extractor.extract_one(Article("t", text))
    event = extraction.events[0]
    assert any(k.startswith("military-forces-of-") for k in event.targets)
    assert "military-forces-of-somalia" not in event.targets


@pytest.mark.model
def test_a_place_the_parse_hangs_on_the_men_names_none(geo_extractor: Any) -> None:
    """Regression: the parse made "(Jowhar Middle Shabelle)" an apposition of "soldier", whose
    name it then was, and the clash had no target."""
    text = "Militants shot dead a Burundian soldier in the Lowtown area (Jowhar Middle Shabelle)."
    event = geo_extractor.extract_one(Article("t", text)).events[0]
    assert event.targets == ("military-forces-of-burundi",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Thousands of Houthi supporters rallied in Sanaa on Friday.", "Houthis"),
        ("Hundreds of Hezbollah supporters protested in Beirut on Friday.", "Hezbollah"),
        ("Hundreds of Hezbollah demonstrators protested in Beirut on Friday.", "Hezbollah"),
    ],
)
def test_an_armed_groups_supporters_who_protest_are_protesters(
    extractor: Any, text: str, group: str
) -> None:
    """Regression: "Houthi supporters" were the Houthis, the agent of their own rally; ACLED
    codes the crowd as protesters of the country, the group as their associated actor."""
    extraction = extractor.extract_one(Article("t", text))
    types = {a.key: (a.actor_type, a.label) for a in extraction.actors}
    protest = next(e for e in extraction.events if e.event_type == "peaceful-protest")
    assert types[protest.agents[0]][0] is ActorType.PROTESTERS
    assert group in [types[k][1] for k in protest.agents[1:]]


@pytest.mark.model
def test_an_armed_groups_fighters_stay_the_group(extractor: Any) -> None:
    text = "Hezbollah fighters attacked an army post near Lowtown on Friday."
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    attack = next(e for e in extraction.events if e.agents)
    assert [labels[k] for k in attack.agents] == ["Hezbollah"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "actor_type"),
    [
        ("Masked men beat an opposition leader in Lowtown on Tuesday.", "Masked men",
         ActorType.POLITICAL_MILITIA),
        ("Hooded men set fire to a bus in Lowtown on Tuesday.", "Hooded men",
         ActorType.POLITICAL_MILITIA),
        ("Masked protesters threw stones at police in Lowtown.", "Masked protesters",
         ActorType.RIOTERS),
    ],
)  # fmt: skip
def test_men_who_hide_their_faces_are_an_armed_group(
    extractor: Any, text: str, words: str, actor_type: ActorType
) -> None:
    """ "masked men" beating someone are an unidentified armed group, as "armed men" are; a
    crowd's own noun stays ("masked protesters")."""
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    assert actor.actor_type is actor_type


@pytest.mark.model
def test_a_peoples_protesters_are_protesters_not_a_person(extractor: Any) -> None:
    """ "Aymara protesters": the small model reads "Aymara" as a person's name; a people named
    before a crowd's noun is no actor of its own (``[actors.peoples]``)."""
    text = "Aymara protesters blocked a highway near Lowtown on Monday."
    extraction = extractor.extract_one(Article("t", text))
    assert [a.actor_type for a in extraction.actors] == [ActorType.PROTESTERS]
