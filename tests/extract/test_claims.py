"""Claims of responsibility, on the real model: the claimant of an act is its agent, a claim
that points back at an act told before gives that act its claimant, and one that points at
nothing told makes no event (kg/extract/arguments.py, kg/extract/folding.py). Made-up
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the Lowtown Front claimed an attack on a police station in Lowtown, Kenya.",
        "On Monday, the Lowtown Front claimed responsibility for the bombing of a police "
        "station in Lowtown, Kenya.",
        "On Monday, the Lowtown Front took responsibility for an attack on a police station in "
        "Lowtown, Kenya.",
        "On Monday, an attack on a police station in Lowtown, Kenya, was claimed by the "
        "Lowtown Front.",
    ],
)
def test_the_claimant_of_an_act_is_its_agent(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)


def test_a_claim_of_an_act_told_before_names_its_unnamed_agent(extractor: Any) -> None:
    text = (
        "On Monday, gunmen attacked a police station in Lowtown, Kenya. The Lowtown Front "
        "later claimed responsibility for the attack."
    )
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)
    assert event.places  # the attack told first, not the claim's placeless one


def test_a_claim_does_not_replace_a_named_agent(extractor: Any) -> None:
    text = (
        "On Monday, soldiers attacked a rebel camp in Lowtown, Kenya. The Lowtown Front "
        "claimed responsibility for the attack."
    )
    (event,) = acled_events(extractor, text)
    assert "lowtown-front-ke" not in event.agents


def test_a_claim_of_an_act_told_nowhere_makes_no_event(extractor: Any) -> None:
    text = "On Monday, the Lowtown Front claimed responsibility for the attack."
    assert acled_events(extractor, text) == []
