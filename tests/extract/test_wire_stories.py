"""A whole wire story, as news feeds send it: a dateline, a lead, details, a denial of a claim,
a background toll and another happening. Each rule has its own tests; this one checks that
they work together on one invented story (real places, as datelines name them), on the real
model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import ActorType, Article, Event, Extraction

pytestmark = pytest.mark.model

STORY = (
    "GUSAU, Nigeria, March 4 (Reuters) - Gunmen on motorcycles attacked a village in Zamfara"
    " state on Sunday, killing at least 12 people, police said.\n\n"
    "The attackers also abducted dozens of residents, a local official said.\n\n"
    "No group has claimed responsibility for the attack.\n\n"
    "Bandits have killed thousands of people in the region since 2011.\n\n"
    "Separately, soldiers killed 30 bandits in air strikes on their hideouts on Monday, the"
    " army said."
)


@pytest.fixture(scope="module")
def story(geo_extractor: Any) -> Extraction:
    """As ``kg ingest`` reads it: with GeoNames geocoding."""
    return geo_extractor.extract_one(Article("story", STORY, published=dt.date(2024, 3, 5)))


def _event(story: Extraction, trigger: str) -> Event:
    return next(e for e in story.events if e.trigger.text == trigger)


def test_the_lead_keeps_its_attacker_behind_the_dateline(story: Extraction) -> None:
    attack = _event(story, "attacked")
    assert attack.event_type == "attack"
    assert attack.agents == ("unidentified-armed-group-nigeria",)
    assert "civilians-nigeria" in attack.targets
    assert attack.counts.fatalities == 12
    assert attack.time is not None and attack.time.date == dt.date(2024, 3, 3)  # Sunday


def test_the_agency_and_the_filing_town_are_no_actors(story: Extraction) -> None:
    labels = {a.label for a in story.actors}
    assert "Reuters" not in labels and "GUSAU" not in labels
    assert any(p.geo is not None and p.geo.name == "Gusau" for p in story.places)


def test_a_detail_of_the_lead_is_dated_by_the_lead_not_by_the_dateline(story: Extraction) -> None:
    """Regression: the dateline's "March 4" was the article's first date, which dates the
    events whose sentences tell none; the attackers abducted on Sunday."""
    abduction = _event(story, "abducted")
    assert abduction.agents == ("unidentified-armed-group-nigeria",)
    assert abduction.time is not None and abduction.time.date == dt.date(2024, 3, 3)


def test_a_denied_claim_and_a_background_toll_are_no_events(story: Extraction) -> None:
    told = [e.sentence.text for e in story.events]
    assert not any("claimed" in s or "since 2011" in s for s in told)


def test_another_happening_has_its_own_day_actors_and_toll(story: Extraction) -> None:
    strike = _event(story, "air strikes")
    assert strike.event_type == "air-drone-strike"
    assert strike.agents == ("military-forces-of-nigeria",)
    assert strike.counts.fatalities == 30
    assert strike.time is not None and strike.time.date == dt.date(2024, 3, 4)  # Monday


def test_no_death_is_counted_twice(story: Extraction) -> None:
    assert sum(e.counts.fatalities or 0 for e in story.events) == 12 + 30


# a story whose later sentences add to the lead, name it again, tell habits and background
ADDED = (
    "MAIDUGURI, Nigeria, June 7 (Reuters) - An air strike by Nigeria's military killed at least"
    " 15 people at a market in Borno state on Thursday, residents said.\n\n"
    "A trader who survived the attack told Reuters by phone. Around 20 others were"
    " wounded. The military did not say who ordered the strike.\n\n"
    "The army has said it targets only militants, the term it uses for the armed groups"
    " fighting the state. Rights groups have accused soldiers of killing civilians in"
    " operations.\n\n"
    "The market serves thousands of people who fled earlier fighting. The insurgency has"
    " killed tens of thousands of people and displaced more than two million."
)


# A wave of strikes from afar, told the wire's way: a headline, a dateline, a lead with a
# nationality over coordinated weapons and a total "across" a country including a town's dead,
# the town's strike told again, an interception of the weapons a state launched, a party's
# claim through "its forces", and another happening with no casualties.
STRIKES = (
    "Israeli missile and drone strikes kill 20 across Gaza\n\n"
    "GAZA, May 6 (Reuters) - Israeli missile and drone strikes killed at least 20 people"
    " across Gaza overnight, including eight in Khan Younis, health officials said on"
    " Tuesday.\n\n"
    "In Khan Younis, a missile hit a family home, witnesses said.\n\n"
    "Hamas said its fighters had shot down two of the 12 missiles Israel launched. Israel's"
    " military said its forces had struck militant command centres.\n\n"
    "Separately, Israeli troops raided a village near Jenin in the West Bank, the Palestinian"
    " news agency said. No casualties were reported."
)


@pytest.fixture(scope="module")
def added(geo_extractor: Any) -> Extraction:
    return geo_extractor.extract_one(Article("added", ADDED, published=dt.date(2024, 6, 7)))


def test_what_adds_to_the_lead_habits_and_background_make_no_events(added: Extraction) -> None:
    (strike,) = [e for e in added.events if e.event_type != "statement"]
    assert strike.event_type == "air-drone-strike"
    assert strike.agents == ("military-forces-of-nigeria",)
    assert strike.counts.fatalities == 15 and strike.counts.injuries == 20


# the lead names a state; the next paragraph the town; the victims were at a party
PARTY = (
    "MEXICO CITY, May 8 (AP) - Gunmen opened fire on a birthday party in the western Mexican"
    " state of Jalisco late Saturday, killing nine people and wounding five others, officials"
    " said.\n\n"
    "The attack took place in the town of Tlaquepaque, where dozens of young people had"
    " gathered at a house, the state prosecutor's office said. It did not say who carried out"
    " the attack."
)
# the lead names a region; the next paragraph the village, a name of several words
STRIKE = (
    "(Reuters) - Myanmar's army killed at least nine people in an air strike on a market in a"
    " village in the central Magway region on Tuesday, residents said.\n\n"
    "A fighter jet dropped three bombs on the market in Lam Yet Tone village before noon, a"
    " trader told Reuters by phone."
)


def _told(geo_extractor: Any, text: str) -> Extraction:
    told: Extraction = geo_extractor.extract_one(
        Article("story", text, published=dt.date(2024, 5, 8))
    )
    return told


def test_the_town_the_next_paragraph_names_places_the_leads_attack(geo_extractor: Any) -> None:
    story = _told(geo_extractor, PARTY)
    (attack,) = [e for e in story.events if e.event_type == "attack"]
    labels = {p.key: p.label for p in story.places}
    assert attack.location is not None and labels[attack.location] == "Tlaquepaque"
    assert attack.counts.fatalities == 9


def test_people_at_a_party_are_its_victims_not_rioters(geo_extractor: Any) -> None:
    """ "Did not say who carried out the attack": the "who" asks, it names no crowd that did."""
    story = _told(geo_extractor, PARTY)
    (attack,) = [e for e in story.events if e.event_type == "attack"]
    assert attack.targets == ("civilians-mexico",)
    assert attack.agents == ("unidentified-armed-group-mexico",)
    assert not any(a.actor_type.value in ("rioters", "protesters") for a in story.actors)


def test_the_village_the_next_paragraph_names_places_the_leads_strike(geo_extractor: Any) -> None:
    story = _told(geo_extractor, STRIKE)
    (strike,) = [e for e in story.events if e.event_type == "air-drone-strike"]
    labels = {p.key: p.label for p in story.places}
    assert {labels[k] for k in strike.places} >= {"Lam Yet Tone"}
    assert any("Magway" in labels[k] for k in strike.places)
    assert strike.counts.fatalities == 9


@pytest.fixture(scope="module")
def strikes(geo_extractor: Any) -> Extraction:
    return geo_extractor.extract_one(Article("strikes", STRIKES, published=dt.date(2024, 5, 7)))


def test_the_wave_is_the_states_behind_the_dateline_and_the_town_has_its_part(
    strikes: Extraction,
) -> None:
    """The dateline's dash is no hyphen ("Israeli" stays the strikes' owner), the headline
    folds into the lead, and the town's strike told again ("In Khan Younis, a missile hit")
    is the state's there with the eight dead the lead gives it; the lead keeps the other 12."""
    violent = [e for e in strikes.events if e.sentence.text.startswith(("Israeli", "In Khan"))]
    assert [(e.agents, e.counts.fatalities) for e in violent] == [
        (("military-forces-of-israel",), 12),
        (("military-forces-of-israel",), 8),
    ]
    lead, town = violent
    assert town.trigger.text == "hit"
    assert [p.geo.name for p in strikes.places if p.key in town.places and p.geo] == ["Khān Yūnis"]
    assert lead.places != town.places


def test_the_weapons_a_state_launched_are_its_and_its_forces_the_speakers(
    strikes: Extraction,
) -> None:
    launched = _event(strikes, "missiles")
    assert launched.agents == ("military-forces-of-israel",)
    # "Israel's military said its forces had struck militant command centres", with no day,
    # place or figure of its own, is the state's account of the lead's strikes: folded into
    # them (kg.extract.accounts); its forces the speaker's is told in tests/extract/test_generic
    assert not any(e.trigger.text == "struck" for e in strikes.events)


def test_no_casualties_of_another_happening_undo_the_leads_dead(strikes: Extraction) -> None:
    assert _event(strikes, "raided").counts.fatalities == 0
    assert sum(e.counts.fatalities or 0 for e in strikes.events) == 20


# a protest story: the police fire at a crowd, officers die, a claim, arrests and a blackout
PROTEST = (
    "Kenyan police fire tear gas at opposition supporters marching on Nairobi\n\n"
    "NAIROBI, July 9 (Reuters) - Kenyan police fired tear gas and rubber bullets on Tuesday at"
    " thousands of supporters of jailed opposition leader John Mwangi who broke through"
    " barricades on their way to the capital, witnesses said.\n\n"
    "At least three police officers were killed when a truck rammed into them on a highway,"
    " the interior minister said, blaming the protesters.\n\n"
    "Authorities have arrested more than 1,000 opposition supporters since Friday and blocked"
    " mobile internet in parts of the country."
)


@pytest.fixture(scope="module")
def protest(geo_extractor: Any) -> Extraction:
    return geo_extractor.extract_one(Article("protest", PROTEST, published=dt.date(2024, 7, 10)))


def test_the_crowd_the_police_fire_at_is_the_actor_of_one_protest(protest: Extraction) -> None:
    """The headline folds into the lead; the demonstrators act, the police are their other
    side, and the leader they support is no target."""
    (riot,) = [e for e in protest.events if e.event_type == "violent-demonstration"]
    assert riot.trigger.text == "fired"
    assert riot.agents == ("rioters-kenya",)
    assert riot.targets == ("police-forces-of-kenya",)
    assert riot.counts.fatalities is None  # the officers are not whom the police killed


def test_officers_killed_stay_their_own_event_with_no_doer(protest: Extraction) -> None:
    (deaths,) = [e for e in protest.events if e.counts.fatalities == 3]
    assert deaths.event_type != "excessive-force-against-protesters"
    assert deaths.agents == () and deaths.targets == ("police-forces-of-kenya",)


def test_authorities_arresting_are_the_police_and_a_blackout_no_protest(
    protest: Extraction,
) -> None:
    (arrests,) = [e for e in protest.events if e.event_type == "arrests"]
    assert arrests.agents == ("police-forces-of-kenya",)
    assert not any(e.trigger.text == "blocked" for e in protest.events)


# a junta's air strike in the headline and the lead, resistance forces taking a town, a toll
# since the coup as background, and a camp named for the displaced
JUNTA = (
    "Junta air strike kills 18 in village, resistance forces seize town\n\n"
    "MANDALAY, Myanmar, May 6 (Reuters) - A Myanmar military air strike on a village in the"
    " Sagaing region killed at least 18 people on Sunday, residents said.\n\n"
    "Resistance forces captured the town of Kawlin after days of fighting, an opposition"
    " spokesman said on Monday.\n\n"
    "The army took power in a 2021 coup, and more than 5,000 people have been killed since"
    " then, a rights group says.\n\n"
    "Separately, soldiers shelled a displacement camp near Mandalay on Monday, residents said."
)


@pytest.fixture(scope="module")
def junta(geo_extractor: Any) -> Extraction:
    return geo_extractor.extract_one(Article("junta", JUNTA, published=dt.date(2024, 5, 7)))


def test_resistance_forces_take_the_town_as_rebels(junta: Extraction) -> None:
    types = {a.key: a.actor_type for a in junta.actors}
    captures = [e for e in junta.events if e.event_type == "non-state-actor-overtakes-territory"]
    assert captures and all(types[a] is ActorType.REBEL_GROUP for e in captures for a in e.agents)
    assert not any(e.event_type == "government-regains-territory" for e in junta.events)


def test_the_strikes_toll_counts_once_and_the_toll_since_the_coup_not_at_all(
    junta: Extraction,
) -> None:
    assert sum(e.counts.fatalities or 0 for e in junta.events) == 18
    assert not any("since" in e.sentence.text for e in junta.events)


def test_a_camp_of_the_displaced_is_no_displacement(junta: Extraction) -> None:
    assert not any(e.event_type == "displacement" for e in junta.events)


def test_a_statement_of_another_happening_takes_its_day(story: Extraction) -> None:
    """Regression: "Separately, soldiers killed 30 bandits ... on Monday, the army said" dated
    the army's statement by the lead's Sunday, the article's reference day."""
    (said,) = [e for e in story.events if e.event_type == "statement" and "air" in e.sentence.text]
    assert said.time is not None and said.time.date == dt.date(2024, 3, 4)  # Monday


# the doers' own account of the lead's strike, placed "in the area"; a headline whose country
# holds the lead's town, which no one puts in a country
ACCOUNT = (
    "BEIRUT, April 9 (Reuters) - An Israeli air strike on a car near the southern Lebanese"
    " village of Aitaroun killed two people on Tuesday, Lebanon's state news agency said.\n\n"
    "The Israeli military said its aircraft struck a Hezbollah cell in the area."
)
WOUNDED = (
    "Israeli shelling wounds three in Lebanon\n\n"
    "BEIRUT, April 9 (Reuters) - Israeli artillery shelled the edge of the village of"
    " Kfarhamoun on Monday, wounding three farmers, a security source said."
)


def test_the_doers_account_of_the_lead_is_no_second_strike(geo_extractor: Any) -> None:
    told = geo_extractor.extract_one(Article("account", ACCOUNT, published=dt.date(2024, 4, 9)))
    strikes = [e for e in told.events if e.event_type == "air-drone-strike"]
    assert len(strikes) == 1 and strikes[0].counts.fatalities == 2


def test_a_headline_folds_over_a_town_no_one_places(geo_extractor: Any) -> None:
    told = geo_extractor.extract_one(Article("wounded", WOUNDED, published=dt.date(2024, 4, 9)))
    (shelling,) = [e for e in told.events if e.event_type != "statement"]
    assert shelling.counts.injuries == 3
