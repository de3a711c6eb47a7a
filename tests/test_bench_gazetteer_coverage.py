"""bench/gazetteer_coverage.py counts the failing notes a candidate gazetteer could place."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gazetteer_coverage", ROOT / "bench" / "gazetteer_coverage.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _write(tmp_path: Path) -> tuple[Path, Path, Path]:
    gold = [  # invented places, except Nairobi, which kg's gazetteer has
        ("KEN1", "Kenya", "Qorvantibe", "-1.30", "36.80", "Shots in Qorvantibe"),
        ("KEN2", "Kenya", "Zelmuratok", "-1.00", "37.00", "Police fired on protesters"),
        ("KEN3", "Kenya", "Nairobi", "-1.2833", "36.8167", "A protest in Nairobi"),
        ("SOM1", "Somalia", "Mogadishu-Pravelto", "2.03", "45.33", "A blast in Pravelto district"),
        ("SOM2", "Somalia", "Ushkaret", "2.50", "45.50", "A blast in Ushkaret"),
    ]  # fmt: skip
    acled = tmp_path / "acled.csv"
    with acled.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["event_id_cnty", "country", "location", "latitude", "longitude", "notes"])
        out.writerows(gold)
    failures = tmp_path / "failures"
    failures.mkdir()
    with (failures / "location.jsonl").open("w", encoding="utf-8") as f:
        for event_id, country, *_, note in gold:
            f.write(json.dumps({"article": event_id, "country": country, "note": note}) + "\n")
    source = tmp_path / "villages.tsv"
    source.write_text(
        "Qorvantibe\t-1.31\t36.81\n"  # within 25 km of the gold point
        "Zelmuratok\t-1.00\t37.01\n"  # near, but the note does not name it
        "Pravelto\t2.04\t45.34\n"  # the district of ACLED's "City-District"
        "Ushkaret\t3.50\t45.50\n"  # 110 km away: not covered
        "a line without coordinates\n",
        encoding="utf-8",
    )
    return acled, failures, source


def test_notes_are_counted_as_missing_named_and_covered(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    acled, failures, source = _write(tmp_path)
    points = bench.read_source(source)
    assert len(points) == 4  # the line without coordinates is skipped
    from kg.geo.gazetteer import default_gazetteer

    tally = bench.coverage(failures, acled, {"villages": points}, default_gazetteer())
    assert tally["all", "failing"] == 5
    assert tally["all", "missing"] == 4  # Nairobi has a point in kg's gazetteer
    assert tally["all", "named"] == 3  # KEN2's note does not name Zelmuratok
    assert tally["all", "villages"] == 3  # Ushkaret's point is too far
    assert tally["all", "villages named"] == 2
    assert tally["Kenya", "missing"] == 2 and tally["other countries", "missing"] == 2
    halves = tally["study half", "failing"] + tally["confirmation half", "failing"]
    assert halves == 5
    assert bench.main(["--failures", str(failures), "--acled", str(acled),
                       "--source", str(source)]) == 0  # fmt: skip
    row = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("| all "))
    assert row == "| all | 5 | 4 | 3 | 3 (2) |"


def test_city_district_locations_are_also_looked_up_by_the_district(bench: ModuleType) -> None:
    assert bench.spellings("Mogadishu-Pravelto") == ["Mogadishu-Pravelto", "Pravelto"]
    assert bench.spellings("Beirut - Port") == ["Beirut - Port", "Port"]
    assert bench.spellings("Qorvantibe") == ["Qorvantibe"]
    assert bench.named("Mogadishu-Pravelto", "in the Pravelto district")
    assert not bench.named("Port", "in the Portland area")
