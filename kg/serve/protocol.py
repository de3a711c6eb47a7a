"""The SPARQL 1.1 Protocol's rules, as pure functions: what a request asks, in which format.

``parse_request`` reads the query out of a GET or POST request (``?query=``, a form, or an
``application/sparql-query`` body) and refuses what a read-only endpoint does not do;
``negotiate`` picks the answer's format from the ``format`` parameter or the ``Accept``
header once the query's kind (SELECT/ASK or CONSTRUCT/DESCRIBE) is known. Both raise
``RequestError`` with the HTTP status to send.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs

from kg.errors import RequestError
from kg.store import Dataset

Kind = Literal["select", "ask", "graph"]

#: format name -> (the Content-Type sent, other media types that ask for it), default first
RESULT_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "json": ("application/sparql-results+json", ("application/json",)),
    "xml": ("application/sparql-results+xml", ("application/xml", "text/xml")),
    "csv": ("text/csv; charset=utf-8", ()),
    "tsv": ("text/tab-separated-values; charset=utf-8", ()),
}
GRAPH_FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": ("text/turtle; charset=utf-8", ("application/turtle", "application/x-turtle")),
    "nt": ("application/n-triples", ("text/plain",)),
    "rdfxml": ("application/rdf+xml", ()),
    "jsonld": ("application/ld+json", ("application/x-json+ld",)),
}
_FORMAT_NAMES = {
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "rdf": "rdfxml",
    "xml-rdf": "rdfxml",
    "json-ld": "jsonld",
}
_GRAPH_ALIASES = {"xml": "rdfxml", "json": "jsonld"}

MAX_QUERY_BYTES = 1_000_000

_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]+")

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted (load data with `kg ingest`)"
_UPDATE_WORDS = frozenset(
    ["INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "COPY", "MOVE", "ADD", "WITH"]
)  # what a SPARQL Update request can start with, after its prologue

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
                 | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f\u2040]*)
    | (?P<pname>[\w.\-]*:[\w.\-:%\\]*)
    | (?P<word>[A-Za-z_]\w*)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """A SPARQL query to run: its text, the client's ``Accept`` header, and the formats its
    ``format`` parameters name (clients such as SPARQLWrapper send one or two)."""

    query: str
    accept: str = ""
    formats: tuple[str, ...] = ()
    #: the dataset named by ``default-graph-uri`` / ``named-graph-uri``; ``None`` if neither
    dataset: Dataset | None = None


def parse_request(
    method: str,
    params: str,
    content_type: str = "",
    body: bytes = b"",
    accept: str = "",
) -> QueryRequest:
    """The query in a SPARQL 1.1 Protocol request: ``params`` is the URL's query string."""
    fields = _fields(method, params, content_type, body)
    if "update" in fields:
        raise RequestError(403, READ_ONLY)
    queries = fields.get("query", [])
    if not queries or not queries[0].strip():
        raise RequestError(
            400,
            "no query: pass one SPARQL query as ?query=..., as a form field query=..., or as "
            f"an {SPARQL_QUERY} POST body",
        )
    if len(queries) > 1:
        raise RequestError(400, "several query parameters: pass exactly one")
    query = queries[0]
    if is_update(query):
        raise RequestError(403, READ_ONLY)
    formats = tuple(
        dict.fromkeys(
            name for value in fields.get("format", []) if value for name in _format_names(value)
        )
    )
    return QueryRequest(query, accept, formats, _dataset(fields))


def _dataset(fields: Mapping[str, Sequence[str]]) -> Dataset | None:
    """The dataset the request names (SPARQL 1.1 Protocol 2.1.4): it wins over the query's
    own ``FROM`` / ``FROM NAMED``; the default graph is empty if only named graphs are given."""
    default = fields.get("default-graph-uri", [])
    named = fields.get("named-graph-uri", [])
    if not default and not named:
        return None
    for name, values in (("default-graph-uri", default), ("named-graph-uri", named)):
        for value in values:
            if not _ABSOLUTE_IRI.fullmatch(value):
                raise RequestError(
                    400,
                    f"{name}={value!r} is not an absolute IRI: name a graph such as "
                    "https://w3id.org/kg/graph/ID (kg serve lists none by itself; "
                    "SELECT DISTINCT ?g WHERE { GRAPH ?g {} } does)",
                )
    return Dataset(tuple(dict.fromkeys(default)), tuple(dict.fromkeys(named)))


def _fields(method: str, params: str, content_type: str, body: bytes) -> dict[str, list[str]]:
    """The request's parameters: the URL's, and a POST body's (a form, or the query itself)."""
    fields = _form(params)
    media = content_type.split(";")[0].strip().lower()
    if method == "GET":
        return fields
    if method != "POST":
        raise RequestError(405, f"{method} is not supported: send queries with GET or POST")
    if media == SPARQL_UPDATE:
        raise RequestError(403, READ_ONLY)
    if media == SPARQL_QUERY:
        if "query" in fields:
            raise RequestError(400, "give the query either in the body or in ?query=, not both")
        fields["query"] = [_text(body)]
    elif media == FORM:
        for name, values in _form(_text(body)).items():
            fields.setdefault(name, []).extend(values)
    elif body or media:
        raise RequestError(
            415,
            f"cannot read a POST body of type {media or 'unknown'!r}: send the query as "
            f"{SPARQL_QUERY} or as a {FORM} form with query=...",
        )
    return fields


def negotiate(kind: Kind, accept: str, formats: Sequence[str] = ()) -> tuple[str, str]:
    """The format (a ``QueryResult.write`` name) and Content-Type for an answer of ``kind``.

    The first of ``formats`` (the ``format`` parameters) that fits the kind wins (``xml`` and
    ``json`` name RDF/XML and JSON-LD for a graph); else the ``Accept`` header decides; with
    neither, SPARQL JSON for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE. Nothing
    acceptable: 406, saying what is offered.
    """
    offers = GRAPH_FORMATS if kind == "graph" else RESULT_FORMATS
    if kind == "graph":  # format=xml / json for a CONSTRUCT mean its RDF (SPARQLWrapper's XML)
        formats = [_GRAPH_ALIASES.get(name, name) for name in formats]
    for name in formats:
        if name in offers:
            return name, offers[name][0]
    ranges = parse_accept(accept)
    if not ranges and not formats:
        name = next(iter(offers))
        return name, offers[name][0]
    chosen = _best(offers, ranges)
    if chosen is None:
        what = "a CONSTRUCT or DESCRIBE" if kind == "graph" else "a SELECT or ASK"
        asked = f"format={','.join(formats)}" if formats else "the Accept header"
        raise RequestError(
            406,
            f"{asked} asks for no format that fits {what} query; use format="
            f"{' or '.join(offers)} (Accept: "
            f"{', '.join(_media_types(entry)[0] for entry in offers.values())})",
        )
    return chosen, offers[chosen][0]


def _best(
    offers: Mapping[str, tuple[str, tuple[str, ...]]], ranges: Sequence[tuple[str, float, int]]
) -> str | None:
    """The offered format the Accept ranges prefer: quality, then the client's order, then
    ours."""
    best: tuple[float, int, int] | None = None
    chosen = None
    for rank, name in enumerate(offers):
        for media in _media_types(offers[name]):
            match = _match(media, ranges)
            if match is None or match[0] <= 0:
                continue
            key = (match[0], -match[1], -rank)
            if best is None or key > best:
                best, chosen = key, name
    return chosen


def parse_accept(header: str) -> list[tuple[str, float, int]]:
    """``Accept`` as (media range, quality, position); malformed entries are skipped."""
    ranges = []
    for position, item in enumerate(header.split(",")):
        media, *options = (part.strip() for part in item.split(";"))
        if "/" not in media:
            continue
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media.lower(), quality, position))
    return ranges


def _media_types(entry: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    return (entry[0].split(";")[0], *entry[1])


def _match(media: str, ranges: Sequence[tuple[str, float, int]]) -> tuple[float, int] | None:
    """The quality and position of the most specific range that covers ``media``."""
    kind = media.split("/")[0]
    found: tuple[int, float, int] | None = None
    for pattern, quality, position in ranges:
        if pattern == media:
            specificity = 2
        elif pattern == f"{kind}/*":
            specificity = 1
        elif pattern == "*/*":
            specificity = 0
        else:
            continue
        if found is None or specificity > found[0]:
            found = (specificity, quality, position)
    return None if found is None else (found[1], found[2])


def is_update(sparql: str) -> bool:
    """Whether ``sparql`` is a SPARQL Update request (its first keyword after the prologue)."""
    words = _words(sparql)
    for word in words:
        if word == "PREFIX":
            next(words, None), next(words, None)  # the prefix name and its IRI
        elif word == "BASE":
            next(words, None)
        else:
            return word in _UPDATE_WORDS
    return False


def uses_service(sparql: str) -> bool:
    """Whether ``sparql`` has a ``SERVICE`` clause (a federated query: the server would fetch
    from another endpoint). Strings, IRIs, comments, variables and prefixed names are skipped,
    so ``?service`` or ``"service"`` do not count."""
    return "SERVICE" in _words(sparql, keywords_only=True)


def _words(sparql: str, keywords_only: bool = False) -> Iterator[str]:
    """The significant tokens of a SPARQL text: keywords upper-cased, then (unless
    ``keywords_only``) prefixed names, IRIs and variables; comments and strings dropped."""
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "word":
            yield match.group().upper()
        elif kind in ("pname", "iri", "var") and not keywords_only:
            yield match.group()


def _form(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise RequestError(400, f"the request's parameters are not UTF-8 form data: {exc}") from exc


def _text(body: bytes) -> str:
    if len(body) > MAX_QUERY_BYTES:
        raise RequestError(413, f"the request is larger than {MAX_QUERY_BYTES} bytes")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(400, f"the request body is not UTF-8: {exc}") from exc


def _format_names(value: str) -> list[str]:
    """A ``format`` parameter's value as format names: a name like ``csv``, a media type, or
    a comma-separated list of media types (SPARQLWrapper sends one for JSON-LD). Entries kg
    does not know are skipped; a value with none it knows is refused."""
    names = []
    for entry in value.split(","):
        text = entry.split(";")[0].strip().lower()
        text = _FORMAT_NAMES.get(text, text)
        for formats in (RESULT_FORMATS, GRAPH_FORMATS):
            if text in formats:
                names.append(text)
            names.extend(name for name, offer in formats.items() if text in _media_types(offer))
    if not names:
        known = ", ".join([*RESULT_FORMATS, *GRAPH_FORMATS])
        raise RequestError(400, f"unknown format {value!r}: use one of {known}")
    return names
