"""A toll told over a wide area and its parts told town by town: each death counted once
(kg/extract/part_tolls.py). Made-up stories, on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import columns
from kg.extract.part_tolls import _in_chain
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


def _tolls(extractor: Any, text: str) -> list[int | None]:
    return [e.counts.fatalities for e in acled_events(extractor, text)]


@pytest.mark.parametrize(
    ("lead", "town"),
    [
        ("Missile strikes killed 41 people across Ukraine overnight, officials said.", "Kharkiv"),
        ("Rebel attacks killed 41 soldiers nationwide on Sunday, Mali's army said.", "Mopti"),
        # the total placed nowhere: any town
        ("Air strikes killed 41 people in three Syrian provinces on Sunday, officials said.",
         "Lowtown"),
        # a named doer, the total placed nowhere: the town's dead are not the total's own
        ("Russian missile strikes killed 41 people across the country overnight, Ukrainian"
         " officials said.", "Lowtown"),
    ],
)  # fmt: skip
def test_a_towns_dead_are_part_of_the_wide_total(extractor: Any, lead: str, town: str) -> None:
    later = f"In {town}, 10 people were killed when a missile hit a building, the governor said."
    tolls = _tolls(extractor, f"{lead}\n\n{later}")
    assert sum(t or 0 for t in tolls) == 41  # not 51
    assert 10 in tolls


def test_several_towns_share_the_total(extractor: Any) -> None:
    text = (
        "Missile strikes killed 20 people across Ukraine on Sunday, officials said.\n\n"
        "In Kharkiv, 8 people were killed when a missile hit a school.\n\n"
        "In Odesa, 5 people died when a missile struck a market."
    )
    assert sorted(t or 0 for t in _tolls(extractor, text)) == [5, 7, 8]


@pytest.mark.parametrize(
    "later",
    [
        # told besides the total
        "In Lowtown, 10 more people were killed when a missile hit a building.",
        # another happening
        "Separately, in Lowtown, 10 people were killed when a missile hit a building.",
        # more dead than the total holds
        "In Lowtown, 50 people were killed when a missile hit a building.",
    ],
)
def test_deaths_the_total_does_not_hold_stand(extractor: Any, later: str) -> None:
    lead = "Missile strikes killed 41 people across Ukraine overnight, officials said."
    later = later.replace("Lowtown", "Kharkiv")
    tolls = _tolls(extractor, f"{lead}\n\n{later}")
    assert 41 in tolls


def test_a_total_at_one_place_is_no_wide_total(extractor: Any) -> None:
    text = (
        "Missile strikes killed 41 people in Kharkiv on Sunday, officials said.\n\n"
        "In Lowtown, 10 people were killed when a missile hit a building."
    )
    assert sorted(t or 0 for t in _tolls(extractor, text)) == [10, 41]


def test_a_town_outside_the_total_s_places_is_not_its_part(extractor: Any) -> None:
    text = (
        "Fighting killed 15 people in Kenya's Moyale and Marsabit districts on Sunday, police"
        " said.\n\nIn Kisumu, one person died in a clash between rival clans."
    )
    assert sorted(t or 0 for t in _tolls(extractor, text)) == [1, 15]


def test_a_part_the_total_names_goes_to_the_towns_event(extractor: Any) -> None:
    """ "killed 25 across Ruritania, including nine in the town of Lowtown" with the town's
    strike told after it: the nine are the town's, the 16 left the wide total's, both of
    the lead's doer."""
    text = (
        "Russian drone strikes killed 25 people across Ukraine on Monday, including nine in the"
        " town of Lowtown, officials said.\n\nIn Lowtown, a drone hit a school, the mayor said."
    )
    events = acled_events(extractor, text)
    assert [(e.counts.fatalities, e.agents) for e in events] == [
        (16, ("military-forces-of-russia",)),
        (9, ("military-forces-of-russia",)),
    ]


def test_a_part_no_later_sentence_tells_stays_in_the_total(extractor: Any) -> None:
    text = (
        "Russian drone strikes killed 25 people across Ukraine on Monday, including nine in the"
        " town of Lowtown, officials said."
    )
    assert _tolls(extractor, text) == [25]


def test_a_clause_is_read_up_each_tokens_ancestors(extractor: Any) -> None:
    doc = extractor.nlp("Rocket strikes killed 41 people across the country, officials said.")
    head = columns.heads(doc)
    for link in doc:
        for token in doc:
            told = link.i == token.i or link.i in {a.i for a in token.ancestors}
            assert _in_chain(head, token.i, {link.i}) == told
