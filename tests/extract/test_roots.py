"""A span's root read on the token columns (kg/extract/roots.py) is spaCy's ``Span.root``."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.roots import span_root

pytestmark = pytest.mark.model

TEXTS = (
    "Clashes between rebel fighters and the army on 3 March left 5 dead in Lowtown, the "
    "Ministry of Health said. Police  arrested two men ( both students ) .",
    "Headline: Troops retake Upland\n\nThe long-awaited report, released today, blamed "
    "militia - not the army - for the attack on the market.",
)


@pytest.mark.parametrize("text", TEXTS)
def test_a_spans_root_is_spacys_for_every_span(extractor: Any, text: str) -> None:
    doc = extractor.nlp(text)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_root(doc, start, end) == doc[start:end].root.i, (start, end)


def test_a_span_with_one_word_below_the_rest_counts_no_steps(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word, or a span whose other words all hang below one of them, is its root at once:
    the steps to the sentence's root are counted only between two or more subtrees."""
    doc = extractor.nlp("Armed men from the hills burned the old market on Friday.")

    def counted(*_: Any) -> int:
        raise AssertionError("steps counted")

    monkeypatch.setattr("kg.extract.roots._steps_to_root", counted)
    assert span_root(doc, 8, 9) == 8  # "market"
    assert span_root(doc, 6, 9) == 8  # "the old market"
    assert span_root(doc, 1, 5) == 1  # "men from the hills"
