"""A happening dated long before the story's days is background, when the story tells news
of its own (kg/extract/long_before.py), on the real model. Made-up sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

_OLD = (
    "Hill Front militants were blamed for a bombing at a church in Lowtown in December 2023 "
    "that killed four people."
)


def _types(extractor: Any, text: str) -> list[tuple[str, dt.date | None]]:
    article = Article("t", text, published=dt.date(2025, 3, 4))
    events = extractor.extract_one(article).events
    return [(e.event_type, e.time.date if e.time else None) for e in events]


def test_a_happening_years_before_the_story_s_news_is_background(extractor: Any) -> None:
    text = "On Sunday, gunmen ambushed a military truck near Lowtown, killing two soldiers. " + _OLD
    dated = _types(extractor, text)
    assert dated and all(date is None or date.year == 2025 for _, date in dated)


def test_a_story_of_the_past_alone_keeps_it(extractor: Any) -> None:
    assert any(date is not None and date.year == 2023 for _, date in _types(extractor, _OLD))
