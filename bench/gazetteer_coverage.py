"""How many failing ACLED notes a candidate gazetteer could place that kg's cannot.

    .venv/bin/python bench/eval_acled.py --failures /tmp/kg-failures > /dev/null
    .venv/bin/python bench/gazetteer_coverage.py --failures /tmp/kg-failures \\
        --source /tmp/candidate.tsv [--source ...]

A source is a text file of places, one a line: name, latitude, longitude, tab-separated
(derive one from the candidate package with a few lines of Python; keep it outside the
repository). For each note of DIR/location.jsonl (the notes whose coded location kg missed),
the gold row's location and point are read from the ACLED CSV. A note counts as *missing* when
kg's gazetteer (GeoNames towns and districts, :func:`kg.geo.gazetteer.default_gazetteer`) has
no place of that name within 25 km of ACLED's point, as *named* when the note's text names the
place, and as *covered* by a source that has a place of that name within 25 km. ACLED's
"City-District" locations ("Mogadishu-Hodan") are also looked up by their last part. Only
named notes can gain from a source: the others never name the place kg would have to find.
The table splits the notes by country (Kenya, where earlier sessions found most points
missing, and the rest) and into the study and confirmation halves (md5 of the event id).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

# this checkout's kg, not an installed one (an editable install may point at another checkout)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.geo.gazetteer import Gazetteer, default_gazetteer  # noqa: E402
from kg.geo.names import fold_name  # noqa: E402

SHARED = ROOT / ".." / "shared" / "eval"
KM = 25.0
GROUPS = ("all", "Kenya", "other countries", "study half", "confirmation half")

Points = dict[str, list[tuple[float, float]]]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p = math.pi / 180
    h = (
        0.5
        - math.cos((lat2 - lat1) * p) / 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    )
    return 12742 * math.asin(math.sqrt(h))


def read_source(path: Path) -> Points:
    """Folded name -> points of a name/latitude/longitude file; unreadable lines are skipped."""
    points: Points = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3:
                continue
            try:
                lat, lon = float(fields[1]), float(fields[2])
            except ValueError:
                continue
            key = fold_name(fields[0])
            if key:
                points[key].append((lat, lon))
    return points


def spellings(location: str) -> list[str]:
    """ACLED's location and, for "City-District", the district."""
    parts = [p.strip() for p in re.split(r"\s*-\s*", location) if p.strip()]
    return [location] + ([parts[-1]] if len(parts) > 1 else [])


def near(points: Points, location: str, lat: float, lon: float) -> bool:
    return any(
        km(lat, lon, a, b) <= KM
        for name in spellings(location)
        for a, b in points.get(fold_name(name), ())
    )


def in_kg(gazetteer: Gazetteer, location: str, lat: float, lon: float) -> bool:
    for name in spellings(location):
        for c in gazetteer.lookup(name) + gazetteer.districts(name):
            if c.latitude is None or c.longitude is None:
                continue
            if km(lat, lon, c.latitude, c.longitude) <= KM:
                return True
    return False


def named(location: str, note: str) -> bool:
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", note, re.IGNORECASE)
        for name in spellings(location)
    )


def coverage(
    failures: Path, acled: Path, sources: dict[str, Points], gazetteer: Gazetteer
) -> Counter[tuple[str, str]]:
    rows: dict[str, dict[str, str]] = {}
    with acled.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["latitude"] and row["longitude"]:
                rows[row["event_id_cnty"]] = row
    tally: Counter[tuple[str, str]] = Counter()
    with (failures / "location.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            note = json.loads(line)
            if note["article"] not in rows:
                continue
            row = rows[note["article"]]
            lat, lon, location = float(row["latitude"]), float(row["longitude"]), row["location"]
            even = int(hashlib.md5(row["event_id_cnty"].encode()).hexdigest(), 16) % 2 == 0
            groups = (
                "all",
                "Kenya" if row["country"] == "Kenya" else "other countries",
                "study half" if even else "confirmation half",
            )
            missing = not in_kg(gazetteer, location, lat, lon)
            is_named = missing and named(location, note["note"])
            for group in groups:
                tally[group, "failing"] += 1
                tally[group, "missing"] += missing
                tally[group, "named"] += is_named
                for name, points in sources.items():
                    if missing and near(points, location, lat, lon):
                        tally[group, name] += 1
                        tally[group, name + " named"] += is_named
    return tally


def table(tally: Counter[tuple[str, str]], sources: list[str]) -> str:
    head = ["notes", "failing", f"no kg point within {KM:.0f} km", "of them named in the note"]
    head += [f"{s}: covered (named)" for s in sources]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for g in GROUPS:
        cells = [g, *(f"{tally[g, k]:,}" for k in ("failing", "missing", "named"))]
        cells += [f"{tally[g, s]:,} ({tally[g, s + ' named']:,})" for s in sources]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", type=Path, required=True, help="bench/eval_acled.py's DIR")
    parser.add_argument("--acled", type=Path, default=SHARED / "acled" / "dev" / "acled_dev.csv")
    parser.add_argument(
        "--source", type=Path, action="append", default=[], help="name<TAB>lat<TAB>lon file"
    )
    args = parser.parse_args(argv)
    sources = {path.stem: read_source(path) for path in args.source}
    tally = coverage(args.failures, args.acled, sources, default_gazetteer())
    print(table(tally, list(sources)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
