"""``kg validate``: files of every syntax, stdin, the store, exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.cli.validate import validate
from kg.model import Actor, ActorType, Article, Counts, Event, Extraction, Span
from kg.rdf import iris
from kg.rdf.mapping import to_graph
from kg.rdf.namespaces import KG
from tests.cli.invoke import run

TEXT = 'Forces of A <b> "c" \\ d {e} shelled the town, killing 3 people.'


def extraction(article_id: str = "cli-1") -> Extraction:
    def span(needle: str) -> Span:
        start = TEXT.index(needle)
        return Span(start, start + len(needle), needle)

    name = 'A <b> "c" \\ d {e}'
    actor = Actor("abcde", name, ActorType.STATE_FORCES, (span(name),))
    event = Event(
        "shelling-artillery-missile-attack",
        trigger=span("shelled"),
        sentence=span(TEXT),
        agents=("abcde",),
        counts=Counts(fatalities=3),
        confidence=0.7,
    )
    return Extraction(Article(article_id, TEXT), (span(TEXT),), (actor,), (), (event,))


def good_graph(article_id: str = "cli-1") -> Graph:
    return to_graph(extraction(article_id))


def bad_graph(article_id: str = "cli-2") -> Graph:
    graph = good_graph(article_id)
    event = iris.event(article_id, Span(TEXT.index("shelled"), TEXT.index("shelled") + 7, ""))
    graph.set((event, KG.fatalities, Literal(-3)))
    return graph


@pytest.fixture
def good_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "good.ttl"
    good_graph().serialize(path, format="turtle", encoding="utf-8")
    return path


@pytest.fixture
def bad_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "bad.ttl"
    bad_graph().serialize(path, format="turtle", encoding="utf-8")
    return path


def test_conforming_file(good_ttl: Path) -> None:
    out = run("validate", str(good_ttl))

    assert out.code == 0
    assert out.stdout == ""
    assert out.stderr == "checked 1 graph: all conform\n"


def test_nonconforming_file_exits_3_with_one_line_per_violation(bad_ttl: Path) -> None:
    out = run("validate", str(bad_ttl))

    assert out.code == 3
    assert out.stdout.splitlines() == [
        f"{bad_ttl}: 1 violation",
        '  event:cli-2.28-35 | kg:fatalities | "-3"^^xsd:integer | An event has at most one'
        " kg:fatalities, a non-negative xsd:integer.",
    ]
    assert out.stderr == (
        "Error: 1 of 1 graph checked does not conform to the shapes "
        "(1 violation, listed on stdout)\n"
    )


# rdflib 7.6's quad serialisers call rdflib's own deprecated Dataset APIs
@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")
def test_several_files_and_named_graphs(good_ttl: Path, tmp_path: Path) -> None:
    dataset = Dataset()
    for graph in (good_graph("cli-3"), bad_graph("cli-4")):
        part = dataset.graph(URIRef(f"urn:x:{len(list(dataset.graphs()))}"))
        for triple in graph:
            part.add(triple)
    quads = tmp_path / "two.nq"
    dataset.serialize(quads, format="nquads", encoding="utf-8")

    out = run("validate", str(good_ttl), str(quads))

    assert out.code == 3
    assert out.stdout.splitlines()[0] == f"{quads} <urn:x:2>: 1 violation"
    assert "1 of 3 graphs checked does not conform" in out.stderr


@pytest.mark.parametrize("fmt,suffix", [("nt", ".nt"), ("json-ld", ".jsonld"), ("xml", ".rdf")])
def test_other_syntaxes_by_extension(fmt: str, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"bad{suffix}"
    bad_graph().serialize(path, format=fmt, encoding="utf-8")

    out = run("validate", str(path))

    assert out.code == 3
    assert "kg:fatalities" in out.stdout


def test_file_that_does_not_parse(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text('<urn:x:a> <urn:x:b> "open\n', encoding="utf-8")

    out = run("validate", str(path))

    assert out.code == 1
    assert out.stderr == f"Error: {path}:1:21 is not valid RDF: Unexpected end of file\n"


# Files rdflib's Turtle parser accepted although the W3C Turtle tests say they are not RDF
# (turtle-syntax-bad-uri-01, -struct-04, -esc-02, -ln-dash-start, -kw-04): rejected, one line
NOT_RDF = {
    "iri-with-space": ("<urn:x:a> <urn:x:b> <http://example.org/a b> .\n", "1:21"),
    "literal-subject": ('"hello" <urn:x:b> <urn:x:c> .\n', "1:1"),
    "bad-unicode-escape": ('<urn:x:a> <urn:x:b> "\\uWXYZ" .\n', "1:24"),
    "local-name-dash-start": ("@prefix : <urn:x:> .\n:s :p :-o .\n", "2:8"),
    "keyword-subject": ("@prefix : <urn:x:> .\ntrue :p :o .\n", "2:1"),
}


@pytest.mark.parametrize("name", sorted(NOT_RDF))
@pytest.mark.parametrize("suffix", [".ttl", ".trig"])
def test_not_rdf_is_rejected_at_its_line_and_column(name: str, suffix: str, tmp_path: Path) -> None:
    text, where = NOT_RDF[name]
    path = tmp_path / f"{name}{suffix}"
    path.write_text(text, encoding="utf-8")

    out = run("validate", str(path))

    assert out.code == 1, out.stdout
    assert out.stderr.startswith(f"Error: {path}:{where}"), out.stderr
    assert " is not valid RDF: " in out.stderr
    assert out.stderr.count("\n") == 1


def test_unknown_extension_needs_format(good_ttl: Path) -> None:
    data = good_ttl.with_suffix(".data")
    good_ttl.rename(data)

    assert run("validate", str(data)).code == 1
    assert "pass --format" in run("validate", str(data)).stderr
    assert run("validate", "--format", "turtle", str(data)).code == 0


def test_stdin(good_ttl: Path, bad_ttl: Path) -> None:
    assert run("validate", "-", stdin=good_ttl.read_text(encoding="utf-8")).code == 0

    out = run("validate", "-", stdin=bad_ttl.read_text(encoding="utf-8"))

    assert out.code == 3
    assert out.stdout.startswith("<stdin>: 1 violation\n")


def test_shapes_folder_option(good_ttl: Path, tmp_path: Path) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    (shapes / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "[] a sh:NodeShape ; sh:targetClass <http://semanticweb.cs.vu.nl/2009/11/sem/Event> ;\n"
        "   sh:property [ sh:path <https://w3id.org/kg/ontology#injuries> ; sh:minCount 1 ] .\n",
        encoding="utf-8",
    )

    assert run("validate", str(good_ttl)).code == 0
    assert run("validate", "--shapes", str(shapes), str(good_ttl)).code == 3


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    assert run("validate", str(tmp_path / "nothere.ttl")).code == 2


def test_help_ends_with_an_example_on_seeds() -> None:
    example = "kg ingest seeds/ && kg export -o seeds.ttl && kg validate seeds.ttl"
    assert validate.help is not None
    assert validate.help.rstrip().splitlines()[-1].strip() == example

    out = run("validate", "--help")

    assert out.code == 0
    assert f" {example}\n" in out.stdout  # \b keeps it on one line


# --- the store ------------------------------------------------------------------------------


def test_store_graphs_one_by_one(tmp_path: Path) -> None:
    store_module = pytest.importorskip("kg.store", reason="kg.store is not in this checkout")
    location = tmp_path / "store"
    with store_module.open_store(location) as store:
        store_module.load_ontology(store)  # the ontology graph is not an article: skipped
        store.replace_graph(str(iris.graph("cli-1")), good_graph("cli-1"))

    out = run("validate", "--store", str(location))

    assert out.code == 0, out.stdout + out.stderr
    assert out.stderr == "checked 1 graph: all conform\n"

    with store_module.open_store(location) as store:
        store.replace_graph(str(iris.graph("cli-2")), bad_graph("cli-2"))

    out = run("validate", "--store", str(location))

    assert out.code == 3
    assert out.stdout.splitlines()[0] == (
        f"{location} <https://w3id.org/kg/graph/cli-2>: 1 violation"
    )
    assert "1 of 2 graphs checked does not conform" in out.stderr


def test_missing_store(tmp_path: Path) -> None:
    pytest.importorskip("kg.store", reason="kg.store is not in this checkout")

    out = run("validate", "--store", str(tmp_path / "none"))

    assert out.code == 1
    assert out.stderr.startswith(f"Error: no store at {tmp_path / 'none'}")


# --- the real entry point -------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,code",
    [("good.ttl", 0), ("bad.ttl", 3), ("broken.ttl", 1), ("ill-typed.ttl", 3)],
)
def test_entry_point_exit_codes(
    name: str, code: int, good_ttl: Path, bad_ttl: Path, tmp_path: Path
) -> None:
    (tmp_path / "broken.ttl").write_text("<urn:x:a> <urn:x:b> .\n", encoding="utf-8")
    # rdflib logs a traceback when it parses this literal; the user sees one violation line
    ill_typed = good_ttl.read_text(encoding="utf-8").replace(
        "kg:fatalities 3", 'kg:fatalities "many"^^xsd:integer'
    )
    assert "many" in ill_typed
    (tmp_path / "ill-typed.ttl").write_text(ill_typed, encoding="utf-8")

    done = subprocess.run(
        [sys.executable, "-m", "kg", "validate", str(tmp_path / name)],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == code, done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr  # one line, never a traceback
    if code:
        assert done.stderr.startswith("Error: ")


def test_byte_order_mark_is_skipped(good_ttl: Path) -> None:
    good_ttl.write_bytes(b"\xef\xbb\xbf" + good_ttl.read_bytes())

    out = run("validate", str(good_ttl))

    assert out.code == 0, out.stderr
    assert out.stderr == "checked 1 graph: all conform\n"


@pytest.mark.parametrize(
    "data,where",
    [
        (b'<urn:x:a> <urn:x:b> "\xff\xfe" .\n', "1:22"),  # invalid UTF-8 in a literal
        (b"\x89PNG\r\n\x1a\n\x00\x00", "1:1"),  # a binary file
    ],
)
def test_bytes_that_are_not_utf8_are_rejected(data: bytes, where: str, tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_bytes(data)

    out = run("validate", str(path))

    assert out.code == 1
    assert out.stderr.startswith(f"Error: {path}:{where} is not valid RDF: ")
    assert out.stderr.count("\n") == 1


def test_an_empty_file_conforms_with_a_warning(good_ttl: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    empty.write_text("@prefix ex: <http://example.org/> .\n", encoding="utf-8")
    out = run("validate", str(empty), str(good_ttl))
    assert out.code == 0
    assert f"warning: {empty} holds no triples; there was nothing to check" in out.stderr
    assert "checked 1 graph: all conform" in out.stderr
    assert "warning" not in run("validate", str(good_ttl)).stderr
