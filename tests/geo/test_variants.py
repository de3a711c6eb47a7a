"""Transliteration variants: names GeoNames spells otherwise, against the real index."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.model import Article, Extraction, Place, PlaceType, Span

TAFTANAZ, KARBALA, NASIRIYAH, BALA_MURGHAB = 163799, 94824, 98854, 1132770


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.mark.parametrize(
    ("spelling", "geonames_id"),
    [("Teftnaz", TAFTANAZ), ("Kerbala", KARBALA), ("Nassriya", NASIRIYAH)],
)
def test_vowel_and_doubled_consonant_variants_are_found(
    gazetteer: Gazetteer, spelling: str, geonames_id: int
) -> None:
    assert geonames_id in [c.geonames_id for c in gazetteer.lookup(spelling)]


def test_variants_are_looked_up_only_in_the_countries_given(gazetteer: Gazetteer) -> None:
    # "Murghab" spells Murghob (Tajikistan) exactly; in Afghanistan only as a variant
    found = gazetteer.variants("Murghab", frozenset({"AF"}))
    assert [c.geonames_id for c in found] == [BALA_MURGHAB]
    assert not any(c.exact for c in found)
    assert gazetteer.variants("Murghab", frozenset()) == []
    assert gazetteer.variants("Murghab", frozenset({"IQ"})) == []


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Al Baghdadi", "IQ"),  # an adjective of Baghdad, not Baghdad
        ("Shirin", "AF"),  # a vowelless spelling ("Shrn") is no variant
        ("Andar", "AF"),  # nor one with a vowel more ("Anodara")
        ("Hama", "SY"),  # a skeleton of two letters matches too much
    ],
)
def test_variants_that_would_flood_are_refused(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    assert gazetteer.variants(name, frozenset({country})) == []


def _extraction(text: str, places: list[tuple[str, PlaceType]]) -> Extraction:
    records = []
    for label, place_type in places:
        start = text.index(label)
        span = Span(start, start + len(label), label)
        records.append(Place(label.lower(), label, place_type, (span,)))
    return Extraction(Article("t", text), (Span(0, len(text), text),), (), tuple(records), ())


def test_a_variant_is_taken_when_no_exact_namesake_lies_in_the_article_country(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen attacked a checkpoint in Murghab, Afghanistan."
    places = [("Murghab", PlaceType.TOWN), ("Afghanistan", PlaceType.COUNTRY)]
    done = Geocoder(gazetteer).geocode(_extraction(text, places))
    town = next(p for p in done.places if p.place_type is PlaceType.TOWN)
    assert town.geo is not None and town.geo.geonames_id == BALA_MURGHAB
    abroad = Geocoder(gazetteer).geocode(
        _extraction(text.replace("Afghanistan", "Iraq"), [places[0], ("Iraq", PlaceType.COUNTRY)])
    )
    town = next(p for p in abroad.places if p.place_type is PlaceType.TOWN)
    assert town.geo is None or town.geo.geonames_id != BALA_MURGHAB


def test_variants_query_the_index_once_a_name_and_filter_each_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gazetteer = default_gazetteer()
    gazetteer._cache.clear()
    queries: list[str] = []
    query = gazetteer._query

    def counted(where: str, value: str, *args: object, **kwargs: object) -> object:
        queries.append(value)
        return query(where, value, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(gazetteer, "_query", counted)
    assert gazetteer.variants("Murghab", frozenset({"IQ"})) == []
    found = gazetteer.variants("Murghab", frozenset({"AF"}))  # the same rows, filtered anew
    assert [c.geonames_id for c in found] == [BALA_MURGHAB]
    assert queries == ["mrghb"]  # one query per spelling, not per call
