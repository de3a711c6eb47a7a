"""Names of first-level divisions: the spellings news uses reach GeoNames' names."""

from __future__ import annotations

from kg.geo.admin1 import bare_name, divisions_named


def test_english_compass_names_reach_geonames_adjectives() -> None:
    # GeoNames writes "Western Darfur", "Southern Kordofan"; news writes "West Darfur"
    assert divisions_named("West Darfur") == (("SD", "Western Darfur"),)
    assert divisions_named("South Kordofan state") == (("SD", "Southern Kordofan"),)
    assert divisions_named("Western Darfur") == (("SD", "Western Darfur"),)


def test_a_compass_word_alone_is_not_every_division_named_after_it() -> None:
    assert ("SD", "Northern State") not in divisions_named("North")
    assert ("ZM", "Northern Province") not in divisions_named("North")


def test_kind_words_are_dropped() -> None:
    assert bare_name("Kandahar Province") == "Kandahar"
    assert bare_name("Province") == "Province"


def test_a_bare_name_is_worked_out_once() -> None:
    bare_name.cache_clear()
    assert bare_name("Lowtown District") == bare_name("Lowtown District") == "Lowtown"
    assert (bare_name.cache_info().hits, bare_name.cache_info().misses) == (1, 1)
