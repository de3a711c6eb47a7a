"""``kg serve`` through a real SPARQL client (SPARQLWrapper) and plain HTTP.

Expected answers come from rdflib's own SPARQL engine over the golden graph the store holds,
not from kg.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from tests.golden_store import GOLDEN
from tests.serve.running import Server, children, start_server, stop_server
from tests.store.sample import parse_dataset

GRAPH = "https://w3id.org/kg/graph/seed-dated-1"
PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
PATTERN = "?event a sem:Event ; rdfs:label ?label ."
SELECT = f"{PREFIXES}SELECT DISTINCT ?event ?label WHERE {{ GRAPH <{GRAPH}> {{ {PATTERN} }} }} ORDER BY ?label ?event"  # noqa: E501
CONSTRUCT = f"{PREFIXES}CONSTRUCT {{ {PATTERN} }} WHERE {{ GRAPH <{GRAPH}> {{ {PATTERN} }} }}"
FEDERATED = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Sorting a cross product holds every row: memory grows until the query ends or is stopped.
SORTED_CROSS_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"


@pytest.fixture(scope="module")
def seed_graph() -> Graph:
    return Graph().parse(GOLDEN / "seed-dated" / "expected.ttl", format="turtle")


@pytest.fixture(scope="module")
def expected_rows(seed_graph: Graph) -> list[tuple[str, str]]:
    query = f"{PREFIXES}SELECT DISTINCT ?event ?label WHERE {{ {PATTERN} }}"
    rows = sorted((str(r[1]), str(r[0])) for r in seed_graph.query(query))  # type: ignore[index]
    assert len(rows) >= 10, rows
    return [(event, label) for label, event in rows]


def client(server: Server, query: str, fmt: str = JSON) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.endpoint)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def request(
    server: Server,
    query: str | None = None,
    *,
    method: str = "GET",
    accept: str | None = None,
    params: dict[str, str] | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
    path: str = "/sparql",
) -> tuple[int, Message, bytes]:
    """One HTTP request; the status, headers and body, errors included."""
    fields = dict(params or {})
    if query is not None:
        fields["query"] = query
    url = server.url + path
    if method in ("GET", "HEAD") and fields:
        url += "?" + urllib.parse.urlencode(fields)
    elif method == "POST" and body is None:
        body = urllib.parse.urlencode(fields).encode()
        content_type = content_type or "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=body, method=method)
    if accept:
        req.add_header("Accept", accept)
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


# -- SPARQLWrapper: results formats -------------------------------------------------------------


def test_select_json(server: Server, expected_rows: list[tuple[str, str]]) -> None:
    answer = client(server, SELECT, JSON).query()
    assert answer.info()["content-type"] == "application/sparql-results+json"
    data = answer.convert()
    assert data["head"]["vars"] == ["event", "label"]
    rows = [(b["event"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected_rows


def test_select_xml(server: Server, expected_rows: list[tuple[str, str]]) -> None:
    document = client(server, SELECT, XML).query().convert()
    rows = []
    for result in document.getElementsByTagName("result"):
        cells = {
            b.getAttribute("name"): b.firstChild.firstChild.data  # <binding><uri|literal>text
            for b in result.getElementsByTagName("binding")
        }
        rows.append((cells["event"], cells["label"]))
    assert rows == expected_rows


def test_select_csv_and_tsv(server: Server, expected_rows: list[tuple[str, str]]) -> None:
    text = client(server, SELECT, CSV).query().convert().decode("utf-8")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == ["event", "label"]
    assert [tuple(row) for row in table[1:]] == expected_rows
    tsv = client(server, SELECT, TSV).query().convert().decode("utf-8").splitlines()
    assert tsv[0] == "?event\t?label"
    assert len(tsv) == len(expected_rows) + 1
    assert tsv[1].startswith(f"<{expected_rows[0][0]}>\t")


def test_ask(server: Server) -> None:
    yes = f"{PREFIXES}ASK {{ GRAPH <{GRAPH}> {{ ?e a sem:Event }} }}"
    no = f"{PREFIXES}ASK {{ <https://example.org/nothing> ?p ?o }}"
    assert client(server, yes).query().convert() == {"head": {}, "boolean": True}
    assert client(server, no).query().convert()["boolean"] is False


def test_construct_turtle(server: Server, seed_graph: Graph) -> None:
    answer = client(server, CONSTRUCT, TURTLE).query()
    assert answer.info()["content-type"].startswith("text/turtle")
    got = Graph().parse(data=answer.convert().decode("utf-8"), format="turtle")
    expected = seed_graph.query(f"{PREFIXES}CONSTRUCT {{ {PATTERN} }} WHERE {{ {PATTERN} }}").graph
    assert expected is not None and len(got) > 10
    assert set(got) == set(expected)


@pytest.mark.parametrize(
    ("fmt", "media", "parser"),
    [(XML, "application/rdf+xml", "xml"), (JSONLD, "application/ld+json", "json-ld")],
)
def test_construct_rdfxml_and_jsonld(
    server: Server, seed_graph: Graph, fmt: str, media: str, parser: str
) -> None:
    answer = client(server, CONSTRUCT, fmt).query()  # SPARQLWrapper's own Accept and format=
    assert answer.info()["content-type"] == media
    data = answer.response.read()
    got = {(s, p, o) for s, p, o, _ in parse_dataset(data, parser).quads()}
    expected = seed_graph.query(f"{PREFIXES}CONSTRUCT {{ {PATTERN} }} WHERE {{ {PATTERN} }}").graph
    assert expected is not None and len(got) > 10
    assert set(got) == set(expected)


def test_dataset_from_the_protocol(server: Server, expected_rows: list[tuple[str, str]]) -> None:
    """default-graph-uri makes that graph the default graph (so no GRAPH clause is needed);
    named-graph-uri alone leaves an empty default graph; both win over the query's FROM."""
    plain = f"{PREFIXES}SELECT DISTINCT ?event ?label WHERE {{ {PATTERN} }} ORDER BY ?label ?event"
    other = "https://w3id.org/kg/graph/no-such-article"
    for query in (plain, plain.replace("WHERE", f"FROM <{other}> WHERE")):
        got = client(server, query)
        got.addDefaultGraph(GRAPH)
        data = got.query().convert()
        rows = [(b["event"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]
        assert rows == expected_rows
    status, _, body = request(server, "ASK { ?s ?p ?o }", params={"named-graph-uri": GRAPH})
    assert status == 200 and json.loads(body)["boolean"] is False
    named = f"{PREFIXES}SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?e a sem:Event }} }}"
    got = client(server, named)
    got.addNamedGraph(GRAPH)
    bindings = got.query().convert()["results"]["bindings"]
    assert [b["g"]["value"] for b in bindings] == [GRAPH]


def test_describe_ntriples_by_format_parameter(server: Server) -> None:
    event = f"{PREFIXES}SELECT ?e WHERE {{ GRAPH <{GRAPH}> {{ ?e a sem:Event }} }} LIMIT 1"
    iri = client(server, event).query().convert()["results"]["bindings"][0]["e"]["value"]
    status, headers, body = request(server, f"DESCRIBE <{iri}>", params={"format": "nt"})
    assert status == 200
    assert headers["Content-Type"] == "application/n-triples"
    graph = Graph().parse(data=body.decode("utf-8"), format="nt")
    assert (URIRef(iri), None, None) in graph


# -- SPARQLWrapper: POST, errors, read-only -----------------------------------------------------


@pytest.mark.parametrize("how", [POST, POSTDIRECTLY])
def test_post(server: Server, expected_rows: list[tuple[str, str]], how: str) -> None:
    sparql = client(server, SELECT, JSON)
    sparql.setMethod(POST)
    if how == POSTDIRECTLY:
        sparql.setRequestMethod(POSTDIRECTLY)  # the query as an application/sparql-query body
    data = sparql.query().convert()
    rows = [(b["event"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]
    assert rows == expected_rows


def test_bad_query_is_400_with_the_syntax_error(server: Server) -> None:
    with pytest.raises(QueryBadFormed, match="SPARQL syntax error: error at 1:"):  # a 400
        client(server, "SELECT ?x WHERE { ?x ?y }").query()
    status, headers, body = request(server, "SELEC ?x WHERE {}")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert body.decode().startswith("SPARQL syntax error")


def test_update_is_refused_and_changes_nothing(server: Server) -> None:
    insert = "INSERT DATA { <https://example.org/s> <https://example.org/p> 'x' }"
    sparql = client(server, insert)
    sparql.setMethod(POST)  # SPARQLWrapper sends update=... for an update
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403
    assert "read-only" in caught.value.read().decode()
    body = insert.encode()
    assert (
        request(server, method="POST", body=body, content_type="application/sparql-update")[0]
        == 403
    )
    assert request(server, insert)[0] == 403  # an update sent as ?query= is refused too
    assert request(server, f"PREFIX ex: <https://example.org/#>\n# a comment\n{insert}")[0] == 403
    ask = "ASK { <https://example.org/s> ?p ?o }"
    assert client(server, ask).query().convert()["boolean"] is False


# -- HTTP: negotiation, CORS, the page, other refusals ------------------------------------------


def test_accept_header_and_format_parameter(server: Server) -> None:
    status, headers, body = request(server, SELECT, accept="text/csv;q=0.9, application/xml;q=0.5")
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    status, headers, _ = request(server, SELECT, accept="application/sparql-results+xml")
    assert headers["Content-Type"] == "application/sparql-results+xml"
    status, headers, _ = request(server, SELECT, accept="text/csv", params={"format": "json"})
    assert headers["Content-Type"] == "application/sparql-results+json"
    status, headers, body = request(server, CONSTRUCT, accept="text/csv")
    assert status == 406
    assert "text/turtle" in body.decode() and "application/ld+json" in body.decode()
    status, _, body = request(server, SELECT, params={"format": "yaml"})
    assert status == 400 and "unknown format 'yaml'" in body.decode()


@pytest.mark.parametrize("path", ["/sparql", "/"])
def test_head_has_the_headers_of_get_and_no_body(server: Server, path: str) -> None:
    query = SELECT if path == "/sparql" else None
    status, headers, body = request(server, query, path=path, accept="text/csv")
    head_status, head_headers, head_body = request(
        server, query, method="HEAD", path=path, accept="text/csv"
    )
    assert (head_status, head_body) == (status, b"") and status == 200
    for name in ("Content-Type", "Content-Length"):
        assert head_headers[name] == headers[name]
    assert int(head_headers["Content-Length"]) == len(body) > 0


def test_head_of_a_bad_query_is_400_without_body(server: Server) -> None:
    status, headers, body = request(server, "SELECT WHERE {", method="HEAD")
    assert (status, body) == (400, b"") and int(headers["Content-Length"]) > 0
    assert request(server, "ASK { ?s ?p ?o }")[0] == 200  # the connection stayed usable


def test_cors(server: Server) -> None:
    _, headers, _ = request(server, SELECT)
    assert headers["Access-Control-Allow-Origin"] == "*"
    req = urllib.request.Request(server.endpoint, method="OPTIONS")
    req.add_header("Origin", "https://yasgui.example")
    req.add_header("Access-Control-Request-Method", "POST")
    req.add_header("Access-Control-Request-Headers", "content-type")
    req.add_header("Access-Control-Request-Private-Network", "true")
    with urllib.request.urlopen(req, timeout=30) as response:
        assert response.status == 204
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in response.headers["Access-Control-Allow-Methods"]
        assert response.headers["Access-Control-Allow-Headers"] == "content-type"
        assert response.headers["Access-Control-Allow-Private-Network"] == "true"


def test_page_and_query_at_root(server: Server) -> None:
    status, headers, body = request(server, path="/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"<textarea" in body and b"http" not in body.split(b"<script>")[0].split(b"</style>")[1]
    status, headers, _ = request(server, "ASK { ?s ?p ?o }", path="/")
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"


@pytest.mark.parametrize(
    ("kwargs", "status", "says"),
    [
        ({"path": "/nothing"}, 404, "/sparql"),
        ({"method": "PUT", "body": b"x"}, 405, "read-only"),
        ({"method": "DELETE"}, 405, "read-only"),
        ({"params": {}}, 400, "no query"),
        ({"params": {"query": "ASK {}", "default-graph-uri": "seed"}}, 400, "absolute IRI"),
        ({"method": "POST", "body": b"x", "content_type": "text/plain"}, 415, "sparql-query"),
        ({"params": {"query": FEDERATED}}, 403, "--allow-service"),
    ],
)  # fmt: skip
def test_refusals(server: Server, kwargs: dict[str, object], status: int, says: str) -> None:
    got, headers, body = request(server, **kwargs)  # type: ignore[arg-type]
    assert got == status, body
    assert says in body.decode()
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_access_log_has_one_line_per_request_without_the_query(server: Server) -> None:
    marker = "SELECT ?loggedNeverMarker WHERE { ?loggedNeverMarker ?p ?o } LIMIT 1"
    before = server.settled_log_length()
    assert request(server, marker)[0] == 200
    assert request(server, marker, method="POST")[0] == 200
    lines = server.log_lines_after(before, 2)
    assert "loggedNeverMarker" not in server.log_text()
    assert sorted(line.rsplit(" ", 2)[0] for line in lines) == [
        "127.0.0.1 GET /sparql 200",
        "127.0.0.1 POST /sparql 200",
    ]
    assert all(line.endswith(" ms") for line in lines)


# -- the time limit -----------------------------------------------------------------------------


def test_timeout_stops_the_query_and_the_server_goes_on(golden_store: Path, tmp_path: Path) -> None:
    quick = start_server(golden_store, tmp_path / "stderr.txt", "--timeout", "1")
    try:
        status, headers, body = request(quick, CROSS_PRODUCT)
        assert status == 503, body
        assert "longer than the 1 s limit" in body.decode()
        assert headers["Retry-After"]
        status, _, body = request(quick, "ASK { ?s ?p ?o }")  # the worker was replaced
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        stop_server(quick.process)
    assert quick.process.returncode == 0
    assert "kg serve: stopped" in quick.log_text()


def test_memory_limit_stops_the_query_and_the_server_goes_on(
    golden_store: Path, tmp_path: Path
) -> None:
    small = start_server(golden_store, tmp_path / "stderr.txt", "--max-memory", "200")
    try:
        status, headers, body = request(small, SORTED_CROSS_PRODUCT)
        assert status == 503, body
        assert body.decode() == (
            "the query needed more than the 200 MB memory limit and was stopped; make it "
            "narrower (a LIMIT, fewer rows to sort or group) or start kg serve with a larger "
            "--max-memory\n"
        )
        assert headers["Retry-After"]
        status, _, body = request(small, SELECT)  # an ordinary query fits in the limit
        assert status == 200, body
    finally:
        stop_server(small.process)
    assert small.process.returncode == 0


def test_a_query_process_that_dies_is_a_500(server: Server) -> None:
    """Its process killed (as by the out-of-memory killer): a 500 saying so, at once."""
    answers: list[tuple[int, Message, bytes]] = []
    client = threading.Thread(target=lambda: answers.append(request(server, CROSS_PRODUCT)))
    client.start()
    try:
        (forkserver,) = [pid for pid in children(server.process.pid) if _is_forkserver(pid)]
        deadline = time.monotonic() + 60
        while not (running := children(forkserver)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(running) == 1
        os.kill(running[0], signal.SIGKILL)
    finally:
        client.join(120)
    status, _, body = answers[0]
    assert status == 500
    assert (
        body.decode()
        == "the query process was killed by SIGKILL (out of memory?) before it answered\n"
    )
    assert request(server, "ASK { ?s ?p ?o }")[0] == 200


def _is_forkserver(pid: int) -> bool:
    return b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
