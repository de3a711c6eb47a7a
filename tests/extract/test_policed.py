"""A crowd the state's forces police is the actor of its protest, the forces its other side,
and whom the crowd is named after is no side (kg/extract/policed.py); a body of the state
that blocks something or arrests people is no protest and the police (classify.py,
roles.py). Made-up sentences, real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, DatePrecision
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


def test_the_crowd_fired_at_is_the_actor_and_the_police_its_other_side(extractor: Any) -> None:
    text = (
        "Police fired tear gas on Tuesday at thousands of supporters of jailed opposition"
        " leader John Smith who broke through barricades in Lowtown."
    )
    (event,) = acled_events(extractor, text)
    assert event.event_type == "violent-demonstration"  # the crowd broke through barricades
    assert event.agents == ("rioters",)
    assert event.targets == ("police-forces",)  # not John Smith, whom they support


def test_a_peaceful_crowd_fired_at_protests_with_intervention(extractor: Any) -> None:
    (event,) = acled_events(extractor, "Police fired tear gas at protesters in Lowtown on Monday.")
    assert event.event_type == "protest-with-intervention"
    assert (event.agents, event.targets) == (("protesters",), ("police-forces",))


def test_force_against_protesters_keeps_the_forces_as_actor(extractor: Any) -> None:
    """ACLED codes excessive force with the state's forces as actor 1."""
    text = "Police opened fire on peaceful protesters in Lowtown on Monday, killing two."
    (event,) = acled_events(extractor, text)
    assert event.event_type == "excessive-force-against-protesters"
    assert event.agents == ("police-forces",)


def test_authorities_who_arrest_are_the_police_and_blocking_internet_no_protest(
    extractor: Any,
) -> None:
    text = (
        "Authorities have arrested more than 400 opposition supporters since Friday and"
        " blocked mobile internet in parts of the country."
    )
    (event,) = acled_events(extractor, text)
    assert event.event_type == "arrests"
    assert event.agents == ("police-forces",)


def test_a_crowd_that_blocks_a_road_still_protests(extractor: Any) -> None:
    (event,) = acled_events(extractor, "Protesters blocked the road in Lowtown on Monday.")
    assert event.event_type == "peaceful-protest"


def test_the_forces_dead_are_no_toll_of_their_own_firing(extractor: Any) -> None:
    """Officers killed after the police fired at a crowd: no force used against protesters,
    and the deaths stay an event of their own, the officers its targets, no doer named."""
    text = (
        "Police fired tear gas at protesters in Lowtown on Monday. Two police officers were killed."
    )
    events = acled_events(extractor, text)
    assert "excessive-force-against-protesters" not in {e.event_type for e in events}
    fired = next(e for e in events if e.trigger.text == "fired")
    assert fired.counts.fatalities is None
    (deaths,) = [e for e in events if e is not fired]
    assert deaths.targets == ("police-forces",) and deaths.counts.fatalities == 2
    assert deaths.agents == ()


def test_forces_killed_are_no_force_against_protesters_whoever_is_blamed(extractor: Any) -> None:
    """The next paragraph's shooting by security forces and the blamed protesters do not make
    the officers' deaths force used against protesters, nor the protesters their doers."""
    text = (
        "LOWTOWN, Nov 26 (Reuters) - Police fired tear gas on Tuesday at thousands of supporters"
        " of jailed opposition leader John Smith who broke through barricades, witnesses said."
        "\n\nAt least four security personnel were killed when a vehicle rammed into them on a"
        " highway, the interior minister said, blaming the protesters.\n\n"
        "Smith's party said two of its supporters had been shot dead by security forces, a claim"
        " the government denied."
    )
    (deaths,) = [e for e in acled_events(extractor, text) if e.counts.fatalities == 4]
    assert deaths.event_type == "armed-clash"
    assert deaths.agents == () and deaths.targets == ("military-forces",)


RIOT_THEN_SHOT = (
    "LOWTOWN, Nov 26 (Reuters) - Police fired tear gas on Tuesday at thousands of supporters"
    " of jailed opposition leader John Smith who broke through barricades, witnesses said."
    "\n\nSmith's party said two of its supporters had been shot dead by security forces, a"
    " claim the government denied."
)


def test_the_riots_crowd_shot_by_the_forces_is_the_riots_toll(extractor: Any) -> None:
    """ACLED codes no attack (nor force against peaceful protesters) for a rioting crowd the
    forces shoot: the dead are the riot's; the denied claim is still reported."""
    (riot,) = acled_events(extractor, RIOT_THEN_SHOT)
    assert riot.event_type == "violent-demonstration"
    assert riot.agents == ("rioters",) and riot.targets == ("police-forces",)
    assert riot.counts.fatalities == 2


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        (  # the riot in another town
            "LOWTOWN, Nov 26 (Reuters) - Security forces killed at least eight protesters in"
            " the city of Hightown on Friday, a rights group said.\n\n"
            "Protesters set fire to a police station and attacked an army base in Farville on"
            " Friday night, state media reported.",
            8,
        ),
        (  # the riot at no town named, the shooting in one
            "LOWTOWN, Nov 26 (Reuters) - Protesters threw stones at police and attacked an army"
            " base on Friday, witnesses said.\n\n"
            "In the northern city of Sanandaj, a student was shot dead by police during a"
            " protest on Friday.",
            1,
        ),
    ],
)
def test_a_crowd_shot_in_a_town_the_riot_does_not_name_is_no_toll_of_it(
    extractor: Any, text: str, dead: int
) -> None:
    """The forces' shooting in one town and a crowd's riot elsewhere are two events: the
    dead are not the riot's."""
    events = acled_events(extractor, text)
    shot = [e for e in events if e.event_type == "excessive-force-against-protesters"]
    assert [e.counts.fatalities for e in shot] == [dead]
    riots = [e for e in events if e.event_type == "violent-demonstration"]
    assert all(e.counts.fatalities in (None, 0) for e in riots)


def test_peaceful_protesters_shot_stay_force_against_protesters(extractor: Any) -> None:
    text = (
        "Police fired tear gas at protesters in Lowtown on Monday.\n\n"
        "Security forces later shot dead two protesters, the organisers said."
    )
    types = {e.event_type for e in acled_events(extractor, text)}
    assert "excessive-force-against-protesters" in types


def test_arrests_since_a_day_are_dated_by_that_day_within_the_week(extractor: Any) -> None:
    """A count of arrests "since Friday" folded into a blackout told beside it still stands
    on its own once the blackout is no protest: dated by the period's first day, to the week
    (it was undated)."""
    text = (
        "Authorities have arrested more than 400 opposition supporters since Friday and"
        " blocked mobile internet in parts of the country."
    )
    events = extractor.extract_one(Article("t", text, published=dt.date(2024, 7, 10))).events
    (arrests,) = [e for e in events if e.event_type == "arrests"]
    assert arrests.time is not None
    assert arrests.time.date == dt.date(2024, 7, 5)  # the Friday before
    assert arrests.time.precision is DatePrecision.WEEK
