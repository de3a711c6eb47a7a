"""Names looked up in the gazetteer for the geocoder (kg/geo/lookup.py)."""

from __future__ import annotations

from kg.geo.gazetteer import default_gazetteer
from kg.geo.lookup import candidates, capitals


def test_acronyms_are_no_towns() -> None:
    # GeoNames lists airport codes among alternate names ("PP": Proserpine)
    gazetteer = default_gazetteer()
    assert candidates(gazetteer, "PP") == [] and candidates(gazetteer, "MLA") == []
    assert candidates(gazetteer, "Goma") != []


def test_a_name_glued_to_its_province_is_looked_up_by_its_leading_words() -> None:
    found = candidates(default_gazetteer(), "Torreon Coahuila")
    assert found and all(c.country_code == "MX" for c in found)


def test_a_province_named_without_its_kind_word_is_found_only_for_foreign_villages() -> None:
    gazetteer = default_gazetteer()
    benowa = candidates(gazetteer, "Benue")  # a village of Queensland by that name
    assert {c.admin1 for c in capitals(gazetteer, "Benue", frozenset(), benowa)} == {"Benue State"}
    assert capitals(gazetteer, "Benue", frozenset({"AU"}), benowa) == []  # Australia's own
