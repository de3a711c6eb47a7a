"""Read RDF files users hand to kg, with a conformant parser and one-line errors.

rdflib's Turtle-family parsers accept files the W3C test suite says are not RDF (e.g. a
triple with no final ``.``, ``"a" @en`` with a space, a bare ``\\`` in a local name), and some
of their error messages span lines. Turtle, TriG, N-Triples and N-Quads are therefore parsed
with pyoxigraph's strict parsers (W3C RDF 1.1 test suites: every positive syntax and
evaluation test accepted, every negative one rejected; ``tests/rdf/test_reading.py``) and
turned into rdflib terms, since pySHACL and the rest of kg work on rdflib graphs. JSON-LD and
RDF/XML stay with rdflib.

``parse_dataset`` reads one file into an rdflib ``Dataset`` (triples in its default graph,
quads in their named graphs); ``parse_graph`` reads triples into a ``Graph``. A file that does
not parse raises ``RdfSyntaxError`` naming ``file:line:column`` when the parser knows it.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import InputError, RdfSyntaxError
from kg.store.oxterms import from_ox

__all__ = ["STRICT_FORMATS", "parse_dataset", "parse_graph"]

#: rdflib parser names read with pyoxigraph instead of rdflib
STRICT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}

_BOM = b"\xef\xbb\xbf"
# pyoxigraph's own location prefix, replaced by file:line:column
_LOCATION = re.compile(r"^Parser error (at|between) [^:]*: ")


def parse_dataset(
    path: Path, fmt: str, source: str | None = None, base_iri: str | None = None
) -> Dataset:
    """Parse ``path`` (rdflib parser name ``fmt``) into a ``Dataset``.

    ``source`` names the file in messages (default: the path). Relative IRIs resolve against
    ``base_iri``, by default the file's own ``file://`` IRI, as rdflib resolves them.
    """
    name = source or str(path)
    dataset = Dataset()
    if fmt not in STRICT_FORMATS:
        _rdflib_parse(dataset, path, fmt, name)
        return dataset
    default = dataset.default_graph
    prefixes: dict[str, str] = {}
    for s, p, o, g in _quads(path, STRICT_FORMATS[fmt], name, base_iri, prefixes):
        graph = default if g is None else dataset.graph(g)
        graph.add((s, p, o))
    _bind(dataset, prefixes)
    return dataset


def parse_graph(path: Path, fmt: str = "turtle", base_iri: str | None = None) -> Graph:
    """Parse a file of triples (Turtle or N-Triples) into ``graph``; named graphs are an error."""
    graph = Graph(bind_namespaces="none")
    add_triples(graph, path, fmt, base_iri)
    return graph


def add_triples(graph: Graph, path: Path, fmt: str = "turtle", base_iri: str | None = None) -> None:
    """Add the triples of a Turtle or N-Triples file to ``graph`` (an existing rdflib graph).

    The file's prefixes are bound in ``graph``, as rdflib's parser binds them (pySHACL's text
    report shortens names with the shapes graph's prefixes).
    """
    prefixes: dict[str, str] = {}
    for s, p, o, g in _quads(path, STRICT_FORMATS[fmt], str(path), base_iri, prefixes):
        if g is not None:  # not reachable for Turtle and N-Triples; kept for safety
            raise RdfSyntaxError(str(path), "holds named graphs where triples were expected")
        graph.add((s, p, o))
    _bind(graph, prefixes)


def _bind(graph: Graph, prefixes: dict[str, str]) -> None:
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace)


_Subject = URIRef | BNode
_Object = URIRef | BNode | Literal
_Quad = tuple[_Subject, URIRef, _Object, URIRef | BNode | None]


def _quads(
    path: Path, fmt: ox.RdfFormat, name: str, base_iri: str | None, prefixes: dict[str, str]
) -> Iterator[_Quad]:
    """The file's quads as rdflib terms (graph ``None`` for the default graph); once they are
    all read, ``prefixes`` holds the prefixes the file declares."""
    base = base_iri if base_iri is not None else _file_iri(path)
    try:
        with path.open("rb") as stream:
            if stream.read(len(_BOM)) != _BOM:  # a UTF-8 byte order mark is skipped, as rdflib does
                stream.seek(0)
            parser = ox.parse(stream, fmt, base_iri=base)
            for quad in parser:
                graph = quad.graph_name
                yield (
                    _subject(quad.subject, name),
                    URIRef(quad.predicate.value),
                    _object(quad.object, name),
                    None if isinstance(graph, ox.DefaultGraph) else _subject(graph, name),
                )
            prefixes.update(parser.prefixes)
    except SyntaxError as exc:
        raise RdfSyntaxError(_where(name, exc), _detail(exc)) from exc
    except UnicodeDecodeError as exc:
        raise RdfSyntaxError(name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc


def _file_iri(path: Path) -> str:
    return path.resolve().as_uri()


def _where(name: str, exc: SyntaxError) -> str:
    if exc.lineno is None:
        return name
    return f"{name}:{exc.lineno}:{exc.offset}" if exc.offset else f"{name}:{exc.lineno}"


def _detail(exc: SyntaxError) -> str:
    text = _LOCATION.sub("", str(exc.msg or exc))
    return " ".join(text.split()) or "syntax error"


def _subject(term: object, name: str) -> _Subject:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise RdfSyntaxError(name, "holds RDF 1.2 triple terms, which kg does not read")


def _object(term: object, name: str) -> _Object:
    if isinstance(term, ox.Literal):
        literal = from_ox(term)  # the store's converter: one mapping of literals to rdflib
        assert isinstance(literal, Literal)
        return literal
    return _subject(term, name)


def _rdflib_parse(dataset: Dataset, path: Path, fmt: str, name: str) -> None:
    try:
        with warnings.catch_warnings():
            # rdflib 7.6's parsers use rdflib's own deprecated APIs (Dataset.default_context,
            # ConjunctiveGraph): nothing a caller can change, so hide only those
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
            dataset.parse(path, format=fmt)
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    except Exception as exc:  # each rdflib parser raises its own types for bad syntax
        raise RdfSyntaxError(name, " ".join(str(exc).split()) or type(exc).__name__) from exc
