"""The coreference word lists (kg/extract/coref_words.py, kg/data/coref.toml)."""

from __future__ import annotations

from kg.extract.coref_words import load_coref_words


def test_the_word_lists_load() -> None:
    words = load_coref_words()
    assert words.pronouns["we"] == "speaker" and words.pronouns["he"] == "person"
    assert "it" not in words.pronouns  # an expletive "it" names no one
