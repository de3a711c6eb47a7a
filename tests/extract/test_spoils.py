"""The weapons an armed group says it seized in a fight it won are part of the fight
(kg/extract/spoils.py), on the real model; a state's seizure stands alone. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_types

pytestmark = pytest.mark.model

_SEIZED = "Disrupted weapons use"


@pytest.mark.parametrize(
    "said",
    [
        "The militia said in a statement that it had seized weapons and ammunition from the base.",
        "It said its fighters had seized vehicles and weapons.",
    ],
)
def test_a_group_s_spoils_in_its_own_statement_are_its_fight_s(extractor: Any, said: str) -> None:
    text = (
        "On Saturday, Lowland Liberation Front fighters attacked an army base near Lowtown, "
        "Kenya, killing at least seven soldiers. " + said
    )
    assert "disrupted-weapons-use" not in acled_types(extractor, text)


def test_a_state_s_seizure_stands_alone(extractor: Any) -> None:
    text = (
        "On Saturday, Lowland Liberation Front fighters attacked an army base near Lowtown, "
        "Kenya, killing at least seven soldiers. The Kenyan army said in a statement that it "
        "had seized weapons and ammunition from the rebels."
    )
    assert "disrupted-weapons-use" in acled_types(extractor, text)
