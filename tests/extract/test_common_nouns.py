"""The nouns kg/extract/common_nouns.py knows: the model's lemmatizer's, and the one-word
category labels it is given; none from a pipeline without a lemmatizer."""

from __future__ import annotations

import spacy

from kg.extract.common_nouns import CommonNouns


def test_a_pipeline_without_lemmatizer_knows_only_the_labels() -> None:
    nouns = CommonNouns(spacy.blank("en"), ("Defusal", "Movement of forces")).nouns
    assert nouns == frozenset({"defusal"})  # labels of several words open no name


def test_a_one_word_name_of_no_noun_is_never_misread() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Wafula spoke.")
    assert not CommonNouns(nlp).misread(doc[0:1], lambda _: True)
