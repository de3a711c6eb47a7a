"""The concept schemes of ``ontology/taxonomy.ttl``, read once, for labels in generated text."""

from __future__ import annotations

import functools

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from kg.errors import ResourceError
from kg.rdf.namespaces import EVENT_TYPE, EVENT_TYPES
from kg.resources import ontology_dir


@functools.cache
def _taxonomy() -> Graph:
    path = ontology_dir() / "taxonomy.ttl"
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise ResourceError(path, f"cannot read the taxonomy: {exc}") from exc


@functools.cache
def event_type_labels() -> dict[str, str]:
    """Event-type concept id ("armed-clash") -> its English prefLabel ("Armed clash")."""
    g = _taxonomy()
    labels = {}
    for concept in g.subjects(SKOS.inScheme, EVENT_TYPES):
        assert isinstance(concept, URIRef)
        label = next((str(o) for o in g.objects(concept, SKOS.prefLabel)), None)
        if label is not None and str(concept).startswith(str(EVENT_TYPE)):
            labels[str(concept)[len(str(EVENT_TYPE)) :]] = label
    return labels
