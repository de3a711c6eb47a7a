"""Organisations' names where they recur, and numbers that end a unit's name (real model;
sentences written for the test)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.found import Found
from kg.extract.recurring import recurring
from kg.model import ActorType, Article


def _mentions(extractor: Any, text: str, label: str) -> list[str]:
    extraction = extractor.extract_one(Article("t", text))
    return [m.text for a in extraction.actors if a.label == label for m in a.mentions]


@pytest.mark.model
def test_a_number_the_article_writes_with_a_unit_ends_its_name(extractor: Any) -> None:
    text = (
        "The frigate joined Combined Task Force 151 on Monday. CTF 151 will lead an exercise "
        "next year. The French previously led CTF 151 last December."
    )
    assert _mentions(extractor, text, "CTF 151") == ["CTF 151", "CTF 151"]


def _found(start: int, end: int, label: str, kind: str = "actor") -> Found:
    actor_type = ActorType.ORGANISATION if kind == "actor" else None
    return Found(kind, start, end, label.lower(), label, actor_type=actor_type)


def _doc(words: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos)


def test_an_organisation_s_name_recurs_where_no_pass_claimed_it() -> None:
    words = ["Lowforce", "attacked", ".", "Then", "Lowforce", "left", "Lowforce", "Hill", "."]
    pos = ["PROPN", "VERB", "PUNCT", "ADV", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc = _doc(words, pos)
    added = recurring(doc, [_found(0, 1, "Lowforce")], {0})
    # the second use is a mention; "Lowforce Hill" is a longer name of its own
    assert [(f.start, f.end, f.key) for f in added] == [(4, 5, "lowforce")]


def test_a_place_s_name_does_not_recur_as_an_organisation() -> None:
    words = ["Lowtown", "council", "met", "in", "Lowtown", "near", "Lowtown", "."]
    pos = ["PROPN", "NOUN", "VERB", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]
    found = [_found(0, 1, "Lowtown"), _found(4, 5, "Lowtown", "place")]
    assert recurring(_doc(words, pos), found, {0, 4}) == []


def test_a_claimed_word_does_not_recur() -> None:
    words = ["Kabu", "and", "Kabu", "met", "."]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    assert recurring(_doc(words, pos), [_found(0, 1, "Kabu")], {0, 2}) == []
