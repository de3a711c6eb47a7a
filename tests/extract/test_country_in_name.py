"""A country's name ending a town's ("Port of Spain") names no country
(kg/extract/country_in_name.py)."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.country_in_name import towns_ending_in_countries
from kg.extract.found import Found
from kg.model import Article, PlaceType

# a Doc of words joins them with spaces: "Lowport - au - Lowland" is "Lowport-au-Lowland"
TOWNS = {"Port of Lowland": "AA", "Santo Lowtown de Lowland": "BB", "Lowport - au - Lowland": "AA"}


def _place_country(label: str, towns: bool = True, alone: bool = False) -> str:
    return TOWNS.get(label, "")


def _country(start: int, label: str = "Lowland") -> Found:
    return Found(
        "place", start, start + 1, label.lower(), label, place_type=PlaceType.COUNTRY, country="LL"
    )


def _doc(text: str) -> Doc:
    return Doc(Vocab(), words=text.split())


@pytest.mark.parametrize(
    ("text", "first_at", "country_at", "town"),
    [
        ("Police shot two men in Port of Lowland on Sunday", 5, 7, "Port of Lowland"),
        ("Rebels shelled Santo Lowtown de Lowland", 3, 5, "Santo Lowtown de Lowland"),
        ("Gunmen attacked Lowport - au - Lowland at dawn", 2, 6, "Lowport - au - Lowland"),
    ],
)
def test_a_country_ending_a_town_s_name_is_part_of_the_town(
    text: str, first_at: int, country_at: int, town: str
) -> None:
    doc = _doc(text)
    word = text.split()[first_at]
    first = Found("place", first_at, first_at + 1, word.lower(), word, place_type=PlaceType.OTHER)
    found = towns_ending_in_countries(doc, [first, _country(country_at)], _place_country)
    assert [(f.label, f.place_type) for f in found if f.kind == "place"] == [(town, PlaceType.TOWN)]


@pytest.mark.parametrize(
    "text",
    [
        "The Bank of Lowland raised rates",  # no town of that name
        "Troops crossed into Lowland at dawn",  # no joining word
        "Police in Port of the Lowland",  # "the": a longer phrase
    ],
)
def test_a_country_that_ends_no_town_s_name_stays_named(text: str) -> None:
    doc = _doc(text)
    country = _country(text.split().index("Lowland"))
    assert towns_ending_in_countries(doc, [country], _place_country) == [country]
    assert towns_ending_in_countries(doc, [country], None) == [country]


def test_an_actor_s_words_before_the_country_are_no_town_s() -> None:
    doc = _doc("Police of Lowland said")
    police = Found("actor", 0, 1, "police", "Police")
    country = _country(2)
    found = towns_ending_in_countries(doc, [police, country], lambda *a, **k: "AA")
    assert found == [police, country]


def test_a_story_from_port_of_spain_keys_its_unnamed_actors_to_trinidad(
    geo_extractor: Any,
) -> None:
    text = "Police shot dead two robbers in Port of Spain on Tuesday, officials said."
    extraction = geo_extractor.extract_one(Article("pos", text))
    assert not any(p.place_type is PlaceType.COUNTRY for p in extraction.places)
    town = next(p for p in extraction.places if p.label == "Port of Spain")
    assert town.geo is not None and town.geo.country_code == "TT"
    assert {a.country for a in extraction.actors if a.country} == {"TT"}
