"""An event's possessive pronoun names who acted (kg/extract/events.py): "militants launched
their attack" is the militants' attack, on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _roles(extractor: Any, text: str, trigger: str) -> tuple[list[str], list[str]]:
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    (event,) = [e for e in extraction.events if e.trigger.text == trigger]
    return [labels[k] for k in event.agents], [labels[k] for k in event.targets]


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        (
            "Al-Shabaab militants launched their attack on a police post in Lowtown, Somalia.",
            "attack",
            "Al Shabaab",
        ),
        ("The army continued its shelling of rebel positions in Lowtown, Syria.", "shelling",
         "Military Forces of Syria"),
        # (not "urged the regime to end its airstrikes": a series called to stop, no event)
        ("Russia defended the regime's airstrikes on Lowtown, Syria.", "airstrikes",
         "Military Forces of Syria"),
        # (not "repelled the militants in their attack": one fight, tests/extract/test_twins.py)
        ("Government forces arrested the militants after their attack on Lowtown, Syria.",
         "attack", "Militants (Syria)"),
    ],
)  # fmt: skip
def test_the_possessor_before_the_event_acted(
    extractor: Any, text: str, trigger: str, agent: str
) -> None:
    agents, _ = _roles(extractor, text, trigger)
    assert agents == [agent]


def test_a_possessor_named_after_still_wins(extractor: Any) -> None:
    """ "In their advance on X, the rebels ...": the subject after the pronoun (cataphora)."""
    text = "In their advance on Lowtown, Syria, the rebels attacked an army checkpoint."
    agents, _ = _roles(extractor, text, "advance")
    assert agents == ["Rebels (Syria)"]


def test_a_possessive_object_is_not_the_subject(extractor: Any) -> None:
    """ "shelled their positions": whose positions is not who shelled (the pronoun in the object
    is not resolved to the actor before it)."""
    text = "Government forces shelled their positions in Lowtown, Syria."
    agents, targets = _roles(extractor, text, "shelled")
    assert agents == ["Military Forces of Syria"]
    assert "Military Forces of Syria" not in targets
