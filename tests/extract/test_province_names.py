"""A province's name the model labels a person's (kg/extract/person_names.py
``province_not_person``): a place where nothing in the text marks a person, a person where
something does; on the real model's parse of made-up sentences and on hand-made Docs."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article


def _persons(result: Any) -> list[str]:
    return [a.label for a in result.actors if a.actor_type is ActorType.PERSON]


def _places(result: Any) -> list[str]:
    return [m.text for p in result.places for m in p.mentions]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("Gunmen raided Meru Governor Tom Kanja's home on Sunday night.", "Meru"),
        ("On 3 March 2021, in Ponta Nova, Mato Grosso do Sul, police seized a truck.",
         "Mato Grosso do Sul"),
    ],
)  # fmt: skip
def test_a_province_the_model_reads_as_a_person_is_a_place(
    extractor: Any, text: str, province: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert province in _places(result)
    assert not any(label in province for label in _persons(result))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Ahmed Meru said the road to Lowtown was closed.", "Ahmed Meru"),
        ("Police arrested Ahmed Meru in Lowtown. Meru denied the charges.", "Ahmed Meru"),
        ("Mr Meru told reporters the vote was fair.", "Meru"),
        ("Gunmen killed Paul and two other traders in Lowtown.", "Paul"),
    ],
)
def test_a_person_named_like_a_province_stays_a_person(
    extractor: Any, text: str, person: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert person in _persons(result)
    assert not {"Meru", "Paul"} & set(_places(result))


def _doc(text: str, pos: str, ents: list[tuple[int, int]]) -> Any:
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=text.split(), pos=pos.split())
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in ents]
    return doc


def test_the_province_takes_the_word_and_particle_the_model_left_out() -> None:
    from kg.extract.person_names import province_not_person

    doc = _doc("north of Kharaz ( Qaatabah , Ad Dali )", "ADP ADP PROPN PUNCT PROPN PUNCT "
               "PROPN PROPN PUNCT", [(7, 8)])  # fmt: skip
    province = province_not_person(doc[7:8], set(), {"say"}, {"mr"})
    assert province is not None and province.text == "Ad Dali"
    # a word another name holds stays out of it
    province = province_not_person(doc[7:8], {6}, {"say"}, {"mr"})
    assert province is not None and province.text == "Dali"
    doc = _doc("in Ponta Nova , Mato Grosso do Sul , police", "ADP PROPN PROPN PUNCT PROPN "
               "PROPN AUX PROPN PUNCT NOUN", [(4, 6)])  # fmt: skip
    province = province_not_person(doc[4:6], set(), {"say"}, {"mr"})
    assert province is not None and province.text == "Mato Grosso do Sul"
    province = province_not_person(doc[4:6], {7}, {"say"}, {"mr"})  # "Sul" held elsewhere
    assert province is not None and province.text == "Mato Grosso"


def test_a_name_no_province_has_or_a_person_marked_is_no_province() -> None:
    from kg.extract.person_names import province_not_person

    doc = _doc("Ahmed Kanja met Mr Meru", "PROPN PROPN VERB PROPN PROPN", [(0, 2), (4, 5)])
    assert province_not_person(doc[0:2], set(), {"say"}, {"mr"}) is None  # no province
    assert province_not_person(doc[4:5], set(), {"say"}, {"mr"}) is None  # "Mr"
    doc = _doc("Ahmed Meru left . Meru wept", "PROPN PROPN VERB PUNCT PROPN VERB",
               [(0, 2), (4, 5)])  # fmt: skip
    assert province_not_person(doc[4:5], set(), {"say"}, {"mr"}) is None  # named in full
    doc = _doc("Ad Dali and ( Dali )", "PROPN PROPN CCONJ PUNCT PROPN PUNCT", [(0, 2), (4, 5)])
    province = province_not_person(doc[4:5], set(), {"say"}, {"mr"})  # a province, no person
    assert province is not None and province.text == "Dali"
    doc = _doc("Lowtown , Meru", "PROPN PUNCT PROPN", [(2, 3)])
    province = province_not_person(doc[2:3], set(), {"say"}, {"mr"})
    assert province is not None and province.text == "Meru"


def test_a_province_name_stands_where_a_place_stands() -> None:
    from kg.extract.person_names import province_not_person

    # after a person's name and a comma: a list of people, no place
    doc = _doc("killed Ahmed , Meru and two others", "VERB PROPN PUNCT PROPN CCONJ NUM NOUN",
               [(1, 2), (3, 4)])  # fmt: skip
    assert province_not_person(doc[3:4], set(), {"say"}, {"mr"}) is None
    # a verb's object (no parse here: no compound, no preposition): no place
    doc = _doc("gunmen killed Meru", "NOUN VERB PROPN", [(2, 3)])
    assert province_not_person(doc[2:3], set(), {"say"}, {"mr"}) is None
    # after a bracket and an article the model left out of the name
    doc = _doc("Lowtown ( An Meru )", "PROPN PUNCT DET PROPN PUNCT", [(3, 4)])
    province = province_not_person(doc[3:4], set(), {"say"}, {"mr"})
    assert province is not None and province.text == "Meru"
