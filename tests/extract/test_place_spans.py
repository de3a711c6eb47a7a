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


def test_a_name_the_tagger_took_for_a_verb_before_a_place_noun_is_the_name() -> None:
    # "in the northwestern Lowgaing region": the tagger read the unknown name as a verb
    vocab = spacy.blank("en").vocab
    words = ["in", "the", "northwestern", "Lowgaing", "region"]
    pos = ["ADP", "DET", "ADJ", "VERB", "NOUN"]
    doc = Doc(vocab, words=words, pos=pos, ents=["O", "O", "O", "B-LOC", "O"])
    name = name_before(doc, 4, person=True, named=True)
    assert name is not None and name.text == "Lowgaing"
    # a verb the entity model saw no name in is no name: "in Burning village"
    doc = Doc(
        vocab, words=["in", "Burning", "village"], pos=["ADP", "VERB", "NOUN"], ents=["O"] * 3
    )
    assert name_before(doc, 2, person=True, named=True) is None


def test_a_capitalised_word_between_proper_nouns_before_a_place_noun_is_of_the_name() -> None:
    # "in Lam Yet Tone village": "Yet" read as a conjunction inside a village's name
    vocab = spacy.blank("en").vocab
    words = ["bombs", "in", "Lam", "Yet", "Tone", "village"]
    pos = ["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "NOUN"]
    doc = Doc(vocab, words=words, pos=pos)
    name = name_before(doc, 5, person=True, named=True)
    assert name is not None and name.text == "Lam Yet Tone"
    tail = name_before(doc, 5, person=True)  # other callers want proper nouns only
    assert tail is not None and tail.text == "Tone"
    # not a word that opens the sentence, nor one no proper noun comes before
    doc = Doc(vocab, words=["Yet", "Tone", "village"], pos=["CCONJ", "PROPN", "NOUN"],
              sent_starts=[True, False, False])  # fmt: skip
    name = name_before(doc, 2, person=True, named=True)
    assert name is not None and name.text == "Tone"
