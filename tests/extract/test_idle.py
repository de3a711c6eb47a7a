"""The head word of a mention (kg/extract/idle.py), read on the token columns, is the one
spaCy's ``Span.root`` gives (its last word where the root is an article)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.idle import head_at, head_index

pytestmark = pytest.mark.model

TEXT = (
    "The UN Commission said the report by the monitor blamed the Lowland army, not the "
    "rebels of the northern front, for the attack on the market."
)


def test_a_head_word_is_the_spans_root_or_its_last_word_after_an_article(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            root = span.root
            expected = span[-1] if root.dep_ == "det" and len(span) > 1 else root
            assert head_index(doc, start, end) == expected.i, (start, end)
            assert head_at(doc, span.start_char, span.end_char) == expected.i, (start, end)


def test_no_head_word_where_the_characters_hold_no_token(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    assert head_at(doc, len(doc.text) + 5, len(doc.text) + 9) is None
