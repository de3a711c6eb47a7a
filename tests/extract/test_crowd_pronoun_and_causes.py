"""A crowd's "they" fighting the police after its protest, and a killing an answer noun
governs (kg/extract/turned_violent.py, kg/extract/figures.py, kg/extract/answered.py), on the
real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, acled_types

pytestmark = pytest.mark.model


def test_they_who_protested_then_clash_with_police_riot(extractor: Any) -> None:
    text = (
        "Residents protested the arrest of a trader in Lowtown on Monday. "
        "They later clashed with police."
    )
    assert acled_types(extractor, text) == ["violent-demonstration"]


def test_a_march_whose_crowd_then_clashes_with_police_is_one_riot(extractor: Any) -> None:
    text = "Hundreds of students marched in Lowtown on Monday. They later clashed with police."
    assert acled_types(extractor, text) == ["violent-demonstration"]


def test_others_clashing_with_police_stay_their_own(extractor: Any) -> None:
    text = "Residents protested in Lowtown on Monday. Gunmen later clashed with police."
    assert acled_types(extractor, text) == ["violent-demonstration", "armed-clash"]


@pytest.mark.parametrize("answer", ["in revenge for", "in retaliation for"])
def test_a_killing_answered_is_no_toll(extractor: Any, answer: str) -> None:
    text = f"Gunmen attacked a village near Lowtown on Sunday {answer} the killing of their leader."
    (attack,) = acled_events(extractor, text)
    assert attack.counts.fatalities is None


def test_a_killing_answered_adds_nothing_to_the_toll(extractor: Any) -> None:
    text = (
        "Gunmen attacked a village near Lowtown on Sunday in retaliation for the killing of "
        "two herders, killing five people."
    )
    (attack,) = acled_events(extractor, text)
    assert attack.counts.fatalities == 5
