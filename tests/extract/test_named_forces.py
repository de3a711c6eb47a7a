"""Forces named by a proper noun before "forces" (kg/extract/named_forces.py): a force of its
own name, not the state's; a country's, a government's, a kind's or a headline's capitals stay
the generic rules'. Sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article


def _actor(extractor: Any, text: str, words: str) -> tuple[str, ActorType]:
    extraction = extractor.extract_one(Article("t", text))
    actor = next(a for a in extraction.actors if any(words in m.text for m in a.mentions))
    return actor.label, actor.actor_type


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words", "label"),
    [
        ("Clashes erupted between the Asayish forces and Syrian troops in Lowtown.",
         "Asayish forces", "Asayish"),
        ("Turkish drones struck Asayish forces near Lowtown on Monday.", "Asayish forces",
         "Asayish"),
    ],
)  # fmt: skip
def test_a_name_before_forces_is_a_force_of_its_own(
    extractor: Any, text: str, words: str, label: str
) -> None:
    assert _actor(extractor, text, words) == (label, ActorType.POLITICAL_MILITIA)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Syrian forces shelled two villages near Lowtown on Monday.", "Syrian forces"),
        ("On Monday, Government forces shelled two villages near Lowtown.", "Government forces"),
        ("On Monday, US Special Forces raided a compound near Lowtown.", "Special Forces"),
        ("Syrian Government Forces Retake Lowtown", "Government Forces"),
    ],
)
def test_a_country_a_kind_or_a_headline_names_no_force_of_its_own(
    extractor: Any, text: str, words: str
) -> None:
    assert _actor(extractor, text, words)[1] is ActorType.STATE_FORCES
