"""``kg ingest`` and the whole tool as users run it: the real entry point, the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from tests.conftest import SEED_ARTICLE, SEEDS, require_rapper
from tests.store.sample import run_kg

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-ingest") / "store"
    done = run_kg("ingest", str(SEEDS), "--store", str(path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # data to stdout, everything else to stderr
    assert "9 read, 9 loaded, 0 quarantined" in done.stderr
    return path


def _triples(store: Path) -> int:
    done = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "--format", "csv", "--store", str(store))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(done.stdout.splitlines()[1])


def test_ingesting_twice_leaves_the_triple_count_unchanged(store: Path) -> None:
    before = _triples(store)
    done = run_kg("ingest", str(SEEDS), "--store", str(store), "--quiet")
    assert done.returncode == 0 and done.stderr == ""
    assert _triples(store) == before > 3000


def test_export_parses_in_rapper_and_conforms_to_the_shapes(store: Path, tmp_path: Path) -> None:
    rapper = require_rapper()
    out = tmp_path / "all.ttl"
    done = run_kg("export", "-o", str(out), "--store", str(store))
    assert done.returncode == 0, done.stderr
    parsed = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(out)], capture_output=True, text=True
    )
    assert parsed.returncode == 0, parsed.stderr
    assert "returned" in parsed.stderr and "triples" in parsed.stderr
    valid = run_kg("validate", str(out))
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_export_of_the_seed_holds_the_taxonomy_concepts_it_uses(store: Path) -> None:
    done = run_kg("export", "--article", SEED_ARTICLE.stem, "--store", str(store))
    assert done.returncode == 0, done.stderr
    g = Graph().parse(data=done.stdout, format="turtle")
    labels = {str(o) for o in g.objects(None, None) if getattr(o, "language", None) == "en"}
    assert {"Government regains territory", "Battles", "State forces"} <= labels


def test_export_nquads_keeps_one_graph_per_article(store: Path) -> None:
    done = run_kg("export", "--format", "nq", "--store", str(store))
    assert done.returncode == 0, done.stderr
    quads = pyoxigraph.parse(done.stdout.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    names = {
        str(q.graph_name.value) for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)
    }
    assert sum(n.startswith("https://w3id.org/kg/graph/0") for n in names) == 9


def test_seed_facts_through_sparql(store: Path) -> None:
    query = """
    SELECT DISTINCT ?type WHERE {
      ?e a sem:Event ; sem:eventType/skos:prefLabel ?type ;
         kg:agent/rdfs:label "Military Forces of Syria" ; sem:hasPlace/rdfs:label "Halfaya" .
    }"""
    done = run_kg("query", query, "--format", "json", "--store", str(store))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert [r["type"]["value"] for r in rows] == ["Government regains territory"]
    un = """
    SELECT DISTINCT ?n WHERE { ?e kg:refugees ?n ; kg:reportedBy/rdfs:label "United Nations" }"""
    done = run_kg("query", un, "--format", "csv", "--store", str(store))
    assert done.stdout.splitlines()[1:] == ["3000000"]


def test_stdin_jsonl_with_published_date_resolves_relative_dates(tmp_path: Path) -> None:
    article = {"id": "seed-dated", "text": SEED_ARTICLE.read_text(), "published": "2014-09-28"}
    line = json.dumps(article)
    store = tmp_path / "store"
    done = run_kg("ingest", "-", "--store", str(store), stdin=line + "\n")
    assert done.returncode == 0, done.stderr
    query = 'SELECT ?d WHERE { ?e kg:trigger/nif:anchorOf "taking control" ; sem:hasTimeStamp ?d }'
    done = run_kg("query", query, "--format", "csv", "--store", str(store))
    assert done.stdout.splitlines()[1:] == ["2014-09-26"]


def test_unreadable_input_exit_1_with_its_reason(tmp_path: Path) -> None:
    done = run_kg("ingest", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"))
    assert done.returncode == 1
    assert "nope.txt" in done.stderr and "Traceback" not in done.stderr


def test_unreadable_inputs_are_counted_by_kind_and_exit_0_unless_strict(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "ok.txt").write_text("Militants shelled the town of Halfaya in Hama.\n")
    (source / "bin.txt").write_bytes(b"x\x00y")
    (source / "latin1.txt").write_bytes(b"caf\xe9")
    (source / "more.jsonl").write_text('{"id": "ok", "text": "Again."}\n{broken\n')
    store = str(tmp_path / "s")
    done = run_kg("ingest", str(source), "--store", store)
    assert done.returncode == 0, done.stderr
    assert "1 read, 1 loaded, 0 quarantined, 4 unreadable inputs" in done.stderr
    assert "unreadable: 1 bad JSON, 1 binary, 1 duplicate id, 1 not UTF-8\n" in done.stderr
    assert f"    {source / 'latin1.txt'}: is not UTF-8" in done.stderr
    strict = run_kg("ingest", str(source), "--store", store, "--strict", "--quiet")
    assert strict.returncode == 1 and strict.stderr == ""


def test_the_summary_lists_the_first_20_unless_verbose(tmp_path: Path) -> None:
    from kg.cli.ingest import summary
    from kg.ingest_report import IngestReport
    from kg.quarantine import Entry
    from kg.sources import Problem

    report = IngestReport(read=30)
    for n in range(25):
        report.add_problem(Problem(f"in.jsonl:{n + 1}", "is not valid JSON", "bad-json"))
    report.add_problem(Problem("x.txt", "looks binary", "binary"))
    for n in range(3):
        report.add_quarantined(Entry(f"a{n}", "o", "timeout" if n else "validate", "r", tmp_path))
    text = summary(report, tmp_path)
    assert "  unreadable: 25 bad JSON, 1 binary\n" in text
    assert "    in.jsonl:20: is not valid JSON\n    ... and 6 more inputs (--verbose" in text
    assert "in.jsonl:21" not in text
    assert "  quarantined: 2 timeout, 1 validate\n" in text and "    a2 (timeout): r;" in text
    verbose = summary(report, tmp_path, limit=None)
    assert "in.jsonl:25" in verbose and "x.txt: looks binary" in verbose and "..." not in verbose
    assert f"`kg quarantine list --store {tmp_path}` lists them" in text
    elsewhere = summary(report, "http://h:7878", quarantine=tmp_path / "q")
    assert f"`kg quarantine list --store http://h:7878 --quarantine {tmp_path / 'q'}`" in elsewhere


def test_unknown_model_is_one_line_error_exit_1(tmp_path: Path) -> None:
    done = run_kg("ingest", str(SEED_ARTICLE), "--model", "xx_no_such_model",
                  "--store", str(tmp_path / "s"))  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("Error: no spaCy model could be loaded")
    assert "--model" in done.stderr and "Traceback" not in done.stderr


def test_bad_usage_exit_2(tmp_path: Path) -> None:
    assert run_kg("ingest").returncode == 2
    assert run_kg("ingest", "x", "--batch-size", "0").returncode == 2
    assert run_kg("ingest", "x", "--max-seconds", "-1").returncode == 2
    assert run_kg("no-such-command").returncode == 2


def test_every_command_has_help_with_an_example() -> None:
    from kg.cli import COMMANDS

    for name in COMMANDS:
        done = run_kg(name, "--help")
        assert done.returncode == 0, name
        assert "Example" in done.stdout and "seeds/" in done.stdout, name


def test_help_does_not_import_spacy() -> None:
    code = "import sys; from kg.cli import cli; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
