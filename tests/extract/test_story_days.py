"""Days told from the story's own day (kg/extract/story_days.py, kg/extract/timing.py) and a
fold that keeps the host's own day (kg/extract/drafts.py, kg/extract/folding.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.extract.story_days import told_days
from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 5, 10)


def _dates(extractor: Any, text: str, published: dt.date | None = PUBLISHED) -> dict[str, Any]:
    events = extractor.extract_one(Article("t", text, published=published)).events
    return {e.trigger.text: e.time.date if e.time else None for e in events}


def test_the_days_told_chain_from_the_last_one(extractor: Any) -> None:
    doc = extractor.nlp(
        "On 3 May, gunmen raided a village. The next day, they burned a school. "
        "Two days later, soldiers arrived."
    )
    days = told_days(doc, PUBLISHED)
    assert days.before(0) is None
    assert days.before(len(doc)) == dt.date(2021, 5, 6)


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("the following day", dt.date(2021, 5, 4)),
        ("the next day", dt.date(2021, 5, 4)),
        ("the day before", dt.date(2021, 5, 2)),
        ("two days later", dt.date(2021, 5, 5)),
        ("that evening", dt.date(2021, 5, 3)),
        ("the same day", dt.date(2021, 5, 3)),
    ],
)
def test_a_relative_day_counts_from_the_day_the_story_told(
    extractor: Any, words: str, day: dt.date
) -> None:
    text = (
        "On 3 May, rebels attacked an army base near Lowtown. "
        f"{words[0].upper() + words[1:]}, gunmen ambushed a convoy near Hightown."
    )
    assert _dates(extractor, text)["ambushed"] == day


def test_with_no_day_told_before_the_following_day_is_the_publications(extractor: Any) -> None:
    text = "The following day, gunmen ambushed a convoy near Hightown."
    assert _dates(extractor, text)["ambushed"] == PUBLISHED + dt.timedelta(days=1)


def test_a_fold_keeps_the_hosts_own_day_and_another_day_stands_apart(extractor: Any) -> None:
    text = (
        "On 3 May, soldiers attempted to seize the market from rebels in Lowtown. "
        "After seizing the area, the soldiers fought off several counterattacks the following "
        "day."
    )
    for published in (PUBLISHED, None):
        events = extractor.extract_one(Article("t", text, published=published)).events
        seize = next(e for e in events if e.trigger.text == "seize")
        assert seize.time is not None and seize.time.span.text == "3 May"
        fought = [e for e in events if e.time and e.time.span.text == "the following day"]
        assert fought and fought[0] is not seize
    assert _dates(extractor, text)["seize"] == dt.date(2021, 5, 3)


def test_a_happening_told_back_from_the_storys_day_ranks_below_it(extractor: Any) -> None:
    text = (
        "State TV said on Thursday, 4 March 2021 that soldiers have regained control of parts "
        "of Lowtown that were captured by rebels the previous day."
    )
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    captured = next(e for e in events if e.trigger.text == "captured")
    regained = next(e for e in events if e.trigger.text == "regained")
    assert captured.time is not None and captured.time.date == dt.date(2021, 3, 3)
    # first on the rank (confidence, then order), as before the previous day was told
    assert regained.confidence >= captured.confidence


def test_a_day_said_in_another_clause_is_no_own_day_a_fold_keeps(extractor: Any) -> None:
    text = (
        "Mustard gas was used in an attack in northern Lowland in 2020, a watchdog confirmed "
        "yesterday. The attack took place on 22 December 2020 in the village of Hightown."
    )
    events = extractor.extract_one(Article("t", text)).events
    gas = [e for e in events if e.event_type == "chemical-weapon"]
    assert len(gas) == 1 and gas[0].time is not None and gas[0].time.span.text == "2020"
