"""Who reports an event in a sentence (kg/extract/reporters.py), on the real parse. Made-up
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.reporters import reports, teller_tokens

pytestmark = pytest.mark.model

_REPORTING = frozenset({"say", "tell", "report"})


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Gunmen killed two traders in Lowtown, police said.", "police", True),
        ("Gunmen killed two traders in Lowtown, police sources said.", "police", True),
        ("Gunmen killed two traders, a spokesman for the army said.", "army", True),
        ("Two traders were killed in Lowtown, according to police.", "police", True),
        # the model hangs subjectless tellers on the reported clause's object
        (
            "Rebels attacked a base on Monday, killing 12 soldiers, an officer and residents said.",
            "residents",
            True,
        ),
        (
            "Rebels attacked a base on Monday, killing 12 soldiers, an officer said.",
            "officer",
            True,
        ),
        # ... or as conjuncts of the object
        ("Gunmen kidnapped at least 30 pupils, police and residents said.", "police", True),
        ("Gunmen kidnapped at least 30 pupils, police and residents said.", "residents", True),
        ("Gunmen kidnapped at least 30 pupils, police and residents said.", "pupils", False),
        ("Gunmen killed a farmer, his wife and son, police said.", "wife", False),
        ("Police shot two robbers in Lowtown on Monday.", "Police", False),
        ("Police claimed the raid in Lowtown on Monday.", "Police", False),
        ("A bomb exploded outside a police station in Lowtown.", "police", False),
    ],
)
def test_who_reports(extractor: Any, text: str, word: str, expected: bool) -> None:
    doc = extractor.nlp(text)
    (token,) = [t for t in doc if t.text == word]
    assert reports(token, _REPORTING) is expected


def _extract(extractor: Any, text: str) -> Any:
    import datetime as dt

    from kg.model import Article

    return extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 5)))


def test_tellers_hung_on_the_object_are_no_targets(extractor: Any) -> None:
    """Regression: "killing 12 soldiers, a military officer and residents said" made the
    residents (civilians) a target of the attack and no teller the officer."""
    text = (
        "Rebels attacked an army base near Lowtown on Monday, killing at least 12 soldiers,"
        " a military officer and residents said."
    )
    events = _extract(extractor, text).events
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.targets == ("military-forces",)
    said = next(e for e in events if e.trigger.text == "said")
    assert set(said.agents) == {"military-forces", "civilians"}


def test_the_dead_listed_after_a_comma_stay_targets(extractor: Any) -> None:
    text = "Rebels attacked Lowtown on Monday, killing 12 soldiers, a police officer and a boy."
    attack = next(e for e in _extract(extractor, text).events if e.trigger.text == "attacked")
    assert "civilians" in attack.targets and "police-forces" in attack.targets


def test_tellers_hung_as_conjuncts_of_the_object_are_no_victims(extractor: Any) -> None:
    """Regression: in "kidnapped at least 30 pupils, police and residents said" the parse makes
    "police and residents" conjuncts of "pupils": the police were victims of the abduction
    and the pupils' civilians its speakers."""
    text = (
        "Gunmen stormed a school in Lowtown on Thursday and kidnapped at least 30 pupils,"
        " police and residents said."
    )
    events = _extract(extractor, text).events
    abduction = next(e for e in events if e.trigger.text == "kidnapped")
    assert abduction.targets == ("civilians",)
    said = next(e for e in events if e.trigger.text == "said")
    assert set(said.agents) == {"police-forces", "civilians"}


def test_the_tellers_appended_to_a_sentence_are_its_appositions_and_conjuncts_phrases(
    extractor: Any,
) -> None:
    """``teller_tokens`` reads the dependency column, a Token made only for an apposition or
    a conjunct: "an officer and residents" tell, "12 soldiers" do not."""
    doc = extractor.nlp(
        "Rebels attacked a base on Monday, killing 12 soldiers, an officer and residents said."
    )
    told = teller_tokens(doc, 0, len(doc), _REPORTING)
    assert [doc[i].text for i in sorted(told)] == ["an", "officer", "and", "residents"]
    assert teller_tokens(doc, 0, 6, _REPORTING) == set()  # "Rebels attacked a base on Monday"
