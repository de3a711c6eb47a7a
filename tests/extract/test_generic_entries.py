"""The actor type and label a common noun names an actor by (kg/extract/generic_entries.py);
the generic actors these make are tested end to end in test_generic.py."""

from __future__ import annotations

from typing import Any

import pytest


def test_a_noun_the_columns_pass_over_has_no_actor_entry(extractor: Any) -> None:
    """``GenericActors.find`` reads the lemma and spelling columns before it makes a
    ``Token``: every noun to which ``GenericEntries.entry`` gives an actor, a machine or a group
    must pass ``may_name``, or ``find`` would lose it."""
    rules = extractor.mentions.generics.entries
    text = (
        "Gunmen killed five Christians and two Yazidis in Lowtown. Rebels attacked Highfield, "
        "and Norland tanks shelled the armed groups. Members of the Abu Lowa tribe clashed "
        "with police officers, militiamen and a militia leader. Unknown assailants, soldiers "
        "and protesters fled; twelve Shiites were killed and helicopters struck fighters."
    )
    doc = extractor.nlp(text)
    entries = [t for t in doc if t.pos_ in ("NOUN", "PROPN") and rules.entry(t) is not None]
    assert len(entries) >= 10
    for token in doc:
        if rules.entry(token) is not None:
            assert rules.may_name(token.lemma_.lower(), token.lower_), token.text
    assert not rules.may_name("bridge", "bridge")


def _actors(extractor: Any, text: str) -> dict[str, str]:
    from kg.model import Article

    return {a.key: a.label for a in extractor.extract_one(Article("t", text)).actors}


def _agents(extractor: Any, text: str) -> list[tuple[str, ...]]:
    from kg.model import Article

    return [e.agents for e in extractor.extract_one(Article("t", text)).events]


@pytest.mark.model
@pytest.mark.parametrize(
    "subject",
    ["The military government", "Coup leaders", "The military rulers", "The junta's leaders"],
)
def test_rulers_a_coup_put_in_power_are_the_countrys_forces(extractor: Any, subject: str) -> None:
    text = f"{subject} arrested 12 opposition figures in Lowtown, Mali on Monday."
    assert _agents(extractor, text) == [("military-forces-of-mali",)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rebel military leaders said they captured Lowtown, Mali.",  # a group's
        "Police arrested coup plotters in Lowtown, Mali on Monday.",  # a failed coup's men
        "Opposition leaders condemned the arrests in Lowtown, Mali.",
    ],
)
def test_leaders_of_no_military_rule_are_no_state_forces(extractor: Any, text: str) -> None:
    assert "military-forces-of-mali" not in _actors(extractor, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Two men were handed over to Military Forces in Lowtown, Nigeria on Monday.",
         "military-forces-of-nigeria"),
        ("Police Forces arrested five men in Lowtown, Nigeria on Monday.",
         "police-forces-of-nigeria"),
        ("Security Forces killed five gunmen in Lowtown, Nigeria on Monday.",
         "military-forces-of-nigeria"),
    ],
)  # fmt: skip
def test_a_generic_force_in_capitals_is_the_countrys(extractor: Any, text: str, key: str) -> None:
    actors = _actors(extractor, text)
    assert key in actors
    assert not any(k.endswith("-ng") for k in actors), actors  # no named "Military Forces"


@pytest.mark.model
def test_a_countrys_qualified_forces_in_capitals_stay_a_name(extractor: Any) -> None:
    # "the UK's brave Armed Forces": owned and qualified, the body the text names
    from kg.model import Article

    text = "We thank the Lowland's brave Armed Forces for their work."
    extraction = extractor.extract_one(Article("t", text))
    assert "Armed Forces" in [m.text for a in extraction.actors for m in a.mentions]
