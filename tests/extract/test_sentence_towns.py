"""The towns a sentence's paragraph has named (kg/extract/sentence_towns.py), read on the token
columns: a blank line opens a paragraph, the last towns named carry over one that names none.
Made-up sentences, on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.lexicon import Lexicon
from kg.extract.sentence_towns import SentenceTowns

pytestmark = pytest.mark.model

TEXT = (
    "Gunmen attacked a market in Lowtown. Two traders were killed.\n\n"
    "Soldiers shelled Highfield. Residents fled.\n\n"
    "Police arrested ten men."
)


def test_each_sentence_tells_the_towns_its_paragraph_has_named(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    towns = SentenceTowns(Lexicon(triggers=(), actors=(), countries=(), words={}))
    named = [towns.named(doc, s.start, s.end) for s in doc.sents]
    told = [towns.told(doc, s.start, s.end) for s in doc.sents]
    assert len(told) == 5, [s.text for s in doc.sents]
    assert named[0] == told[0] == told[1] == {"lowtown"}
    # a new paragraph: its own town, then the last ones named where it names none
    assert told[2] == told[3] == told[4] == {"highfield"}
