"""``kg query`` as users run it: the real entry point in a child process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.store.embedded import EmbeddedStore
from tests.store.sample import build_store, run_kg, write_taxonomy


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli-query")
    return str(build_store(root / "store", taxonomy=write_taxonomy(root / "ontology")))


def test_named_timeline_table_on_stdout_count_on_stderr(store: str) -> None:
    done = run_kg("query", "--named", "timeline", "--store", store)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split()[:3] == ["date", "article", "eventType"]
    assert len(lines) == 2 + 4
    assert done.stderr == "4 rows\n"


def test_table_limit_says_how_many_rows_and_how_to_see_them(store: str) -> None:
    done = run_kg("query", "--named", "timeline", "--store", store, "--limit", "3")
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2 + 3
    assert done.stderr == (
        "4 rows; the table shows the first 3 (--all or --limit N for more; "
        "--format csv or json for a file)\n"
    )
    done = run_kg("query", "--named", "timeline", "--store", store, "--all")
    assert (len(done.stdout.splitlines()), done.stderr) == (2 + 4, "4 rows\n")
    for args in (["--format", "csv", "--limit", "3"], ["--all", "--limit", "3"]):
        done = run_kg("query", "--named", "timeline", "--store", store, *args)
        assert done.returncode == 2 and done.stdout == ""
        assert "--limit" in done.stderr


def test_store_from_the_environment(store: str) -> None:
    env = {**os.environ, "KG_STORE": store}
    done = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--named", "event-count"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2].split() == ["4", "3", "3"]


def test_list(store: str) -> None:
    done = run_kg("query", "--list")
    assert done.returncode == 0
    for name in ("articles", "event-count", "events-at-place", "actors-by-event-type",
                 "timeline", "article-events"):  # fmt: skip
        assert f"\n{name}: " in "\n" + done.stdout
    assert "--param place=VALUE" in done.stdout
    assert "--param article=VALUE" in done.stdout
    assert "--param from=VALUE (optional)" in done.stdout  # actor-events
    assert "kg query --named actor-events --param actor=...\n" in done.stdout


def test_param_and_csv(store: str) -> None:
    done = run_kg("query", "-n", "events-at-place", "-p", "place=HAMA", "--format", "csv",
                  "--store", store)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "place,date,eventType,where,actors,article,event"
    assert len(lines) == 3
    assert done.stderr == ""


def test_json_is_w3c_results(store: str) -> None:
    done = run_kg("query", "-n", "article-events", "-p", "article=a1", "--format", "json",
                  "--store", store)  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [b["trigger"]["value"] for b in results["results"]["bindings"]] == ["shelled", "clashed"]


def test_query_from_stdin_and_from_a_file(store: str, tmp_path: Path) -> None:
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?e a sem:Event }"
    done = run_kg("query", "-", "--store", store, "--format", "tsv", stdin=text)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "4"  # TSV writes integers bare, as Turtle does
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    done = run_kg("query", "-f", str(tmp_path / "q.rq"), "--store", store, "--format", "tsv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "4"  # TSV writes integers bare, as Turtle does


def test_ad_hoc_query_with_param(store: str) -> None:
    done = run_kg("query", "SELECT ?p ?l WHERE { ?x rdfs:label ?l ; a ?p }", "--store", store,
                  "-p", "l=Hama", "--format", "csv")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == ["http://semanticweb.cs.vu.nl/2009/11/sem/Place,Hama"]


def test_construct_defaults_to_turtle(store: str) -> None:
    done = run_kg("query", "CONSTRUCT WHERE { ?p a sem:Place }", "--store", store)
    assert done.returncode == 0, done.stderr
    assert len(Graph().parse(data=done.stdout, format="turtle")) == 3


def test_missing_store_says_to_ingest_and_creates_nothing(tmp_path: Path) -> None:
    done = run_kg("query", "--named", "timeline", "--store", str(tmp_path / "none"))
    assert done.returncode == 1
    assert done.stderr.startswith("Error: no store at ")
    assert "run `kg ingest` first" in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "none").exists()


def test_store_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    done = run_kg("query", "--named", "timeline", "--store", str(tmp_path / "f"))
    assert done.returncode == 1  # a fixable problem, said in one line
    assert done.stderr.startswith("Error: ") and "is a file" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SELECT ?x WHERE {"], "Error: SPARQL syntax error: error at 1:"),
        (["INSERT DATA { <a:b> <a:c> <a:d> }"], "updates are not supported"),
        (["--named", "nope"], "Error: no named query 'nope'"),
        (["--named", "events-at-place"], "needs --param place=VALUE"),
        (["--named", "timeline", "-p", "x=1"], "has no parameter 'x'"),
        (
            ["CONSTRUCT WHERE { ?s ?p ?o }", "--format", "table"],
            "use --format turtle, nt, rdfxml or jsonld",
        ),
        (["SELECT ?s WHERE { ?s ?p ?o }", "-p", "x=1"], "cannot bind parameters"),
    ],
)
def test_user_errors_exit_1_with_one_line(store: str, args: list[str], message: str) -> None:
    done = run_kg("query", *args, "--store", store)
    assert done.returncode == 1, done.stderr
    assert message in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert done.stdout == ""


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["SELECT * {}", "--named", "timeline"],
        ["--named", "timeline", "-p", "novalue"],
        ["--named", "timeline", "-p", "a=1", "-p", "a=2"],
        ["--named", "timeline", "--format", "yaml"],
    ],
)
def test_bad_usage_exits_2(store: str, args: list[str]) -> None:
    done = run_kg("query", *args, "--store", store)
    assert done.returncode == 2, done.stderr


def test_query_while_another_process_writes(store: str, tmp_path: Path) -> None:
    path = build_store(tmp_path / "busy")
    s = URIRef("https://example.org/s")
    with EmbeddedStore(path) as writer:
        writer.replace_graph("https://example.org/g", [(s, s, Literal("late"))])
        done = run_kg("query", "--named", "event-count", "--store", str(path))
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[2].split() == ["4", "3", "3"]
        assert "another kg process is writing" in done.stderr


def test_query_does_not_import_spacy(store: str) -> None:
    done = run_kg("query", "--named", "timeline", "--store", store, "--format", "json")
    assert done.returncode == 0
    done = run_kg_importtime("query", "--named", "timeline", "--store", store)
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "kg.query" in imported  # the probe sees our modules...
    assert not {m for m in imported if m.split(".")[0] in ("spacy", "thinc", "pyshacl")}


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_answers_without_importing_rdflib(store: str, fmt: str) -> None:
    """Importing rdflib costs ~0.1 s, and these answers are written from pyoxigraph's terms."""
    done = run_kg_importtime("query", "--named", "timeline", "--store", store, "--format", fmt)
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "kg.store.answers" in imported  # the probe sees our modules...
    assert not {m for m in imported if m.split(".")[0] == "rdflib"}


def test_query_with_parameters_does_not_import_rdflib(store: str) -> None:
    for param in ("place=Hama", "place=<https://w3id.org/kg/place/hama>"):
        done = run_kg_importtime(
            "query", "--named", "events-at-place", "--param", param, "--store", store
        )
        assert done.returncode == 0, done.stderr
        imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
        assert "kg.store.sparqltext" in imported  # the probe sees the binding's module...
        assert not {m for m in imported if m.split(".")[0] == "rdflib"}


def run_kg_importtime(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kg", *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_help_ends_with_an_example_on_seeds() -> None:
    done = run_kg("query", "--help")
    assert done.returncode == 0
    assert "kg ingest seeds/ && kg query --named timeline" in done.stdout
