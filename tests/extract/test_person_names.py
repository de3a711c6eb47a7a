"""Names of people the model did not make whole (kg/extract/person_names.py), on the real
model's parse of made-up sentences and on hand-made Docs."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.entities import name_head
from kg.extract.lexicon import read_words
from kg.model import Article

pytestmark = pytest.mark.model


def test_a_surname_alone_names_the_person_named_in_full(extractor: Any) -> None:
    text = "General Tomas Varnholt, commander of the mission, arrived on Monday. Varnholt said "
    text += "the convoy was safe. Varnholt left on Tuesday."
    result = extractor.extract_one(Article("t", text))
    people = [a for a in result.actors if "Varnholt" in a.label]
    assert len(people) == 1 and people[0].actor_type.value == "person"
    assert "Varnholt" in [m.text for m in people[0].mentions]


def test_a_surname_the_model_left_unlabelled_names_the_person_named_in_full() -> None:
    import spacy
    from spacy.tokens import Doc

    from kg.extract.found import Found
    from kg.extract.person_names import unlabelled_surnames
    from kg.model import ActorType

    text = "Col. Peter Hollis met Theresa May . Hollis said on May 6 near Hollis Street"
    pos = "PROPN PROPN PROPN VERB PROPN PROPN PUNCT ADV VERB ADP PROPN NUM ADP PROPN PROPN"
    doc = Doc(spacy.blank("en").vocab, words=text.split(), pos=pos.split())
    people = [
        Found("actor", 1, 3, "peter-hollis", "Peter Hollis", actor_type=ActorType.PERSON),
        Found("actor", 4, 6, "theresa-may", "Theresa May", actor_type=ActorType.PERSON),
    ]
    found = unlabelled_surnames(doc, people, {1, 2, 4, 5})
    # the model's adverb "Hollis" names him; "May 6" is a date, "Hollis Street" a longer name
    assert [(f.start, f.key, f.actor_type) for f in found] == [
        (7, "peter-hollis", ActorType.PERSON)
    ]


def test_a_name_the_parse_heads_by_its_particle_is_headed_by_its_last_word() -> None:
    # the small model heads some "X al-Y" names by "al": the name's head
    # must stay a capitalised word, or the name is dropped as no name
    words = ["founded", "by", "Karim", "al", "-", "Lowe", "in", "1989"]
    heads = [0, 0, 3, 1, 3, 3, 0, 6]
    deps = ["ROOT", "agent", "compound", "pobj", "punct", "appos", "prep", "pobj"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    particles = read_words("names.toml", "particles", "words")
    assert doc[2:6].root.text == "al"
    assert name_head(doc[2:6], particles).text == "Lowe"
    assert name_head(doc[6:8], particles).text == "in"  # no particle: the parse's root
