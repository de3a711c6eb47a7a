"""Governments named by a common noun and the state actors of kg/extract/governments.py."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.found import Found, Mentions
from kg.extract.governments import no_reference, state_found
from kg.model import ActorType, Article


def test_a_state_is_its_government_at_home_and_external_abroad(extractor: Any) -> None:
    lexicon = extractor.states.lex
    home = state_found(lexicon, 0, 1, "IQ", "government", Mentions([], "IQ"))
    assert (home.label, home.actor_type, home.external) == (
        "Government of Iraq", ActorType.STATE_FORCES, False,
    )  # fmt: skip
    abroad = state_found(lexicon, 0, 1, "TR", "military", Mentions([], "SY"))
    assert (abroad.label, abroad.actor_type, abroad.external, abroad.state) == (
        "Military Forces of Turkey", ActorType.EXTERNAL_OTHER, True, "TR",
    )  # fmt: skip


def test_forces_the_text_names_already_keep_their_key(extractor: Any) -> None:
    named = Found("actor", 0, 2, "military-forces-of-turkey-x", "Military Forces of Turkey",
                  actor_type=ActorType.STATE_FORCES, country="TR")  # fmt: skip
    again = state_found(extractor.states.lex, 5, 6, "TR", "military", Mentions([named], "TR"))
    assert (again.start, again.key) == (5, "military-forces-of-turkey-x")


def test_one_span_names_one_thing() -> None:
    mentions = Mentions([], "SY")
    mentions.references = [Found("actor", 0, 3, "government-of-syria", "Government of Syria")]
    no_reference(mentions, 0, 3)
    assert mentions.references == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi government condemned the attack on Monday.",
        "Iraq's government condemned the attack on Monday.",
        "The government of Iraq condemned the attack on Monday.",
    ],
)
def test_a_government_is_named_by_its_country(extractor: Any, text: str) -> None:
    result = extractor.extract_one(Article("t", text))
    assert "Government of Iraq" in [a.label for a in result.actors]
