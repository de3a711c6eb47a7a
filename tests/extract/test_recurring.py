"""Organisations' names where they recur, and numbers that end a unit's name (real model;
sentences written for the test)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

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


@pytest.mark.model
def test_a_unit_s_name_and_number_recur_whatever_the_model_reads_the_number(
    extractor: Any,
) -> None:
    """Regression: the model read "50" as a date ("CTF 50 is commanded") and "CTF 50" as a
    law's number ("as part of CTF 50"); both uses were lost."""
    text = (
        "The French previously led CTF 50 last year. CTF 50 is commanded by a French admiral. "
        "The frigate will be operating as part of CTF 50 and will join the others."
    )
    assert _mentions(extractor, text, "CTF 50") == ["CTF 50"] * 3


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He was assigned to Explosive Ordnance Disposal Mobile Unit Two, which is based in "
         "Lowtown.", "Explosive Ordnance Disposal Mobile Unit Two"),
        ("The frigate sailed with Coastal Patrol Squadron 12 from Upton on Monday.",
         "Coastal Patrol Squadron 12"),
    ],
)  # fmt: skip
def test_a_unit_s_designation_after_its_noun_ends_its_name_written_once(
    extractor: Any, text: str, name: str
) -> None:
    """A number or a number word after a unit's noun is its designation, part of the name
    though the article writes it once (was: "... Mobile Unit", the number left out)."""
    assert _mentions(extractor, text, name) == [name]


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


def test_a_name_read_as_a_law_or_its_number_as_a_date_recurs() -> None:
    words = ["TF", "50", "left", ".", "Part", "of", "TF", "50", "and", "TF", "50", "stayed", "."]
    pos = ["PROPN", "NUM", "VERB", "PUNCT", "NOUN", "ADP", "PROPN", "NUM", "CCONJ", "PROPN",
           "NUM", "VERB", "PUNCT"]  # fmt: skip
    doc = _doc(words, pos)
    doc.ents = [Span(doc, 6, 8, label="LAW"), Span(doc, 10, 11, label="DATE")]
    added = recurring(doc, [_found(0, 2, "TF 50")], {0, 1})
    assert [(f.start, f.end) for f in added] == [(6, 8), (9, 11)]


def test_a_name_read_as_another_kind_of_entity_does_not_recur() -> None:
    words = ["Lowforce", "attacked", ".", "Then", "Lowforce", "left", "."]
    pos = ["PROPN", "VERB", "PUNCT", "ADV", "PROPN", "VERB", "PUNCT"]
    doc = _doc(words, pos)
    doc.ents = [Span(doc, 4, 5, label="PERSON")]
    assert recurring(doc, [_found(0, 1, "Lowforce")], {0}) == []


def test_a_claimed_word_does_not_recur() -> None:
    words = ["Kabu", "and", "Kabu", "met", "."]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT"]
    assert recurring(_doc(words, pos), [_found(0, 1, "Kabu")], {0, 2}) == []
