"""``kg quarantine list|show|retry|drop``: in-process on hand-made entries, and once end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import kg.pipeline
from kg.ingest_report import IngestReport
from kg.model import Article
from kg.pipeline import IngestOptions
from kg.quarantine import Quarantine
from tests.cli.invoke import run
from tests.conftest import SEED_ARTICLE
from tests.store.sample import run_kg

BAD = Article(id="bad/one", text="Gunmen attacked a market in Kano.\n" * 40, origin="in/bad.txt")
OTHER = Article(id="other", text="Police arrested 12 protesters.", origin="in.jsonl:7")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    with Quarantine(path / "quarantine").writing() as q:
        q.put(BAD, "validate", "does not conform to the shapes (2 violations)", "<a> <b> <c> .",
              "Validation report\nschema:headline | needs a headline\n")  # fmt: skip
        q.put(OTHER, "timeout", "took more than\nthe 120-second limit per article")
    return path


def test_list_is_a_table_of_id_stage_reason_origin(store: Path) -> None:
    done = run("quarantine", "list", "--store", str(store))
    assert done.code == 0
    header, *rows = done.stdout.splitlines()
    assert header.split() == ["ID", "STAGE", "REASON", "ORIGIN"]
    assert len(rows) == 2
    assert any(r.startswith("bad/one") and r.endswith("in/bad.txt") for r in rows)
    assert any("timeout" in r and "more than the 120-second" in r for r in rows)  # one line
    assert "2 quarantined" in done.stderr


def test_list_as_json_has_every_field(store: Path) -> None:
    done = run("quarantine", "list", "--format", "json", "--store", str(store))
    rows = {r["id"]: r for r in json.loads(done.stdout)}
    assert set(rows) == {"bad/one", "other"}
    assert rows["other"]["reason"] == "took more than\nthe 120-second limit per article"
    assert rows["bad/one"]["stage"] == "validate" and Path(rows["bad/one"]["folder"]).is_dir()


def test_show_prints_the_entry_the_report_and_the_start_of_the_article(store: Path) -> None:
    done = run("quarantine", "show", "bad/one", "--store", str(store))
    assert done.code == 0
    assert "stage:  validate" in done.stdout and "origin: in/bad.txt" in done.stdout
    assert "needs a headline" in done.stdout
    assert "Gunmen attacked a market in Kano." in done.stdout and "[...]" in done.stdout
    assert len(done.stdout) < len(BAD.text)


def test_drop_removes_named_entries_or_all(store: Path) -> None:
    assert run("quarantine", "drop", "other", "--store", str(store)).code == 0
    assert [e.article_id for e in Quarantine(store / "quarantine").entries()] == ["bad/one"]
    done = run("quarantine", "drop", "--all", "--store", str(store))
    assert done.code == 0 and "Dropped 1" in done.stderr
    assert list(Quarantine(store / "quarantine").entries()) == []
    empty = run("quarantine", "list", "--store", str(store))
    assert empty.code == 0 and empty.stdout == "" and "empty" in empty.stderr


@pytest.mark.parametrize("command", ["show", "drop", "retry"])
def test_an_unknown_id_is_an_error_naming_the_list_command(store: Path, command: str) -> None:
    done = run("quarantine", command, "nope", "--store", str(store))
    assert done.code == 1
    assert "'nope'" in done.stderr and "`kg quarantine list`" in done.stderr
    assert len(list(Quarantine(store / "quarantine").entries())) == 2


def test_ids_or_all_but_not_both_nor_neither(store: Path) -> None:
    for command in ("drop", "retry"):
        assert run("quarantine", command, "--store", str(store)).code == 2
        assert run("quarantine", command, "other", "--all", "--store", str(store)).code == 2


def test_a_missing_store_says_to_ingest_first(tmp_path: Path) -> None:
    done = run("quarantine", "list", "--store", str(tmp_path / "none"))
    assert done.code == 1 and "kg ingest" in done.stderr


def test_retry_all_on_an_empty_quarantine_does_nothing(tmp_path: Path) -> None:
    (tmp_path / "store").mkdir()
    done = run("quarantine", "retry", "--all", "--store", str(tmp_path / "store"))
    assert done.code == 0 and "nothing to retry" in done.stderr


def test_retry_takes_workers_or_a_scheduler_as_ingest_does(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[list[str] | None, IngestOptions]] = []

    def fake_retry(
        store_path: Path | str, ids: list[str] | None, options: IngestOptions, progress: object
    ) -> IngestReport:
        seen.append((ids, options))
        return IngestReport(read=1, loaded=1)

    monkeypatch.setattr(kg.pipeline, "retry", fake_retry)
    assert run("quarantine", "retry", "other", "--store", str(store), "--workers", "2").code == 0
    address = "tcp://127.0.0.1:8786"
    assert (
        run("quarantine", "retry", "--all", "--store", str(store), "--scheduler", address).code == 0
    )
    assert [(ids, o.workers, o.scheduler) for ids, o in seen] == [
        (["other"], 2, None), (None, 1, address)
    ]  # fmt: skip
    both = run("quarantine", "retry", "--all", "--store", str(store), "--workers", "2",
               "--scheduler", address)  # fmt: skip
    assert both.code == 2 and "--workers and --scheduler exclude each other" in both.stderr
    assert len(seen) == 2


def test_every_subcommand_has_help_with_an_example() -> None:
    for command in ("list", "show", "retry", "drop"):
        done = run("quarantine", command, "--help")
        assert done.code == 0 and "Example" in done.stdout and "seeds/" in done.stdout, command


@pytest.mark.model
def test_ingest_then_retry_once_the_shapes_are_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "<urn:x:headline> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;\n"
        '  sh:property [ sh:path schema:headline ; sh:minCount 1 ; sh:message "headline" ] .\n'
    )
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(SEED_ARTICLE, source)
    store = str(tmp_path / "store")
    monkeypatch.setenv("KG_SHAPES_DIR", str(shapes))
    done = run_kg("ingest", str(source), "--store", store, "--strict")
    assert done.returncode == 3, done.stderr
    assert "quarantined: 1 validate" in done.stderr and "kg quarantine list" in done.stderr
    listed = run_kg("quarantine", "list", "--format", "json", "--store", store)
    assert [r["id"] for r in json.loads(listed.stdout)] == [SEED_ARTICLE.stem]
    monkeypatch.delenv("KG_SHAPES_DIR")  # the shapes are fixed
    done = run_kg("quarantine", "retry", SEED_ARTICLE.stem, "--store", store, "--strict")
    assert done.returncode == 0, done.stderr
    assert "1 read, 1 loaded, 0 quarantined" in done.stderr
    assert run_kg("quarantine", "list", "--format", "json", "--store", store).stdout == "[]\n"
