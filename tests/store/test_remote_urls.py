"""How ``--store`` names a remote store (Oxigraph, Fuseki, GraphDB), the requests each gets
(recorded by a mock transport: no Fuseki or GraphDB here), and parameters bound in the text."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from rdflib import BNode, Literal, URIRef

from kg.errors import KgError, QueryError, StoreError
from kg.store import quarantine_dir
from kg.store.endpoints import endpoints, is_remote
from kg.store.http import RetryPolicy
from kg.store.remote import RemoteStore
from kg.store.sparqltext import PROLOGUE, substitute
from tests.cli.invoke import run

G = URIRef("https://w3id.org/kg/graph/a1")
TRIPLE = (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o"))


@pytest.mark.parametrize(
    ("location", "kind", "query", "graphs"),
    [
        ("http://h:7878", "oxigraph", "http://h:7878/query", "http://h:7878/store"),
        ("https://h/", "oxigraph", "https://h/query", "https://h/store"),
        ("oxigraph+https://h/kg/", "oxigraph", "https://h/kg/query", "https://h/kg/store"),
        ("http://h:3030/news", "fuseki", "http://h:3030/news/query", "http://h:3030/news/data"),
        ("FUSEKI+http://h:3030/a/b", "fuseki", "http://h:3030/a/b/query", "http://h:3030/a/b/data"),
        ("http://h:7200/repositories/news", "graphdb", "http://h:7200/repositories/news",
         "http://h:7200/repositories/news/rdf-graphs/service"),
        ("graphdb+https://h/rdf4j-server/repositories/r", "graphdb",
         "https://h/rdf4j-server/repositories/r",
         "https://h/rdf4j-server/repositories/r/rdf-graphs/service"),
    ],
)  # fmt: skip
def test_url_forms(location: str, kind: str, query: str, graphs: str) -> None:
    assert is_remote(location)
    found = endpoints(location)
    assert (found.kind, found.query, found.graphs) == (kind, query, graphs)
    assert (found.dataset is not None) == (kind == "oxigraph")


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("ftp+http://h", "unknown store kind 'ftp'"),
        ("fuseki+http://h:3030", "add its name to the URL"),
        ("graphdb+http://h:7200/news", "/repositories/REPO"),
        ("http://h:7878/query?x=1", r"without \?query"),
        ("http:///nohost", "with a host"),
    ],
)
def test_bad_urls_say_what_to_give(location: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        endpoints(location)


def test_directories_are_not_remote() -> None:
    assert not is_remote(Path("http://h"))  # a Path is a directory, whatever its name
    assert not is_remote("kg-store") and not is_remote("./http/store")
    assert quarantine_dir(Path("s")) == Path("s/quarantine")
    assert quarantine_dir("http://h:7878") == Path("kg-quarantine")
    assert quarantine_dir("http://h:7878", Path("q")) == Path("q")


def _recording(seen: list[httpx.Request], default_is_union: bool = True) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.method == "POST":
            text = request.content.decode()
            value = "false" if "ASK { ?s" in text and not default_is_union else "true"
            return httpx.Response(
                200,
                content=f'{{"head":{{}},"boolean":{value}}}'.encode(),
                headers={"Content-Type": "application/sparql-results+json"},
            )
        return httpx.Response(204)

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    ("location", "query", "graphs"),
    [
        ("http://h:3030/news", "http://h:3030/news/query", "http://h:3030/news/data"),
        ("http://h:7200/repositories/news", "http://h:7200/repositories/news",
         "http://h:7200/repositories/news/rdf-graphs/service"),
        ("http://h:7878", "http://h:7878/query?union-default-graph=", "http://h:7878/store"),
    ],
)  # fmt: skip
def test_requests_each_server_gets(location: str, query: str, graphs: str) -> None:
    seen: list[httpx.Request] = []
    with RemoteStore(location, env={}, transport=_recording(seen)) as store:
        store.replace_graphs({G: [TRIPLE], URIRef("https://w3id.org/kg/graph/a2"): []})
    ask, put, delete = seen
    assert (ask.method, str(ask.url)) == ("POST", query)
    assert ask.headers["Content-Type"] == "application/sparql-query"
    assert ask.content.decode().startswith(PROLOGUE)
    assert (put.method, put.headers["Content-Type"]) == ("PUT", "application/n-triples")
    assert str(put.url) == f"{graphs}?graph=https%3A%2F%2Fw3id.org%2Fkg%2Fgraph%2Fa1"
    assert put.content == b'<https://example.org/s> <https://example.org/p> "o" .\n'
    assert delete.method == "DELETE" and str(delete.url).startswith(graphs)


def test_a_default_graph_that_is_not_the_union_is_warned_about(
    caplog: pytest.LogCaptureFixture,
) -> None:
    seen: list[httpx.Request] = []
    transport = _recording(seen, default_is_union=False)
    with caplog.at_level(logging.WARNING):
        RemoteStore("http://h:3030/news", read_only=True, env={}, transport=transport).close()
    assert "is not the union of its graphs" in caplog.text


def test_the_cli_takes_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_STORE_RETRIES", "0")
    done = run("query", "ASK {}", "--store", "http://127.0.0.1:9", "--format", "json")
    assert done.code == 1
    assert "the store at http://127.0.0.1:9 is unavailable" in done.stderr


# -- parameters bound in the text ---------------------------------------------------------------

HAMA = Literal("Hama")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT ?p WHERE { ?s ?x ?p }", 'SELECT ("Hama" AS ?p) WHERE { ?s ?x "Hama" }'),
        ("SELECT ?s (STR(?p) AS ?t) { ?s ?x $p }",
         'SELECT ?s (STR("Hama") AS ?t) { ?s ?x "Hama" }'),
        ("SELECT ?s WHERE { BIND (1 AS ?p) }", "SELECT ?s WHERE { BIND (1 AS ?p) }"),
        ("SELECT * { ?s ?x ?p } GROUP BY ?p ?s ORDER BY DESC(?p) ?p",
         'SELECT * { ?s ?x "Hama" } GROUP BY ("Hama") ?s ORDER BY DESC("Hama") ("Hama")'),
        ("SELECT ?a { { SELECT ?p ?a { ?a ?b ?p } } ?a ?c ?d } ORDER BY ?a",
         'SELECT ?a { { SELECT ("Hama" AS ?p) ?a { ?a ?b "Hama" } } ?a ?c ?d } ORDER BY ?a'),
        ('SELECT ?s { ?s <http://x/?p> "?p", \'?p\', """?p""" # ?p\n FILTER(?p) }',
         'SELECT ?s { ?s <http://x/?p> "?p", \'?p\', """?p""" # ?p\n FILTER("Hama") }'),
        ("ASK { ?s rdfs:label ?p ; ex:p?q }", 'ASK { ?s rdfs:label "Hama" ; ex:p?q }'),
        ("SELECT ?pp ?p_ { ?pp ?p_ ?p }", 'SELECT ?pp ?p_ { ?pp ?p_ "Hama" }'),
    ],
)  # fmt: skip
def test_substitute(query: str, expected: str) -> None:
    assert substitute(query, {"p": HAMA}) == expected


def test_substituted_terms_are_escaped_never_pasted() -> None:
    hostile = Literal('x" } ; DROP ALL ; INSERT DATA { <a:b> <a:c> "')
    text = substitute("ASK { ?s ?p ?o }", {"o": hostile, "p": URIRef("https://e.org/p")})
    assert text == (
        'ASK { ?s <https://e.org/p> "x\\" } ; DROP ALL ; INSERT DATA { <a:b> <a:c> \\"" }'
    )
    with pytest.raises(QueryError, match="blank node"):
        substitute("ASK { ?s ?p ?o }", {"o": BNode()})
    assert substitute("ASK { ?s ?p ?o }", None) == "ASK { ?s ?p ?o }"


def test_retry_policy_is_bounded() -> None:
    policy = RetryPolicy()
    assert sum(policy.delay(n) for n in range(1, policy.retries + 1)) == 7.5


class _Broken(httpx.SyncByteStream):
    """An answer whose connection drops after its first bytes."""

    def __init__(self, first: bytes) -> None:
        self.first = first

    def __iter__(self) -> Iterator[bytes]:
        yield self.first
        raise httpx.ReadError("connection reset by peer")


def test_a_connection_lost_mid_answer_is_an_error_not_a_short_answer() -> None:
    results = {"Content-Type": "application/sparql-results+json"}
    head = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://a"}},'
    quad = b"<http://a> <http://b> <http://c> <http://g> .\n"

    def answer(request: httpx.Request) -> httpx.Response:
        if b"ASK" in request.content:
            return httpx.Response(200, content=b'{"head":{},"boolean":true}', headers=results)
        if request.method == "GET":
            kind = {"Content-Type": "application/n-quads"}
            return httpx.Response(200, stream=_Broken(quad), headers=kind)
        return httpx.Response(200, stream=_Broken(head), headers=results)

    transport = httpx.MockTransport(answer)
    policy = RetryPolicy(retries=0)
    with RemoteStore("http://h:7878", env={}, policy=policy, transport=transport) as store:
        with pytest.raises(KgError, match="the connection to the store was lost"):
            list(store.query("SELECT ?s WHERE { ?s ?p ?o }").rows)
        with pytest.raises(StoreError, match="the connection to the store was lost"):
            store.export(io.BytesIO(), "nquads")
