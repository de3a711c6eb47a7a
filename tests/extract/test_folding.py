"""An event noun pointing back at an act told before is that act (kg/extract/folding.py,
``anaphors``, kg/extract/anaphors.py), on the real model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "motive",
    [
        "the killing of a gang member",
        # a word of mobs in the motive ("vigilante") made a mob's act of the pointing noun
        "the villagers' support of a vigilante group",
    ],
)
def test_the_attack_a_motive_is_told_of_is_the_attack_told_before(
    extractor: Any, motive: str
) -> None:
    text = (
        "Gunmen killed 20 villagers in an attack on Lowtown on Sunday. "
        f"The gang's leader said the attack was revenge for {motive}."
    )
    assert [e.event_type for e in acled_events(extractor, text)] == ["attack"]


def test_a_headlines_air_strike_keeps_its_own_toll(extractor: Any) -> None:
    """A strike that is the subject of a killing is no support of the other clause's
    capture, and the toll is the strike's."""
    text = "Army air strike kills 20 in Lowtown, rebels seize Hightown"
    events = {e.event_type: e for e in acled_events(extractor, text)}
    assert events["air-drone-strike"].counts.fatalities == 20
    assert events["non-state-actor-overtakes-territory"].counts.fatalities is None


def test_air_strikes_backing_a_capture_are_still_its_support(extractor: Any) -> None:
    text = "On 3 March 2021, rebels backed by air strikes captured Lowtown, killing 12 soldiers."
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["non-state-actor-overtakes-territory"]
    assert events[0].counts.fatalities == 12


def test_air_strikes_a_killing_tells_keep_their_own_toll(extractor: Any) -> None:
    """ "backed by airstrikes that killed 12 civilians": those strikes are an event of their
    own, with their toll, beside the capture they supported."""
    text = (
        "Government troops backed by airstrikes that killed 12 civilians captured the town of "
        "Lowtown."
    )
    events = {e.event_type: e for e in acled_events(extractor, text)}
    assert events["air-drone-strike"].counts.fatalities == 12
    assert events["government-regains-territory"].counts.fatalities is None
