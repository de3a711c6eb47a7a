"""Names typed by their context rather than the entity model's label (kg/extract/entities.py):
unit tests of the helpers on hand-made Docs, and the model's misreadings end to end."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.entities import _machine, _named_actor, place_word
from kg.extract.name_context import with_family_name
from kg.model import ActorType
from tests.extract.extracted import extract

_VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("words", "start"),
    [
        (["Air", "Force", "F-16", "Fighting", "Falcons"], 2),  # named on: the machine's name
        (["MQ-9", "Reaper"], 0),
        (["F-16s"], 0),  # in the plural: machines
        (["M-23"], None),  # a designation alone may be a group's name
        (["Lowland", "Air", "Wing"], None),
    ],
)
def test_a_machine_s_name_starts_at_its_designation(words: list[str], start: int | None) -> None:
    span = Doc(_VOCAB, words=words)[:]
    assert _machine(span) == start


def test_a_particle_s_stray_space_is_closed_in_a_name() -> None:
    doc = Doc(_VOCAB, words=["Omar", "al-", "Lowtani"])
    found = _named_actor(doc[:], ActorType.PERSON)
    assert found.label == "Omar al-Lowtani" and found.key == "omar-al-lowtani"
    assert (found.start, found.end) == (0, 3)


@pytest.mark.model
def test_a_capital_preposition_is_not_part_of_a_name(extractor: Any) -> None:
    # regression: "Near Palmyra" at a sentence start was read as a person
    text = "Near Palmyra, two strikes destroyed a vehicle. Near Sinjar, one strike hit a bridge."
    extraction = extract(extractor, text)
    assert {p.label for p in extraction.places} >= {"Palmyra", "Sinjar"}
    assert not [a for a in extraction.actors if "Palmyra" in a.label or "Sinjar" in a.label]


@pytest.mark.model
def test_a_built_place_s_name_is_a_place_whatever_the_model_s_label(extractor: Any) -> None:
    # the model labels these organisations; the last word says what was built
    text = (
        "The embassy announced a project for the preservation of the Marduk Gate at the "
        "remains of the ancient city. Workers repaired the Upton Bridge."
    )
    extraction = extract(extractor, text)
    places = {p.label: [m.text for m in p.mentions] for p in extraction.places}
    assert places.get("Marduk Gate") == ["the Marduk Gate"]
    assert places.get("Upton Bridge") == ["the Upton Bridge"]
    assert not [a for a in extraction.actors if "Gate" in a.label or "Bridge" in a.label]


def test_a_hyphened_family_name_after_a_name_joins_it() -> None:
    words = ["Salma", "Karim", "Hadi", "al", "-", "Lowti", "left", "."]
    spaces = [True, True, True, False, False, True, False, False]
    doc = Doc(_VOCAB, words=words, spaces=spaces, pos=["PROPN"] * 6 + ["VERB", "PUNCT"])
    particles = frozenset({"al"})
    assert with_family_name(doc[0:2], particles).text == "Salma Karim Hadi al-Lowti"
    # a spaced hyphen is a dash between two names, not a family name
    spaced = Doc(_VOCAB, words=words, spaces=[True] * 8, pos=["PROPN"] * 6 + ["VERB", "PUNCT"])
    assert with_family_name(spaced[0:2], particles).text == "Salma Karim"
    # three capitalised words between: the other name is another person's
    far = Doc(_VOCAB, words=["Salma", "Karim", "Hadi", "Omar", "Sami", "al", "-", "Lowti"],
              spaces=[True] * 5 + [False] * 3, pos=["PROPN"] * 8)  # fmt: skip
    assert with_family_name(far[0:2], particles).text == "Salma Karim"


@pytest.mark.model
def test_an_arabic_body_s_noun_before_the_article_names_an_organisation(extractor: Any) -> None:
    # "Jaish al-...", "Kataib al-...": an army's, brigades' name, no person's
    text = "Jaish al-Lowtiyya claimed the attack in Lowtown. Kataib al-Upton shelled the town."
    extraction = extract(extractor, text)
    types = {a.label: a.actor_type for a in extraction.actors}
    assert ActorType.PERSON not in {types.get("Jaish al-Lowtiyya"), types.get("Kataib al-Upton")}
    assert "Jaish al-Lowtiyya" in types


@pytest.mark.model
def test_a_name_after_a_possessive_pronoun_is_a_role_not_a_place(extractor: Any) -> None:
    text = "The Department, through its Senior Advisor for Lowland Affairs, will help Lowtown."
    places = {p.label for p in extract(extractor, text).places}
    assert "Senior Advisor" not in places, places
    # a name that modifies the noun after it stays a place
    text = "The fighters withdrew to their Lowtown stronghold on Monday."
    assert "Lowtown" in {p.label for p in extract(extractor, text).places}


@pytest.mark.model
def test_a_code_of_seven_digits_is_no_place(extractor: Any) -> None:
    text = "To join the call from Lowtown, enter Passcode 3080897 when prompted."
    places = {p.label for p in extract(extractor, text).places}
    assert not any("Passcode" in label for label in places), places


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Lowland Front claimed the attack in a statement on its Sauti radio station.",
        "The Lowland Front claimed the attack on the group's Sauti radio station.",
    ],
)
def test_a_name_of_an_owned_outlet_is_no_place(extractor: Any, text: str) -> None:
    """Regression: "on its Andalus radio station" was a place (as "the Mandera police
    station" names its town), where the claim's account of an attack was placed."""
    extraction = extract(extractor, text)
    assert "Sauti" not in {p.label for p in extraction.places}
    assert "Sauti" in {a.label for a in extraction.actors}


@pytest.mark.model
def test_a_station_no_one_owns_is_named_after_its_town(extractor: Any) -> None:
    extraction = extract(extractor, "Gunmen attacked the Lowtown radio station on Monday.")
    assert "Lowtown" in {p.label for p in extraction.places}


_PREPOSITIONS = frozenset({"at", "in", "near"})
_LOWLANDISH = {"lowlandish": "LL"}


def _tagged(parse: str) -> Doc:
    """A hand-made parse from "word/POS/dep/head ..."; every capitalised word after the
    first is the entity model's place (GPE)."""
    words, pos, deps, heads = zip(*(w.rsplit("/", 3) for w in parse.split()), strict=True)
    ents = [("B-GPE" if w[0].isupper() and i else "O") for i, w in enumerate(words)]
    return Doc(_VOCAB, words=list(words), pos=list(pos), deps=list(deps),
               heads=[int(h) for h in heads], ents=ents,
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


@pytest.mark.parametrize(
    ("parse", "i", "label", "demonyms", "expected"),
    [
        # "Troops fired at Zaganly, Upton.", "Zaganly" tagged ADV by its "-ly"
        ("Troops/NOUN/nsubj/1 fired/VERB/ROOT/1 at/ADP/prep/1 Zaganly/ADV/pobj/2 ,/PUNCT/punct/3 "
         "Upton/PROPN/appos/3 ./PUNCT/punct/1", 3, "GPE", {}, True),
        # the entity model's place only
        ("Troops/NOUN/nsubj/1 fired/VERB/ROOT/1 at/ADP/prep/1 Zaganly/ADV/pobj/2 ./PUNCT/punct/1",
         3, "ORG", {}, False),
        # no preposition, but a comma list of places: "Troops shelled Zaganly, Upton."
        ("Troops/NOUN/nsubj/1 shelled/VERB/ROOT/1 Zaganly/ADV/advmod/1 ,/PUNCT/punct/2 "
         "Upton/PROPN/npadvmod/1 ./PUNCT/punct/1", 2, "GPE", {}, True),
        # a sentence's first word: "Mostly, troops fired at Upton."
        ("Mostly/ADV/advmod/3 ,/PUNCT/punct/3 troops/NOUN/nsubj/3 fired/VERB/ROOT/3 "
         "at/ADP/prep/3 Upton/PROPN/pobj/4 ./PUNCT/punct/3", 0, "GPE", {}, False),
        # no preposition of place governs it, no place beside: "Troops fired Early on Monday."
        ("Troops/NOUN/nsubj/1 fired/VERB/ROOT/1 Early/ADV/advmod/1 on/ADP/prep/2 "
         "Monday/PROPN/pobj/3 ./PUNCT/punct/1", 2, "GPE", {}, False),
        # a people's adjective after a preposition, and the same word were it no people's
        ("Troops/NOUN/nsubj/1 fought/VERB/ROOT/1 in/ADP/prep/1 Lowlandish/ADJ/pobj/2 "
         "./PUNCT/punct/1", 3, "GPE", _LOWLANDISH, False),
        ("Troops/NOUN/nsubj/1 fought/VERB/ROOT/1 in/ADP/prep/1 Lowlandish/ADJ/pobj/2 "
         "./PUNCT/punct/1", 3, "GPE", {}, True),
        # lower case: a real adverb ("at once")
        ("Troops/NOUN/nsubj/1 fired/VERB/ROOT/1 at/ADP/prep/1 once/ADV/pobj/2 ./PUNCT/punct/1",
         3, "GPE", {}, False),
    ],
)  # fmt: skip
def test_a_place_the_tagger_reads_as_an_adverb_is_a_place_where_a_place_stands(
    parse: str, i: int, label: str, demonyms: dict[str, str], expected: bool
) -> None:
    assert place_word(_tagged(parse)[i], label, _PREPOSITIONS, demonyms) is expected


@pytest.mark.model
def test_a_village_tagged_an_adverb_by_its_ending_is_a_place(extractor: Any) -> None:
    """Regression: "located at Zamanly, Gadabay" lost the village the entity model labelled
    a place, because the tagger read "-ly" as an adverb's ending."""
    text = "On 3 May, Lowland forces fired at positions located at Zaganly, Upton."
    assert "Zaganly" in {p.label for p in extract(extractor, text).places}
    text = "Mostly, Lowland forces fired at positions in Upton."
    assert "Mostly" not in {p.label for p in extract(extractor, text).places}
