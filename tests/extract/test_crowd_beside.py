"""A crowd a clause beside the forces' act tells acting ("... as supporters defied a ban")
is the protest's actor, the forces its other side (kg/extract/policed.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events


def _protest(extractor: Any, text: str) -> Any:
    (event,) = [e for e in acled_events(extractor, text) if e.event_type != "arrests"]
    return event


@pytest.mark.model
def test_a_crowd_defying_a_ban_acts_in_the_protest_the_police_broke_up(extractor: Any) -> None:
    text = (
        "Chadian police fired tear gas in the capital Ndjamena on Thursday as opposition "
        "supporters defied a ban on marches, witnesses said.\n"
    )
    event = _protest(extractor, text)
    assert event.event_type == "protest-with-intervention"
    assert event.agents == ("protesters-chad",)
    assert event.targets == ("police-forces-of-chad",)


@pytest.mark.model
def test_a_crowd_beside_a_verb_joined_to_the_act(extractor: Any) -> None:
    text = (
        "Chadian police fired tear gas and detained dozens of people in Ndjamena on Thursday "
        "while opposition supporters defied a ban on marches, witnesses said.\n"
    )
    event = _protest(extractor, text)
    assert "police-forces-of-chad" not in event.agents
