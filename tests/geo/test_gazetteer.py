"""The GeoNames index: built from a made-up source folder, then looked up."""

from __future__ import annotations

import gc
import json
import sqlite3
from pathlib import Path

import pytest

from kg.geo.gazetteer import Answers, Gazetteer
from kg.geo.geonames_index import INDEX_FORMAT, build_index, cache_dir, index_path
from kg.geo.names import fold_name, skeleton

COUNTRIES = {
    "SY": {"geonameid": 163843, "name": "Syria", "population": 22198110, "capital": "Damascus"},
    "LY": {"geonameid": 2215636, "name": "Libya", "population": 6461454, "capital": "Tripoli"},
}
CITIES = {
    "170017": {
        "geonameid": 170017, "name": "Ḩamāh", "latitude": 35.13179, "longitude": 36.75783,
        "countrycode": "SY", "population": 460602, "admin1code": "10",
        "alternatenames": ["Hama", "Hamah", "Epiphania", "حماة"],
    },
    "172955": {
        "geonameid": 172955, "name": "Saraqib", "latitude": 35.86, "longitude": 36.8,
        "countrycode": "SY", "population": 34231, "alternatenames": [],
    },
    "2210247": {
        "geonameid": 2210247, "name": "Tripoli", "latitude": 32.88743, "longitude": 13.18733,
        "countrycode": "LY", "population": 1150989, "alternatenames": ["Tarabulus"],
    },
    "170063": {
        "geonameid": 170063, "name": "Ra\u2019s al \u2018Ayn", "latitude": 36.85,
        "longitude": 40.07, "countrycode": "SY", "population": 29347, "alternatenames": [],
    },
    "3447399": {
        "geonameid": 3447399, "name": "Sorocaba", "latitude": -23.50167, "longitude": -47.45806,
        "countrycode": "BR", "population": 652481, "alternatenames": [],
    },
}  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    source = tmp_path_factory.mktemp("geonames-source")
    (source / "countries.json").write_text(json.dumps(COUNTRIES), encoding="utf-8")
    (source / "cities500.json").write_text(json.dumps(CITIES), encoding="utf-8")
    target = tmp_path_factory.mktemp("cache") / "index.sqlite"
    build_index(target, source)
    return Gazetteer(target)


def test_main_and_alternate_names_fold_to_one_key(gazetteer: Gazetteer) -> None:
    for spelling in ("Hama", "Ḩamāh", "HAMAH", "hamah"):
        (found,) = gazetteer.lookup(spelling)
        assert found.geonames_id == 170017 and found.exact
        assert (found.latitude, found.longitude, found.country_code) == (35.13179, 36.75783, "SY")
    assert gazetteer.lookup("Hama")[0].main_name  # it folds like the main name, "Ḩamāh"
    assert not gazetteer.lookup("Epiphania")[0].main_name


def test_a_town_carries_the_name_of_its_province(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Hama")[0].admin1 == "Hama"  # SY.10 in kg/data/admin1.tsv
    assert gazetteer.lookup("Saraqib")[0].admin1 == ""  # no admin1 code in the source
    assert gazetteer.countries()["SY"].admin1 == ""


def test_non_latin_names_are_not_indexed(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("حماة") == []


def test_skeleton_matches_need_close_spellings(gazetteer: Gazetteer) -> None:
    # "Saraqab" and "Saraqib" share their consonants and most letters
    (found,) = gazetteer.lookup("Saraqab")
    assert found.geonames_id == 172955 and not found.exact
    # "Sorocaba" has the same skeleton (s-r-k-b) but is spelt too differently
    assert [c.geonames_id for c in gazetteer.lookup("Sorocaba")] == [3447399]
    assert gazetteer.lookup_exact("Saraqab") == []


def test_transliteration_variants_are_exact_matches(gazetteer: Gazetteer) -> None:
    # an ayn inside a word, Ain for Ayn: the loose key, not only the skeleton
    for spelling in ("Ras al-Ain", "Ras al Ein", "Ra's al-'Ayn"):
        (found,) = gazetteer.lookup(spelling)
        assert found.geonames_id == 170063 and found.exact and found.main_name
    assert [c.geonames_id for c in gazetteer.lookup_exact("Ras al-Ein")] == [170063]
    assert gazetteer.lookup_exact("Ras al-Amin") == []
    # districts too (kg/data/admin2.tsv): "wa" ("and") dropped, as GeoNames' "Ḏanḏ Paṯān"
    assert [d.country_code for d in gazetteer.districts("Dand wa Patan District")] == ["AF"]


def test_countries(gazetteer: Gazetteer) -> None:
    countries = gazetteer.countries()
    assert set(countries) == {"SY", "LY"}
    assert countries["SY"].geonames_id == 163843 and countries["SY"].latitude is None
    (syria,) = gazetteer.lookup("Syria")
    assert syria.kind == "country"


def test_capitals_are_the_towns_a_country_names_as_its_capital(gazetteer: Gazetteer) -> None:
    # Tripoli is Libya's; Syria's, Damascus, is no town of the source: no capital for Syria
    assert gazetteer.capitals() == frozenset({2210247})


def test_the_index_is_read_only_and_records_its_format(gazetteer: Gazetteer) -> None:
    with pytest.raises(sqlite3.OperationalError):
        gazetteer._con.execute("DELETE FROM place")
    meta = dict(gazetteer._con.execute("SELECT k, v FROM meta").fetchall())
    assert meta["format"] == str(INDEX_FORMAT)


def test_a_missing_index_is_built_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "source"
    source.mkdir()
    (source / "countries.json").write_text(json.dumps(COUNTRIES), encoding="utf-8")
    (source / "cities500.json").write_text(json.dumps(CITIES), encoding="utf-8")
    monkeypatch.setattr("kg.geo.geonames_index.source_dir", lambda: source)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    path = index_path()
    assert not path.exists()
    gazetteer = Gazetteer()
    assert path.exists() and gazetteer.lookup("Tarabulus")[0].geonames_id == 2210247
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left
    gazetteer.close()


def test_province_seats_are_the_largest_towns_of_a_countrys_provinces(
    gazetteer: Gazetteer,
) -> None:
    seats = gazetteer.province_seats("SY")
    assert [c.name for c in seats] == [
        c.name for (cc, _), c in gazetteer._largest_towns().items() if cc == "SY"
    ]
    assert [c.name for c in seats] == ["Ḩamāh"]  # Saraqib has no province code
    seats.clear()  # the caller's own list: the next caller gets the seats again
    assert gazetteer.province_seats("SY") and gazetteer.province_seats("XX") == []


def test_a_query_asked_again_under_another_cache_key_reads_the_index_once(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = Gazetteer(gazetteer.path)
    asked: list[object] = []
    rows_of = fresh._rows_of

    def counted(where: str, value: str | tuple[str, ...], like: str) -> object:
        asked.append(value)
        return rows_of(where, value, like)

    monkeypatch.setattr(fresh, "_rows_of", counted)
    try:
        # lookup caches by the name asked, lookup_exact by its folded spelling: one query
        assert [c.geonames_id for c in fresh.lookup("Hamah")] == [170017]
        assert [c.geonames_id for c in fresh.lookup_exact("Hama")] == [170017]
        assert asked == [("hama", "hama")]
        # a skeleton's rows serve lookup and variants, each filtering them its own way
        assert [c.geonames_id for c in fresh.lookup("Saraqab")] == [172955]
        assert [c.geonames_id for c in fresh.variants("Saraqab", frozenset({"SY"}))] == [172955]
        assert fresh.variants("Saraqab", frozenset({"LY"})) == []
        assert asked == [("hama", "hama"), ("sarakab", "sarakab"), skeleton("Saraqab")]
        assert fresh.lookup("Saraqab") == gazetteer.lookup("Saraqab")  # the same answers
    finally:
        fresh.close()


def test_answers_are_made_once_for_each_gazetteer_and_bounded(gazetteer: Gazetteer) -> None:
    answers: Answers[str, list[str]] = Answers()
    made: list[str] = []

    def make(name: str) -> list[str]:
        made.append(name)
        return [name.upper()]

    first = answers.answer(gazetteer, "lowtown", lambda: make("lowtown"), 2)
    assert answers.answer(gazetteer, "lowtown", lambda: make("lowtown"), 2) is first
    other = Gazetteer(gazetteer.path)  # another gazetteer: its own answers
    assert answers.answer(other, "lowtown", lambda: make("lowtown"), 2) == first
    assert made == ["lowtown", "lowtown"]
    answers.answer(gazetteer, "uptown", lambda: make("uptown"), 2)
    answers.answer(gazetteer, "midtown", lambda: make("midtown"), 2)  # past the bound: dropped
    assert list(answers[gazetteer]) == ["midtown"]
    other.close()
    del other
    gc.collect()
    assert len(answers) == 1  # a gazetteer gone takes its answers with it


def test_district_names_are_the_data_files_read_from_the_index(gazetteer: Gazetteer) -> None:
    # the index holds every district of kg/data/admin2.tsv, whatever its towns
    from kg.geo.places import _district_names  # the same names, from the data file

    assert gazetteer.district_names("SY", "Idlib") == _district_names("SY", "Idlib")
    assert fold_name("Ariha District") in gazetteer.district_names("SY", "Idlib")
    assert gazetteer.district_names("SY", "Lowland") == frozenset()
    assert gazetteer.district_names("XX", "Idlib") == frozenset()


def test_a_countrys_capital_is_its_capital_town() -> None:
    from kg.geo.gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    damascus = gazetteer.capital_of("SY")
    assert damascus is not None and damascus.name == "Damascus" and damascus.kind == "town"
    assert gazetteer.capital_of("XX") is None  # no such country
