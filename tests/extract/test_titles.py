"""People named by a title rather than a name (kg/extract/titles.py): in apposition, after a
body's name, with a portfolio, or bare in a headline."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article
from tests.extract.extracted import extract

pytestmark = pytest.mark.model


def test_a_title_in_apposition_is_a_mention_of_the_person(extractor: Any) -> None:
    text = "Boris Johnson, the Foreign Secretary, met ministers in London on Monday."
    actor = next(a for a in extract(extractor, text).actors if a.key == "boris-johnson")
    assert "the Foreign Secretary" in [m.text for m in actor.mentions]


def test_a_role_in_apposition_is_the_person_not_a_force(extractor: Any) -> None:
    """ "X, the lead investigating officer,": the officer is X, no police force."""
    text = "Col. Jane Holt, the lead investigating officer, will present the findings in Lowtown."
    extraction = extract(extractor, text)
    actor = next(a for a in extraction.actors if a.key == "jane-holt")
    assert "the lead investigating officer" in [m.text for m in actor.mentions]
    assert not [a for a in extraction.actors if a.actor_type is ActorType.STATE_FORCES]


def test_an_officer_named_by_no_name_stays_a_force(extractor: Any) -> None:
    text = "A police officer was shot dead by gunmen in Lowtown on Monday."
    extraction = extract(extractor, text)
    assert [a for a in extraction.actors if a.actor_type is ActorType.STATE_FORCES]


def test_a_headline_title_without_article_is_a_person(extractor: Any) -> None:
    text = "Defence Secretary welcomes new talks on the border.\nThe talks begin in Geneva."
    people = [a for a in extract(extractor, text).actors if a.label == "Defence Secretary"]
    assert [m.text for a in people for m in a.mentions] == ["Defence Secretary"]
    assert people[0].actor_type.value == "person"


def test_a_title_inside_a_sentence_is_no_headline(extractor: Any) -> None:
    text = "He met the Interior Minister of Chad and Defence Secretary staff in Geneva."
    labels = {a.label for a in extract(extractor, text).actors}
    assert "Defence Secretary" not in labels


@pytest.mark.model
@pytest.mark.parametrize(
    "text,phrase,body",
    [
        ("A Foreign Office spokesman said the talks would go on.", "A Foreign Office spokesman",
         "Foreign Office"),
        ("The minister joined the US Secretary of State for talks in Paris.",
         "the US Secretary of State", "US"),
        ("The NATO commanding general said the drill went well.",
         "The NATO commanding general", "NATO"),
    ],
)  # fmt: skip
def test_a_title_after_a_body_s_name_names_a_person(
    extractor: Any, text: str, phrase: str, body: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    people = [m.text for a in extraction.actors if a.actor_type is ActorType.PERSON
              for m in a.mentions]  # fmt: skip
    assert phrase in people
    others = [m.text for a in extraction.actors if a.actor_type is not ActorType.PERSON
              for m in a.mentions]  # fmt: skip
    others += [m.text for p in extraction.places for m in p.mentions]
    assert body in others  # the body's name stays its own mention, nested in the person's


@pytest.mark.model
def test_a_title_and_its_portfolio_name_the_person_in_apposition(extractor: Any) -> None:
    text = "Minister for the Caribbean, Jane Holt, visited the port on Monday."
    extraction = extractor.extract_one(Article("t", text))
    holt = next(a for a in extraction.actors if a.label == "Jane Holt")
    assert "Minister for the Caribbean" in [m.text for m in holt.mentions]


@pytest.mark.model
def test_a_title_and_its_portfolio_without_a_name_are_a_person(extractor: Any) -> None:
    text = "In his first visit to Uzbekistan as Minister for Central Asia, he met officials."
    extraction = extractor.extract_one(Article("t", text))
    people = {a.label: [m.text for m in a.mentions] for a in extraction.actors}
    assert "Minister for Central Asia" in people.get("Minister for Central Asia", [])
    assert "Central Asia" in {p.label for p in extraction.places}  # the portfolio's place


@pytest.mark.model
def test_a_possessed_title_and_its_portfolio_are_a_person_not_civilians(extractor: Any) -> None:
    text = (
        "Holt commands the Lowtown Operations Command. His Chief of Staff is Major General "
        "Ali Lowani, and his Chief of Plans is Colonel Abd Lowan."
    )
    extraction = extract(extractor, text)
    people = {a.label: [m.text for m in a.mentions] for a in extraction.actors}
    assert people.get("Chief of Staff") == ["His Chief of Staff"]
    assert people.get("Chief of Plans") == ["his Chief of Plans"]
    assert not [a for a in extraction.actors if a.actor_type is ActorType.CIVILIANS]


@pytest.mark.model
def test_a_portfolio_before_a_title_is_no_organisation(extractor: Any) -> None:
    """ "Defence Minister X": the portfolio is the title's; the ministry is a body."""
    text = "Defence Minister Omar Lowani said the army would withdraw from Lowtown."
    labels = {a.label for a in extract(extractor, text).actors}
    assert "Omar Lowani" in labels
    assert "Defence" not in labels
    text = "The Defence Ministry said the army would withdraw from Lowtown."
    assert "Defence Ministry" in {a.label for a in extract(extractor, text).actors}
