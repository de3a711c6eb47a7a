"""kg.extract.said_days: an act dated by its statement's day takes the day the story tells it
again on, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 5)  # a Tuesday
LEAD = (
    "Militants killed 12 soldiers in an attack on an army post near Lowtown, the government"
    " said on Tuesday.\n\n"
)


def _dates(extractor: Any, text: str) -> dict[str, dt.date | None]:
    told = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    return {e.trigger.text: e.time.date if e.time else None for e in told}


def test_a_lead_told_again_with_its_day_takes_that_day(extractor: Any) -> None:
    text = LEAD + (
        "Hundreds of fighters attacked the post at Hightown on Sunday, the government said in a"
        " statement."
    )
    assert _dates(extractor, text)["attack"] == dt.date(2024, 3, 3)  # not the Tuesday it was said


def test_another_happening_lends_the_lead_no_day(extractor: Any) -> None:
    text = LEAD + "Separately, gunmen attacked a checkpoint in Hightown on Sunday, police said."
    assert _dates(extractor, text)["attack"] == dt.date(2024, 3, 5)


def test_a_day_weeks_before_the_statement_is_no_retelling(extractor: Any) -> None:
    text = LEAD + "Hundreds of fighters attacked the post at Hightown on 20 February, police said."
    assert _dates(extractor, text)["attack"] == dt.date(2024, 3, 5)


def test_a_lead_with_a_day_of_its_own_keeps_it(extractor: Any) -> None:
    text = (
        "Militants killed 12 soldiers in an attack on an army post near Lowtown on Monday, the"
        " government said on Tuesday.\n\nHundreds of fighters attacked the post at Hightown on"
        " Sunday, the government said."
    )
    assert _dates(extractor, text)["attack"] == dt.date(2024, 3, 4)


_LATER_LEAD = (
    "Bandits attacked a market in Lowtown on Sunday, killing nine traders, officials said."
)


@pytest.mark.parametrize(
    ("later", "day"),
    [
        # said on a day of its own: that day, not the lead's Sunday
        ("On Monday, police arrested four men in Hightown.\n\nThe navy said on Monday that"
         " sailors had shot dead three pirates in a gunfight off the coast of Seatown.", 4),
        # said on no day: the lead's
        ("The navy said that sailors had shot dead three pirates in a gunfight off the coast of"
         " Seatown.", 3),
    ],
)  # fmt: skip
def test_a_later_act_said_on_a_day_takes_that_day(extractor: Any, later: str, day: int) -> None:
    text = f"{_LATER_LEAD}\n\n{later}"
    assert _dates(extractor, text)["shot"] == dt.date(2024, 3, day)
