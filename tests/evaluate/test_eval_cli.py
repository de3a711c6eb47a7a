"""``kg eval`` as users run it: the real entry point and the real spaCy model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.evaluate.fakes import acled_row, write_acled
from tests.evaluate.test_eval_re3d import write_re3d
from tests.store.sample import run_kg

pytestmark = pytest.mark.model

SHARED_EVAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval"
ACLED_DEV = SHARED_EVAL / "acled" / "dev" / "acled_dev.csv"
CASE_DIR = SHARED_EVAL / "case2021-task2"
RE3D_DIR = SHARED_EVAL / "re3d"

# Made-up notes in ACLED's style (no ACLED row is copied).
NOTES = [
    dict(
        event_id_cnty="TST1",
        event_date="2021-03-03",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        inter1="1",
        inter2="7",
        location="Kafr Zeta",
        notes="On 3 March 2021, military forces shelled the town of Kafr Zeta, killing 2 "
        "civilians.",
        fatalities="2",
    ),
    dict(
        event_id_cnty="TST2",
        event_date="2021-03-04",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        inter1="6",
        inter2="0",
        location="Hama",
        notes="On 4 March 2021, hundreds of people protested in Hama against rising prices.",
    ),
    dict(
        event_id_cnty="TST3",
        event_date="2021-03-05",
        location="Aaa",
        notes="Rebels clashed with government troops near Aaa and Bbb.",
    ),
    dict(
        event_id_cnty="TST4",
        event_date="2021-03-05",
        location="Bbb",
        notes="Rebels clashed with government troops near Aaa and Bbb.",
    ),
]


@pytest.fixture(scope="module")
def tiny_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("eval")
    return write_acled(folder / "tiny.csv", [acled_row(**fields) for fields in NOTES])


def test_acled_json_on_a_tiny_synthetic_export(tiny_csv: Path) -> None:
    done = run_kg("eval", "acled", str(tiny_csv), "--json", "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    doc = json.loads(done.stdout)
    assert doc["notes"] == 3 and doc["rows"] == 4  # TST3 and TST4 share a note
    assert doc["failed"] == 0
    names = [f["name"] for f in doc["figures"]]
    assert names[:2] == ["event_type_f1", "sub_event_type_f1"]
    assert doc["date"]["stated"]["total"] == 2  # TST3's note states no date
    assert doc["date"]["unstated"]["notes"] == 1
    # The shelling and the protest are plain; kg must get them (a rule regression fails here).
    per_type = doc["sub_event_type"]["per_type"]
    assert per_type["shelling-artillery-missile-attack"]["tp"] == 1
    assert per_type["peaceful-protest"]["tp"] == 1
    assert doc["location"]["event_places"]["hits"] >= 2


def test_a_note_without_year_takes_it_from_the_rows_timestamp(tmp_path: Path) -> None:
    path = write_acled(
        tmp_path / "yearless.csv",
        [
            acled_row(
                event_id_cnty="TST9",
                event_date="2020-12-30",
                notes="On 30 December, military forces clashed with rebels in Qaryat Zed.",
                timestamp="1609804800",  # 2021-01-05: the year before is the latest 30 December
            )
        ],
    )
    dated = json.loads(run_kg("eval", "acled", str(path), "--json", "-q").stdout)
    assert dated["published"] == "timestamp"
    assert dated["date"]["stated"]["hits"] == 1
    undated = json.loads(run_kg("eval", "acled", str(path), "--json", "-q", "--undated").stdout)
    assert undated["published"] is None
    assert undated["date"]["stated"] == {"hits": 0, "total": 1, "value": 0.0}


def test_acled_text_report(tiny_csv: Path) -> None:
    done = run_kg("eval", "acled", str(tiny_csv), "--policy", "all", "--examples", "2")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "policy all" in out
    for heading in ("event_type F1", "sub_event_type F1", "date exact", "fatalities exact",
                    "actor type F1", "Per sub-event type", "Largest confusions"):  # fmt: skip
        assert heading in out, heading
    assert ">= 0.85" in out and ">= 0.75" in out  # figures beside their targets
    assert "scored 3 notes" in done.stderr  # the summary goes to stderr, not stdout
    assert "scored" not in out


def test_missing_file_is_one_line_exit_1(tmp_path: Path) -> None:
    for args in (("acled", str(tmp_path / "none.csv")), ("case2021", str(tmp_path / "none"))):
        done = run_kg("eval", *args)
        assert done.returncode == 1, done.stderr
        assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1
        assert "does not exist" in done.stderr
    done = run_kg("eval", "re3d", str(tmp_path / "none"))
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert done.stderr.startswith("Error: ") and "not a folder" in done.stderr


def test_a_country_with_no_rows_is_an_input_error(tiny_csv: Path) -> None:
    done = run_kg("eval", "acled", str(tiny_csv), "--country", "Atlantis")
    assert done.returncode == 1
    assert "Atlantis" in done.stderr and "--country" in done.stderr


def test_help_ends_with_an_example() -> None:
    for args in (("eval",), ("eval", "acled"), ("eval", "case2021"), ("eval", "re3d")):
        done = run_kg(*args, "--help")
        assert done.returncode == 0
        last = done.stdout.split("Options:")[0].strip().splitlines()[-1].strip()
        assert last.startswith("kg eval "), (args, last)
        assert "Example" in done.stdout


def _require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"the shared evaluation data is absent ({path.resolve()})")


def test_acled_on_the_shared_dev_set() -> None:
    _require(ACLED_DEV)
    done = run_kg("eval", "acled", str(ACLED_DEV), "--limit", "30", "--json", "-q")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["notes"] == 30 and doc["rows"] >= 30
    assert len(doc["figures"]) == 6
    for figure in doc["figures"]:
        assert figure["value"] is None or 0.0 <= figure["value"] <= 1.0
        assert figure["target"] is not None
    assert len(doc["examples"]) <= 10
    assert all(
        {"article", "note", "gold", "predicted", "errors"} <= set(e) for e in doc["examples"]
    )


def test_case2021_on_the_shared_snippets() -> None:
    _require(CASE_DIR)
    done = run_kg("eval", "case2021", str(CASE_DIR), "--json", "-q")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["snippets"] == 1019
    assert doc["acled_class_snippets"] == 1019 - sum(u["snippets"] for u in doc["unseen"].values())
    assert set(doc["unseen"]) == {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO",
                                  "ATTRIB"}  # fmt: skip
    assert 0.0 <= doc["acled_classes"]["weighted_f1"] <= 1.0
    assert len(doc["acled_classes"]["per_class"]) >= 25


def test_re3d_on_a_made_up_folder(tmp_path: Path) -> None:
    root = write_re3d(tmp_path)
    done = run_kg("eval", "re3d", str(root), "--json", "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    doc = json.loads(done.stdout)
    assert doc["dataset"] == "re3d" and doc["documents"] == 1 and doc["failed"] == 0
    assert [f["name"] for f in doc["figures"]] == ["re3d_entity_f1", "re3d_relation_f1"]
    assert [f["target"] for f in doc["figures"]] == [0.75, 0.5]
    assert doc["entities"]["exact"]["micro"]["support"] == 5
    assert doc["relations"]["actors"]["support"] == 2
    text = run_kg("eval", "re3d", str(root), "--examples", "3")
    assert text.returncode == 0, text.stderr
    for heading in ("people/orgs/locations micro F1", "FightingAgainst+AlliesOf F1",
                    "overlap, same class", "gold between actors, directed"):  # fmt: skip
        assert heading in text.stdout, heading
    assert "scored 1 documents" in text.stderr


def test_re3d_on_the_shared_documents() -> None:
    _require(RE3D_DIR)
    done = run_kg("eval", "re3d", str(RE3D_DIR), "--json", "-q")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["documents"] == 86 and doc["failed"] == 0  # the dev part: 5 of re3d's 7 folders
    assert len(doc["entities"]["by_folder"]) == 5
    # gold counts of ../shared/eval/README.md: the three classes, both relation types
    exact = doc["entities"]["exact"]
    assert exact["micro"]["support"] == sum(
        exact[c]["support"] for c in ("person", "organisation", "location")
    )
    assert doc["relations"]["all_gold"]["support"] > doc["relations"]["actors"]["support"] > 100
    for figure in doc["figures"]:
        assert 0.0 <= figure["value"] <= 1.0 and figure["target"] is not None
