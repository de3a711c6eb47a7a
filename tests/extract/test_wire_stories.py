"""A whole wire story, as news feeds send it: a dateline, a lead, details, a denial of a claim,
a background toll and another happening. Each rule has its own tests; this one checks that
they work together on one invented story (real places, as datelines name them), on the real
model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, Event, Extraction

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
    assert _event(strikes, "struck").agents == ("military-forces-of-israel",)


def test_no_casualties_of_another_happening_undo_the_leads_dead(strikes: Extraction) -> None:
    assert _event(strikes, "raided").counts.fatalities == 0
    assert sum(e.counts.fatalities or 0 for e in strikes.events) == 20
