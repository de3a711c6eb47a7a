"""Map one article's ``Extraction`` onto the ontology: its triples, as rdflib terms.

``to_triples`` gives them as ``Triples`` (each once, in the order made), which the SHACL gate
indexes and the store writes as they are: an rdflib ``Graph`` costs ~10 µs a triple to build
(its context-aware store), so ``to_graph`` builds one only for those who need it (pySHACL,
Turtle). The triples are what goes into the article's named graph (``iris.graph(article.id)``).
Standard terms are materialised next to kg's sub-properties (``kg:agent`` and ``sem:hasActor``,
``kg:reportedBy`` and ``prov:wasAttributedTo``) so that tools that know only SEM or PROV see
the facts without a reasoner; for the same reason the symmetric ``kg:alliedWith`` is written
both ways. An actor's ``sem:actorType`` is its own (a state's forces are State forces); where
it acts outside its country the event says so (``kg:externalActor``: ACLED's External/Other
forces, in that event), so that one actor is one node at home and abroad. An event also
carries ``kg:position`` (where its trigger begins), so that an article's events sort in its
order without a hop to the trigger (and no query reads an IRI), and an article carries
``kg:sortKey`` (``sort_key``), an integer that orders articles: queries sort on it instead of
comparing identifier strings.

A relation between actors is a triple between them (``kg:fightsAgainst``, ``kg:alliedWith``)
and, for its provenance, an ``rdf:Statement`` about that triple (standard RDF reification):
the article, the extraction activity, the sentence and the event it was derived from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rdflib_ns
from rdflib.term import Node

from kg import __version__
from kg.geo.places import IDENTIFIED_TYPES
from kg.keys import digest
from kg.model import Actor, Article, Event, Extraction, Place, Relation, RelationKind, Span
from kg.rdf import iris
from kg.rdf.namespaces import (
    ACTOR_TYPE,
    EVENT_TYPE,
    GEO,
    GN,
    ITSRDF,
    NIF,
    PLACE_TYPE,
    PREFIXES,
    SCHEMA,
    SEM,
    SF,
    Terms,
)
from kg.rdf.namespaces import KG as _KG
from kg.rdf.taxonomy import event_type_labels

# each term looked up once (kg.rdf.namespaces.Terms)
KG = Terms(_KG)
DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD = (
    Terms(ns)
    for ns in (
        rdflib_ns.DCTERMS,
        rdflib_ns.OWL,
        rdflib_ns.PROV,
        rdflib_ns.RDF,
        rdflib_ns.RDFS,
        rdflib_ns.SKOS,
        rdflib_ns.XSD,
    )
)

_COUNT_PROPERTIES = (
    ("fatalities", KG.fatalities),
    ("injuries", KG.injuries),
    ("displaced", KG.displaced),
    ("refugees", KG.refugees),
    ("arrested", KG.arrested),
)


class Triples:
    """A set of triples that keeps the order they were first added in (a ``Graph`` built
    from it holds them in the same order, so its Turtle is the same as if built directly)."""

    __slots__ = ("_triples",)

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]] = ()) -> None:
        self._triples: dict[tuple[Node, Node, Node], None] = dict.fromkeys(triples)

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._triples[triple] = None

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def graph_of(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    """A graph with kg's prefixes bound holding ``triples``, added in their order."""
    g = new_graph()
    for triple in triples:
        g.add(triple)
    return g


def to_graph(
    extraction: Extraction, model_name: str = "unknown", content_hash: str | None = None
) -> Graph:
    """All triples for one article, as a graph (``to_triples`` is the cheaper form)."""
    return graph_of(to_triples(extraction, model_name, content_hash))


def to_triples(
    extraction: Extraction, model_name: str = "unknown", content_hash: str | None = None
) -> Triples:
    """All triples for one article; ``content_hash`` (``kg.hashes.content_hash``) is stated
    on the article as ``kg:contentHash`` when given. Raises ``ValueError`` saying which record
    names an actor or place the extraction does not hold (``Extraction.unheld``; the extractor
    refuses such an extraction already, so it is looked for only when a look-up fails)."""
    try:
        return _triples(extraction, model_name, content_hash)
    except KeyError:
        problem = extraction.unheld()
        if problem is None:
            raise
        raise ValueError(problem) from None


def _triples(extraction: Extraction, model_name: str, content_hash: str | None) -> Triples:
    g = Triples()
    art = extraction.article
    doc = iris.article(art.id)
    _article(g, doc, art)
    if content_hash is not None:
        g.add((doc, KG.contentHash, Literal(content_hash)))
    activity = iris.activity(f"kg {__version__}", model_name)
    g.add((activity, RDF.type, PROV.Activity))
    g.add((activity, RDFS.label, Literal(f"kg {__version__} extraction with {model_name}")))

    actor_iris = {a.key: iris.actor(a.key) for a in extraction.actors}
    place_iris = {p.key: iris.place(p.key) for p in extraction.places}
    for a in extraction.actors:
        _actor(g, doc, art.id, a)
    for p in extraction.places:
        _place(g, doc, art.id, p, place_iris)
    place_labels = {p.key: p.label for p in extraction.places}
    for e in extraction.events:
        _event(g, doc, art.id, e, actor_iris, place_iris, place_labels, activity)
    events = {e.key: iris.event(art.id, e.trigger) for e in extraction.events}
    labels = {a.key: a.label for a in extraction.actors}
    for r in extraction.relations:
        _relation(g, doc, art.id, r, actor_iris, labels, events, activity)
    return g


def _article(g: Triples, doc: URIRef, art: Article) -> None:
    g.add((doc, RDF.type, SCHEMA.NewsArticle))
    g.add((doc, RDF.type, NIF.Context))
    g.add((doc, DCTERMS.identifier, Literal(art.id)))
    g.add((doc, KG.sortKey, _int(sort_key(art.id, art.published))))
    g.add((doc, NIF.isString, Literal(art.text)))
    g.add((doc, NIF.beginIndex, _int(0)))
    g.add((doc, NIF.endIndex, _int(len(art.text))))
    if art.title:
        g.add((doc, SCHEMA.headline, Literal(art.title)))
    if art.url:
        g.add((doc, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.published is not None:
        g.add((doc, SCHEMA.datePublished, _date_literal(art.published)))
    if art.source:
        g.add((doc, SCHEMA.publisher, Literal(art.source)))


#: the span of the identifier's hash in ``sort_key``: ten decimal digits under the date's eight
_KEY_SPAN = 10**10
#: the date part of ``sort_key`` for an article without a publication date: after every date
_UNDATED = 99999999


def sort_key(article_id: str, published: dt.date | dt.datetime | None) -> int:
    """The article's ``kg:sortKey``: its publication date as YYYYMMDD (99999999 without one)
    times 10^10, plus ten decimal digits of the SHA-256 of its identifier. It depends on the
    article alone, so it is the same whatever the ingest, batch or worker that writes it (a
    rank among the articles would change as articles arrive), and it fits an xsd:long (below
    10^18). Articles sort by publication date, then in an order fixed by their identifiers."""
    day = _UNDATED
    if published is not None:
        day = published.year * 10000 + published.month * 100 + published.day
    return day * _KEY_SPAN + int(digest(article_id), 16) % _KEY_SPAN


def _mention(g: Triples, doc: URIRef, article_id: str, span: Span, denotes: URIRef) -> URIRef:
    m = iris.mention(article_id, span)
    g.add((m, RDF.type, NIF.Phrase))
    _anchor(g, m, doc, span)
    g.add((m, ITSRDF.taIdentRef, denotes))
    return m


def _anchor(g: Triples, node: URIRef, doc: URIRef, span: Span) -> None:
    g.add((node, NIF.referenceContext, doc))
    g.add((node, NIF.beginIndex, _int(span.start)))
    g.add((node, NIF.endIndex, _int(span.end)))
    g.add((node, NIF.anchorOf, Literal(span.text)))


def _actor(g: Triples, doc: URIRef, article_id: str, actor: Actor) -> None:
    node = iris.actor(actor.key)
    g.add((node, RDF.type, SEM.Actor))
    g.add((node, RDFS.label, Literal(actor.label)))
    g.add((node, SEM.actorType, ACTOR_TYPE[actor.actor_type.value]))
    if actor.wikidata is not None:  # listed by hand with its source (kg/data/actor_ids.tsv)
        g.add((node, OWL.sameAs, iris.wikidata(actor.wikidata)))
    for alias in actor.aliases:
        if alias != actor.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    for span in actor.mentions:
        _mention(g, doc, article_id, span, node)


def _place(
    g: Triples, doc: URIRef, article_id: str, place: Place, place_iris: dict[str, URIRef]
) -> None:
    node = iris.place(place.key)
    g.add((node, RDF.type, SEM.Place))
    g.add((node, RDFS.label, Literal(place.label)))
    g.add((node, KG.placeType, PLACE_TYPE[place.place_type.value]))
    for alias in place.aliases:
        if alias != place.label:
            g.add((node, SKOS.altLabel, Literal(alias)))
    if place.within is not None and place.within in place_iris:
        g.add((node, SCHEMA.containedInPlace, place_iris[place.within]))
    if place.geo is not None:
        _geo(g, node, place)
    for span in place.mentions:
        _mention(g, doc, article_id, span, node)


def _geo(g: Triples, node: URIRef, place: Place) -> None:
    """GeoNames link, country code and point of a geocoded place. A town, a country or an
    unclassified place *is* the GeoNames feature (schema:sameAs); a district or province is
    placed at its namesake town, a close match only."""
    geo = place.geo
    assert geo is not None
    same = place.place_type in IDENTIFIED_TYPES
    g.add((node, SCHEMA.sameAs if same else SKOS.closeMatch, iris.geonames(geo.geonames_id)))
    g.add((node, GN.countryCode, Literal(geo.country_code)))
    if geo.latitude is not None and geo.longitude is not None:
        point = iris.geometry(place.key)
        g.add((node, RDF.type, GEO.Feature))
        g.add((node, GEO.hasGeometry, point))
        g.add((point, RDF.type, SF.Point))
        wkt = f"POINT({geo.longitude:.5f} {geo.latitude:.5f})"  # WKT: longitude first (CRS84)
        g.add((point, GEO.asWKT, Literal(wkt, datatype=GEO.wktLiteral)))


def _event(
    g: Triples,
    doc: URIRef,
    article_id: str,
    event: Event,
    actor_iris: dict[str, URIRef],
    place_iris: dict[str, URIRef],
    place_labels: dict[str, str],
    activity: URIRef,
) -> None:
    """An event, with ``kg:position``: its trigger's start, by which an article's events sort."""
    node = iris.event(article_id, event.trigger)
    g.add((node, RDF.type, SEM.Event))
    g.add((node, SEM.eventType, EVENT_TYPE[event.event_type]))
    g.add((node, RDFS.label, Literal(_event_label(event, place_labels))))
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, PROV.wasGeneratedBy, activity))
    g.add((node, KG.confidence, _decimal(event.confidence)))
    g.add((node, KG.trigger, _mention(g, doc, article_id, event.trigger, node)))
    g.add((node, KG.position, _int(event.trigger.start)))
    sent = iris.sentence(article_id, event.sentence)
    g.add((sent, RDF.type, NIF.Sentence))
    _anchor(g, sent, doc, event.sentence)
    g.add((node, KG.sentence, sent))
    for role, keys in ((KG.agent, event.agents), (KG.target, event.targets)):
        for key in keys:
            g.add((node, role, actor_iris[key]))
            g.add((node, SEM.hasActor, actor_iris[key]))
    for key in event.external:  # acting abroad: ACLED's External/Other forces in this event
        g.add((node, KG.externalActor, actor_iris[key]))
    for key in event.reported_by:
        g.add((node, KG.reportedBy, actor_iris[key]))
        g.add((node, PROV.wasAttributedTo, actor_iris[key]))
    for key in event.places:
        g.add((node, SEM.hasPlace, place_iris[key]))
    if event.location is not None and event.geo_precision is not None:
        g.add((node, KG.location, place_iris[event.location]))
        g.add((node, KG.geoPrecision, _int(int(event.geo_precision))))
    if event.time is not None:
        g.add((node, KG.timeText, Literal(event.time.span.text)))
        if event.time.date is not None:
            g.add((node, SEM.hasTimeStamp, Literal(event.time.date, datatype=XSD.date)))
            g.add((node, KG.datePrecision, _int(int(event.time.precision))))
    for name, prop in _COUNT_PROPERTIES:
        value = getattr(event.counts, name)
        if value is not None:
            g.add((node, prop, _int(value)))


_RELATION_PROPERTIES = {
    RelationKind.FIGHTING_AGAINST: (KG.fightsAgainst, "fights against"),
    RelationKind.ALLIES_OF: (KG.alliedWith, "allied with"),
}


def _relation(
    g: Triples,
    doc: URIRef,
    article_id: str,
    rel: Relation,
    actor_iris: dict[str, URIRef],
    labels: dict[str, str],
    events: dict[str, URIRef],
    activity: URIRef,
) -> None:
    prop, words = _RELATION_PROPERTIES[rel.kind]
    source, target = actor_iris[rel.source], actor_iris[rel.target]
    g.add((source, prop, target))
    if rel.kind is RelationKind.ALLIES_OF:
        g.add((target, prop, source))
    node = iris.relation(article_id, rel)
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, source))
    g.add((node, RDF.predicate, prop))
    g.add((node, RDF.object, target))
    g.add((node, RDFS.label, Literal(f"{labels[rel.source]} {words} {labels[rel.target]}")))
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, PROV.wasGeneratedBy, activity))
    sent = iris.sentence(article_id, rel.sentence)
    g.add((sent, RDF.type, NIF.Sentence))
    _anchor(g, sent, doc, rel.sentence)
    g.add((node, KG.sentence, sent))
    if rel.event is not None:
        g.add((node, KG.derivedFromEvent, events[rel.event]))


def _event_label(event: Event, place_labels: dict[str, str]) -> str:
    label = event_type_labels().get(event.event_type, event.event_type)
    if event.places:
        label += f" in {place_labels[event.places[0]]}"
    if event.time is not None and event.time.date is not None:
        label += f" on {event.time.date.isoformat()}"
    return label


@lru_cache(maxsize=4096, typed=True)
def _decimal(value: float) -> Literal:
    """Two places, in xsd:decimal's canonical form ("0.7", "1.0"), so the store gives it back
    exactly as written."""
    text = f"{value:.2f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)


@lru_cache(maxsize=65536, typed=True)
def _int(value: int) -> Literal:
    """An xsd:integer, made once per value (offsets repeat across articles; a Literal is
    immutable, and making one costs ~8 µs)."""
    return Literal(value, datatype=XSD.integer)


def _date_literal(value: dt.date | dt.datetime) -> Literal:
    if isinstance(value, dt.datetime):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value, datatype=XSD.date)
