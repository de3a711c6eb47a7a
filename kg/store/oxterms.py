"""Between rdflib and pyoxigraph: terms in both directions, and pyoxigraph's answers as kg's
:class:`~kg.store.QueryResult` (rows, triples and a writer for the answer's formats)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.rdf.namespaces import PREFIXES
from kg.store import InputTriple, QueryResult, ResultWriter, Row, Term, Triple

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_RESULT_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_XSD_STRING = str(XSD.string)


@lru_cache(maxsize=65536)
def ox_iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise StoreError(f"cannot store <{value[:200]}>: not a valid IRI ({exc})") from exc


def to_ox(term: Node) -> OxTerm:
    """An rdflib term as a pyoxigraph term; pyoxigraph validates IRIs and language tags."""
    if isinstance(term, URIRef):
        return ox_iri(str(term))
    if isinstance(term, RdfLiteral):
        lexical = str(term)
        try:
            if term.language:
                return ox.Literal(lexical, language=term.language)
            if term.datatype is not None and str(term.datatype) != _XSD_STRING:
                return ox.Literal(lexical, datatype=ox_iri(str(term.datatype)))
            return ox.Literal(lexical)
        except ValueError as exc:
            raise StoreError(f"cannot store the literal {lexical[:80]!r}: {exc}") from exc
    if isinstance(term, BNode):
        try:
            return ox.BlankNode(str(term))
        except ValueError:  # an id pyoxigraph does not accept: a stable valid one instead
            return ox.BlankNode("b" + hashlib.sha256(str(term).encode()).hexdigest()[:32])
    raise StoreError(f"cannot store {type(term).__name__} {term!r}: not an IRI, literal or bnode")


def to_ox_triples(triples: Iterable[InputTriple]) -> set[ox.Triple]:
    converted = set()
    iris: dict[Node, ox.NamedNode] = {}  # an article names the same few IRIs again and again

    def convert(term: Node) -> OxTerm:
        if type(term) is not URIRef:  # literals mostly differ, and their hash is slow
            return to_ox(term)
        found = iris.get(term)
        if found is None:
            found = iris[term] = ox_iri(str(term))
        return found

    for triple in triples:
        if isinstance(triple, ox.Triple):  # already converted (kg.parallel's workers)
            converted.add(triple)
            continue
        s, p, o = triple
        subject, predicate = convert(s), convert(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise StoreError(f"cannot store ({s!r}, {p!r}, {o!r}): not an RDF triple")
        converted.add(ox.Triple(subject, predicate, convert(o)))
    return converted


def from_ox(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"the answer holds {term}, an RDF 1.2 triple term; use --format json")


# -- answers ---------------------------------------------------------------------------------


def query_result(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        return QueryResult("ask", boolean=value, writer=_results_writer(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        return QueryResult(
            "select", variables=variables, rows=Rows(answer), writer=_results_writer(answer)
        )
    return QueryResult("graph", triples=_triples(answer), writer=_graph_writer(answer))


class Rows(Iterator[Row]):
    """A SELECT answer's rows as rdflib terms, converted one row at a time.

    :meth:`native` gives the rows not yet read as pyoxigraph terms instead: ~50 times cheaper
    for a reader that only needs each term's kind and text (kg's table, a row count).
    """

    def __init__(self, answer: Any) -> None:
        self._answer = iter(answer)

    def __iter__(self) -> Rows:
        return self

    def __next__(self) -> Row:
        solution = _next_solution(self._answer)
        return tuple(None if t is None else from_ox(t) for t in solution)

    def native(self) -> Iterator[tuple[OxTerm | None, ...]]:
        while True:
            try:
                yield tuple(_next_solution(self._answer))
            except StopIteration:
                return


def _next_solution(answer: Iterator[Any]) -> Any:
    try:
        return next(answer)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


def _triples(answer: Any) -> Iterator[Triple]:
    try:
        for t in answer:
            yield (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


def _results_writer(answer: Any) -> ResultWriter:
    def write(out: BinaryIO, fmt: str) -> None:
        if fmt not in _RESULT_FORMATS:
            raise QueryError(f"a SELECT or ASK answer cannot be written as {fmt}")
        _guarded(lambda: answer.serialize(out, _RESULT_FORMATS[fmt]))

    return write


def _graph_writer(answer: Any) -> ResultWriter:
    def write(out: BinaryIO, fmt: str) -> None:
        if fmt not in _GRAPH_RESULT_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE answer cannot be written as {fmt}")
        _guarded(lambda: ox.serialize(answer, out, _GRAPH_RESULT_FORMATS[fmt], prefixes=PREFIXES))

    return write


def _guarded(run: Callable[[], object]) -> None:
    try:
        run()
    except BrokenPipeError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc
