"""kg.extract.argument_parts: the parse's parts that tell an event's arguments."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import parse_tree
from kg.extract.argument_parts import argument_head, asks, between_of_verb

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
    sides = between_of_verb(parse_tree.tree(doc), fighting)
    assert [doc[i].text for i in sides] == ["army"]  # its conjunct, "rebels", hangs from it


@pytest.mark.model
def test_a_triggers_arguments_hang_from_its_head_where_its_first_word_modifies_it(
    extractor: Any,
) -> None:
    doc = extractor.nlp("The army carried out air strikes on Lowtown.")
    strikes = doc[4:6]  # "air strikes": "air" modifies "strikes"
    assert argument_head(strikes).text == "strikes"
    carried = doc[2:4]  # "carried out": its first word
    assert argument_head(carried).text == "carried"
