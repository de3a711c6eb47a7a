"""What was folded into another event before classification stands on its own where
classification drops that event or makes it one that holds no harm; a clash takes no sides
from what it did; a source is no actor. On the real model; made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.drafts import Draft, absorb
from tests.extract.extracted import acled_events, top_event_type


def _draft(doc: Doc, i: int, counts: dict[str, int]) -> Draft:
    d = Draft("kill", doc[i : i + 1], doc[:])
    d.counts = dict(counts)
    return d


def test_a_host_takes_the_figures_it_lacks_and_keeps_its_guest() -> None:
    doc = Doc(Vocab(), words=["Gunmen", "attacked", "Lowtown", "killing", "two"])
    host, guest = _draft(doc, 1, {"injuries": 3}), _draft(doc, 3, {"fatalities": 2, "injuries": 5})
    absorb(host, guest)
    assert host.counts == {"injuries": 3, "fatalities": 2}
    assert host.folded == [(guest, ("fatalities",))]


@pytest.mark.model
def test_a_killing_outlives_the_dropped_event_it_was_folded_into(extractor: Any) -> None:
    # "driven ... out": people driven out tell no fighting (and are no captives)
    text = (
        "On 3 March 2021, two women were murdered by vigilantes in Lowtown in a witchcraft "
        "scare that has driven aid workers out of the district."
    )
    events = acled_events(extractor, text)
    assert [e.trigger.text for e in events] == ["murdered"]
    assert events[0].event_type == "mob-violence"
    assert events[0].counts.fatalities == 2


@pytest.mark.model
def test_a_killing_outlives_a_raid_that_turns_arrests(extractor: Any) -> None:
    text = (
        "On 3 March 2021, police raided a house in Lowtown, killing one suspect and arresting "
        "three."
    )
    by_type = {e.event_type: e for e in acled_events(extractor, text)}
    assert set(by_type) == {"arrests", "attack"}
    assert by_type["attack"].counts.fatalities == 1
    assert by_type["arrests"].counts.fatalities is None


@pytest.mark.model
def test_those_a_fight_drove_out_are_not_its_sides(extractor: Any) -> None:
    text = "On 3 March 2021, the fighting has driven thousands of families out of Lowtown."
    assert top_event_type(extractor, text) == "armed-clash"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, gunmen attacked a village near Lowtown, killing five people, "
        "according to vigilantes.",
        "On 3 March 2021, gunmen attacked a village near Lowtown, killing five people, "
        "vigilantes said.",
    ],
)
def test_a_source_is_no_mob(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "attack"
