"""GeoNames, offline: every populated place of 500 or more inhabitants, every country and
every second-level division, looked up by name (folded spelling, else consonant skeleton).

The index is an SQLite file in the cache folder that the first use builds
(:mod:`kg.geo.geonames_index`: where, from what, how names are keyed); every later run opens it
read-only in milliseconds.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from kg.errors import ResourceError
from kg.geo.admin1 import admin1_names, bare_name
from kg.geo.geonames_index import build_index, cache_dir, index_path
from kg.geo.names import alike, fold_name, loose_key, skeleton

__all__ = ["Answers", "Candidate", "Gazetteer", "cache_dir", "default_gazetteer"]

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.8  # of two folded spellings whose skeletons agree
MIN_VARIANT_SKELETON = 4  # of a name looked up by its skeleton in the article's countries
CACHE_SIZE = 50_000
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")  # names whose candidates are kept in memory
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may denote."""

    geonames_id: int
    name: str
    kind: str  # "town", "country" or "district"
    country_code: str
    latitude: float | None
    longitude: float | None
    population: int
    admin1: str  # the name of its first-level division (province, state), "" when unknown
    main_name: bool  # the name looked up is GeoNames' own name for it (not an alternate)
    exact: bool  # the spellings fold alike (False: only their consonant skeletons agree)


class Gazetteer:
    """Look names up in the GeoNames index (see the module docstring)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or index_path()
        if not self.path.exists():
            log.warning(
                "building the GeoNames index at %s: once per machine, about half a minute",
                self.path,
            )
            try:
                build_index(self.path)
            except OSError as exc:
                raise ResourceError(
                    self.path, f"cannot write the GeoNames index ({exc}); set KG_CACHE_DIR"
                ) from exc
        self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._countries: dict[str, Candidate] | None = None
        self._cache: dict[str, list[Candidate]] = {}
        self._rows: dict[tuple[str, str | tuple[str, ...], str], list[tuple[Any, ...]]] = {}
        self._largest: dict[tuple[str, str], Candidate] | None = None
        self._seats: dict[str, list[Candidate]] | None = None
        self._capitals: frozenset[int] | None = None
        self._capital_of: dict[str, Candidate | None] = {}
        self._districts_by_province: dict[str, dict[str, list[str]]] = {}
        self._district_names: dict[tuple[str, str], frozenset[str]] = {}

    def close(self) -> None:
        self._con.close()

    def lookup(self, name: str) -> list[Candidate]:
        """The places ``name`` may denote: equal folded spellings, else equal skeletons.
        Answers are cached (news repeats its place names); treat the list as read-only."""
        cached = self._cache.get(name)
        if cached is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            cached = self._cache[name] = self._lookup(name)
        return cached

    def _lookup(self, name: str) -> list[Candidate]:
        key = fold_name(name)
        if not key:
            return []
        found = self._exact(name)
        if found:
            return found
        skel = skeleton(name)
        if len(skel) < 4:  # short skeletons match too much ("hm": Hama, Homs, Hims)
            return []
        return self._query("n.skel = ?", skel, exact=False, like=key)

    def lookup_exact(self, name: str) -> list[Candidate]:
        """The places whose folded spelling equals ``name``'s (no skeleton matches)."""
        key = fold_name(name)
        if not key:
            return []
        cached = self._cache.get("=" + key)
        if cached is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            cached = self._cache["=" + key] = self._exact(name)
        return cached

    def _exact(self, name: str) -> list[Candidate]:
        """The places one of whose names has ``name``'s folded spelling or loose key."""
        return self._query("n.key IN (?, ?)", (fold_name(name), loose_key(name)), exact=True)

    def variants(self, name: str, countries: frozenset[str]) -> list[Candidate]:
        """Towns of ``countries`` whose consonant skeleton equals ``name``'s and whose spelling
        is close (``MIN_SIMILARITY``), as inexact candidates: the fallback for a name whose
        exact spellings all lie abroad ("Murghab" is an alternate name of Murghob, Tajikistan;
        Afghanistan's "Bala Murghab" is in this sense a variant). Skeletons shorter than
        ``MIN_VARIANT_SKELETON`` match too much, and a name that is a variant's nisba
        adjective ("Baghdadi": of Baghdad) is not that place."""
        key, skel = fold_name(name), skeleton(name)
        if len(skel) < MIN_VARIANT_SKELETON or not countries:
            return []
        found = self._cache.get("~" + key)  # the skeleton is the folded name's
        if found is None:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.clear()
            found = self._query("n.skel = ?", skel, exact=False, like=key, syllables=True)
            self._cache["~" + key] = found
        return [
            c
            for c in found
            if c.kind == "town" and c.country_code in countries and not _nisba(key, c.name)
        ]

    def districts(self, name: str) -> list[Candidate]:
        """The second-level divisions spelt as ``name`` (folded; its kind word dropped), as
        candidates of kind "district": their point, their largest town's GeoNames id."""
        bare = bare_name(name)
        key = fold_name(bare)
        if not key:
            return []
        cached = self._cache.get("#" + key)
        if cached is None:
            with self._lock:
                rows = self._con.execute(
                    "SELECT DISTINCT d.seat, d.name, 'district', d.cc, d.lat, d.lon, 0, "
                    "d.admin1, 1 FROM district_name n JOIN district d ON d.id = n.id "
                    "WHERE n.key IN (?, ?)",
                    (key, loose_key(bare)),
                ).fetchall()
            cached = self._cache["#" + key] = [_candidate(r, exact=True) for r in rows]
        return cached

    def district_names(self, country_code: str, admin1: str) -> frozenset[str]:
        """The folded names of a first-level division's second-level ones (``admin1``: its
        name; "" gathers those whose code has none), read by country and folded by province
        when first asked: an ingest asks of a few, and reading the data file's 22,581 rows
        (``kg.geo.admin2``) cost each process 0.13 s."""
        folded = self._district_names.get((country_code, admin1))
        if folded is None:
            by_province = self._districts_by_province.get(country_code)
            if by_province is None:
                with self._lock:
                    rows = self._con.execute(
                        "SELECT name, admin1 FROM district WHERE cc = ?", (country_code,)
                    ).fetchall()
                names = admin1_names()
                by_province = {}
                for name, code in rows:
                    by_province.setdefault(names.get((country_code, code), ""), []).append(name)
                self._districts_by_province[country_code] = by_province
            folded = frozenset(fold_name(n) for n in by_province.get(admin1, ()))
            self._district_names[country_code, admin1] = folded
        return folded

    def largest_town(self, country_code: str, admin1: str) -> Candidate | None:
        """The most populous town of a first-level division (by its name): where a province
        without a namesake town is placed, as it is usually its capital ("Nangarhar":
        Jalalabad)."""
        return self._largest_towns().get((country_code, admin1))

    def province_seats(self, country_code: str) -> list[Candidate]:
        """The largest town of each of a country's first-level divisions: points spread over
        the whole country, to tell how far a place lies from it."""
        if self._seats is None:
            seats: dict[str, list[Candidate]] = {}
            for (cc, _), c in self._largest_towns().items():
                seats.setdefault(cc, []).append(c)
            self._seats = seats  # by country: the geocoder asks of one country many times
        return list(self._seats.get(country_code, ()))

    def _largest_towns(self) -> dict[tuple[str, str], Candidate]:
        if self._largest is None:
            with self._lock:  # ranked when the index was built (a scan of every town: 0.2 s)
                rows = self._con.execute(
                    "SELECT p.id, p.name, p.kind, p.cc, p.lat, p.lon, p.population, p.admin1, 1 "
                    "FROM seat s JOIN place p ON p.id = s.id ORDER BY s.cc, s.admin1"
                ).fetchall()
            largest: dict[tuple[str, str], Candidate] = {}
            for r in rows:
                c = _candidate(r, exact=True)
                key = (c.country_code, c.admin1)
                if key not in largest or c.population > largest[key].population:
                    largest[key] = c
            self._largest = largest
        return self._largest

    def capitals(self) -> frozenset[int]:
        """The GeoNames ids of the countries' capitals (one town a country)."""
        if self._capitals is None:
            with self._lock:
                rows = self._con.execute("SELECT id FROM capital").fetchall()
            self._capitals = frozenset(r[0] for r in rows)
        return self._capitals

    def capital_of(self, country_code: str) -> Candidate | None:
        """The country's capital (the most populous town of its capitals, for a country with
        several seats), or None when GeoNames names none."""
        if country_code not in self._capital_of:
            with self._lock:
                rows = self._con.execute(
                    "SELECT id, name, kind, cc, lat, lon, population, admin1, 1 FROM place "
                    "WHERE cc = ? AND kind = 'town' AND id IN (SELECT id FROM capital) "
                    "ORDER BY population DESC, id LIMIT 1",
                    (country_code,),
                ).fetchall()
            self._capital_of[country_code] = _candidate(rows[0], exact=True) if rows else None
        return self._capital_of[country_code]

    def countries(self) -> dict[str, Candidate]:
        """Every country, by ISO code."""
        if self._countries is None:
            with self._lock:
                rows = self._con.execute(
                    "SELECT id, name, kind, cc, lat, lon, population, admin1, 1 FROM place "
                    "WHERE kind = 'country'"
                ).fetchall()
            self._countries = {r[3]: _candidate(r, exact=True) for r in rows}
        return self._countries

    def _query(
        self,
        where: str,
        value: str | tuple[str, ...],
        exact: bool,
        like: str = "",
        syllables: bool = False,
    ) -> list[Candidate]:
        """Rows matching ``where``; with ``like``, only names spelt at least
        ``MIN_SIMILARITY`` alike (skeletons agree on "Saraqab" and "Sorocaba"), and with
        ``syllables`` also with as many vowel groups ("Morghab" for "Murghab"; not "Shrn"
        nor "Anodara" for "Shirin" and "Andar"). The rows are kept by query: the callers' caches
        are keyed by what they were asked (a name, its folded spelling, a variant), and a third
        of their misses ask again what another one asked (``lookup`` and ``lookup_exact`` of a
        name, ``lookup`` and ``variants`` of a skeleton)."""
        rows = self._rows.get((where, value, like))
        if rows is None:
            rows = self._rows_of(where, value, like)
        best: dict[int, Candidate] = {}
        if syllables:
            rows = [r for r in rows if _syllables(r[9]) == _syllables(like)]
        for r in rows:  # one candidate per place, its main name first
            c = _candidate(r, exact)
            if c.geonames_id not in best or c.main_name:
                best[c.geonames_id] = c
        return list(best.values())

    def _rows_of(
        self, where: str, value: str | tuple[str, ...], like: str
    ) -> list[tuple[Any, ...]]:
        with self._lock:
            rows = self._con.execute(
                "SELECT p.id, p.name, p.kind, p.cc, p.lat, p.lon, p.population, p.admin1, n.main, "
                "n.key "
                f"FROM name n JOIN place p ON p.id = n.id WHERE {where}",
                value if isinstance(value, tuple) else (value,),
            ).fetchall()
        if like:
            rows = [r for r in rows if alike(like, r[9], MIN_SIMILARITY)]
        if len(self._rows) >= CACHE_SIZE:
            self._rows.clear()
        self._rows[where, value, like] = rows
        return rows


def _syllables(key: str) -> int:
    """The number of vowel groups of a folded spelling: "murghab" 2, "shrn" 0."""
    return len(_VOWEL_GROUPS.findall(key))


def _nisba(key: str, name: str) -> bool:
    """Whether the folded ``key`` is ``name`` with an adjective's -i ending ("baghdadi")."""
    stem = fold_name(name)
    return key != stem and key.rstrip("i") in (stem, stem.rstrip("a"))


def _candidate(row: tuple[Any, ...], exact: bool) -> Candidate:
    return Candidate(
        geonames_id=row[0],
        name=row[1],
        kind=row[2],
        country_code=row[3],
        latitude=row[4],
        longitude=row[5],
        population=row[6],
        admin1=admin1_names().get((row[3], row[7]), "") if row[7] else "",
        main_name=bool(row[8]),
        exact=exact,
    )


_DEFAULT: Gazetteer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The process's shared gazetteer over the default index, opened (or built) on first use."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Gazetteer()
        return _DEFAULT


class Answers(weakref.WeakKeyDictionary[Gazetteer, dict[K, V]]):
    """Answers worked out from a gazetteer's data, kept for each gazetteer (a weak key: a
    closed one's answers go with it): news repeats its place names within an article and
    from one article to the next. ``answers.answer(gazetteer, key, make, bound)`` is
    ``make()`` the first time, the same object afterwards; past ``bound`` answers the kept
    ones are dropped (as the gazetteer's own cache, ``CACHE_SIZE``)."""

    def answer(self, gazetteer: Gazetteer, key: K, make: Callable[[], V], bound: int) -> V:
        kept = self.get(gazetteer)
        if kept is None:
            kept = self[gazetteer] = {}
        try:
            return kept[key]
        except KeyError:
            if len(kept) >= bound:
                kept.clear()
            made = kept[key] = make()
            return made
