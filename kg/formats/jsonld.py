"""JSON-LD with a context: kg's prefixes and short terms for the common properties.

``CONTEXT`` maps kg's prefixes and names such as ``eventType``, ``agent``, ``timeStamp``,
``fatalities`` or ``anchorOf`` to their IRIs, with the type of their values (an IRI, an
``xsd:date``, an ``xsd:integer``...), so a node reads as
``{"@id": "event:...", "@type": "sem:Event", "eventType": "kget:armed-clash",
"timeStamp": "2014-09-26", "fatalities": 3}``. A value of another type than its term says keeps
its full form, so the document is the same RDF: parsed back (rdflib, pyld, Oxigraph), it is
isomorphic to the store's graphs.

The whole store is written graph by graph (``{"@context": ..., "@graph": [{"@id": "graph:...",
"@graph": [...]}, ...]}``): each article graph is compacted on its own, so memory stays that of
one article, whatever the size of the store.
"""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import StoreError
from kg.rdf.namespaces import PREFIXES

__all__ = ["CONTEXT", "compact", "compact_triples", "document", "ox_triples", "write_store"]

_ID = "@id"


def _terms() -> dict[str, Any]:
    iri = {"@type": _ID}
    integer = {"@type": "xsd:integer"}
    terms: dict[str, tuple[str, dict[str, str]]] = {
        # events
        "eventType": ("sem:eventType", iri),
        "hasActor": ("sem:hasActor", iri),
        "agent": ("kg:agent", iri),
        "target": ("kg:target", iri),
        "hasPlace": ("sem:hasPlace", iri),
        "location": ("kg:location", iri),
        "timeStamp": ("sem:hasTimeStamp", {"@type": "xsd:date"}),
        "timeText": ("kg:timeText", {}),
        "datePrecision": ("kg:datePrecision", integer),
        "geoPrecision": ("kg:geoPrecision", integer),
        "fatalities": ("kg:fatalities", integer),
        "injuries": ("kg:injuries", integer),
        "displaced": ("kg:displaced", integer),
        "refugees": ("kg:refugees", integer),
        "arrested": ("kg:arrested", integer),
        "confidence": ("kg:confidence", {"@type": "xsd:decimal"}),
        "externalActor": ("kg:externalActor", iri),
        "reportedBy": ("kg:reportedBy", iri),
        "attributedTo": ("prov:wasAttributedTo", iri),
        "derivedFrom": ("prov:wasDerivedFrom", iri),
        "generatedBy": ("prov:wasGeneratedBy", iri),
        "trigger": ("kg:trigger", iri),
        "sentence": ("kg:sentence", iri),
        "derivedFromEvent": ("kg:derivedFromEvent", iri),
        "position": ("kg:position", integer),
        "sortKey": ("kg:sortKey", integer),
        # actors, places, relations
        "label": ("rdfs:label", {}),
        "altLabel": ("skos:altLabel", {}),
        "prefLabel": ("skos:prefLabel", {}),
        "actorType": ("sem:actorType", iri),
        "fightsAgainst": ("kg:fightsAgainst", iri),
        "alliedWith": ("kg:alliedWith", iri),
        "placeType": ("kg:placeType", iri),
        "containedInPlace": ("schema:containedInPlace", iri),
        "sameAs": ("schema:sameAs", iri),
        "closeMatch": ("skos:closeMatch", iri),
        "countryCode": ("gn:countryCode", {}),
        "hasGeometry": ("geo:hasGeometry", iri),
        "asWKT": ("geo:asWKT", {"@type": "geo:wktLiteral"}),
        "subject": ("rdf:subject", iri),
        "predicate": ("rdf:predicate", iri),
        "object": ("rdf:object", iri),
        # articles and text spans
        "identifier": ("dcterms:identifier", {}),
        "headline": ("schema:headline", {}),
        "url": ("schema:url", iri),
        "datePublished": ("schema:datePublished", {"@type": "xsd:date"}),
        "isString": ("nif:isString", {}),
        "anchorOf": ("nif:anchorOf", {}),
        "beginIndex": ("nif:beginIndex", integer),
        "endIndex": ("nif:endIndex", integer),
        "referenceContext": ("nif:referenceContext", iri),
        "taIdentRef": ("itsrdf:taIdentRef", iri),
        "contentHash": ("kg:contentHash", {}),
        # taxonomy
        "inScheme": ("skos:inScheme", iri),
        "broader": ("skos:broader", iri),
        "notation": ("skos:notation", {}),
    }
    return {name: {_ID: prop, **coercion} for name, (prop, coercion) in terms.items()}


#: kg's JSON-LD context: the prefixes, then a term for each common property
CONTEXT: dict[str, Any] = {**PREFIXES, **_terms()}

_XSD_STRING = PREFIXES["xsd"] + "string"
_TYPE = PREFIXES["rdf"] + "type"
# the prefixes the context really defines (a term of the same name, e.g. ``sentence``, wins),
# longest namespace first
_PREFIXES = sorted(
    ((iri, name) for name, iri in CONTEXT.items() if isinstance(iri, str)),
    key=lambda prefix: -len(prefix[0]),
)
_Coercion = str | None  # "@id", a datatype's IRI, or None (a value keeps its full form)


@functools.lru_cache(maxsize=1 << 16)
def _compact_iri(iri: str) -> str:
    """``prefix:rest`` with the longest prefix of the context, else the IRI itself. A rest
    starting with ``//`` would read as an absolute IRI, so it keeps the whole IRI."""
    for namespace, name in _PREFIXES:
        rest = len(namespace)
        if iri.startswith(namespace) and len(iri) > rest and not iri.startswith("//", rest):
            return f"{name}:{iri[rest:]}"
    return iri


def _expand(compact_iri: str) -> str:
    prefix, _, rest = compact_iri.partition(":")
    namespace = CONTEXT.get(prefix)
    return namespace + rest if isinstance(namespace, str) else compact_iri


def _term_table() -> dict[str, tuple[str, _Coercion]]:
    """A property's IRI -> the term naming it and the type its values are coerced to."""
    table: dict[str, tuple[str, _Coercion]] = {}
    for name, definition in CONTEXT.items():
        if isinstance(definition, dict):
            coercion = definition.get("@type")
            datatype = coercion if coercion in (None, _ID) else _expand(coercion)
            table[_expand(definition[_ID])] = (name, datatype)
    return table


_TERMS = _term_table()


def _node_id(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return _compact_iri(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    raise StoreError(f"cannot write {term} as JSON-LD (an RDF 1.2 triple term); use --format nq")


def _full(term: Any) -> Any:
    """A value in its full form, right under any key whose term coerces nothing."""
    if not isinstance(term, ox.Literal):
        return {_ID: _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == _XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": _compact_iri(term.datatype.value)}


def _coerced(term: Any, coercion: _Coercion) -> Any | None:
    """The short value under a term coercing its values, or None if ``term`` does not fit."""
    if coercion is None:
        return _full(term)
    if coercion == _ID:
        return None if isinstance(term, ox.Literal) else _node_id(term)
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == coercion:
        return term.value
    return None


def compact_triples(triples: Iterable[Any]) -> list[dict[str, Any]]:
    """pyoxigraph triples as compacted node objects (without the context), by subject.

    ``rdf:type`` is ``@type``; a property with a term of the context is written with it, and
    its values short where they have the type the term coerces to; values of another type go
    under the property's compact IRI in their full form, so the RDF is the same read back.
    """
    nodes: dict[str, dict[str, list[Any]]] = {}
    for triple in triples:
        node = nodes.setdefault(_node_id(triple.subject), {})
        predicate, value = triple.predicate.value, triple.object
        if predicate == _TYPE and not isinstance(value, ox.Literal):
            node.setdefault("@type", []).append(_node_id(value))
            continue
        term = _TERMS.get(predicate)
        short = None if term is None else _coerced(value, term[1])
        if term is not None and short is not None:
            node.setdefault(term[0], []).append(short)
        else:
            node.setdefault(_compact_iri(predicate), []).append(_full(value))
    return [_node(node_id, nodes[node_id]) for node_id in sorted(nodes)]


def _node(node_id: str, properties: dict[str, list[Any]]) -> dict[str, Any]:
    node: dict[str, Any] = {_ID: node_id}
    for key in sorted(properties, key=lambda k: (k != "@type", k)):
        values = sorted(properties[key], key=_sort_key)
        node[key] = values[0] if len(values) == 1 else values
    return node


def _sort_key(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def compact(graph: Graph) -> list[dict[str, Any]]:
    """The nodes of an rdflib ``graph`` compacted with ``CONTEXT`` (without the context)."""
    return compact_triples(ox_triples(graph))


def ox_triples(graph: Graph) -> Iterator[Any]:
    """An rdflib graph's triples as pyoxigraph triples (for ``write_store``)."""
    data = graph.serialize(format="nt", encoding="utf-8")
    return (quad.triple for quad in ox.parse(data, ox.RdfFormat.N_TRIPLES))


def document(graph: Graph) -> bytes:
    """One graph as a compacted document with the context."""
    body = {"@context": CONTEXT, "@graph": compact(graph)}
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def write_store(graphs: Iterator[tuple[str, Iterable[Any]]], out: BinaryIO) -> None:
    """Write ``graphs`` (name, pyoxigraph triples), one at a time, as one document with named
    graphs."""
    out.write(b'{"@context": ')
    out.write(json.dumps(CONTEXT, indent=1).encode("utf-8"))
    out.write(b',\n"@graph": [')
    first = True
    for name, triples in graphs:
        named = {_ID: name, "@graph": compact_triples(triples)}
        out.write(b"\n" if first else b",\n")
        out.write(json.dumps(named, ensure_ascii=False).encode("utf-8"))
        first = False
    out.write(b"\n]}\n")


def graphs_of(store_export: Any, names: list[str]) -> Iterator[tuple[str, Iterable[Any]]]:
    """Each graph of a store as pyoxigraph triples, one graph at a time."""
    for name in names:
        dump = io.BytesIO()
        store_export(dump, "ntriples", graph=name)
        yield name, [q.triple for q in ox.parse(dump.getvalue(), ox.RdfFormat.N_TRIPLES)]
