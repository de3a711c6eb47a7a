"""Armed men a possessive gives to a group named before them (kg/extract/possessed.py), in
the possessive's sentence or the one before: "Its fighters killed ...", "The group's
fighters ...", on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _agents(extractor: Any, text: str) -> list[tuple[str, ...]]:
    extraction = extractor.extract_one(Article("t", text))
    return [e.agents for e in extraction.events if e.event_type != "statement"]


@pytest.mark.parametrize(
    "second",
    [
        "Its fighters killed five soldiers.",
        "Their fighters killed five soldiers.",
        "The group's fighters killed five soldiers.",
    ],
)
def test_a_groups_fighters_in_the_next_sentence_are_the_group(extractor: Any, second: str) -> None:
    text = f"The Lowland Liberation Front attacked an army base in Lowtown on Monday. {second}"
    agents = _agents(extractor, text)
    assert agents
    assert all(a == ("lowland-liberation-front",) for a in agents), agents


def _owner_of(extractor: Any, text: str, words: str) -> str:
    extraction = extractor.extract_one(Article("t", text))
    (key,) = [a.key for a in extraction.actors if words in [m.text for m in a.mentions]]
    return key


def test_other_armed_men_between_are_the_nearer_owners(extractor: Any) -> None:
    text = (
        "The Lowland Liberation Front attacked a village in Lowtown on Monday. "
        "Gunmen also raided a market in Lowtown. Their fighters killed ten people."
    )
    assert _owner_of(extractor, text, "Their fighters") != "lowland-liberation-front"


def test_a_possessive_two_sentences_after_the_name_names_no_group(extractor: Any) -> None:
    text = (
        "The Lowland Liberation Front attacked a village in Lowtown on Monday. "
        "Residents fled to the hills. Their fighters killed ten people."
    )
    assert _owner_of(extractor, text, "Their fighters") != "lowland-liberation-front"


def test_the_next_sentences_fighters_are_the_group_s_mention(extractor: Any) -> None:
    text = "The Lowland Liberation Front attacked Lowtown on Monday. Its fighters killed ten."
    assert _owner_of(extractor, text, "Its fighters") == "lowland-liberation-front"
