"""Tolls and tallies over a period are no events (kg/extract/tolls.py), on the real model;
events told in the present perfect with their own day stay events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 4)


def _events(extractor: Any, text: str) -> list[Any]:
    return list(extractor.extract_one(Article("t", text, published=PUBLISHED)).events)


@pytest.mark.parametrize(
    "text",
    [
        "More than 9,000 people have been killed in Lowland since the war began, officials said.",
        "The insurgency has killed more than 40,000 people since 2009.",
        # the period on the conjunct, its tense the head's
        "More than 250 people have been killed and about 60,000 displaced since fighting broke"
        " out in May 2023.",
        "Raiders have killed hundreds of villagers in the valley in recent years.",
        "So far this year, at least 80 people have died in attacks by militants in Lowland.",
        "The group has carried out dozens of attacks on army posts since 2016.",
        "Over the past decade, the army has conducted hundreds of raids in the hills.",
        "Rebels have killed 60 soldiers this year alone.",
        "Thousands have been displaced since the start of the conflict in 2015.",
        # a month named "last", long before the reference date: a campaign, no occasion
        "Lowland militia fighters have battled federal troops across the north since last August.",
    ],
)
def test_a_toll_over_a_long_period_is_no_event(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen have killed 12 people in an attack on a village near Lowtown on Sunday.",
        "Clashes have raged in Lowtown since Sunday, killing 12 people.",
        "On 3 March, observers counted a total of 12 explosions near Lowtown.",
        "Residents have fled Lowtown since the attack on Sunday.",
        # a simple past: the period is something else's time
        "On 3 March, traders protested the closure (since July) of the market in Lowtown.",
        "On 3 March, teachers held a protest in Lowtown over salaries unpaid for the past months.",
    ],
)
def test_an_event_told_in_the_perfect_or_with_a_total_stays(extractor: Any, text: str) -> None:
    assert _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Activists said 23 people have been killed since the protests began last week.",
        "At least 11 people have died since the unrest erupted in Lowtown on Friday.",
        # a count's participle counts up to now as the perfect does
        "Officials said the deaths brought to 19 the number of people killed since the "
        "protests began in February.",
        "The total killed since the protests began last month rose to 19, activists said.",
    ],
)
def test_a_tally_since_a_wave_began_is_no_event(extractor: Any, text: str) -> None:
    # the start of a wave of happenings opens a tally however recent: its days and towns
    # are other events (who said so is a statement still)
    assert [e for e in _events(extractor, text) if e.event_type != "statement"] == []


def test_a_period_since_one_happening_stays_under_way(extractor: Any) -> None:
    # one protest, not a wave: fighting since it is still one event under way
    text = "Police have clashed with rioters in Lowtown since the protest on Sunday."
    assert _events(extractor, text)


def test_a_short_period_tells_an_event_under_way(extractor: Any) -> None:
    # "since last week" is within the season of the reference date
    events = _events(extractor, "Fighters have clashed with troops in Lowtown since last week.")
    assert [e.event_type for e in events] == ["armed-clash"]


def test_a_participle_shares_its_verbs_period_and_a_tolls_figures_go_nowhere(
    extractor: Any,
) -> None:
    text = (
        "Gunmen killed 14 villagers in an attack on Lowtown on Sunday, officials said. Armed"
        " groups have carried out hundreds of attacks in the region since 2015, killing"
        " thousands of people. So far this year, more than 300 civilians have died in attacks"
        " in the region."
    )
    events = [e for e in _events(extractor, text) if e.event_type != "statement"]
    assert [e.trigger.text for e in events] == ["attack"]
    assert events[0].counts.fatalities == 14  # not the year's 300


@pytest.mark.parametrize(
    "text",
    [
        "Bandits killed thousands of people in the hills in recent years.",
        "Raider attacks killed more than 2,000 people in Lowland last year.",
        "The conflict killed an estimated 30,000 people between 2003 and 2008.",
        "Rebels killed hundreds of civilians during the war.",
        "Militias killed dozens of villagers over the decade.",
        "More than 300 people were killed in Lowland last year.",
    ],
)
def test_a_tally_told_in_the_past_is_no_event(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Lowland Front has taken credit for attacks on the base.",
        "The group frequently attacks convoys on the highway.",
        "Militants regularly abduct travellers on the road to Lowtown.",
        "Police in Lowland often use tear gas to disperse protesters.",
    ],
)
def test_a_habit_is_no_event(extractor: Any, text: str) -> None:
    assert [e for e in _events(extractor, text) if e.event_type != "statement"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 12 people in Lowtown last week.",
        # one occasion: a year's toll told of a single attack
        "Last year, gunmen killed 40 people in an attack on Lowtown.",
        # a year and a few dead, no plural acts
        "Gunmen killed 12 people in Lowtown last year.",
        # a day named: one occasion of the war
        "Rebels killed 200 villagers in Lowtown on 5 May 1999 during the war.",
        "The Lowland Front claimed responsibility for the attack on the base.",
        "The Lowland Front claimed responsibility for attacks on two bases on Monday.",
        "Police frequently fired tear gas during a protest in Lowtown on Monday.",
        "On Monday, police fired tear gas to disperse protesters who often gather in Lowtown.",
    ],
)
def test_one_occasion_told_in_the_past_stays(extractor: Any, text: str) -> None:
    assert [e for e in _events(extractor, text) if e.event_type != "statement"]


@pytest.mark.parametrize(
    "text",
    [
        "Gangs have displaced 700,000 people across Lowland.",
        "Bandits have abducted thousands of people in the region.",
        "The war has killed thousands of people.",
        "The Lowtown rebels have fired drones since November at ships in the gulf.",
    ],
)
def test_a_campaign_s_tally_with_no_period_is_no_event(extractor: Any, text: str) -> None:
    """Regression: a perfect with thousands done to and no period, or since a month long
    before the article, was an event of the background's words."""
    assert [e.sentence.text for e in _events(extractor, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen have killed 150 villagers in Lowtown, officials said.",
        "The attack has killed 1,200 people in Lowtown.",
    ],
)
def test_a_lead_s_toll_in_the_perfect_stays(extractor: Any, text: str) -> None:
    assert [e.event_type for e in _events(extractor, text)][:1] == ["attack"]


def test_a_wave_of_arrests_told_in_the_perfect_stays(extractor: Any) -> None:
    text = "Police have arrested about 4,000 people in two dozen cities."
    assert [e.event_type for e in _events(extractor, text)] == ["arrests"]


@pytest.mark.parametrize(
    "text",
    [
        # "since then": from the year the sentence told before it
        "The army took power in a 2019 coup, and more than 3,000 people have been killed since"
        " then, a monitor said.",
        # the relative clause dates the war's start, not the toll
        "The war between the army and the rebels, which began in May last year, has killed"
        " thousands of people.",
    ],
)
def test_a_toll_since_an_earlier_start_is_no_event(extractor: Any, text: str) -> None:
    assert _events(extractor, text) == []


def test_a_tolls_figures_go_to_no_other_event_when_only_its_teller_is_left(
    extractor: Any,
) -> None:
    text = (
        "On Sunday, gunmen attacked a village near Lowtown. More than 2,000 people have been"
        " killed in the region since 2015, a monitor says."
    )
    events = _events(extractor, text)
    assert events and not any(e.counts.fatalities for e in events)


def test_a_datelines_month_dates_a_period_without_a_publication_date(extractor: Any) -> None:
    """No publication date: "March 4" on the dateline makes "since November" four months,
    a tally, while "since March 1" stays three days, one campaign's events."""
    long_ago = "LOWTOWN, March 4 (Reuters) - Rebels have fired rockets at ships since November."
    recent = "LOWTOWN, March 4 (Reuters) - Rebels have fired rockets at ships since March 1."
    assert list(extractor.extract_one(Article("t", long_ago)).events) == []
    assert list(extractor.extract_one(Article("t", recent)).events) != []
