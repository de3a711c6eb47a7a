"""Building the GeoNames index (kg/geo/geonames_index.py) from a made-up source folder, read
with SQL; the look-ups over it are tested in test_gazetteer.py."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kg.geo.geonames_index import INDEX_FORMAT, MAX_NAME, build_index, cache_dir, index_path
from kg.geo.names import fold_name, loose_key

_TOWN = 9000001
_LONG = "A description of the town rather than a name " * 2


def _source(folder: Path) -> Path:
    folder.mkdir()
    countries = {"SY": {"geonameid": 163843, "name": "Syria", "population": 100}}
    cities = {
        str(_TOWN): {
            "geonameid": _TOWN, "name": "Tell Lowtown", "latitude": 36.0, "longitude": 38.0,
            "countrycode": "SY", "population": 0, "admin1code": "",
            "alternatenames": ["Lowtown", "\u0644\u0648\u062a\u0648\u0646", _LONG],
        },
    }  # fmt: skip
    (folder / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (folder / "cities500.json").write_text(json.dumps(cities), encoding="utf-8")
    return folder


def _keys(target: Path, geonames_id: int) -> dict[str, int]:
    with sqlite3.connect(target) as con:
        rows = con.execute("SELECT key, main FROM name WHERE id = ?", (geonames_id,)).fetchall()
    return dict(rows)


def test_names_are_keyed_by_their_folded_and_loose_spellings(tmp_path: Path) -> None:
    target = tmp_path / "index" / "geonames.sqlite"  # a folder not made yet
    build_index(target, _source(tmp_path / "source"))
    keys = _keys(target, _TOWN)
    assert keys[fold_name("Tell Lowtown")] == 1  # the main name
    assert keys[loose_key("Tell Lowtown")] == 1  # "tell" and "tal" are one word
    assert keys[fold_name("Lowtown")] == 0  # an alternate name
    assert len(_LONG) > MAX_NAME and fold_name(_LONG) not in keys  # a description
    assert len(keys) == 3  # and no key for the Arabic-script name
    assert _keys(target, 163843) == {"syria": 1}


def test_the_index_records_its_format_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cache" / "geonames.sqlite"
    build_index(target, _source(tmp_path / "source"))
    with sqlite3.connect(target) as con:
        meta = dict(con.execute("SELECT k, v FROM meta").fetchall())
    assert meta["format"] == str(INDEX_FORMAT)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_the_cache_folder_follows_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KG_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "kg"
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    assert index_path().parent == tmp_path / "mine"
    assert index_path().name.endswith(f"-f{INDEX_FORMAT}.sqlite")


def test_each_province_has_its_most_populous_town_as_seat(tmp_path: Path) -> None:
    folder = tmp_path / "source"
    folder.mkdir()
    countries = {"SY": {"geonameid": 163843, "name": "Syria", "population": 100}}

    def town(geonames_id: int, population: int, admin1: str) -> dict[str, object]:
        return {
            "geonameid": geonames_id, "name": f"Lowtown {geonames_id}", "latitude": 36.0,
            "longitude": 38.0, "countrycode": "SY", "population": population,
            "admin1code": admin1, "alternatenames": [],
        }  # fmt: skip

    towns = [town(9000003, 5000, "10"), town(9000002, 5000, "10"), town(9000001, 900, "10")]
    towns += [town(9000004, 100, "11"), town(9000005, 90000, "")]  # no province: no seat
    cities = {str(t["geonameid"]): t for t in towns}
    (folder / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (folder / "cities500.json").write_text(json.dumps(cities), encoding="utf-8")
    target = tmp_path / "geonames.sqlite"
    build_index(target, folder)
    with sqlite3.connect(target) as con:
        seats = con.execute("SELECT cc, admin1, id FROM seat ORDER BY admin1").fetchall()
    # of two equally populous towns, the lower GeoNames id
    assert seats == [("SY", "10", 9000002), ("SY", "11", 9000004)]
