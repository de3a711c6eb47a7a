"""How a country's name reads in its clause (kg/extract/state_roles.py; real model for the
parses)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.state_roles import StateRoles, load_state_words


def _roles() -> StateRoles:
    return StateRoles(load_state_words())


def _token(extractor: Any, text: str, word: str) -> Any:
    return next(t for t in extractor.nlp(text) if t.text == word)


def test_the_word_lists_load() -> None:
    words = load_state_words()
    assert "government" in words.state_nouns and "airstrike" in words.military_nouns


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Turkey shelled the villages near the border on Monday.", "military"),
        ("Turkey condemned the bombing of the market.", "government"),
        ("The rebels receive weapons from Iran.", "government"),
        ("Fighting went on near Turkey for a week.", None),
    ],
)
def test_a_country_acts_as_its_forces_or_its_government(
    extractor: Any, text: str, role: str | None
) -> None:
    country = "Iran" if "Iran" in text else "Turkey"
    assert _roles().role(_token(extractor, text, country)) == role


@pytest.mark.model
def test_a_country_aimed_at_is_attacked(extractor: Any) -> None:
    roles = _roles()
    assert roles.attacked(_token(extractor, "Militants fired rockets at Israel.", "Israel"))
    assert not roles.attacked(_token(extractor, "Militants fled to Israel.", "Israel"))


@pytest.mark.model
def test_a_part_of_a_country_aimed_at_is_a_place(extractor: Any) -> None:
    """ "northern Israel": a region of the country, where fire fell, no state attacked."""
    roles = _roles()
    text = "Militants fired rockets at northern Israel."
    assert not roles.attacked(_token(extractor, text, "Israel"))
    text = "Jets struck southern Lebanon on Monday."
    assert not roles.attacked(_token(extractor, text, "Lebanon"))


@pytest.mark.model
def test_a_country_joined_to_another_before_their_war_is_a_side(extractor: Any) -> None:
    text = "Thousands died in the Iran-Iraq war."
    assert _roles().paired(_token(extractor, text, "Iraq"))
    assert not _roles().paired(_token(extractor, "Thousands died in Iraq.", "Iraq"))
