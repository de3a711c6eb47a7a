"""The actors a word of an event's clause names (kg/extract/argument_actors.py), on the real
model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.argument_actors import ArgumentActors
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import load
from kg.model import ActorType, Article

pytestmark = pytest.mark.model


def _rebels(doc: Any) -> Mentions:
    i = next(t.i for t in doc if t.text == "Rebels")
    found = Found("actor", i, i + 1, "rebels", "Rebels", actor_type=ActorType.REBEL_GROUP)
    return Mentions([found], main_country="")


def test_a_pronoun_names_the_actor_before_it_and_a_noun_its_own(extractor: Any) -> None:
    doc = extractor.nlp("Rebels entered the town before they attacked the base.")
    who, mentions = ArgumentActors(load()), _rebels(doc)
    they = next(t.i for t in doc if t.lower_ == "they")
    assert who.actors(doc, they, mentions, set(), []) == ["rebels"]
    assert who.actors(doc, 0, mentions, set(), []) == ["rebels"]
    base = next(t.i for t in doc if t.lower_ == "base")
    assert who.actors(doc, base, mentions, set(), []) == []


def test_the_subject_of_a_statement_speaks_it(extractor: Any) -> None:
    doc = extractor.nlp("Rebels said the town had fallen.")
    said = next(t for t in doc if t.lower_ == "said")
    assert ArgumentActors(load()).statement_speaker(said, _rebels(doc), set()) == ["rebels"]


@pytest.mark.parametrize(
    ("text", "agent", "not_target"),
    [
        (
            "Rebels attacked the army post in Beni, Congo, and soldiers repulsed them.",
            "military-forces-of-democratic-republic-of-the-congo",
            "military-forces-of-democratic-republic-of-the-congo",
        ),
        (
            "Residents protested in Lowtown, Kenya. They blocked the road, and police arrested "
            "them.",
            "police-forces-of-kenya",
            "police-forces-of-kenya",
        ),
    ],
)
def test_an_object_pronoun_does_not_stand_for_its_own_verbs_subject(
    extractor: Any, text: str, agent: str, not_target: str
) -> None:
    events = extractor.extract_one(Article("t", text)).events
    last = max(events, key=lambda e: e.trigger.start)
    assert last.agents == (agent,) and not_target not in last.targets
