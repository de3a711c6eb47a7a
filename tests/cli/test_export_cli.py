"""``kg export`` as users run it: the real entry point in a child process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from tests.conftest import require_rapper
from tests.store.sample import build_store, parse_dataset, run_kg, write_taxonomy

RDFLIB = {"turtle": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli-export")
    return str(build_store(root / "store", taxonomy=write_taxonomy(root / "ontology")))


def test_default_is_turtle_on_stdout(store: str) -> None:
    done = run_kg("export", "--store", store)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(Graph().parse(data=done.stdout, format="turtle")) > 0


@pytest.mark.parametrize("fmt", sorted(RDFLIB))
@pytest.mark.parametrize("article", [None, "a1"])
def test_every_format_parses_back(store: str, fmt: str, article: str | None) -> None:
    args = ["--article", article] if article else []
    done = run_kg("export", "--store", store, "--format", fmt, *args)
    assert done.returncode == 0, done.stderr
    ds = parse_dataset(done.stdout.encode("utf-8"), RDFLIB[fmt])
    assert len(list(ds.quads((None, None, None, None)))) > 0


def test_output_file_is_written_whole(store: str, tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old content")
    done = run_kg("export", "--store", store, "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr == f"Wrote {target} (turtle)\n"
    assert len(Graph().parse(target, format="turtle")) > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]  # no temporary left
    assert target.stat().st_mode & 0o044  # not the 0600 of a temporary file


@pytest.mark.parametrize(("suffix", "fmt"), [(".nq", "nq"), (".trig", "trig"), (".nt", "nt")])
def test_format_follows_the_output_extension(
    store: str, tmp_path: Path, suffix: str, fmt: str
) -> None:
    target = tmp_path / f"graph{suffix}"
    done = run_kg("export", "--store", store, "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"Wrote {target} ({fmt})\n"
    ds = parse_dataset(target.read_bytes(), RDFLIB[fmt])
    assert len(list(ds.quads((None, None, None, None)))) > 0


def test_store_turtle_file_passes_rapper(store: str, tmp_path: Path) -> None:
    rapper = require_rapper()
    target = tmp_path / "all.ttl"
    assert run_kg("export", "--store", store, "-o", str(target)).returncode == 0
    done = subprocess.run([rapper, "-i", "turtle", "-c", str(target)], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_unknown_article_exit_1_with_the_way_to_list(store: str, tmp_path: Path) -> None:
    target = tmp_path / "a.ttl"
    done = run_kg("export", "--store", store, "--article", "zz", "-o", str(target))
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: no article 'zz' in the store at {store}; "
        "list the articles with `kg query --named articles`\n"
    )
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_missing_store_says_to_ingest_and_creates_nothing(tmp_path: Path) -> None:
    done = run_kg("export", "--store", str(tmp_path / "none"))
    assert done.returncode == 1
    assert "run `kg ingest` first" in done.stderr
    assert not (tmp_path / "none").exists()


def test_unwritable_output_exit_1(store: str, tmp_path: Path) -> None:
    done = run_kg("export", "--store", store, "-o", str(tmp_path / "no" / "such" / "dir.ttl"))
    assert done.returncode == 1
    assert "No such file or directory" in done.stderr


def test_bad_format_is_usage_error(store: str) -> None:
    assert run_kg("export", "--store", store, "--format", "rdfxml").returncode == 2


def test_export_does_not_import_spacy(store: str) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kg", "export", "--store", store, "--article",
         "a1"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "kg.export" in imported
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "thinc", "pyshacl")}


def test_help_ends_with_an_example_on_seeds() -> None:
    done = run_kg("export", "--help")
    assert done.returncode == 0
    assert "kg ingest seeds/ && kg export -o graph.ttl" in done.stdout
