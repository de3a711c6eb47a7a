"""The embedded store: atomic replace, hostile text, union queries, bindings, opening errors.

The tests taking the ``store`` fixture run twice: new graphs written by the bulk loader (any
size), and by one transaction (the bulk loader out of reach)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS, XSD

from kg.errors import QueryError, RdfSyntaxError, StoreError
from kg.rdf import iris
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.store import EXPORT_FORMATS, Store, load_ontology, open_store
from kg.store.embedded import DB_DIR, EmbeddedStore
from tests.store.sample import TAXONOMY_TTL, canon, graphs, parse_dataset, write_taxonomy

EX = "https://example.org/"
G1 = URIRef(EX + "g1")
G2 = URIRef(EX + "g2")
S = URIRef(EX + "s")
P = URIRef(EX + "p")

HOSTILE = [
    'A <b> "c" \\ d {e}',
    '> . } INSERT DATA { GRAPH <http://evil/> { <a:b> <a:c> "x" } } ; DROP ALL ; #',
    '" } } ; DROP ALL ; INSERT DATA { <a:b> <a:c> "',
    "\\u0022 } ; DROP ALL ; INSERT DATA { <a:b> <a:c> \\u0022",
    "\\U0000007D ; CLEAR ALL",
    "line one\nline two\r\nline three\ttab",
    "back\\slash at the end \\",
    "\"\"\"triple quoted\"\"\" and '''single'''",
    "control \x00 \x01 \x08 \x0c \x1f \x7f characters",
    "unicode: Ħama Ḥimṣ حماة \u2028 \u2029 \ufeff \ufffd",
    "emoji 😀🔥👩‍👩‍👧 and astral \U0001d518",
    "# not a comment",
    "",
    "x" * 100_000,
]


def as_set(store: Store, graph: URIRef) -> set[tuple[object, object, object]]:
    result = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
    return {(s, p, o) for _g, s, p, o in result.rows}


@pytest.fixture(params=["bulk", "transaction"])
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Store:
    with EmbeddedStore(tmp_path / "store") as s:
        s.bulk_min_quads = 0 if request.param == "bulk" else sys.maxsize
        yield s


def test_replace_same_graph_twice_changes_nothing(store: Store) -> None:
    g = graphs()["a1"]
    store.replace_graph(iris.graph("a1"), g)
    count = store.triple_count()
    store.replace_graph(iris.graph("a1"), g)
    assert count == len(g)
    assert store.triple_count() == count


def test_replace_changed_graph_drops_old_triples(store: Store) -> None:
    store.replace_graph(G1, [(S, P, Literal("old")), (S, RDFS.label, Literal("kept"))])
    store.replace_graph(G1, [(S, P, Literal("new")), (S, RDFS.label, Literal("kept"))])
    assert as_set(store, G1) == {(S, P, Literal("new")), (S, RDFS.label, Literal("kept"))}


def test_replace_leaves_other_graphs_alone(store: Store) -> None:
    store.replace_graphs({G1: [(S, P, Literal("1"))], G2: [(S, P, Literal("2"))]})
    store.replace_graph(G1, [(S, P, Literal("3"))])
    assert as_set(store, G2) == {(S, P, Literal("2"))}
    assert store.triple_count() == 2


def test_replace_with_nothing_removes_the_graph(store: Store) -> None:
    store.replace_graph(G1, [(S, P, Literal("1"))])
    store.replace_graph(G1, [])
    assert not store.has_graph(G1)
    assert store.triple_count() == 0


def test_replace_graph_with_blank_nodes_replaces(store: Store) -> None:
    def with_bnode() -> Graph:
        g = Graph()
        node = BNode()
        g.add((S, P, node))
        g.add((node, RDFS.label, Literal("anonymous")))
        return g

    store.replace_graph(G1, with_bnode())
    store.replace_graph(G1, with_bnode())
    assert store.triple_count() == 2
    stored = Graph()
    for triple in store.query("CONSTRUCT WHERE { ?s ?p ?o }").triples:
        stored.add(triple)
    assert isomorphic(stored, with_bnode())


def test_batch_is_all_or_nothing(store: Store) -> None:
    store.replace_graph(G1, [(S, P, Literal("before"))])
    bad = [(URIRef("http://x/> . } DROP ALL ; INSERT DATA {"), P, Literal("x"))]
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graphs({G1: [(S, P, Literal("after"))], G2: bad})
    assert as_set(store, G1) == {(S, P, Literal("before"))}
    assert not store.has_graph(G2)


def test_batch_of_articles_equals_one_by_one(tmp_path: Path) -> None:
    gs = graphs()
    with open_store(tmp_path / "batch") as batch, open_store(tmp_path / "single") as single:
        batch.replace_graphs({iris.graph(k): g for k, g in gs.items()})
        for k, g in gs.items():
            single.replace_graph(iris.graph(k), g)
        assert batch.triple_count() == single.triple_count() == sum(len(g) for g in gs.values())
        assert sorted(batch.graph_names()) == sorted(single.graph_names())
        assert sorted(batch.graph_names()) == sorted(str(iris.graph(k)) for k in gs)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_literal_round_trips_and_cannot_inject(store: Store, text: str) -> None:
    store.replace_graph(G2, [(S, P, Literal("bystander"))])
    triples = {
        (S, P, Literal(text)),
        (S, RDFS.label, Literal(text, lang="en-GB")),
        (S, RDFS.comment, Literal(text, datatype=URIRef(EX + "custom"))),
    }
    store.replace_graph(G1, triples)
    assert as_set(store, G1) == triples
    assert as_set(store, G2) == {(S, P, Literal("bystander"))}
    assert sorted(store.graph_names()) == [str(G1), str(G2)]
    assert store.triple_count() == 4
    # and it can be found again by binding it, never by pasting it into the query
    found = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal(text)})
    assert [row[0] for row in found.rows] == [S]
    # re-putting the same hostile graph is a no-op
    store.replace_graph(G1, triples)
    assert store.triple_count() == 4


@pytest.mark.parametrize(
    "iri",
    [
        "http://x/> . } INSERT DATA {",
        "http://x/a b",
        'http://x/"q"',
        "http://x/{e}",
        "http://x/\\u003E",
        "not absolute",
        "http://x/\n",
    ],
)
def test_hostile_iri_is_refused_and_writes_nothing(store: Store, iri: str) -> None:
    store.replace_graph(G1, [(S, P, Literal("before"))])
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graph(G1, [(URIRef(iri), P, Literal("x")), (S, P, Literal("after"))])
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graph(iri, [(S, P, Literal("x"))])
    assert as_set(store, G1) == {(S, P, Literal("before"))}
    assert store.triple_count() == 1


def test_unusual_valid_iris_round_trip(store: Store) -> None:
    odd = [URIRef("http://x/é/ḥamā"), URIRef("http://x/%7Be%7D?q=1&r=%22#frag"), URIRef("urn:x:1")]
    store.replace_graph(G1, [(iri, P, Literal(str(i))) for i, iri in enumerate(odd)])
    assert {s for s, _p, _o in as_set(store, G1)} == set(odd)


def test_lone_surrogate_is_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="cannot store the literal"):
        store.replace_graph(G1, [(S, P, Literal("\ud800"))])


def test_typed_literals_come_back_typed(store: Store) -> None:
    store.replace_graph(G1, [(S, P, Literal("2024-03-03", datatype=XSD.date))])
    ((value,),) = store.query("SELECT ?o WHERE { ?s ?p ?o }").rows
    assert value == Literal("2024-03-03", datatype=XSD.date)


def test_default_graph_is_the_union_of_article_graphs(store: Store) -> None:
    store.replace_graphs({iris.graph(k): g for k, g in graphs().items()})
    result = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event }")
    assert [row[0].toPython() for row in result.rows] == [4]
    per_graph = store.query(
        "SELECT ?g (COUNT(?e) AS ?n) WHERE { GRAPH ?g { ?e a sem:Event } } GROUP BY ?g ORDER BY ?g"
    )
    expected = {"a1": 2, "a2": 1, "evil one/../?x": 1}
    assert [(str(g), n.toPython()) for g, n in per_graph.rows] == sorted(
        (str(iris.graph(k)), n) for k, n in expected.items()
    )


def test_query_kinds(store: Store) -> None:
    store.replace_graph(G1, [(S, P, Literal("x"))])
    ask = store.query("ASK { ?s ?p 'x' }")
    assert (ask.kind, ask.boolean) == ("ask", True)
    construct = store.query("CONSTRUCT { ?s ?p 'y' } WHERE { ?s ?p 'x' }")
    assert construct.kind == "graph"
    assert list(construct.triples) == [(S, P, Literal("y"))]
    select = store.query("SELECT ?s ?missing WHERE { ?s ?p ?o }")
    assert (select.kind, select.variables) == ("select", ("s", "missing"))
    assert list(select.rows) == [(S, None)]


def test_prefixes_are_predeclared(store: Store) -> None:
    store.replace_graph(G1, [(S, RDFS.label, Literal("x"))])
    assert store.query("ASK { ?s rdfs:label 'x' }").boolean is True


def test_bindings_bind_terms(store: Store) -> None:
    store.replace_graphs({G1: [(S, P, Literal("a"))], G2: [(S, P, Literal("b"))]})
    result = store.query("SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": G2})
    assert list(result.rows) == [(G2, Literal("b"))]


def test_binding_a_variable_the_select_does_not_project_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="cannot bind"):
        store.query("SELECT ?s WHERE { ?s ?p ?o }", {"zz": Literal("x")})


def test_syntax_error_is_a_query_error_with_position(store: Store) -> None:
    with pytest.raises(QueryError, match=r"SPARQL syntax error: error at 1:\d+"):
        store.query("SELECT ?s WHERE { ?s ?p }")


def test_update_is_refused_with_a_hint(store: Store) -> None:
    with pytest.raises(QueryError, match="updates are not supported"):
        store.query("PREFIX ex: <http://x/>\nDROP ALL")


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "xml"])
def test_select_results_formats_parse_back(store: Store, fmt: str) -> None:
    from rdflib.query import Result

    triples = {(S, P, Literal(HOSTILE[0])), (S, P, Literal("x", lang="en")), (S, P, G1)}
    store.replace_graph(G1, triples)
    out = io.BytesIO()
    store.query("SELECT ?s ?o WHERE { ?s ?p ?o }").write(out, fmt)
    parsed = Result.parse(io.BytesIO(out.getvalue()), format=fmt)
    rows = {(row[0], row[1]) for row in parsed}
    if fmt == "csv":  # CSV drops term kinds: everything comes back as plain strings
        assert {(str(s), str(o)) for s, o in rows} == {(str(S), str(o)) for _, _, o in triples}
    else:
        assert rows == {(S, o) for _, _, o in triples}


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_ask_results_formats(store: Store, fmt: str) -> None:
    store.replace_graph(G1, [(S, P, Literal("x"))])
    out = io.BytesIO()
    store.query("ASK { ?s ?p ?o }").write(out, fmt)
    if fmt == "csv":  # lossy by design: pyoxigraph will not parse it back
        assert out.getvalue() == b"true"
    else:
        parsed = ox.parse_query_results(out.getvalue(), ox.QueryResultsFormat.from_extension(fmt))
        assert isinstance(parsed, ox.QueryBoolean)
        assert bool(parsed) is True


def test_wrong_result_format_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="cannot be written as turtle"):
        store.query("SELECT * WHERE { ?s ?p ?o }").write(io.BytesIO(), "turtle")
    with pytest.raises(QueryError, match="cannot be written as csv"):
        store.query("CONSTRUCT WHERE { ?s ?p ?o }").write(io.BytesIO(), "csv")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_whole_store_parses_back(store: Store, fmt: str) -> None:
    gs = graphs()
    store.replace_graphs({iris.graph(k): g for k, g in gs.items()})
    out = io.BytesIO()
    store.export(out, fmt)
    rdflib_format = {
        "nquads": "nquads",
        "trig": "trig",
        "turtle": "turtle",
        "ntriples": "nt",
        "jsonld": "json-ld",
    }[fmt]
    ds = parse_dataset(out.getvalue(), rdflib_format)
    if fmt in ("turtle", "ntriples"):  # merged: shared actor and activity triples once
        merged = Graph()
        for g in gs.values():
            merged += g
        assert canon(ds.default_graph) == canon(merged)
        assert len(merged) < store.triple_count()
    else:
        assert len(list(ds.quads((None, None, None, None)))) == store.triple_count()
        assert {str(c.identifier) for c in ds.graphs() if len(c)} == set(store.graph_names())


def test_export_one_graph(store: Store) -> None:
    gs = graphs()
    store.replace_graphs({iris.graph(k): g for k, g in gs.items()})
    out = io.BytesIO()
    store.export(out, "turtle", graph=iris.graph("a1"))
    g = Graph().parse(data=out.getvalue(), format="turtle")
    assert canon(g) == canon(gs["a1"])
    with pytest.raises(StoreError, match="has no graph"):
        store.export(io.BytesIO(), "turtle", graph=iris.graph("nope"))


def test_remove_graph(store: Store) -> None:
    store.replace_graphs({G1: [(S, P, Literal("1"))], G2: [(S, P, Literal("2"))]})
    store.remove_graph(G1)
    assert not store.has_graph(G1)
    assert store.has_graph(G2)
    assert store.triple_count() == 1


def test_load_ontology_replaces_the_ontology_graph(store: Store, tmp_path: Path) -> None:
    folder = write_taxonomy(tmp_path / "onto")
    n = load_ontology(store, folder)
    assert n == store.triple_count() > 0
    assert load_ontology(store, folder) == n
    assert store.triple_count() == n
    (folder / "taxonomy.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/kg/event-type/x> skos:prefLabel 'X' .\n",
        encoding="utf-8",
    )
    assert load_ontology(store, folder) == 1
    assert store.triple_count() == 1
    assert list(store.graph_names()) == [str(ONTOLOGY_GRAPH)]


def test_load_ontology_from_env(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(write_taxonomy(tmp_path / "onto")))
    expected = len(Graph().parse(data=TAXONOMY_TTL, format="turtle"))
    assert load_ontology(store) == expected


def test_load_ontology_with_bad_turtle(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "onto"
    folder.mkdir()
    (folder / "bad.ttl").write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(RdfSyntaxError, match=r"bad\.ttl"):
        load_ontology(store, folder)


def test_read_only_never_creates_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="run `kg ingest` first"):
        open_store(tmp_path / "absent", read_only=True)
    assert not (tmp_path / "absent").exists()


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    with open_store(tmp_path / "s"):
        pass
    with (
        open_store(tmp_path / "s", read_only=True) as ro,
        pytest.raises(StoreError, match="read-only"),
    ):
        ro.replace_graph(G1, [(S, P, Literal("x"))])


def test_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    for read_only in (False, True):
        with pytest.raises(StoreError, match="is a file, not a store directory"):
            open_store(tmp_path / "file", read_only=read_only)


def test_unwritable_path() -> None:
    with pytest.raises(StoreError, match="pass a writable directory with --store"):
        open_store(Path("/proc/kg-store-cannot-exist"))


def test_the_database_lives_in_the_oxigraph_subfolder(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as s:
        s.replace_graph(G1, [(S, P, Literal("x"))])
    assert (tmp_path / "s" / DB_DIR / "CURRENT").is_file()
    assert not (tmp_path / "s" / "CURRENT").exists()


def test_closed_store_says_so(tmp_path: Path) -> None:
    s = open_store(tmp_path / "s")
    s.close()
    s.close()
    with pytest.raises(StoreError, match="is closed"):
        s.triple_count()


def test_readers_never_see_half_a_replace(store: Store) -> None:
    """A query running while a graph is replaced sees the old graph or the new one, whole."""
    import threading

    old = [(S, P, Literal(i)) for i in range(300)]
    new = [(S, P, Literal(i)) for i in range(1000, 1100)]
    store.replace_graph(G1, old)
    seen: set[int] = set()
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            ((n,),) = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
            assert n is not None
            seen.add(int(n))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(30):
            store.replace_graph(G1, new)
            store.replace_graph(G1, old)
    finally:
        done.set()
        reader.join()
    assert seen <= {300, 100}
    assert seen  # the reader did run
