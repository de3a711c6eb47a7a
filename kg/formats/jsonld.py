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

import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from rdflib import Graph

from kg.rdf.namespaces import PREFIXES

__all__ = ["CONTEXT", "compact", "write_store"]

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
        "reportedBy": ("kg:reportedBy", iri),
        "attributedTo": ("prov:wasAttributedTo", iri),
        "derivedFrom": ("prov:wasDerivedFrom", iri),
        "generatedBy": ("prov:wasGeneratedBy", iri),
        "trigger": ("kg:trigger", iri),
        "sentence": ("kg:sentence", iri),
        "derivedFromEvent": ("kg:derivedFromEvent", iri),
        "position": ("kg:position", integer),
        "sentenceText": ("kg:sentenceText", {}),
        "agentLabel": ("kg:agentLabel", {}),
        "targetLabel": ("kg:targetLabel", {}),
        "placeLabel": ("kg:placeLabel", {}),
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


def compact(graph: Graph) -> list[dict[str, Any]]:
    """The nodes of ``graph`` compacted with ``CONTEXT`` (without the context itself)."""
    if len(graph) == 0:
        return []
    data = json.loads(graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    data.pop("@context", None)
    if "@graph" in data:
        nodes: list[dict[str, Any]] = data["@graph"]
        return nodes
    return [data]


def document(graph: Graph) -> bytes:
    """One graph as a compacted document with the context."""
    body = {"@context": CONTEXT, "@graph": compact(graph)}
    return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")


def write_store(graphs: Iterator[tuple[str, Graph]], out: BinaryIO) -> None:
    """Write ``graphs`` (name, triples), one at a time, as one document with named graphs."""
    out.write(b'{"@context": ')
    out.write(json.dumps(CONTEXT, indent=1).encode("utf-8"))
    out.write(b',\n"@graph": [')
    first = True
    for name, graph in graphs:
        named = {_ID: name, "@graph": compact(graph)}
        out.write(b"\n" if first else b",\n")
        out.write(json.dumps(named, ensure_ascii=False).encode("utf-8"))
        first = False
    out.write(b"\n]}\n")


def graphs_of(store_export: Any, names: list[str]) -> Iterator[tuple[str, Graph]]:
    """Each graph of a store, read as rdflib triples one at a time."""
    for name in names:
        dump = io.BytesIO()
        store_export(dump, "ntriples", graph=name)
        yield name, Graph(bind_namespaces="none").parse(data=dump.getvalue(), format="nt")
