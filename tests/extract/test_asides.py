"""Renderings of a name in brackets and transcript speaker labels name no one
(kg/extract/asides.py)."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.asides import rendering_tokens, speaker_label_tokens
from tests.extract.extracted import extract

_NLP = spacy.blank("en")


def _words(doc: Doc, tokens: set[int]) -> str:
    return " ".join(doc[i].text for i in sorted(tokens))


@pytest.mark.parametrize(
    ("text", "rendering"),
    [
        # a language and a colon, to a comma; each label its own
        (
            "The Lowan Hills (Arabic: Jabal Lowan, Kurdish: Ciya Lowan or Ciyan Lowan) are hills.",
            "Arabic : Jabal Lowan Kurdish : Ciya Lowan or Ciyan Lowan",
        ),
        # an English name after the comma is a name
        (
            "Hiblow (Arabic: Nahiyat Hiblow, Hiblow Village) is a village.",
            "Arabic : Nahiyat Hiblow",
        ),
        # "in <language>" and another spelling: the whole part
        (
            "The Book of Lowtown (Kiteba Lowan in Kurdish; also transliterated as Kitab Lowan) is",
            "Kiteba Lowan in Kurdish also transliterated as Kitab Lowan",
        ),
        # brackets of another kind hold names: an acronym, a place's province
        ("The Lowtown Front (LF) attacked Upton (Lowland province).", ""),
        ("He spoke (in Arabic) to the crowd.", ""),  # no name before the bracket
    ],
)
def test_a_name_s_rendering_in_brackets_is_found(text: str, rendering: str) -> None:
    doc = _NLP(text)
    assert _words(doc, rendering_tokens(doc)) == rendering


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("QUESTION: Did the Secretary meet Holt?\n\nANSWER: He did.", "QUESTION ANSWER"),
        ("Q: Where?\nA: In Lowtown.", "Q A"),
        ("MR HOLT: We met.", ""),  # a speaker's name is a name
        ("The question: who fired first?", ""),  # not where a line starts
    ],
)
def test_a_transcript_s_speaker_labels_are_found(text: str, labels: str) -> None:
    doc = _NLP(text)
    assert _words(doc, speaker_label_tokens(doc)) == labels


@pytest.mark.model
def test_renderings_and_speaker_labels_name_no_one(extractor: Any) -> None:
    text = (
        "QUESTION: Did the Secretary discuss Lowtown?\n\n"
        "ANSWER: Secretary Holt met the minister in Lowtown. The Lowan Hills (Arabic: Jabal "
        "Lowan, Kurdish: Ciya Lowan or Ciyan Lowan) are a small ridge in northern Iraq."
    )
    extraction = extract(extractor, text)
    words = {m.text for a in extraction.actors for m in a.mentions}
    words |= {m.text for p in extraction.places for m in p.mentions}
    assert "Secretary Holt" in words
    assert not [w for w in words if any(x in w for x in ("QUESTION", "ANSWER", "Jabal", "Ciya"))]
    assert "Lowan Hills" in words
