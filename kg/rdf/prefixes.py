"""kg's prefixes as plain strings, for code that must not import rdflib.

``kg query`` answers as CSV, JSON or a table without rdflib (importing it costs ~0.1 s, a tenth
of a query on a million triples), so the query path reads the prefixes here.
:mod:`kg.rdf.namespaces` makes its namespaces from this table, and a test checks that rdflib's
standard namespaces (``RDF``, ``SKOS``, ``PROV``...) agree with it (tests/test_query.py).
"""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "kg": "https://w3id.org/kg/ontology#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "sf": "http://www.opengis.net/ont/sf#",
    "gn": "http://www.geonames.org/ontology#",
    "wd": "http://www.wikidata.org/entity/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "kget": "https://w3id.org/kg/event-type/",
    "kgat": "https://w3id.org/kg/actor-type/",
    "kgpt": "https://w3id.org/kg/place-type/",
    "cameo": "https://w3id.org/kg/cameo/",
    "article": "https://w3id.org/kg/article/",
    "event": "https://w3id.org/kg/event/",
    "actor": "https://w3id.org/kg/actor/",
    "place": "https://w3id.org/kg/place/",
    "geometry": "https://w3id.org/kg/geometry/",
    "mention": "https://w3id.org/kg/mention/",
    "sentence": "https://w3id.org/kg/sentence/",
    "graph": "https://w3id.org/kg/graph/",
    "activity": "https://w3id.org/kg/activity/",
    "relation": "https://w3id.org/kg/relation/",
}
