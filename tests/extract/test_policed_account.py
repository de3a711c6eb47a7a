"""A quoted account of the force used on a protest, by one who speaks for the crowd, tells
that protest again (kg/extract/quoted.py, kg/extract/retold.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

_PROTEST = (
    "Chadian police fired tear gas on Friday to disperse hundreds of students protesting in "
    "Ndjamena, activists said."
)


@pytest.mark.model
def test_a_lawyers_quote_of_the_police_beating_students_is_no_attack(extractor: Any) -> None:
    text = (
        f"{_PROTEST}\n\n"
        '"Police beat the students with batons and dragged them into vans," said Ali '
        "Mahamat, a lawyer for the students.\n"
    )
    kinds = {e.event_type for e in acled_events(extractor, text)}
    assert "attack" not in kinds
    assert "protest-with-intervention" in kinds


@pytest.mark.model
def test_an_officials_quote_of_another_beating_stays_its_own(extractor: Any) -> None:
    text = f'{_PROTEST}\n\n"Gunmen beat two farmers in Abeche," the governor said.\n'
    kinds = [e.event_type for e in acled_events(extractor, text)]
    assert "protest-with-intervention" in kinds
    assert len([k for k in kinds if k not in ("statement", "protest-with-intervention")]) >= 1
