"""Where someone came from (kg/extract/place_origin.py): whether a verb's object is an actor's
token is asked only of the objects a "from" phrase follows, not of every word of the
sentence. Made-up sentences, on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import parse_tree
from kg.extract.place_origin import origin_tokens

pytestmark = pytest.mark.model


def test_a_from_phrase_after_people_is_where_they_came_from(extractor: Any) -> None:
    doc = extractor.nlp("Gunmen killed five herders from Lowtown at the market.")
    herders = next(t.i for t in doc if t.lower_ == "herders")
    asked: list[int] = []

    def is_actor(i: int) -> bool:
        asked.append(i)
        return i == herders

    found = origin_tokens(parse_tree.tree(doc), (0, len(doc)), set(), is_actor, frozenset())
    assert {doc[i].text for i in found} == {"from", "Lowtown"}
    assert asked == [herders]


def test_a_from_phrase_after_no_actor_is_no_origin(extractor: Any) -> None:
    doc = extractor.nlp("Gunmen killed five herders from Lowtown at the market.")
    tree = parse_tree.tree(doc)
    assert origin_tokens(tree, (0, len(doc)), set(), lambda i: False, frozenset()) == frozenset()
