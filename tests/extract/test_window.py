"""The words that refine an event's sub-event type across sentences (kg/extract/window.py);
invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 3, 4)


def _types(extractor: Any, text: str) -> dict[str, str]:
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    return {e.trigger.text: e.event_type for e in events}


@pytest.mark.parametrize(
    "answer",
    [
        "Soldiers later launched air strikes on the gunmen's hideout, the army said.",
        "Troops subsequently carried out air strikes on the gunmen's camp.",
    ],
)
def test_a_later_act_by_others_does_not_lend_its_weapons(extractor: Any, answer: str) -> None:
    """Regression: the army's air strikes the next sentence told later made the gunmen's
    ambush an air strike."""
    ambush = "On Sunday, gunmen ambushed an army truck near Lowtown, killing two soldiers."
    types = _types(extractor, f"{ambush}\n\n{answer}")
    assert types["ambushed"] == "armed-clash"
    assert types["air strikes"] == "air-drone-strike"


def test_a_crowds_police_later_still_go_on_with_the_crowd(extractor: Any) -> None:
    text = "Protesters blocked the road in Lowtown on Monday. Police later fired tear gas at them."
    assert _types(extractor, text)["blocked"] == "protest-with-intervention"


def test_a_doc_without_since_tells_no_tally(extractor: Any) -> None:
    from kg.extract.window import _any_since, _tally

    tally = extractor.nlp("Attacks have killed thousands since 2012.")
    plain = extractor.nlp("Protesters blocked the road. Police dispersed them.")
    assert _any_since(tally) and _tally(tally[:])
    assert not _any_since(plain)  # its sentences' roots are never read
