"""Which actor a pronoun stands for (kg/extract/antecedents.py): the person, the speaking
body or the actor that is no person named nearest before it, a subject first; the one quoted
after it when none is named before; never another argument of its own verb."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import actor_mentions, mentions_by_label


@pytest.mark.model
def test_they_is_the_subject_before_it(extractor: Any) -> None:
    text = (
        "Syrian troops came under fire from the rebels near the dam, and they requested air"
        " support."
    )
    assert "they" in actor_mentions(extractor, text)["military-forces-of-syria"]


@pytest.mark.model
def test_its_in_a_coordination_is_the_first_conjunct(extractor: Any) -> None:
    text = "The Observatory said Syrian troops and its allies advanced near the dam."
    labels = mentions_by_label(extractor, text)
    assert labels["allies of Military Forces of Syria"] == ["its allies"]


@pytest.mark.model
def test_he_is_the_person_before_it(extractor: Any) -> None:
    text = "John Smith met the mayor. He said the road was closed."
    assert "He" in actor_mentions(extractor, text)["john-smith"]


@pytest.mark.model
def test_we_before_any_organisation_is_the_one_named_after_it(extractor: Any) -> None:
    text = '"We will not rest," the Foreign Office said in a statement on Tuesday.'
    assert "We" in actor_mentions(extractor, text)["foreign-office"]


@pytest.mark.model
def test_we_is_the_organisation_that_acts_before_it(extractor: Any) -> None:
    text = (
        "The Red Crescent said on Monday that its teams worked with the World Food Programme."
        " We will keep delivering aid, a spokesman added."
    )
    mentions = actor_mentions(extractor, text)
    assert "We" in mentions["red-crescent"]
    assert "We" not in mentions.get("world-food-programme", [])


@pytest.mark.model
def test_i_before_any_person_is_the_one_quoted_after_it(extractor: Any) -> None:
    text = '"I am glad the convoy arrived," said Commander Jane Holt of the relief mission.'
    assert "I" in actor_mentions(extractor, text)["jane-holt"]


@pytest.mark.model
def test_we_is_not_the_body_the_speaker_speaks_of(extractor: Any) -> None:
    """Regression: a minister's "We are concerned by ... shelling by the Asad regime" made
    "We" the regime (the first body named after the pronoun, though only in a phrase)."""
    text = (
        "Minister Holt said: We are concerned by reports of shelling by the Asad regime and "
        "militias like Hezbollah."
    )
    extraction = extractor.extract_one(Article("t", text))
    assert not [m for a in extraction.actors for m in a.mentions if m.text == "We"]


@pytest.mark.model
def test_we_is_the_body_quoted_after_it(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", '"We condemn the attack on Lowtown," the Foreign Office said.')
    )
    office = next(a for a in extraction.actors if a.label == "Foreign Office")
    assert "We" in [m.text for m in office.mentions]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "We call on Russia to end the siege of Lowtown. Russia must press the regime to stop.",
        "We urge the Highland Council to end its attacks on Lowtown. The Highland Council met.",
    ],
)
def test_we_is_never_the_one_its_verb_addresses(extractor: Any, text: str) -> None:
    """ "We call on X to act": the speaker is not X, though X is the first body named after
    the pronoun as a subject."""
    extraction = extractor.extract_one(Article("t", text))
    assert not [m for a in extraction.actors for m in a.mentions if m.text == "We"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "spoken_of"),
    [
        ("Rebels captured the town of Lowtown on Sunday. Five soldiers surrendered on Monday,"
         " they said.", "rebels", "military-forces"),
        ("Police said gunmen attacked a village near Lowtown on Monday. Five traders were"
         " abducted, they said.", "police-forces", "civilians"),
    ],
)  # fmt: skip
def test_they_said_is_a_speaker_not_who_the_clause_names(
    extractor: Any, text: str, speaker: str, spoken_of: str
) -> None:
    """ "Five soldiers surrendered, they said": "they" is not the soldiers the reported clause
    names but one before it, a speaker first (the police rather than the gunmen)."""
    mentions = actor_mentions(extractor, text)
    assert "they" in mentions[speaker]
    assert "they" not in mentions[spoken_of]
    assert all("they" not in words for key, words in mentions.items() if key != speaker)
