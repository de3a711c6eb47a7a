"""Where a noun phrase begins and ends (kg/extract/edges.py), on the real model's parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.edges import between_clean, left_edge, of_phrase_end

pytestmark = pytest.mark.model


def test_the_government_of_iraq_ends_after_its_of_phrase(extractor: Any) -> None:
    doc = extractor.nlp("The Government of Iraq asked for help.")
    head = next(t for t in doc if t.text == "Government")
    assert doc[left_edge(head) : of_phrase_end(head)].text == "The Government of Iraq"
    verb = next(t for t in doc if t.text == "asked")
    assert of_phrase_end(verb) == verb.i + 1  # no "of" phrase: the word itself


def test_a_phrase_does_not_run_over_a_comma_or_a_new_sentence(extractor: Any) -> None:
    doc = extractor.nlp("Rebels attacked Halfaya, Hama. Troops withdrew.")
    comma = next(t.i for t in doc if t.text == ",")
    assert not between_clean(doc, comma - 1, comma + 2)
    second = next(t.i for t in doc if t.text == "Troops")
    assert not between_clean(doc, second - 2, second + 1)
    assert between_clean(doc, 0, 2)
