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
