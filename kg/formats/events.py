"""Events as flat records, for analysts' formats (ACLED CSV, GeoJSON).

Two queries, each a scan of a few predicates (never one query per event): the events'
properties, then the labels, types, geometry and containment of what they point to. The
records are assembled in Python, so memory grows with the number of events (about 1 KB each),
not with the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS
from rdflib.term import Node

from kg.errors import QueryError
from kg.model import ActorType
from kg.rdf import iris
from kg.rdf.namespaces import ACTOR_TYPE, GEO, KG, NIF, SEM
from kg.stats import Places
from kg.store import Store, Term

__all__ = ["Actor", "Event", "events"]

_EVENT_PROPERTIES = """sem:eventType kg:agent kg:target sem:hasTimeStamp kg:location
  kg:geoPrecision kg:fatalities kg:reportedBy kg:sentence prov:wasDerivedFrom kg:datePrecision
  kg:externalActor"""
_NODE_PROPERTIES = """rdfs:label sem:actorType geo:hasGeometry geo:asWKT gn:countryCode
  schema:containedInPlace kg:placeType dcterms:identifier"""
# the whole store: each triple once (an actor or place is described in every article's graph)
_STORE_QUERY = "SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o }"
# one article: ?g bound to its graph
_ARTICLE_QUERY = "SELECT ?s ?p ?o ?g WHERE { VALUES ?p { %s } GRAPH ?g { ?s ?p ?o } }"
# the sentences' text, without the (many more) mentions' text: joined by hashing, one scan each
_SENTENCES = """
SELECT DISTINCT ?s (nif:anchorOf AS ?p) ?o %s WHERE {
  { SELECT DISTINCT ?s %s { GRAPH ?g { ?e kg:sentence ?s } } }
  { SELECT ?s ?o %s { GRAPH ?g { ?s nif:anchorOf ?o } } }
}
"""
_EXTERNAL = ACTOR_TYPE[ActorType.EXTERNAL_OTHER.value]
_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)")


@dataclass(frozen=True)
class Actor:
    iri: str
    label: str
    type: str  # the actor type's label in this event, or ""
    inter: str  # ACLED's inter code (1-8) in this event, or "" for kg's own types


@dataclass
class Event:
    """One event, flat: labels rather than IRIs, "" or None for what the graph does not say."""

    iri: str
    article: str = ""  # the article's IRI
    article_id: str = ""
    date: str = ""
    date_precision: str = ""
    event_type: str = ""
    sub_event_type: str = ""
    agents: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    place: str = ""
    place_iri: str = ""
    country: str = ""
    admin1: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: str = ""
    fatalities: int | None = None
    sentence: str = ""


def events(store: Store, taxonomy: Graph, article: str | None = None) -> list[Event]:
    """Every event of the store, or of the article with id ``article``, sorted by date
    (undated last), article and IRI."""
    bindings: Mapping[str, Term] | None = None
    if article is not None:
        name = iris.graph(article)
        if not store.has_graph(name):
            raise QueryError(
                f"no article {article!r} in the store at {store.location}; "
                "list the articles with `kg query --named articles`"
            )
        bindings = {"g": name}
    query = _STORE_QUERY if bindings is None else _ARTICLE_QUERY
    graph = "" if bindings is None else "?g"
    props: dict[Node, dict[Node, set[Node]]] = {}
    for e, p, o in _triples(store, query % _EVENT_PROPERTIES, bindings):
        props.setdefault(e, {}).setdefault(p, set()).add(o)
    nodes: dict[Node, dict[Node, set[Node]]] = {}
    places = Places()
    for s, p, o in _triples(store, query % _NODE_PROPERTIES, bindings):
        nodes.setdefault(s, {}).setdefault(p, set()).add(o)
        places.add(s, p, o)
    for s, p, o in _triples(store, _SENTENCES % (graph, graph, graph), bindings):
        nodes.setdefault(s, {}).setdefault(p, set()).add(o)
    places.index()
    built = (
        _event(e, values, nodes, places, taxonomy)
        for e, values in props.items()
        if SEM.eventType in values
    )
    return sorted(built, key=lambda ev: (ev.date == "", ev.date, ev.article_id, ev.iri))


def _triples(
    store: Store, sparql: str, bindings: Mapping[str, Term] | None
) -> Iterator[tuple[Node, Node, Node]]:
    for row in store.query(sparql, bindings).rows:
        if row[0] is not None and row[1] is not None and row[2] is not None:
            yield row[0], row[1], row[2]


def _first(values: set[Node] | None) -> Node | None:
    return min(values, key=str) if values else None


def _label(nodes: dict[Node, dict[Node, set[Node]]], node: Node | None) -> str:
    found = _first(nodes.get(node, {}).get(RDFS.label)) if node is not None else None
    return str(found) if found is not None else ""


def _event(
    iri: Node,
    values: dict[Node, set[Node]],
    nodes: dict[Node, dict[Node, set[Node]]],
    places: Places,
    taxonomy: Graph,
) -> Event:
    event = Event(str(iri))
    doc = _first(values.get(PROV.wasDerivedFrom))
    if doc is not None:
        event.article = str(doc)
        event.article_id = str(_first(nodes.get(doc, {}).get(DCTERMS.identifier)) or "")
    date = _first(values.get(SEM.hasTimeStamp))
    event.date = str(date) if date is not None else ""
    event.date_precision = str(_first(values.get(KG.datePrecision)) or "")
    concept = _first(values.get(SEM.eventType))
    broader = taxonomy.value(concept, SKOS.broader) if concept is not None else None
    if broader is None:
        event.event_type = _concept_label(taxonomy, concept)
    else:
        event.event_type = _concept_label(taxonomy, broader)
        event.sub_event_type = _concept_label(taxonomy, concept)
    external = values.get(KG.externalActor, set())
    event.agents = _actors(values.get(KG.agent), external, nodes, taxonomy)
    event.targets = _actors(values.get(KG.target), external, nodes, taxonomy)
    event.sources = sorted(_label(nodes, s) for s in values.get(KG.reportedBy, ()))
    fatalities = _first(values.get(KG.fatalities))
    event.fatalities = int(str(fatalities)) if fatalities is not None else None
    sentence = _first(values.get(KG.sentence))
    if sentence is not None:
        event.sentence = str(_first(nodes.get(sentence, {}).get(NIF.anchorOf)) or "")
    location = _first(values.get(KG.location))
    if location is not None:
        _locate(event, location, nodes, places)
        event.geo_precision = str(_first(values.get(KG.geoPrecision)) or "")
    return event


def _locate(
    event: Event, place: Node, nodes: dict[Node, dict[Node, set[Node]]], places: Places
) -> None:
    event.place = _label(nodes, place)
    event.place_iri = str(place)
    event.country = places.name(places.country(place))
    region = places.admin1(place)
    event.admin1 = places.label(region) if region is not None else ""
    geometry = _first(nodes.get(place, {}).get(GEO.hasGeometry))
    wkt = _first(nodes.get(geometry, {}).get(GEO.asWKT)) if geometry is not None else None
    match = _POINT.search(str(wkt)) if wkt is not None else None
    if match:
        event.longitude, event.latitude = float(match[1]), float(match[2])


def _concept_label(taxonomy: Graph, concept: Node | None) -> str:
    if concept is None:
        return ""
    labels = sorted(str(v) for v in taxonomy.objects(concept, SKOS.prefLabel))
    return labels[0] if labels else str(concept).rstrip("/").rsplit("/", 1)[-1]


def _actors(
    found: set[Node] | None,
    external: set[Node],
    nodes: dict[Node, dict[Node, set[Node]]],
    taxonomy: Graph,
) -> list[Actor]:
    """The actors, those with an ACLED inter code first, then by label; an actor acting
    abroad in the event (``kg:externalActor``) has External/Other forces' type there."""
    actors = []
    for iri in found or ():
        kind = _EXTERNAL if iri in external else _first(nodes.get(iri, {}).get(SEM.actorType))
        inter = taxonomy.value(kind, SKOS.notation) if kind is not None else None
        actors.append(
            Actor(
                str(iri),
                _label(nodes, iri) or str(iri),
                _concept_label(taxonomy, kind),
                str(inter) if inter is not None else "",
            )
        )
    return sorted(actors, key=lambda a: (a.inter == "", a.label, a.iri))
