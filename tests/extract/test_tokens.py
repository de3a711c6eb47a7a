"""How kg's model splits words: reference marks and glued brackets (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article


@pytest.mark.model
@pytest.mark.parametrize(
    "text,name",
    [
        ("It was led by his brother Ralph Lowtown,[1] who later became its head.", "Ralph Lowtown"),
        ("Abel Marsh(Arabic: x), also known as Abu Marsh, is a general.", "Abel Marsh"),
        ("His first choice was Carl Hightown.[2] Carl Hightown refused.", "Carl Hightown"),
    ],
)
def test_a_reference_mark_or_a_glued_bracket_is_no_part_of_a_name(
    extractor: Any, text: str, name: str
) -> None:
    """Regression: encyclopaedia text glued "[1" and "(Arabic" to names ("Abu Haidar,[1")."""
    extraction = extractor.extract_one(Article("t", text))
    mentions = [m.text for a in extraction.actors for m in a.mentions]
    assert name in mentions
    assert not any("[" in m or "(" in m for m in mentions)


@pytest.mark.model
def test_brackets_between_spaces_tokenize_as_before(extractor: Any) -> None:
    doc = extractor.nlp("The group (IS) said the rule 3(a) binds Lowtown.")
    assert [t.text for t in doc][:6] == ["The", "group", "(", "IS", ")", "said"]
    assert "3(a" in [t.text for t in doc]  # a bracket after a digit is no name's: untouched
