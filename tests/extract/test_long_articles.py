"""Articles longer than the model accepts fail alone; the articles around them are extracted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.extract import ExtractionFailed
from kg.extract.drafts import Draft
from kg.extract.folding import dedupe
from kg.model import Article, Extraction

pytestmark = pytest.mark.model

SHORT = "Rebels shelled Hama on 3 March 2015, killing 2 civilians."


def test_an_article_over_the_models_limit_fails_and_the_batch_goes_on(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extractor.nlp, "max_length", 200)
    long_text = SHORT + " " + "Police arrested 3 protesters in Kabul. " * 10
    articles = [
        Article("a", SHORT),
        Article("long", long_text),
        Article("b", SHORT),
        Article("long2", long_text + "More."),
    ]
    results = list(extractor.extract(articles))
    failed = {r.article.id: r.reason for r in results if isinstance(r, ExtractionFailed)}
    done = [r.article.id for r in results if isinstance(r, Extraction)]
    assert sorted(failed) == ["long", "long2"] and done == ["a", "b"]
    assert f"{len(long_text):,} characters long" in failed["long"]
    assert "limit of 200" in failed["long"] and "split it" in failed["long"]
    assert all(r.events for r in results if isinstance(r, Extraction))


def test_dedupe_merges_the_same_event_told_twice_and_keeps_the_rest_in_order(
    extractor: Any,
) -> None:
    doc = extractor.nlp("Rebels shelled Hama. Rebels shelled Hama again. Troops shelled Hama.")
    sents = list(doc.sents)

    def draft(i: int, agents: list[str], **kw: Any) -> Draft:
        sent = sents[i]
        return Draft("Shelling", sent[1:2], sent, agents=agents, places=["hama"], **kw)

    first = draft(0, ["rebels"], targets=["civilians"])
    again = draft(1, ["rebels"], targets=["army"], counts={"fatalities": 2}, reported_by=["sohr"])
    other = draft(2, ["army"])
    elsewhere = Draft("Shelling", sents[1][1:2], sents[1], agents=["rebels"], places=["homs"])
    kept = dedupe([first, other, again, elsewhere])
    assert kept == [first, other, elsewhere]
    assert first.targets == ["civilians", "army"] and first.reported_by == ["sohr"]
    assert first.counts == {"fatalities": 2}
    later = draft(1, ["rebels"], date=dt.date(2015, 3, 4))
    assert dedupe([draft(0, ["rebels"], date=dt.date(2015, 3, 3)), later])[1] is later
