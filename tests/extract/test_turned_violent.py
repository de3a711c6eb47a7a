"""A crowd's protest and its riot told in one paragraph are one violent demonstration
(kg/extract/turned_violent.py), on the real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_types

pytestmark = pytest.mark.model


def test_a_protest_the_riot_s_crowd_was_holding_is_the_riot(extractor: Any) -> None:
    text = (
        "One person was injured on Sunday during a running battle between police and students "
        "of Lowtown University. The students were protesting the arrest of a union leader in "
        "the area."
    )
    assert acled_types(extractor, text) == ["violent-demonstration"]


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_protest_elsewhere_on_another_day_stays_its_own(extractor: Any, gap: str) -> None:
    text = (
        "One man was hurt on Sunday during a running battle between police and students in "
        f"Hightown.{gap}On Monday, teachers marched in Lowtown to demand higher pay."
    )
    assert acled_types(extractor, text) == ["violent-demonstration", "peaceful-protest"]
