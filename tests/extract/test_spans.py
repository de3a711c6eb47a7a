"""Span helpers of the mention finder (kg/extract/spans.py) on the real model's parse of
made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.name_context import with_nickname
from kg.extract.spans import (
    countered,
    is_calendar_word,
    opposed,
    proper_noun_runs,
    trim,
)
from kg.model import Article

pytestmark = pytest.mark.model


def test_trim_drops_articles_possessives_and_an_unclosed_bracket(extractor: Any) -> None:
    doc = extractor.nlp("The rebels' base near Marwahin (Tyr was shelled.")
    assert trim(doc[0:2]).text == "rebels"  # "The rebels'" without article and possessive
    start = next(t.i for t in doc if t.text == "Marwahin")
    assert trim(doc[start : start + 3]).text == "Marwahin"
    assert trim(doc[0:1]) is None  # "The" alone is nothing


def test_anti_and_counter_names_are_whom_the_phrase_opposes(extractor: Any) -> None:
    doc = extractor.nlp("Anti-Houthi forces and the counter-ISIL coalition met in Aden.")
    houthi = next(t.i for t in doc if t.text == "Houthi")
    isil = next(t.i for t in doc if t.text == "ISIL")
    assert opposed(doc, houthi) and not countered(doc, houthi)
    assert countered(doc, isil) and not opposed(doc, isil)


def test_proper_noun_runs_skip_claimed_tokens_and_calendar_words(extractor: Any) -> None:
    doc = extractor.nlp("On Thursday, gunmen attacked Qaryat Zed and Kafr Nabl.")
    runs = [r.text for r in proper_noun_runs(doc, set())]
    assert "Thursday" not in runs and any("Qaryat" in r for r in runs)
    claimed = {t.i for t in doc if t.text in ("Kafr", "Nabl")}
    assert not any("Nabl" in r.text for r in proper_noun_runs(doc, claimed))
    assert is_calendar_word(doc[1:2]) and not is_calendar_word(doc[-3:-1])


def test_ents_in_gives_what_span_ents_gives(extractor: Any, seed_text: str) -> None:
    from kg.extract.spans import ents_in

    doc = extractor.nlp(seed_text)
    other = extractor.nlp("Rebels shelled Hama on 3 March 2015, killing 2 people.")
    assert ents_in(other[0:6]) == tuple(other[0:6].ents)  # the index follows the document
    for sent in doc.sents:
        assert ents_in(sent) == tuple(sent.ents)
        assert ents_in(sent[1:-1]) == tuple(sent[1:-1].ents)
    assert sum(len(ents_in(s)) for s in doc.sents) == len(doc.ents) > 40


def test_a_nickname_in_quotes_joins_the_name_it_cuts(extractor: Any) -> None:
    doc = extractor.nlp('Brig. Gen. Paul "Tex" Redmond will present the findings.')
    paul = next(t.i for t in doc if t.text == "Paul")
    assert with_nickname(doc[paul : paul + 1]).text == 'Paul "Tex" Redmond'
    doc = extractor.nlp('Paul said "Tex" was a nickname.')
    assert with_nickname(doc[0:1]).text == "Paul"  # no surname after the quotes


def test_a_person_named_with_a_nickname_is_one_name(extractor: Any) -> None:
    # regression: 'Richard "Tex" Coe'-like names were cut at the quotes ("Gen. Richard")
    text = 'During the call, Brig. Gen. Paul "Tex" Redmond will present the findings.'
    people = [a for a in extractor.extract_one(Article("t", text)).actors]
    assert [a.label for a in people if "Paul" in a.label] == ['Paul "Tex" Redmond']
