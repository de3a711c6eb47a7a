"""The SPARQL 1.1 Protocol rules of ``kg.serve.protocol``, without a server."""

from __future__ import annotations

import pytest

from kg.errors import RequestError
from kg.serve.protocol import QueryRequest, is_update, negotiate, parse_request, uses_service
from kg.store import Dataset

FORM = "application/x-www-form-urlencoded"


def test_get_form_and_direct_post_give_the_same_request() -> None:
    expected = QueryRequest("ASK {}", "text/csv", ("csv",))
    assert parse_request("GET", "query=ASK+%7B%7D&format=csv", accept="text/csv") == expected
    assert parse_request("POST", "", FORM, b"query=ASK+%7B%7D&format=csv", "text/csv") == expected
    body = b"ASK {}"
    got = parse_request(
        "POST", "format=csv", "application/sparql-query; charset=utf-8", body, "text/csv"
    )
    assert got == expected


@pytest.mark.parametrize(
    ("method", "params", "content_type", "body", "status", "says"),
    [
        ("GET", "", "", b"", 400, "no query"),
        ("GET", "query=", "", b"", 400, "no query"),
        ("GET", "query=ASK{}&query=ASK{}", "", b"", 400, "several"),
        ("POST", "", "application/sparql-update", b"CLEAR ALL", 403, "read-only"),
        ("POST", "", FORM, b"update=CLEAR+ALL", 403, "read-only"),
        ("GET", "query=DROP+ALL", "", b"", 403, "read-only"),
        ("POST", "", "text/plain", b"ASK {}", 415, "application/sparql-query"),
        ("POST", "query=ASK{}", "application/sparql-query", b"ASK {}", 400, "not both"),
        ("POST", "", "application/sparql-query", b"\xff", 400, "not UTF-8"),
        ("GET", "query=ASK{}&named-graph-uri=x", "", b"", 400, "not an absolute IRI"),
        ("GET", "query=ASK{}&default-graph-uri=%3Chttp://a/%3E", "", b"", 400, "absolute IRI"),
        ("GET", "query=ASK{}&format=yaml", "", b"", 400, "unknown format 'yaml'"),
        ("PUT", "query=ASK{}", "", b"", 405, "GET or POST"),
    ],
)  # fmt: skip
def test_refused_requests(
    method: str, params: str, content_type: str, body: bytes, status: int, says: str
) -> None:
    with pytest.raises(RequestError, match=says) as caught:
        parse_request(method, params, content_type, body)
    assert caught.value.status == status


def test_dataset_parameters() -> None:
    assert parse_request("GET", "query=ASK{}").dataset is None
    graph = "https://w3id.org/kg/graph/a"
    got = parse_request(
        "POST",
        f"default-graph-uri={graph}",
        FORM,
        f"query=ASK{{}}&named-graph-uri={graph}&named-graph-uri=urn:x:b&default-graph-uri={graph}".encode(),
    )
    assert got.dataset == Dataset((graph,), (graph, "urn:x:b"))
    only_named = parse_request("GET", f"query=ASK{{}}&named-graph-uri={graph}").dataset
    assert only_named == Dataset((), (graph,))  # an empty default graph, as the protocol says


def test_format_parameters_as_sparqlwrapper_sends_them() -> None:
    got = parse_request("GET", "query=ASK{}&format=tsv&format=text/tab-separated-values")
    assert got.formats == ("tsv",)
    assert parse_request("GET", "query=ASK{}&format=application/sparql-results%2Bxml").formats == (
        "xml",
    )


@pytest.mark.parametrize(
    ("kind", "accept", "formats", "expected"),
    [
        ("select", "", (), "json"),
        ("ask", "", (), "json"),
        ("graph", "", (), "turtle"),
        ("select", "*/*", (), "json"),
        ("graph", "*/*", (), "turtle"),
        ("select", "text/csv", (), "csv"),
        ("select", "text/tab-separated-values", (), "tsv"),
        ("select", "application/sparql-results+xml", (), "xml"),
        ("select", "application/json", (), "json"),
        ("select", "text/csv;q=0.5, application/sparql-results+xml", (), "xml"),
        ("select", "text/csv, application/sparql-results+xml", (), "csv"),  # the client's order
        ("select", "text/*;q=0.9, text/csv;q=0.1, text/xml;q=0", (), "tsv"),  # own q
        ("select", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", (), "xml"),
        ("graph", "application/n-triples", (), "nt"),
        ("graph", "application/turtle,text/turtle", (), "turtle"),
        ("select", "text/csv", ("json",), "json"),  # format= wins
        ("graph", "text/turtle", ("csv",), "turtle"),  # a format that does not fit: Accept
        ("graph", "application/rdf+xml", (), "rdfxml"),
        ("graph", "application/ld+json", (), "jsonld"),
        ("graph", "application/rdf+xml", ("xml",), "rdfxml"),  # SPARQLWrapper's CONSTRUCT
        ("graph", "", ("json",), "jsonld"),
        ("select", "application/ld+json, application/json;q=0.5", (), "json"),
    ],
)  # fmt: skip
def test_negotiate(kind: str, accept: str, formats: tuple[str, ...], expected: str) -> None:
    assert negotiate(kind, accept, formats)[0] == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "accept", "formats"),
    [
        ("graph", "text/csv", ()),
        ("select", "text/turtle", ()),
        ("select", "application/rdf+xml", ()),
        ("select", "text/csv;q=0", ()),
        ("graph", "", ("csv",)),
    ],
)
def test_nothing_acceptable_is_406(kind: str, accept: str, formats: tuple[str, ...]) -> None:
    with pytest.raises(RequestError, match="use format=") as caught:
        negotiate(kind, accept, formats)  # type: ignore[arg-type]
    assert caught.value.status == 406


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("INSERT DATA { <a:s> <a:p> <a:o> }", True),
        (
            "  prefix ex: <http://e/#>\n# INSERT? no\nbase <http://b/> delete where { ?s ?p ?o }",
            True,
        ),
        ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("LOAD <http://example.org/x.ttl>", True),
        ("CLEAR ALL", True),
        ("SELECT * WHERE { ?s ?p 'INSERT DATA' }", False),
        ("PREFIX insert: <http://e/> SELECT * WHERE { ?s insert:delete ?o }", False),
        ("# DROP ALL\nASK {}", False),
        ("", False),
    ],
)
def test_is_update(text: str, update: bool) -> None:
    assert is_update(text) is update


@pytest.mark.parametrize(
    ("text", "federated"),
    [
        ("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
        ("select * where { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT ?service WHERE { ?service a <http://x/Service> }", False),
        ("SELECT * WHERE { ?s ?p 'SERVICE <http://x/>' }", False),
        ('SELECT * WHERE { ?s ?p """a\nSERVICE <x> {"""}', False),
        ("PREFIX service: <http://e/> SELECT * WHERE { ?s service: ?o } # SERVICE", False),
    ],
)
def test_uses_service(text: str, federated: bool) -> None:
    assert uses_service(text) is federated
