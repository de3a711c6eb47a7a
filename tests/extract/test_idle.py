"""The head word of a mention (kg/extract/idle.py), read on the token columns, is the one
spaCy's ``Span.root`` gives (its last word where the root is an article)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import idle
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


def test_a_mentions_head_word_is_found_once_a_doc(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The relations ask it of each of an agent's mentions, for each of its events."""
    doc = extractor.nlp(TEXT)
    read: list[tuple[int, int]] = []
    char_tokens = idle.char_tokens

    def counted(doc: Any, start: int, end: int) -> tuple[int, int] | None:
        read.append((start, end))
        return char_tokens(doc, start, end)

    monkeypatch.setattr(idle, "char_tokens", counted)
    span = doc[14:16]  # "Lowland army"
    first = head_at(doc, span.start_char, span.end_char)
    assert head_at(doc, span.start_char, span.end_char) == first == span.root.i
    assert read == [(span.start_char, span.end_char)]


def test_a_spans_head_word_is_its_own_root_not_one_read_again(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``head_word`` of a Span asks the Span's root (spaCy's), not the columns' ``span_root``."""
    doc = extractor.nlp(TEXT)

    def again(*_: Any) -> int:
        raise AssertionError("root read again on the columns")

    monkeypatch.setattr(idle, "span_root", again)
    assert idle.head_word(doc[0:2]).text == "UN"  # "The UN"
    assert idle.head_word(doc[0:3]).text == "Commission"
