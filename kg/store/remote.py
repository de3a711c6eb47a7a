"""A remote SPARQL 1.1 store (Oxigraph server, Apache Jena Fuseki, GraphDB) behind ``Store``.

``--store http(s)://...`` (see :mod:`kg.store.endpoints` for each server's URL). Writes use
the SPARQL 1.1 Graph Store Protocol: each article's graph is one ``PUT ?graph=IRI`` of
N-Triples (written by pyoxigraph's serialiser), which replaces the graph whole on the server,
so re-ingesting replaces; an empty graph is a ``DELETE``. Reads use the SPARQL 1.1 Protocol:
a ``POST`` of the query, whose answer (SPARQL JSON results, or N-Triples for CONSTRUCT and
DESCRIBE) is streamed through pyoxigraph's parsers into the same :class:`QueryResult` as the
embedded store's (rows of rdflib terms, or the answer written as csv, tsv, json, xml, turtle
or nt by the same serialisers). kg's prefixes are declared and parameters bound by
:mod:`kg.store.sparqltext`. The default graph must be the union of the graphs (Oxigraph: kg
asks for it in each query; Fuseki and GraphDB: see docs/STORES.md; kg warns when it is not).

Atomicity: each article's graph is replaced all or nothing (one PUT), and carries its content
hash (:mod:`kg.hashes`), so a graph and its hash always agree. A batch is not atomic as a
whole: when the store fails mid-batch (after the retries of :mod:`kg.store.http`),
:class:`~kg.errors.StoreWriteError` names the articles not written, and running the same
ingest again writes them (those written are skipped as unchanged).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, BinaryIO, Self

import httpx
import pyoxigraph as ox

from kg.credentials import credentials_for
from kg.errors import QueryError, StoreError, StoreWriteError
from kg.rdf.namespaces import GRAPH, PREFIXES
from kg.store import EXPORT_FORMATS, Binding, Dataset, InputTriple, QueryResult
from kg.store.answers import query_result
from kg.store.endpoints import endpoints
from kg.store.http import Http, HttpError, RetryPolicy, Unavailable, body
from kg.store.oxterms import ox_iri, to_ox_triples
from kg.store.sparqltext import PROLOGUE, declares_dataset, substitute

log = logging.getLogger(__name__)

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_NQUADS = "application/n-quads"
_ACCEPT = f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"
_RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = ("nquads", "trig", "jsonld")
_POSITION = re.compile(r"\b(at|line) (\d+)([:,])")


class RemoteStore:
    """A SPARQL 1.1 store over HTTP; see the module docstring."""

    def __init__(
        self,
        location: str,
        *,
        read_only: bool = False,
        policy: RetryPolicy | None = None,
        env: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._location = location
        self._read_only = read_only
        self.endpoints = endpoints(location)
        credentials = credentials_for(self.endpoints.url, env)
        self._http = Http(
            self.endpoints.url, credentials, policy or RetryPolicy.from_env(env), transport
        )
        try:
            self._check()
        except BaseException:
            self._http.close()
            raise

    def _check(self) -> None:
        """Ask the store something: an unreachable or wrong URL fails now, not mid-run."""
        try:
            self._ask("ASK { }")
        except HttpError as exc:
            raise StoreError(
                f"{self.endpoints.url} does not answer SPARQL queries at {self.endpoints.query} "
                f"(HTTP {exc.status}); check the URL's form for {self.endpoints.kind} in "
                "docs/STORES.md, or name the server's kind (fuseki+http://...)"
            ) from None
        if self.endpoints.kind != "oxigraph" and self._read_only:
            named = self._ask("ASK { GRAPH ?g { ?s ?p ?o } }")
            if named and not self._ask("ASK { ?s ?p ?o }"):
                log.warning(
                    "the default graph of the store at %s is not the union of its graphs, so "
                    "queries without GRAPH find nothing; see docs/STORES.md (%s)",
                    self.endpoints.url,
                    self.endpoints.kind,
                )

    # -- the Store protocol --------------------------------------------------------------------

    @property
    def location(self) -> str:
        return self._location

    @property
    def read_only(self) -> bool:
        return self._read_only

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def replace_graph(self, graph: str, triples: Iterable[InputTriple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[InputTriple]]) -> None:
        """One PUT per graph (DELETE when empty), in order; see the module doc on failures."""
        self._writable()
        payloads = [(str(name), _ntriples(triples)) for name, triples in graphs.items()]
        for done, (name, data) in enumerate(payloads):
            try:
                if data:
                    self._put(name, data)
                else:
                    self._delete(name)
            except StoreError as exc:
                unwritten = [_article(n) for n, _ in payloads[done:]]
                reason = str(exc)
                if isinstance(exc, Unavailable):
                    reason = f"{exc.reason}; {exc.attempts} attempts"
                raise StoreWriteError(self._location, reason, unwritten) from None

    def remove_graph(self, graph: str) -> None:
        self._writable()
        self._delete(str(graph))

    def has_graph(self, graph: str) -> bool:
        return self._ask(f"ASK {{ GRAPH {ox_iri(str(graph))} {{ ?s ?p ?o }} }}")

    def graph_names(self) -> Iterator[str]:
        for (name,) in self.query("SELECT ?g WHERE { GRAPH ?g { } }").rows:
            if name is not None:
                yield str(name)

    def triple_count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        (count,) = next(rows)
        return int(str(count))

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        dataset: Dataset | None = None,
    ) -> QueryResult:
        text = PROLOGUE + substitute(sparql, bindings)
        if dataset is not None:  # the protocol's own parameters (an empty default graph too)
            params: tuple[tuple[str, str], ...] = (
                *(("default-graph-uri", g) for g in dataset.default_graphs),
                *(("named-graph-uri", g) for g in dataset.named_graphs),
            )
        elif declares_dataset(sparql):
            params = ()
        else:
            params = self.endpoints.query_params
        try:
            response = self._http.open(
                "POST",
                self.endpoints.query,
                params=params,
                content=text.encode("utf-8"),
                headers={"Content-Type": "application/sparql-query", "Accept": _ACCEPT},
            )
        except HttpError as exc:
            if exc.status == 400:
                raise QueryError(f"SPARQL syntax error: {_unshift(exc.message)}") from None
            raise
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        stream = body(response)
        try:
            if kind == _RESULTS_JSON:
                return query_result(ox.parse_query_results(stream, ox.QueryResultsFormat.JSON))
            if kind == _NTRIPLES:
                parsed = ox.parse(stream, ox.RdfFormat.N_TRIPLES)
                return query_result(quad.triple for quad in parsed)
        except (OSError, SyntaxError, ValueError) as exc:
            stream.close()
            raise StoreError(
                f"cannot read the answer of the store at {self._location}: {exc}"
            ) from exc
        stream.close()
        raise StoreError(
            f"the store at {self._location} answered a query with {kind or 'no content type'}, "
            f"not {_RESULTS_JSON} or {_NTRIPLES}"
        )

    def export(
        self,
        out: BinaryIO,
        fmt: str = "nquads",
        graph: str | None = None,
        extra: Mapping[str, Iterable[InputTriple]] | None = None,
    ) -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(_RDF_FORMATS)}")
        if graph is not None:
            quads: Iterator[ox.Quad] = self._graph_quads(str(graph), missing_ok=False)
        else:
            quads = self._all_quads()
        if extra:
            quads = _chain(quads, extra)
        items: Iterator[Any] = quads if fmt in _QUAD_FORMATS else (q.triple for q in quads)
        try:
            ox.serialize(items, out, _RDF_FORMATS[fmt], prefixes=PREFIXES)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StoreError(f"cannot export the store at {self._location}: {exc}") from exc

    # -- helpers -------------------------------------------------------------------------------

    def _writable(self) -> None:
        if self._read_only:
            raise StoreError(f"the store at {self._location} was opened read-only")

    def _ask(self, sparql: str) -> bool:
        result = self.query(sparql)
        return bool(result.boolean)

    def _graph_params(self, name: str) -> dict[str, str]:
        ox_iri(name)  # refuses what is not an IRI
        return {"graph": name}

    def _put(self, name: str, data: bytes) -> None:
        self._http.request(
            "PUT",
            self.endpoints.graphs,
            params=self._graph_params(name),
            content=data,
            headers={"Content-Type": _NTRIPLES},
        )

    def _delete(self, name: str) -> None:
        params = self._graph_params(name)
        self._http.request("DELETE", self.endpoints.graphs, params=params, allow=frozenset({404}))

    def _graph_quads(self, name: str, *, missing_ok: bool) -> Iterator[ox.Quad]:
        response = self._http.open(
            "GET",
            self.endpoints.graphs,
            params=self._graph_params(name),
            headers={"Accept": _NTRIPLES},
            allow=frozenset({404}),
        )
        if response.status_code == 404:
            response.close()
            if missing_ok:
                return iter(())
            raise StoreError(f"the store at {self._location} has no graph <{name}>")
        target = ox_iri(name)
        parsed = ox.parse(body(response), ox.RdfFormat.N_TRIPLES)
        return (ox.Quad(q.subject, q.predicate, q.object, target) for q in parsed)

    def _all_quads(self) -> Iterator[ox.Quad]:
        if self.endpoints.dataset is not None:
            response = self._http.open("GET", self.endpoints.dataset, headers={"Accept": _NQUADS})
            yield from ox.parse(body(response), ox.RdfFormat.N_QUADS)
            return
        for name in list(self.graph_names()):  # the names first: one answer open at a time
            yield from self._graph_quads(name, missing_ok=True)


def _ntriples(triples: Iterable[InputTriple]) -> bytes:
    converted = to_ox_triples(triples)
    if not converted:
        return b""
    data = ox.serialize(converted, format=ox.RdfFormat.N_TRIPLES)
    assert data is not None
    return bytes(data)


def _chain(
    quads: Iterator[ox.Quad], extra: Mapping[str, Iterable[InputTriple]]
) -> Iterator[ox.Quad]:
    yield from quads
    for name, triples in extra.items():
        graph = ox_iri(str(name))
        for t in sorted(to_ox_triples(triples), key=str):
            yield ox.Quad(t.subject, t.predicate, t.object, graph)


def _article(graph: str) -> str:
    """An article's id (its IRI-safe slug) from its graph's name; other graphs as they are."""
    return graph.removeprefix(str(GRAPH)) if graph.startswith(str(GRAPH)) else f"<{graph}>"


def _unshift(message: str) -> str:
    """A server's error position, less the one line of prefixes kg put in front."""
    return _POSITION.sub(lambda m: f"{m[1]} {max(1, int(m[2]) - 1)}{m[3]}", message)
