"""pyoxigraph's answers as kg's :class:`~kg.store.QueryResult`: rows, triples, and a writer
for the answer's formats.

Nothing here imports rdflib: ``kg query`` writes CSV, TSV, JSON, XML, Turtle, N-Triples and its
table from pyoxigraph's own terms, and rdflib (~0.1 s to import) is loaded only when a caller
reads rows or triples as rdflib terms (:func:`kg.store.oxterms.from_ox`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.store import QueryResult, ResultWriter, Row, Triple

if TYPE_CHECKING:
    from kg.store.oxterms import OxTerm

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
        from kg.store.oxterms import from_ox  # rdflib: only for a reader of rdflib terms

        solution = _next_solution(self._answer)
        return tuple(None if t is None else from_ox(t) for t in solution)

    def native(self) -> Iterator[tuple[OxTerm | None, ...]]:
        while True:
            try:
                yield tuple(_next_solution(self._answer))
            except StopIteration:
                return

    def skip(self) -> int:
        """Read the rows not yet read without converting their terms; how many there were (a
        table's count of the rows it does not show: ~3 times cheaper than :meth:`native`)."""
        skipped = 0
        while True:
            try:
                _next_solution(self._answer)
            except StopIteration:
                return skipped
            skipped += 1


def _next_solution(answer: Iterator[Any]) -> Any:
    try:
        return next(answer)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


def _triples(answer: Any) -> Iterator[Triple]:
    from kg.store.oxterms import from_ox  # rdflib: only for a reader of rdflib terms

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
