"""Between rdflib and pyoxigraph: terms in both directions (pyoxigraph's answers as kg's
:class:`~kg.store.QueryResult` are in :mod:`kg.store.answers`, which needs no rdflib)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.store import InputTriple, Term

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal

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
