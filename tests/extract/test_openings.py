"""kg.extract.openings and date_spans: a day told after the place a sentence opens on ("In the
coastal town of X on Saturday, ...") sets the whole sentence; a place the model reads as a date
is no date. Invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.tokens import Span

from kg.extract.date_spans import date_spans
from kg.extract.openings import opens
from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 10)  # a Sunday
LEAD = (
    "Rebels ambushed a convoy near Sittwe on Wednesday, killing four soldiers, the army said.\n\n"
)


def _dates(extractor: Any, text: str) -> dict[str, dt.date | None]:
    told = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    return {e.trigger.text: e.time.date if e.time else None for e in told}


def _opening_date(extractor: Any, text: str) -> bool:
    sent = next(iter(extractor.nlp(text).sents))
    return opens(date_spans(sent)[-1], sent)


def test_a_day_after_the_opening_place_sets_the_sentence(extractor: Any) -> None:
    text = LEAD + (
        "In the coastal town of Kyaukphyu on Saturday, police arrested 12 students who had"
        " blocked a road."
    )
    assert _dates(extractor, text)["blocked"] == dt.date(2024, 3, 9)  # not the lead's Wednesday


def test_an_opening_place_then_its_day(extractor: Any) -> None:
    assert _opening_date(extractor, "In the hill town of Hpakant on Monday, troops fired.")
    assert _opening_date(extractor, "At a market in Mandalay on Friday, a bomb went off.")


def test_a_happening_before_the_day_is_no_place(extractor: Any) -> None:
    assert not _opening_date(extractor, "After the attack on Friday, police arrested 15 men.")
    assert not _opening_date(extractor, "In the attack on Friday, police arrested 15 men.")


def test_a_place_the_model_read_as_a_date_is_none(extractor: Any) -> None:
    doc = extractor.nlp("In Kyaukphyu on Sunday, unidentified men threw a grenade at a shop.")
    doc.ents = [Span(doc, 1, 2, label="DATE"), Span(doc, 3, 4, label="DATE")]
    assert [s.text for s in date_spans(doc)] == ["Sunday"]
