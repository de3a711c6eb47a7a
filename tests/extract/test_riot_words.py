"""Events told in words the triggers missed (kg/data/triggers.tsv): crowds coming out on the
roads or holding a gathering, crowds on a rampage, smashing, shattering or pulling down what
they find, fights between communities, confrontations with the police, acronyms in capitals
("an IED"); finders who are no killers, and victims who went over a mine. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021, hundreds of workers came out on the roads in Lowtown, demanding "
            "their unpaid wages.",
            "peaceful-protest",
        ),
        (
            "On 3 March 2021, the teachers' union held a gathering outside the town hall of "
            "Lowtown calling for higher pay.",
            "peaceful-protest",
        ),
        (
            "On 3 March 2021, hundreds of angry locals went on a looting spree in Lowtown.",
            "looting-property-destruction",
        ),
        (
            "On 3 March 2021, angry youths smashed the windows of the council office in Lowtown.",
            "mob-violence",
        ),
        (
            "On 3 March 2021, villagers pulled down the gate of a ranch in Lowtown to demand "
            "access to the river.",
            "violent-demonstration",
        ),
        (
            "On 3 March 2021, two people died in a fight between two rival clans in Lowtown.",
            "armed-clash",
        ),
        (
            "On 3 March 2021, four people were injured in a confrontation between rioters and "
            "police in Lowtown.",
            "violent-demonstration",
        ),
        (
            "On 3 March 2021, in Lowtown, a police truck was hit by an IED.",
            "remote-explosive-landmine-ied",
        ),
    ],
)
def test_words_of_crowds_and_bombs(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, students went on a rampage in Lowtown over the new fees.",
        # the school's students, not the students alone, went on the rampage
        "On 3 March 2021, students at Lowtown Secondary School went on a rampage after a pupil "
        "was expelled.",
    ],
)
def test_a_crowd_on_a_rampage_riots(extractor: Any, text: str) -> None:
    # which riot (a demonstration or a mob's) is kg/extract/crowds.py's to tell
    assert top_event_type(extractor, text) in ("violent-demonstration", "mob-violence")


def test_gunmen_on_a_rampage_attack(extractor: Any) -> None:
    text = "On 3 March 2021, gunmen went on a rampage in Lowtown, killing four villagers."
    assert top_event_type(extractor, text) == "attack"


def test_who_finds_a_body_did_not_kill(extractor: Any) -> None:
    text = "On 3 March 2021, villagers found the body of a herder in a field near Lowtown."
    assert top_event_type(extractor, text) == "attack"


def test_words_that_are_no_event(extractor: Any) -> None:
    text = "On 3 March 2021, the ministry held a gathering of donors in Lowtown."
    assert top_event_type(extractor, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, a police vehicle drove over a buried explosive near Lowtown.",
        "On 3 March 2021, a police officer stepped on a landmine near Lowtown.",
    ],
)
def test_who_goes_over_an_explosive_is_its_victim(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.event_type == "remote-explosive-landmine-ied"
    assert "police-forces" in event.targets
    assert "police-forces" not in event.agents


@pytest.mark.model
def test_a_word_in_capitals_that_names_a_unit_is_no_trigger(extractor: Any) -> None:
    text = "Officers of the RAID unit arrested two suspects in Lowtown on Monday."
    assert [e.event_type for e in acled_events(extractor, text)] == ["arrests"]
