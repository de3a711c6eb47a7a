"""The lexicon's word lists (kg/extract/lexicon.py ``Lexicon.word_set``): built once."""

from __future__ import annotations

from kg.extract.lexicon import Lexicon, load


def _lexicon() -> Lexicon:
    words = {"events": {"air_words": ["jet", "drone"]}, "actors": {"kinds": {"words": ["post"]}}}
    return Lexicon(triggers=(), actors=(), countries=(), words=words)


def test_a_word_set_is_built_once_and_kept() -> None:
    lexicon = _lexicon()
    first = lexicon.word_set("events", "air_words")
    assert first == {"jet", "drone"}
    assert lexicon.word_set("events", "air_words") is first


def test_a_word_set_may_lie_deeper_in_the_file() -> None:
    lexicon = _lexicon()
    assert lexicon.word_set("actors", "kinds", "words") == {"post"}
    assert lexicon.word_set("actors", "kinds", "words") is lexicon.word_set(
        "actors", "kinds", "words"
    )


def test_each_lexicon_keeps_its_own_sets() -> None:
    assert _lexicon().word_set("events", "air_words") is not _lexicon().word_set(
        "events", "air_words"
    )
    facilities = load().word_set("actors", "facilities", "words")
    assert "station" in facilities  # the shipped list, read through its path
