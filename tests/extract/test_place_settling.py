"""What contains what among an article's places (kg/extract/place_settling.py): a place and
the region named after it with a comma, and lists of places that only look like that."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.found import Found
from kg.extract.place_settling import settle_places
from kg.keys import name_key
from kg.model import PlaceType

_VOCAB = spacy.blank("en").vocab
_TYPES = {"C": PlaceType.COUNTRY, "T": PlaceType.TOWN, "O": PlaceType.OTHER}


def _settled(text: str, names: dict[str, str]) -> dict[str, str | None]:
    """Each place's container after settling; ``names``: one-word place name -> its type
    ("C" country, "T" town, "O" other)."""
    words = text.split()
    doc = Doc(_VOCAB, words=words, sent_starts=[i == 0 for i in range(len(words))])
    found = [
        Found("place", i, i + 1, name_key(w), w, place_type=_TYPES[names[w]])
        for i, w in enumerate(words)
        if w in names
    ]
    settle_places(doc, found, {"city", "town"})
    return {f.label: f.within for f in found}


def test_a_region_after_a_comma_contains_the_place() -> None:
    within = _settled("Fighting broke out in Lowtown , Westshire on Monday .",
                      {"Lowtown": "O", "Westshire": "O"})  # fmt: skip
    assert within["Lowtown"] == "westshire"


def test_a_chain_of_regions_after_commas_contains_the_place() -> None:
    within = _settled("A strike hit Lowtown , Westshire , Ruritania on Monday .",
                      {"Lowtown": "O", "Westshire": "O", "Ruritania": "C"})  # fmt: skip
    assert within["Lowtown"] == "westshire"
    assert within["Westshire"] == "ruritania"


@pytest.mark.parametrize(
    "text",
    [
        "The attacks in Lowtown , Midtown and Hightown went on .",
        "The attacks in Lowtown , Midtown , and Hightown went on .",
        "The attacks in Lowtown , Midtown , Hightown and Uptown went on .",
        "The attacks in Lowtown , Midtown or Hightown went on .",
    ],
)
def test_places_listed_with_and_contain_none_of_each_other(text: str) -> None:
    within = _settled(text, {"Lowtown": "O", "Midtown": "O", "Hightown": "O", "Uptown": "O"})
    assert set(within.values()) == {None}


def test_places_amid_a_list_contain_none_of_each_other() -> None:
    text = "He met envoys of Ruritania , Lowtown , Freedonia , Sylvania before noon ."
    names = {"Ruritania": "C", "Lowtown": "O", "Freedonia": "C", "Sylvania": "C"}
    assert set(_settled(text, names).values()) == {None}


def test_a_country_before_a_comma_lies_in_none_of_the_places_after_it() -> None:
    within = _settled("Envoys of Ruritania , Freedonia met .", {"Ruritania": "C", "Freedonia": "C"})
    assert within["Ruritania"] is None


def test_a_country_after_a_town_in_a_list_of_pairs_contains_the_town() -> None:
    text = "Clashes erupted in Lowtown , Ruritania and Hightown , Freedonia on Monday ."
    within = _settled(text, {"Lowtown": "T", "Ruritania": "C", "Hightown": "T", "Freedonia": "C"})
    assert within["Lowtown"] == "ruritania"
    assert within["Hightown"] == "freedonia"


def test_a_region_followed_by_a_date_contains_the_place() -> None:
    within = _settled("They moved to isolate Lowtown , Westshire , Nov. 6 .",
                      {"Lowtown": "O", "Westshire": "O"})  # fmt: skip
    assert within["Lowtown"] == "westshire"


def _settled_with(text: str, names: dict[str, str], nouns: set[str]) -> dict[str, str | None]:
    """``_settled`` with lemmas (the words lower-cased) and these place nouns."""
    words = text.split()
    doc = Doc(
        _VOCAB,
        words=words,
        lemmas=[w.lower() for w in words],
        sent_starts=[i == 0 for i in range(len(words))],
    )
    found = [
        Found("place", i, i + 1, name_key(w), w, place_type=_TYPES[names[w]])
        for i, w in enumerate(words)
        if w in names
    ]
    settle_places(doc, found, dict.fromkeys(nouns, PlaceType.OTHER))
    return {f.label: f.within for f in found}


def test_villages_listed_all_in_a_place_lie_in_it() -> None:
    text = "Raiders looted the villages of Lowtown , Midtown and Uptown , all in Westshire ."
    names = {"Lowtown": "T", "Midtown": "T", "Uptown": "T", "Westshire": "O"}
    within = _settled_with(text, names, {"village", "villages"})
    assert within["Uptown"] == "westshire" and within["Lowtown"] == "westshire"


def test_the_area_of_a_place_lies_in_that_place() -> None:
    text = "Gunmen attacked a post in the Lowtown ( Lowton ) area of Westshire district ."
    names = {"Lowtown": "T", "Lowton": "T", "Westshire": "O"}
    within = _settled_with(text, names, {"area", "district"})
    assert within["Lowtown"] == "westshire"


def test_a_place_noun_of_no_place_gives_no_container() -> None:
    text = "Gunmen attacked the Lowtown camp of the relief agency near Westshire ."
    names = {"Lowtown": "T", "Westshire": "O"}
    within = _settled_with(text, names, {"camp"})
    assert within["Lowtown"] is None
