"""The remote store against a real ``oxigraph serve``: the ``Store`` protocol as the embedded
store gives it (same graphs, same answers, same exports), hostile text, bindings, failures."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kg.errors import QueryError, StoreError, StoreWriteError
from kg.export import export
from kg.rdf import iris
from kg.store import EXPORT_FORMATS, Dataset, Store, load_ontology, open_store
from kg.store.embedded import EmbeddedStore
from kg.store.http import RetryPolicy
from kg.store.remote import RemoteStore
from tests.store.oxigraph_server import OxigraphServer, oxigraph_server
from tests.store.sample import graphs, parse_dataset, write_taxonomy
from tests.store.test_embedded import HOSTILE

EX = "https://example.org/"
G1 = URIRef(EX + "g1")
G2 = URIRef(EX + "g2")
S = URIRef(EX + "s")
P = URIRef(EX + "p")
FAST = RetryPolicy(retries=1, backoff=0.01, timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db") as running:
        yield running


@pytest.fixture
def store(server: OxigraphServer) -> Iterator[RemoteStore]:
    headers = {"Content-Type": "application/sparql-update"}
    httpx.post(f"{server.url}/update", content=b"DROP ALL", headers=headers).raise_for_status()
    with RemoteStore(server.url, policy=FAST) as remote:
        yield remote


def as_set(store: Store, graph: URIRef) -> set[tuple[object, object, object]]:
    result = store.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph})
    return {(s, p, o) for _g, s, p, o in result.rows}


def test_open_store_dispatches_urls(server: OxigraphServer) -> None:
    with open_store(server.url) as remote:
        assert isinstance(remote, RemoteStore)
        assert remote.location == server.url
    with open_store(f"oxigraph+{server.url}/", read_only=True) as remote:
        assert remote.read_only
        with pytest.raises(StoreError, match="read-only"):
            remote.replace_graph(G1, [(S, P, Literal("x"))])


def test_sample_graphs_as_in_the_embedded_store(store: RemoteStore, tmp_path: Path) -> None:
    batch = {iris.graph(k): g for k, g in graphs().items()}
    store.replace_graphs(batch)
    with EmbeddedStore(tmp_path / "embedded") as embedded:
        embedded.replace_graphs(batch)
        assert store.triple_count() == embedded.triple_count()
        assert sorted(store.graph_names()) == sorted(embedded.graph_names())
        for fmt in ("nquads", "trig"):
            ours, theirs = io.BytesIO(), io.BytesIO()
            store.export(ours, fmt)
            embedded.export(theirs, fmt)
            mine = parse_dataset(ours.getvalue(), fmt)
            want = parse_dataset(theirs.getvalue(), fmt)
            for name in batch:
                assert isomorphic(mine.graph(name), want.graph(name)), (fmt, name)
        query = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s ?label"
        assert list(store.query(query).rows) == list(embedded.query(query).rows)


def test_the_dataset_a_query_names_as_in_the_embedded_store(
    store: RemoteStore, tmp_path: Path
) -> None:
    """The union by default; a query's FROM; the protocol's dataset (``kg serve`` passes
    default-graph-uri / named-graph-uri) over both, with an empty default graph if it names
    only named graphs."""
    batch = {G1: [(S, P, Literal("one"))], G2: [(S, P, Literal("two"))]}
    store.replace_graphs(batch)
    everything = "SELECT ?o WHERE { ?s ?p ?o }"
    from_g1 = f"SELECT ?o FROM <{G1}> WHERE {{ ?s ?p ?o }}"
    in_graphs = "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
    cases = [
        (everything, None, ["one", "two"]),
        (from_g1, None, ["one"]),
        (from_g1, Dataset((str(G2),)), ["two"]),
        (everything, Dataset((str(G1), str(G2))), ["one", "two"]),
        (in_graphs, Dataset((), (str(G1),)), ["one"]),
        (everything, Dataset((), (str(G1),)), []),
    ]
    with EmbeddedStore(tmp_path / "embedded") as embedded:
        embedded.replace_graphs(batch)
        for kind in (store, embedded):
            for query, dataset, expected in cases:
                rows = kind.query(query, dataset=dataset).rows
                assert sorted(str(row[0]) for row in rows) == expected, (kind, query, dataset)


def test_put_replaces_and_empty_removes(store: RemoteStore) -> None:
    store.replace_graph(G2, [(S, P, Literal("bystander"))])
    store.replace_graph(G1, [(S, P, Literal("old")), (S, RDFS.label, Literal("x"))])
    store.replace_graph(G1, [(S, P, Literal("new"))])
    assert as_set(store, G1) == {(S, P, Literal("new"))}
    assert as_set(store, G2) == {(S, P, Literal("bystander"))}
    assert store.has_graph(G1)
    store.replace_graph(G1, [])
    assert not store.has_graph(G1)
    store.remove_graph(G2)
    store.remove_graph(G2)  # removing what is not there is fine
    assert list(store.graph_names()) == []
    assert store.triple_count() == 0


@pytest.mark.parametrize("text", HOSTILE[:-1], ids=range(len(HOSTILE) - 1))
def test_hostile_literal_round_trips_and_cannot_inject(store: RemoteStore, text: str) -> None:
    store.replace_graph(G2, [(S, P, Literal("bystander"))])
    triples = {
        (S, P, Literal(text)),
        (S, RDFS.label, Literal(text, lang="en-GB")),
        (S, RDFS.comment, Literal(text, datatype=URIRef(EX + "custom"))),
    }
    store.replace_graph(G1, triples)
    assert as_set(store, G1) == triples
    assert store.triple_count() == 4
    found = store.query("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal(text)})
    assert [row[0] for row in found.rows] == [S]


def test_bindings_reach_sub_selects_and_stay_columns(store: RemoteStore) -> None:
    store.replace_graphs({G1: [(S, RDFS.label, Literal("Hama"))], G2: [(S, P, Literal("x"))]})
    query = """
        SELECT ?place ?s (COUNT(*) AS ?n) WHERE {
          { SELECT ?place ?s WHERE { ?s rdfs:label ?l FILTER (STR(?l) = ?place) } }
          ?s ?p ?o
        } GROUP BY ?place ?s ORDER BY ?place"""
    result = store.query(query, {"place": Literal("Hama")})
    assert result.variables == ("place", "s", "n")
    assert [row[:2] for row in result.rows] == [(Literal("Hama"), S)]
    assert list(store.query(query, {"place": Literal("Homs")}).rows) == []
    ask = store.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": G2})
    assert ask.kind == "ask" and ask.boolean is True


def test_query_kinds_and_formats(store: RemoteStore) -> None:
    store.replace_graph(G1, [(S, P, Literal("x")), (S, RDFS.label, Literal("é", lang="fr"))])
    graph = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert graph.kind == "graph"
    assert set(graph.triples) == {(S, P, Literal("x")), (S, RDFS.label, Literal("é", lang="fr"))}
    out = io.BytesIO()
    store.query("SELECT ?o WHERE { ?s rdfs:label ?o }").write(out, "json")
    assert json.loads(out.getvalue())["results"]["bindings"][0]["o"]["xml:lang"] == "fr"
    out = io.BytesIO()
    store.query(f"CONSTRUCT WHERE {{ <{S}> rdfs:label ?o }}").write(out, "nt")
    assert out.getvalue().decode() == f'<{S}> <{RDFS.label}> "é"@fr .\n'


def test_syntax_error_is_a_query_error_with_the_users_line(store: RemoteStore) -> None:
    with pytest.raises(QueryError, match=r"SPARQL syntax error: error at 2:") as caught:
        store.query("SELECT ?s\nWHERE { ?s ?p }")
    assert "PREFIX" not in str(caught.value)


def test_export_formats_and_one_graph(store: RemoteStore, tmp_path: Path) -> None:
    store.replace_graphs({G1: [(S, P, Literal("x"))], G2: [(S, P, Literal("y"))]})
    for fmt in EXPORT_FORMATS:
        out = io.BytesIO()
        store.export(out, fmt)
        rdflib_format = {"ntriples": "nt", "jsonld": "json-ld"}.get(fmt, fmt)
        assert len(parse_dataset(out.getvalue(), rdflib_format)) >= 1, fmt
    out = io.BytesIO()
    store.export(out, "ntriples", graph=G1)
    assert out.getvalue().decode() == f'<{S}> <{P}> "x" .\n'
    with pytest.raises(StoreError, match="has no graph"):
        store.export(io.BytesIO(), "nquads", graph=URIRef(EX + "nothing"))


def test_export_with_the_taxonomy_as_kg_export_does(store: RemoteStore, tmp_path: Path) -> None:
    taxonomy = write_taxonomy(tmp_path / "taxonomy")
    store.replace_graphs({iris.graph(k): g for k, g in graphs().items()})
    load_ontology(store, taxonomy)
    with EmbeddedStore(tmp_path / "embedded") as embedded:
        embedded.replace_graphs({iris.graph(k): g for k, g in graphs().items()})
        load_ontology(embedded, taxonomy)
        for article in (None, next(iter(graphs()))):
            ours, theirs = io.BytesIO(), io.BytesIO()
            export(store, ours, "nq", article)
            export(embedded, theirs, "nq", article)
            mine, want = (
                parse_dataset(ours.getvalue(), "nquads"),
                parse_dataset(theirs.getvalue(), "nquads"),
            )
            assert {g.identifier for g in mine.graphs()} == {g.identifier for g in want.graphs()}
            for g in want.graphs():
                assert isomorphic(mine.graph(g.identifier), g), (article, g.identifier)


def test_a_graph_by_graph_export_for_servers_without_a_dataset_endpoint(
    store: RemoteStore,
) -> None:
    store.replace_graphs({G1: [(S, P, Literal("x"))], G2: [(S, P, Literal("y"))]})
    whole = io.BytesIO()
    store.export(whole, "nquads")
    object.__setattr__(store.endpoints, "dataset", None)
    by_graph = io.BytesIO()
    store.export(by_graph, "nquads")
    assert sorted(by_graph.getvalue().splitlines()) == sorted(whole.getvalue().splitlines())


def test_a_server_gone_names_what_was_not_written(tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "db") as server, RemoteStore(server.url, policy=FAST) as store:
        store.replace_graph(G1, [(S, P, Literal("x"))])
        server.kill()
        names = {URIRef(f"{iris.graph('a')}"): [(S, P, Literal("a"))],
                 URIRef(f"{iris.graph('b')}"): [(S, P, Literal("b"))]}  # fmt: skip
        with pytest.raises(StoreWriteError, match=r"not written: a, b") as caught:
            store.replace_graphs(names)
        assert caught.value.unwritten == ["a", "b"]
        assert "cannot connect" in str(caught.value) and "run the same command again" in str(
            caught.value
        )
        with pytest.raises(StoreError, match="is unavailable"):
            store.triple_count()
        server.start()
        store.replace_graphs(names)
        assert store.triple_count() == 3


def test_retries_wait_longer_each_time_then_give_up(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[str] = []

    def unavailable(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(503, text="busy")

    policy = RetryPolicy(retries=3, backoff=0.001, timeout=5)
    assert [policy.delay(n) for n in (1, 2, 3)] == [0.001, 0.002, 0.004]
    assert RetryPolicy(backoff=1, max_delay=5).delay(10) == 5
    with caplog.at_level(logging.WARNING), pytest.raises(StoreError, match="4 attempts"):
        RemoteStore("http://127.0.0.1:9", policy=policy, transport=httpx.MockTransport(unavailable))
    assert calls == ["POST"] * 4
    assert sum("trying again" in r.getMessage() for r in caplog.records) == 3


def test_a_wrong_url_says_which_form_to_use(server: OxigraphServer) -> None:
    with pytest.raises(StoreError, match=r"does not answer SPARQL queries.*docs/STORES.md"):
        RemoteStore(f"fuseki+{server.url}/dataset", policy=FAST)


def test_retry_settings_from_the_environment() -> None:
    env = {"KG_STORE_RETRIES": "2", "KG_STORE_BACKOFF": "0.25", "KG_STORE_TIMEOUT": "3"}
    assert RetryPolicy.from_env(env) == RetryPolicy(retries=2, backoff=0.25, timeout=3)
    assert RetryPolicy.from_env({}) == RetryPolicy()
    with pytest.raises(StoreError, match="KG_STORE_RETRIES='many' is not a number"):
        RetryPolicy.from_env({"KG_STORE_RETRIES": "many"})


def test_no_server_at_the_url_is_one_clear_error() -> None:
    from tests.store.oxigraph_server import free_port

    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match=rf"the store at {url} is unavailable \(cannot connect"):
        RemoteStore(url, policy=FAST)
