"""bench/extraction_hash.py hashes a fixed set of texts: 120 bench articles and 500 notes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import corpus
import extraction_hash


@pytest.mark.skipif(
    not corpus.ACLED.is_file(), reason=f"the ACLED dev notes are not at {corpus.ACLED}"
)
def test_the_hashed_texts_are_fixed_articles_with_dates_then_undated_notes() -> None:
    texts = extraction_hash.texts()
    assert len(texts) == extraction_hash.ARTICLES + extraction_hash.NOTES
    articles, notes = texts[: extraction_hash.ARTICLES], texts[extraction_hash.ARTICLES :]
    assert articles[0][0] == "bench-1-00000" and all(p is not None for _, _, p in articles)
    assert notes[0][0] == "n0" and all(p is None for _, _, p in notes)
    assert texts == extraction_hash.texts()  # the same texts every run
