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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Work remains after the liberation of Lowtown\u200e, the minister said.", "Lowtown"),
        ("Fighting spread to \u200bUpton\u200b on Monday.", "Upton"),
        ("\ufeffRebels shelled Hightown\u200f and Lowtown.", "Hightown"),
    ],
)
def test_an_invisible_mark_glued_to_a_name_is_a_token_of_its_own(
    extractor: Any, text: str, name: str
) -> None:
    """Regression: a left-to-right mark glued to "Mosul" (web text) made "Mosul\\u200e" one
    token, no place; the mark is its own token and the name a place, its mention the name."""
    doc = extractor.nlp(text)
    assert name in [t.text for t in doc]
    extraction = extractor.extract_one(Article("t", text))
    assert name in [m.text for p in extraction.places for m in p.mentions]
