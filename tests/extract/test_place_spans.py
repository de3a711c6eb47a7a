"""Where place names the entity model splits or misses are in a Doc
(kg/extract/place_spans.py); what they make of the mentions is tested end to end in
test_place_mentions.py."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.extract.place_spans import name_before


def test_a_name_the_tagger_took_for_an_adjective_before_a_place_noun_is_the_name() -> None:
    # an unknown name before a noun reads as its modifier: "a protest in Lowtan town"
    vocab = spacy.blank("en").vocab
    words, pos = ["protest", "in", "Lowtan", "town"], ["NOUN", "ADP", "ADJ", "NOUN"]
    doc = Doc(vocab, words=words, pos=pos, ents=["O", "O", "B-GPE", "O"])
    name = name_before(doc, 3, person=True, named=True)
    assert name is not None and name.text == "Lowtan"
    assert name_before(doc, 3, person=True) is None  # other callers want proper nouns only
    # an adjective the entity model saw no name in: "in Old town"
    doc = Doc(vocab, words=["in", "Old", "town"], pos=["ADP", "ADJ", "NOUN"], ents=["O"] * 3)
    assert name_before(doc, 2, person=True, named=True) is None
