"""``kg.export``: every format parses back and carries the taxonomy concepts it uses."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS

from kg.errors import QueryError
from kg.export import FORMATS, concept_subset, export
from kg.rdf import iris
from kg.rdf.namespaces import ACTOR_TYPE, EVENT_TYPE, ONTOLOGY_GRAPH, PLACE_TYPE
from kg.store import Store, open_store
from tests.conftest import require_rapper
from tests.golden_store import build_golden_store
from tests.store.sample import (
    TAXONOMY_TTL,
    build_store,
    canon,
    graphs,
    parse_dataset,
    write_taxonomy,
)

RDFLIB = {"turtle": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
RDFLIB_OX = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
# the concepts the sample articles use, and the broader one above two of them
USED_A1 = {EVENT_TYPE["shelling"], EVENT_TYPE["armed-clash"], EVENT_TYPE["violence"],
           ACTOR_TYPE["state-forces"], ACTOR_TYPE["civilians"], ACTOR_TYPE["media"],
           ACTOR_TYPE["rebel-group"], PLACE_TYPE["town"]}  # fmt: skip
UNUSED = {EVENT_TYPE["unused"], ACTOR_TYPE["protesters"], PLACE_TYPE["province"]}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    return build_store(root / "store", taxonomy=write_taxonomy(root / "ontology"))


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with open_store(store_path, read_only=True) as s:
        yield s


def run(store: Store, fmt: str, article: str | None = None) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt, article)
    return out.getvalue()


def concepts_in(graph: Graph) -> set[URIRef]:
    return {c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_article_export_parses_back_with_its_concepts(store: Store, fmt: str) -> None:
    ds = parse_dataset(run(store, fmt, "a1"), RDFLIB[fmt])
    merged = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        merged.add((s, p, o))
    assert concepts_in(merged) == USED_A1
    taxonomy = Graph().parse(data=TAXONOMY_TTL, format="turtle")
    article_only = merged - concept_subset(taxonomy, USED_A1)
    assert canon(article_only) == canon(graphs()["a1"])
    assert (EVENT_TYPE["shelling"], SKOS.broader, EVENT_TYPE["violence"]) in merged
    assert (EVENT_TYPE["shelling"], SKOS.notation, None) in merged
    assert (EVENT_TYPE["shelling"], SKOS.inScheme, None) in merged
    if fmt in ("nq", "trig"):
        names = {str(g.identifier) for g in ds.graphs() if len(g)}
        assert names == {str(iris.graph("a1")), str(ONTOLOGY_GRAPH)}


def test_article_turtle_is_canonical_longturtle(store: Store) -> None:
    first = run(store, "turtle", "a1")
    assert first == run(store, "turtle", "a1")
    assert first.startswith(b"PREFIX ")  # longturtle's SPARQL-style prefixes
    assert b"\n    a sem:Event ;\n" in first


def test_article_nt_is_sorted(store: Store) -> None:
    lines = run(store, "nt", "a2").splitlines()
    assert lines == sorted(lines)


def test_hostile_article_round_trips(store: Store) -> None:
    article = "evil one/../?x"
    g = Graph().parse(data=run(store, "turtle", article), format="turtle")
    assert canon(g - concept_subset(g, concepts_in(g))) == canon(graphs()[article])


@pytest.mark.parametrize("fmt", FORMATS)
def test_store_export_parses_back(store: Store, fmt: str) -> None:
    ds = parse_dataset(run(store, fmt), RDFLIB[fmt])
    quads = list(ds.quads((None, None, None, None)))
    merged = Graph()
    for s, p, o, _g in quads:
        merged.add((s, p, o))
    assert concepts_in(merged) >= USED_A1 | UNUSED  # the whole taxonomy graph is in the store
    if fmt in ("turtle", "nt"):
        assert len(quads) == len(merged) < store.triple_count()
    else:
        assert len(quads) == store.triple_count()


def merge(store: Store) -> Graph:
    """The RDF merge of every graph, each triple once: what a whole-store Turtle export means
    (and what it was, through ``CONSTRUCT WHERE { ?s ?p ?o }``, before it streamed)."""
    merged = Graph()
    for triple in store.query("CONSTRUCT WHERE { ?s ?p ?o }").triples:
        merged.add(triple)
    return merged


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_store_triple_export_is_the_merge_of_all_graphs(store: Store, fmt: str) -> None:
    got = Graph().parse(data=run(store, fmt), format=RDFLIB[fmt])
    assert set(got) == set(merge(store))


@pytest.fixture(scope="module")
def repeats_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_golden_store(tmp_path_factory.mktemp("repeats") / "store")


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_repeated_triples_export_as_the_merge(repeats_path: Path, fmt: str) -> None:
    with open_store(repeats_path, read_only=True) as repeats:
        data = run(repeats, fmt)
        merged = merge(repeats)
        quads = repeats.triple_count()
    statements = list(ox.parse(data, RDFLIB_OX[fmt]))
    assert len(set(statements)) < len(statements) <= quads  # a triple per graph it is in
    got = Graph().parse(data=data, format=RDFLIB[fmt])
    assert len(got) == len(merged) and isomorphic(got, merged)  # the ontology has blank nodes
    if fmt == "turtle":
        assert data.startswith(b"@prefix ") and b"sem:Event" in data  # kg's prefixes


def test_repeated_triples_pass_rapper(repeats_path: Path, tmp_path: Path) -> None:
    rapper = require_rapper()
    path = tmp_path / "all.ttl"
    with open_store(repeats_path, read_only=True) as repeats:
        path.write_bytes(run(repeats, "turtle"))
        merged = merge(repeats)
    done = subprocess.run(
        [rapper, "-q", "-i", "turtle", "-o", "ntriples", str(path)],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert isomorphic(Graph().parse(data=done.stdout, format="nt"), merged)


def test_store_without_taxonomy_gets_concepts_from_the_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(write_taxonomy(tmp_path / "ontology")))
    with open_store(build_store(tmp_path / "bare"), read_only=True) as bare:
        assert not bare.has_graph(ONTOLOGY_GRAPH)
        merged = Graph().parse(data=run(bare, "turtle"), format="turtle")
        assert concepts_in(merged) == USED_A1 | {
            EVENT_TYPE["peaceful-protest"],
            ACTOR_TYPE["protesters"],
            PLACE_TYPE["province"],
        }  # only the used ones (and their broader ones), not "unused"
        ds = parse_dataset(run(bare, "nq"), "nquads")
        concept_graph = ds.graph(ONTOLOGY_GRAPH)
        assert concepts_in(concept_graph) == concepts_in(merged)
        article = Graph().parse(data=run(bare, "turtle", "a1"), format="turtle")
        assert concepts_in(article) == USED_A1


def test_unknown_article_says_how_to_list_articles(store: Store) -> None:
    with pytest.raises(QueryError, match="kg query --named articles"):
        run(store, "turtle", "no-such-article")
