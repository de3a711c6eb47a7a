"""Place names side by side with no comma vote for the article's country as one name
(kg/extract/glued_names.py): a town glued to its province, or one name the model cut in two."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.extract.found import Found
from kg.extract.glued_names import glued_labels
from kg.model import Article, PlaceType


def _place(start: int, end: int, label: str, country: str = "") -> Found:
    return Found(
        "place", start, end, label.lower(), label, place_type=PlaceType.OTHER, country=country
    )


def _doc(text: str) -> Doc:
    return Doc(Vocab(), words=text.split())


def test_a_run_of_places_is_looked_up_as_one_name() -> None:
    doc = _doc("Shells fell in Upper Lowtown Marsh County on Monday")
    town, county = _place(3, 5, "Upper Lowtown"), _place(5, 7, "Marsh County")
    labels = glued_labels(doc, [county, town])
    assert labels == {id(town): "Upper Lowtown Marsh County", id(county): ""}


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell in Lowtown , Marsh on Monday",  # a comma: the town and its province
        "Shells fell in Lowtown and Marsh on Monday",
    ],
)
def test_places_apart_are_looked_up_alone(text: str) -> None:
    doc = _doc(text)
    assert glued_labels(doc, [_place(3, 4, "Lowtown"), _place(5, 6, "Marsh")]) == {}


def test_a_country_after_a_town_is_no_part_of_its_name() -> None:
    doc = _doc("Shells fell in Lowtown Freedonia on Monday")
    country = _place(4, 5, "Freedonia", country="FD")
    assert glued_labels(doc, [_place(3, 4, "Lowtown"), country]) == {}


@pytest.mark.model
def test_a_province_glued_to_its_town_votes_for_the_towns_country(geo_extractor: Any) -> None:
    """The model reads "Tijuana Baja" and "California": California alone is a US state, the
    whole a town of Mexico's Baja California; the protesters are Mexico's."""
    text = (
        "On Monday teachers protested outside the town hall in Tijuana Baja California "
        "over unpaid wages."
    )
    keys = {a.key for a in geo_extractor.extract_one(Article("t", text)).actors}
    assert "protesters-mexico" in keys
    assert "protesters-united-states" not in keys


@pytest.mark.model
def test_a_near_spelling_of_a_city_abroad_does_not_move_the_event(geo_extractor: Any) -> None:
    """ "Maraand" folds as Marand, a city of Iran; spelt otherwise, it votes for no country,
    and the village the text puts in Idleb stays in Syria (kg.geo.lookup.sole_country)."""
    text = "Regime forces shelled Maraand in Idleb on Sunday."
    extraction = geo_extractor.extract_one(Article("t", text))
    countries = {p.geo.country_code for p in extraction.places if p.geo is not None}
    assert countries == {"SY"}
    assert all(e.external == () for e in extraction.events)
