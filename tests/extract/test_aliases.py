"""An actor's other names (kg/extract/aliases.py): the words that name it, on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Actor, Article

pytestmark = pytest.mark.model


def _actor(extractor: Any, text: str, key: str) -> Actor:
    extraction = extractor.extract_one(Article("t", text))
    return next(a for a in extraction.actors if a.key == key)


def test_a_riots_crowd_has_no_alias_from_people_of_other_sentences(extractor: Any) -> None:
    """Regression: a riot made every civilian of the article a rioter ("Rioters (Kenya)" had
    562 aliases over 1,000 bench articles: "man", "wife", "children")."""
    text = (
        "Residents rioted in Lowtown, Kenya and burned tyres. "
        "A woman was mourning her husband at home in Lowtown."
    )
    rioters = _actor(extractor, text, "rioters-kenya")
    assert "woman" not in rioters.aliases
    assert "residents" in rioters.aliases  # the riot's own words, first word in lower case


def test_an_alias_is_the_noun_phrase_not_the_clause(extractor: Any) -> None:
    """The parse can take a verb or a conjunct into a mention: the alias keeps the head noun
    and its modifiers."""
    from kg.extract.aliases import alias_text

    doc = extractor.nlp("Police and opposition supporters clashed in Lowtown.")
    assert alias_text(doc, 0, 4) == "opposition supporters"
    doc = extractor.nlp("They went to rob passengers on the road.")
    assert alias_text(doc, 2, 5) == "passengers"


def test_a_name_keeps_its_words_and_capitals(extractor: Any) -> None:
    from kg.extract.aliases import alias_text

    doc = extractor.nlp("Justice and Equality Movement fighters attacked Lowtown.")
    assert alias_text(doc, 0, 4) == "Justice and Equality Movement"
    doc = extractor.nlp("Pro-government supporters marched in Lowtown.")
    assert alias_text(doc, 0, 4) == "pro-government supporters"


def test_a_compound_and_a_name_the_tagger_misreads_stay_whole(extractor: Any) -> None:
    """Regression: "The state-run SANA news agency" gave the alias "state-" (the tagger calls
    "SANA" an adjective and "run" a verb: the alias was cut at the verb)."""
    from kg.extract.aliases import alias_text

    doc = extractor.nlp("The state-run SANA news agency reported that troops shelled Lowtown.")
    assert alias_text(doc, 1, 5) == "state-run SANA"
    doc = extractor.nlp("They said Lowtown-backed fighters shelled the town.")
    assert alias_text(doc, 2, 6) == "Lowtown-backed fighters"
