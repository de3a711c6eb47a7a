"""The parse cues figures read, on the real model's parse of made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.figure_cues import (
    headline_passive,
    number_spans,
    to_death,
    told_before,
    uncertain,
)

pytestmark = pytest.mark.model


def _token(extractor: Any, text: str, word: str) -> Any:
    doc = extractor.nlp(text)
    return next(t for t in doc if t.text == word)


def test_figures_are_cut_to_their_number_words_and_ranges_are_one_figure(
    extractor: Any,
) -> None:
    doc = extractor.nlp("On 3 May 2021, gunmen killed 7-9 farmers and wounded two or three.")
    spans = [s.text for sent in doc.sents for s in number_spans(sent)]
    assert "7-9" in spans and "two or three" in spans
    assert "2021" not in spans and "3" not in spans  # a year and a day are no figures


@pytest.mark.parametrize(
    ("text", "verb", "dead"),
    [
        ("Gunmen shot dead two officers in the town.", "shot", True),
        ("Rebels beat a farmer to death near the river.", "beat", True),
        ("Rebels beat a farmer near the river.", "beat", False),
    ],
)
def test_a_verb_kills_when_dead_or_to_death_follows_it(
    extractor: Any, text: str, verb: str, dead: bool
) -> None:
    assert to_death(_token(extractor, text, verb)) is dead


def test_a_clause_after_after_tells_what_came_before(extractor: Any) -> None:
    text = "Residents protested in the town after gunmen killed a teacher."
    assert told_before(_token(extractor, text, "killed"))
    assert not told_before(_token(extractor, text, "protested"))


def test_nearly_killed_is_uncertain(extractor: Any) -> None:
    assert uncertain(_token(extractor, "A mob nearly killed a thief in the market.", "killed"))
    assert not uncertain(_token(extractor, "A mob killed a thief in the market.", "killed"))


def test_a_headline_participle_is_a_passive_but_a_verb_with_an_object_is_not(
    extractor: Any,
) -> None:
    assert headline_passive(_token(extractor, "Policeman shot dead by gunmen in Kisumu", "shot"))
    assert not headline_passive(
        _token(extractor, "Gunmen killed two farmers in the village.", "killed")
    )
