"""Who a sentence names (kg.extract.sides), on the real model: noun phrases, clauses, partners."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.relation_words import load_words
from kg.extract.sides import Sides, dedup
from kg.model import Article


def _sides(extractor: Any, text: str) -> tuple[Sides, Any]:
    extraction = extractor.extract_one(Article("t", text))
    doc = extractor.nlp(text)
    return Sides(doc, extraction, load_words()), doc


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def test_dedup_keeps_the_first_order() -> None:
    assert dedup(["b", "a", "b", "c", "a"]) == ["b", "a", "c"]


@pytest.mark.model
def test_a_coordination_names_each_side(extractor: Any) -> None:
    sides, doc = _sides(extractor, "Hezbollah and the Syrian army attacked the Nusra Front.")
    assert sides.actors(_token(doc, "Hezbollah")) == ["hezbollah", "military-forces-of-syria"]


@pytest.mark.model
def test_the_subject_acts_through_an_infinitive(extractor: Any) -> None:
    sides, doc = _sides(extractor, "Hezbollah is committed to defeating the Nusra Front.")
    assert sides.holders(_token(doc, "defeating")) == ["hezbollah"]


@pytest.mark.model
def test_an_operation_is_no_partner(extractor: Any) -> None:
    sides, doc = _sides(extractor, "Hezbollah, which is supporting Operation Inherent Resolve,"
                                   " sent advisers.")  # fmt: skip
    assert sides.partners(_token(doc, "supporting")) == []
