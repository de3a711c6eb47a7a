"""A sentence's dates (kg/extract/date_spans.py), found once a Doc: the happenings' breaks and
the events read them. Made-up sentences, on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import date_spans as spans_module
from kg.extract.date_spans import date_spans, sentence_dates

pytestmark = pytest.mark.model

TEXT = (
    "Gunmen attacked a village near Lowtown on 3 May 2021. The following day, soldiers "
    "killed five of them. Residents fled on Monday night."
)


def test_a_sentences_dates_are_its_date_spans(extractor: Any) -> None:
    doc = extractor.nlp(TEXT)
    for sent in doc.sents:
        expected = [(s.start, s.end, s.label_) for s in date_spans(sent)]
        for _ in range(2):  # found, then kept
            got = sentence_dates(doc, sent.start, sent.end)
            assert [(s.start, s.end, s.label_) for s in got] == expected


def test_a_sentences_dates_are_found_once(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = extractor.nlp(TEXT)
    asked: list[tuple[int, int]] = []

    def counted(span: Any) -> Any:
        asked.append((span.start, span.end))
        return date_spans(span)

    monkeypatch.setattr(spans_module, "date_spans", counted)
    sent = next(iter(doc.sents))
    first = sentence_dates(doc, sent.start, sent.end)
    again = sentence_dates(doc, sent.start, sent.end)
    assert [(s.start, s.end, s.label) for s in again] == [(s.start, s.end, s.label) for s in first]
    assert asked == [(sent.start, sent.end)]
