"""kg.extract.argument_parts: the parse's parts that tell an event's arguments."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import parse_tree
from kg.extract.argument_parts import argument_head, asks, between_of_verb
from kg.extract.lexicon import load

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police did not say who was behind the attack in Lowtown.", True),
        ("Gunmen, who fled on motorbikes, attacked Lowtown.", False),
    ],
)
def test_a_who_that_asks_names_no_one(extractor: Any, text: str, expected: bool) -> None:
    doc = extractor.nlp(text)
    (who,) = [t for t in doc if t.lower_ == "who"]
    assert asks(who) is expected


def test_the_sides_of_fighting_a_verb_tells_between(extractor: Any) -> None:
    doc = extractor.nlp("Fighting erupted between the army and rebels near Lowtown.")
    fighting = next(t.i for t in doc if t.lower_ == "fighting")
    sides = between_of_verb(parse_tree.tree(doc), fighting, frozenset({"pit"}))
    assert [doc[i].text for i in sides] == ["army"]  # its conjunct, "rebels", hangs from it


def test_the_sides_a_verb_sets_apart_are_the_lexicons_siding_verbs(extractor: Any) -> None:
    doc = extractor.nlp("The clashes pitted the army against rebels near Lowtown.")
    clashes = next(t.i for t in doc if t.lower_ == "clashes")
    tree = parse_tree.tree(doc)
    siding = load().word_set("events", "siding_verbs")
    assert [doc[i].text for i in between_of_verb(tree, clashes, siding)] == ["army", "rebels"]
    assert between_of_verb(tree, clashes, frozenset()) == []  # no siding verb: no "against"


@pytest.mark.model
def test_a_triggers_arguments_hang_from_its_head_where_its_first_word_modifies_it(
    extractor: Any,
) -> None:
    doc = extractor.nlp("The army carried out air strikes on Lowtown.")
    strikes = doc[4:6]  # "air strikes": "air" modifies "strikes"
    assert argument_head(strikes).text == "strikes"
    carried = doc[2:4]  # "carried out": its first word
    assert argument_head(carried).text == "carried"
