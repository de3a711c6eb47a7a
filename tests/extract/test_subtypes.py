"""The sub-event type by a sentence's words (kg/extract/subtypes.py), with no model."""

from __future__ import annotations

import pytest

import kg.extract.subtypes as subtypes
from kg.extract.subtypes import Cues, Rule, _cues, refine


def test_cues_match_a_word_by_its_lemma_and_a_phrase_in_the_text() -> None:
    cues = _cues(["Stone", "tear gas", "off-duty"])
    assert cues == Cues(frozenset({"stone"}), ("tear gas", "off-duty"))
    assert cues.match(frozenset({"stone", "throw"}), "they threw stones")
    assert cues.match(frozenset(), "police fired tear gas at them")
    assert cues.match(frozenset(), "an off-duty soldier")
    assert not cues.match(frozenset({"gas"}), "police fired gas at them")
    assert not Cues(frozenset(), ()).match(frozenset({"stone"}), "stone")


def test_the_first_rule_whose_every_group_matches_and_no_unless_gives_the_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = (
        Rule("", frozenset({"attack"}), (_cues(["drone"]), _cues(["strike"])), None, "x"),
        Rule("", frozenset({"attack"}), (_cues(["bomb"]),), _cues(["hoax bomb"]), "y"),
    )
    monkeypatch.setattr(subtypes, "_rules_from", lambda event_type: rules)
    assert refine("attack", frozenset({"drone", "strike"}), "") == "x"
    assert refine("attack", frozenset({"drone"}), "") == "attack"  # one group alone
    assert refine("attack", frozenset({"drone", "bomb"}), "A bomb") == "y"
    assert refine("attack", frozenset({"bomb"}), "A Hoax Bomb") == "attack"  # unless
