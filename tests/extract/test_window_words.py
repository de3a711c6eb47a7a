"""A draft's window and what it tells (kg/extract/window_words.py): made once a Doc for the
drafts of a sentence that ask the same; invented sentences, on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.drafts import Draft
from kg.extract.window import with_follow_up

pytestmark = pytest.mark.model


def _windows(extractor: Any) -> Any:
    return extractor.events.classifier.windows


def test_a_sentences_window_is_made_once_and_is_with_follow_ups(extractor: Any) -> None:
    doc = extractor.nlp("Protesters blocked the road in Lowtown. Police dispersed them.")
    windows, sentence = _windows(extractor), next(doc.sents)
    first = windows.window(sentence)
    expected = with_follow_up(sentence, windows.follow_up, windows.happenings, windows.towns)
    assert (first.start, first.end) == (expected.start, expected.end) == (0, len(doc))
    again = windows.window(sentence)  # from the Doc's memo
    assert (again.start, again.end) == (first.start, first.end)
    from kg.extract import columns

    kept = columns.memo(doc, windows._window_key, dict)
    assert kept == {(sentence.start, sentence.end): len(doc)}  # made once, kept a sentence


def test_two_drafts_of_a_window_share_what_it_tells_but_a_sources_words(extractor: Any) -> None:
    doc = extractor.nlp("Gunmen attacked a bus and killed two traders, residents said.")
    windows, sentence = _windows(extractor), next(doc.sents)
    attacked, killed = (
        doc[i : i + 1] for i, t in enumerate(doc) if t.lower_ in ("attacked", "killed")
    )
    first = windows.told(Draft("attack", attacked, sentence), sentence)
    second = windows.told(Draft("kill", killed, sentence), sentence)
    assert second is first  # the same words told: made once
    lemmas, text = first
    assert "attack" in lemmas and "resident" not in lemmas  # the source is no actor
    assert text.startswith("Gunmen attacked") and "residents" not in text


def test_a_protests_window_tells_no_grievance(extractor: Any) -> None:
    doc = extractor.nlp("Students protested against the bombing of the market in Lowtown.")
    windows, sentence = _windows(extractor), next(doc.sents)
    protested = doc[1:2]
    lemmas, text = windows.told(Draft("peaceful-protest", protested, sentence), sentence)
    assert "protest" in lemmas and "bombing" not in lemmas and "bombing" not in text
    # another class of draft of the same window tells every word: its own entry in the memo
    plain, _ = windows.told(Draft("attack", protested, sentence), sentence)
    assert "bombing" in plain
