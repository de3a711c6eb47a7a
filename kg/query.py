"""Run SPARQL queries on a store, and write their answers.

Named queries are the ``.rq`` files in ``kg/queries/``; each opens with a comment header::

    # title: Events at a place
    # description: Events at a place or anywhere inside it, with type, date and actors.
    # param: place - a place label, matched case-insensitively
    # param: from (optional) - the first day, YYYY-MM-DD

A parameter marked ``(optional)`` may be left out: its variable stays unbound, which the query
tells with ``COALESCE(STR(?from), "") = ""`` (Oxigraph answers ``BOUND`` false for a bound
parameter). Parameter values are bound as RDF terms (pyoxigraph substitutions), never pasted
into the query text: ``value`` binds the plain literal "value", ``<iri>`` binds an IRI. A bound
variable must appear in the query's SELECT clause.

Answers are written as an aligned table for a terminal (the first ``TABLE_LIMIT`` rows unless
told otherwise; the rest are counted), as the W3C SPARQL 1.1 results formats (csv, tsv, json,
xml) for SELECT and ASK, or as Turtle and N-Triples for CONSTRUCT and DESCRIBE.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.resources import queries_dir
from kg.store import ParamValue, QueryResult, Row, Store, Term
from kg.store.answers import Rows

if TYPE_CHECKING:
    from kg.store.oxterms import OxTerm

TABLE = "table"
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")  # SELECT and ASK
GRAPH_FORMATS = ("turtle", "nt", "rdfxml", "jsonld")  # CONSTRUCT and DESCRIBE
FORMATS = RESULT_FORMATS + GRAPH_FORMATS

MAX_CELL = 48  # display columns of one table cell; longer text is cut with an ellipsis
TABLE_LIMIT = 1000  # rows a table shows unless told otherwise: a screenful to a few pages
_WIDTH_SAMPLE = 1000  # rows read before column widths are fixed; later rows stream

_HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)")
_PN_LOCAL = re.compile(r"(?:[A-Za-z0-9_](?:[A-Za-z0-9_.\-]*[A-Za-z0-9_\-])?)?")
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F])
_HAS_BIDI = re.compile("[" + "".join(map(chr, _BIDI)) + "]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


_OPTIONAL = "(optional)"


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    meaning: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A shipped query: ``kg query --named NAME``."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path


def named_queries(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query, by name (the file name without ``.rq``)."""
    folder = folder if folder is not None else queries_dir()
    return {q.name: q for q in map(_read_named, sorted(folder.glob("*.rq")))}


def _read_named(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.fullmatch(line.strip())
        if match:
            fields[match[1]].append(match[2].strip())
    params = []
    for spec in fields["param"]:
        name, _, meaning = spec.partition(" - ")
        name = name.strip()
        optional = name.endswith(_OPTIONAL)
        name = name.removesuffix(_OPTIONAL).strip()
        params.append(Param(name, meaning.strip(), optional))
    return NamedQuery(
        name=path.stem,
        title=" ".join(fields["title"]) or path.stem,
        description=" ".join(fields["description"]),
        params=tuple(params),
        text=text,
        path=path,
    )


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(
            f"no named query {name!r}; there are: {', '.join(queries)} (see `kg query --list`)"
        )
    return queries[name]


def parse_value(text: str) -> ParamValue:
    """A parameter value as an RDF term: ``<iri>`` is an IRI, anything else a plain literal."""
    if len(text) > 2 and text.startswith("<") and text.endswith(">"):
        return ParamValue(text[1:-1], iri=True)
    return ParamValue(text)


def run(store: Store, sparql: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run ``sparql`` with ``params`` bound to its variables of the same names."""
    bindings = {name: parse_value(value) for name, value in (params or {}).items()}
    return store.query(sparql, bindings)


def run_named(store: Store, name: str, params: Mapping[str, str] | None = None) -> QueryResult:
    """Run a named query; every parameter it declares must be given (an optional one may
    not be), and no other."""
    query = named_query(name)
    given = dict(params or {})
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        takes = ", ".join(declared) or "no parameters"
        raise QueryError(f"{name} has no parameter {unknown[0]!r}; it takes {takes}")
    for param in query.params:
        if param.name not in given and not param.optional:
            raise QueryError(
                f"{name} needs --param {param.name}=VALUE ({param.meaning or param.name})"
            )
    return run(store, query.text, given)


def default_format(result: QueryResult) -> str:
    return "turtle" if result.kind == "graph" else TABLE


def write(
    result: QueryResult,
    out: BinaryIO,
    fmt: str | None = None,
    limit: int | None = TABLE_LIMIT,
) -> int | None:
    """Write ``result`` as ``fmt`` (default: table, or turtle for graphs).

    A table shows the first ``limit`` rows (None: all). Returns the number of rows in the
    answer for a table (shown or not), None for the streamed formats, which write every row.
    """
    fmt = fmt or default_format(result)
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if result.kind == "graph" and fmt not in GRAPH_FORMATS:
        raise QueryError(
            f"a CONSTRUCT or DESCRIBE query answers with RDF, not a {fmt} table of results; "
            "use --format turtle, nt, rdfxml or jsonld"
        )
    if result.kind != "graph" and fmt in GRAPH_FORMATS:
        raise QueryError(
            f"a SELECT or ASK query answers with results, not {fmt}; "
            "use --format table, csv, tsv, json or xml"
        )
    if fmt == TABLE and result.kind == "ask":
        out.write(b"true\n" if result.boolean else b"false\n")
        return None
    if fmt == TABLE:
        return write_table(result, out, limit=limit)
    result.write(out, fmt)
    return None


# -- the table --------------------------------------------------------------------------------


def write_table(
    result: QueryResult,
    out: BinaryIO,
    max_cell: int = MAX_CELL,
    limit: int | None = TABLE_LIMIT,
) -> int:
    """An aligned text table of the first ``limit`` rows of a SELECT answer (None: all of
    them); returns the number of rows in the answer, those past ``limit`` counted unread."""
    source = _plain(result.rows)
    rows = source if limit is None else itertools.islice(source, limit)
    head = [[cell(t, max_cell) for t in row] for row in itertools.islice(rows, _WIDTH_SAMPLE)]
    widths = [display_width(v) for v in result.variables]
    for cells in head:
        widths = [max(w, display_width(c)) for w, c in zip(widths, cells, strict=True)]

    def line(cells: Iterable[str]) -> bytes:  # a cell wider than its column pushes the rest
        padded = [
            c + " " * max(0, w - display_width(c)) for c, w in zip(cells, widths, strict=True)
        ]
        return ("  ".join(padded).rstrip() + "\n").encode("utf-8")

    out.write(line(result.variables))
    out.write(line("-" * w for w in widths))
    count = 0
    for cells in itertools.chain(head, ([cell(t, max_cell) for t in row] for row in rows)):
        out.write(line(cells))
        count += 1
    if isinstance(result.rows, Rows):  # the rest counted, their terms never converted
        return count + result.rows.skip()
    return count + sum(1 for _ in source)


def _plain(rows: Iterator[Row]) -> Iterator[tuple[Term | OxTerm | None, ...]]:
    """The rows as the store gives them, unconverted when it can (a table needs only text)."""
    return rows.native() if isinstance(rows, Rows) else rows


def rows_as_text(rows: Iterable[Row]) -> list[tuple[str, ...]]:
    """Rows as the table shows them, untruncated (handy in tests and scripts)."""
    return [tuple(cell(t, max_cell=None) for t in row) for row in rows]


def cell(term: Term | OxTerm | None, max_cell: int | None = MAX_CELL) -> str:
    """How a term (rdflib's or pyoxigraph's) shows in a table, safe to print: a prefixed name
    or ``<iri>``, ``_:id``, or a literal's lexical form cut to ``max_cell`` columns (IRIs are
    never cut: they are ids)."""
    if term is None:
        return ""
    kind, lexical = _kind(term)
    if kind == "iri":
        return _printable(short_iri(lexical))
    if kind == "bnode":
        return _printable(f"_:{lexical}")
    text = _printable(lexical)
    return text if max_cell is None else _fit(text, max_cell)


def _kind(term: Term | OxTerm) -> tuple[str, str]:
    """A term's kind (iri, bnode or literal) and its lexical form."""
    if isinstance(term, ox.Literal):
        return "literal", term.value
    if isinstance(term, ox.NamedNode):
        return "iri", term.value
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value
    from rdflib import BNode, Literal, URIRef  # an rdflib term: rdflib is loaded already

    if isinstance(term, Literal):
        return "literal", str(term)
    if isinstance(term, URIRef):
        return "iri", str(term)
    if isinstance(term, BNode):
        return "bnode", str(term)
    raise QueryError(f"the answer holds {term}, an RDF 1.2 triple term; use --format json")


def short_iri(iri: str) -> str:
    """``prefix:local`` with kg's prefixes where the local part allows it, else ``<iri>``."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and _PN_LOCAL.fullmatch(iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def _printable(text: str) -> str:
    """Whitespace runs to one space; control and bidi characters escaped (text is hostile)."""
    text = " ".join(text.split())
    if text.isprintable() and (text.isascii() or not _HAS_BIDI.search(text)):
        return text
    return "".join(
        f"\\u{ord(c):04x}" if ord(c) in _BIDI or unicodedata.category(c) == "Cc" else c
        for c in text
    )


def display_width(text: str) -> int:
    """Terminal columns: wide East Asian characters take two, combining marks none."""
    if text.isascii():
        return len(text)
    return len(text) + sum(_char_width(c) - 1 for c in _NON_ASCII.findall(text))  # ASCII: 1


def _char_width(c: str) -> int:
    if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def _fit(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    if text.isascii():
        return text[: width - 1] + "…"
    kept, used = [], 0
    for c in text:
        w = _char_width(c)
        if used + w > width - 1:
            break
        kept.append(c)
        used += w
    return "".join(kept) + "…"
