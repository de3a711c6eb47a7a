"""Armed men of the kind of a group named before them in their sentence are its men
(kg/extract/group_men.py), on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _extract(extractor: Any, text: str) -> Any:
    return extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 4)))


def _labels(extraction: Any) -> set[str]:
    return {a.label for a in extraction.actors}


def test_rebels_after_a_rebel_group_in_their_sentence_are_its_men(extractor: Any) -> None:
    text = (
        "The army said it had repelled an attack by the Lowland Liberation Front near"
        " Lowtown on Monday, killing 20 rebels."
    )
    extraction = _extract(extractor, text)
    clash = next(e for e in extraction.events if e.event_type == "armed-clash")
    assert clash.targets == ("lowland-liberation-front",)
    assert "Rebels" not in _labels(extraction)


@pytest.mark.parametrize(
    "text",
    [
        # two groups named: whose men, the words do not say
        "ADF and M23 rebels were active near Lowtown. Soldiers killed 12 rebels on Monday.",
        # many groups, not one group's men
        "ADF fighters and various rebel groups attacked army posts near Lowtown on Monday.",
        # a sentence before is too far: an article names groups in passing
        "ADF rebels attacked a village near Lowtown on Monday. Soldiers killed 12 rebels there.",
        # men the group acts on are the other side's
        "The Lowland Liberation Front said it had killed 30 rebels near Lowtown on Monday.",
        # men set apart from the group named
        "The army repelled an ADF attack near Lowtown on Monday, killing 20 other rebels.",
    ],
)
def test_rebels_stay_unnamed_when_the_group_is_unsure(extractor: Any, text: str) -> None:
    assert any(label.startswith("Rebels") for label in _labels(_extract(extractor, text)))


@pytest.mark.parametrize(
    "text",
    [
        "Rebels of the Lowland Liberation Front group shelled army positions near Lowtown.",
        "Militants of the Lowland Liberation Front shelled army positions near Lowtown.",
        # "from" names the group as "of" does
        "Fighters from the Lowland Liberation Front shelled army positions near Lowtown.",
        "Militants from the Lowland Liberation Front shelled army positions near Lowtown.",
    ],
)
def test_men_of_a_group_their_own_of_names_are_its_men(extractor: Any, text: str) -> None:
    """Regression: "Rebels of the X group shelled" had two agents, the country's rebels and
    the group; the group its "of" names is the one, though named after them."""
    shelling = next(e for e in _extract(extractor, text).events if e.trigger.text == "shelled")
    assert shelling.agents == ("lowland-liberation-front",)
