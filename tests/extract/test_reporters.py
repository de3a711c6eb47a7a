"""Who reports an event in a sentence (kg/extract/reporters.py), on the real parse. Made-up
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.reporters import reports

pytestmark = pytest.mark.model

_REPORTING = frozenset({"say", "tell", "report"})


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Gunmen killed two traders in Lowtown, police said.", "police", True),
        ("Gunmen killed two traders in Lowtown, police sources said.", "police", True),
        ("Gunmen killed two traders, a spokesman for the army said.", "army", True),
        ("Two traders were killed in Lowtown, according to police.", "police", True),
        ("Police shot two robbers in Lowtown on Monday.", "Police", False),
        ("Police claimed the raid in Lowtown on Monday.", "Police", False),
        ("A bomb exploded outside a police station in Lowtown.", "police", False),
    ],
)
def test_who_reports(extractor: Any, text: str, word: str, expected: bool) -> None:
    doc = extractor.nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert reports(token, _REPORTING) is expected
