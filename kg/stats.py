"""What a store holds, counted: ``kg stats``.

A handful of aggregate SPARQL queries over the ``Store`` protocol (so a remote store works
too), never one query per row; the per-place counts are rolled up to admin regions and
countries in Python, from one query over the places (``schema:containedInPlace``,
``kg:placeType``, ``gn:countryCode``). Concept labels (event types, actor types) come from the
store's taxonomy, or the shipped one when the store has none.

Events are counted by their ``kg:location`` (the geocoded place that puts them on a map, as
``kg query --named event-map``): an event with none counts under ``(no location)``.
"""

from __future__ import annotations

import contextlib
import functools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.quarantine import Quarantine
from kg.rdf.namespaces import GN, KG, ONTOLOGY_GRAPH, SCHEMA
from kg.store import Store

__all__ = ["CLASSES", "Count", "Places", "Stats", "collect"]

NO_LOCATION = "(no location)"
NO_DATE = "(no date)"

#: the classes counted, as (label, CURIE): instances over the article graphs
CLASSES = (
    ("articles", "schema:NewsArticle"),
    ("events", "sem:Event"),
    ("actors", "sem:Actor"),
    ("places", "sem:Place"),
    ("geocoded places", "geo:Feature"),
    ("relations", "rdf:Statement"),
    ("sentences", "nif:Sentence"),
    ("mentions", "nif:Phrase"),
)

_CLASS_COUNTS = (
    "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {"
    f" VALUES ?class {{ {' '.join(curie for _, curie in CLASSES)} }}"
    f" GRAPH ?g {{ ?s a ?class }} FILTER (?g != <{ONTOLOGY_GRAPH}>)"
    "} GROUP BY ?class"
)

_EVENT_TYPES = (
    "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e sem:eventType ?type } GROUP BY ?type"
)

_MONTHS = """
SELECT ?month (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event .
  OPTIONAL { ?e sem:hasTimeStamp ?date }
  BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?month
"""

_ACTOR_TYPES = """
SELECT ?type (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sem:actorType ?type } GROUP BY ?type
"""

_LOCATIONS = """
SELECT ?place (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a sem:Event .
  OPTIONAL { ?e kg:location ?place }
} GROUP BY ?place
"""

# one scan each (a join of these with OPTIONALs probes an index per row: minutes on 1 M triples)
_PLACE_TYPES = "SELECT DISTINCT ?place ?x WHERE { ?place kg:placeType ?x }"
_PLACE_CODES = "SELECT DISTINCT ?place ?x WHERE { ?place gn:countryCode ?x }"
_PLACE_PARENTS = "SELECT DISTINCT ?place ?x WHERE { ?place schema:containedInPlace ?x }"

_TOP_ACTORS = """
SELECT ?actor (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e sem:hasActor ?actor }
GROUP BY ?actor ORDER BY DESC(?n) ?actor LIMIT %d
"""

_LABELS = "SELECT ?x (MIN(?l) AS ?label) WHERE { VALUES ?x { %s } ?x rdfs:label ?l } GROUP BY ?x"


@dataclass(frozen=True)
class Count:
    """One row of a section: a name, what qualifies it (a parent type, a country, an IRI),
    and how many."""

    name: str
    count: int
    detail: str = ""


@dataclass
class Stats:
    """Every section of ``kg stats``, each a list of counts, largest first."""

    store: str
    triples: int
    quarantined: int
    classes: list[Count] = field(default_factory=list)
    event_types: list[Count] = field(default_factory=list)
    sub_event_types: list[Count] = field(default_factory=list)
    actor_types: list[Count] = field(default_factory=list)
    countries: list[Count] = field(default_factory=list)
    admin1: list[Count] = field(default_factory=list)
    months: list[Count] = field(default_factory=list)
    top_actors: list[Count] = field(default_factory=list)
    top_places: list[Count] = field(default_factory=list)

    def sections(self) -> Iterator[tuple[str, list[Count]]]:
        """(section name, rows) in the order they are shown."""
        yield "classes", self.classes
        yield "event_types", self.event_types
        yield "sub_event_types", self.sub_event_types
        yield "actor_types", self.actor_types
        yield "countries", self.countries
        yield "admin1", self.admin1
        yield "months", self.months
        yield "top_actors", self.top_actors
        yield "top_places", self.top_places


def collect(store: Store, quarantine: Path | None, top: int = 10) -> Stats:
    """Count what ``store`` holds; ``quarantine`` is its quarantine folder (None: not counted)."""
    taxonomy = _taxonomy(store)
    stats = Stats(
        store=store.location,
        triples=store.triple_count(),
        quarantined=_quarantined(quarantine),
    )
    counted = {str(key): n for key, n in _pairs(store, _CLASS_COUNTS)}
    stats.classes = [
        Count(label, counted.get(_expand(curie), 0), curie) for label, curie in CLASSES
    ]
    stats.event_types, stats.sub_event_types = _event_types(store, taxonomy)
    stats.actor_types = _ranked(
        Count(_label(taxonomy, key), n, _notation(taxonomy, key))
        for key, n in _pairs(store, _ACTOR_TYPES)
    )
    stats.months = sorted(
        (Count(str(key) if key else NO_DATE, n) for key, n in _pairs(store, _MONTHS)),
        key=lambda c: (c.name == NO_DATE, c.name),
    )
    places = Places.from_store(store)
    by_place = dict(_pairs(store, _LOCATIONS))
    stats.countries, stats.admin1, stats.top_places = places.roll_up(by_place, top)
    stats.top_actors = _top_actors(store, top)
    return stats


def _quarantined(folder: Path | None) -> int:
    if folder is None or not folder.is_dir():
        return 0
    return sum(1 for _ in Quarantine(folder).entries())


def _pairs(store: Store, sparql: str) -> Iterator[tuple[Node | None, int]]:
    """(key, count) rows of a two-column aggregate query."""
    for row in store.query(sparql).rows:
        yield row[0], _int(row[1])


def _rows(store: Store, sparql: str) -> Iterator[tuple[Node, Node]]:
    """The rows of a two-column query with both bound."""
    for row in store.query(sparql).rows:
        if row[0] is not None and row[1] is not None:
            yield row[0], row[1]


@functools.cache
def _country_names() -> dict[str, str]:
    """ISO 3166-1 code -> English name, from the shipped ``countries.tsv``."""
    from kg.resources import data_dir

    names = {}
    with contextlib.suppress(OSError):
        for line in (data_dir() / "countries.tsv").read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) >= 2 and not line.startswith("#"):
                names[cells[0]] = cells[1]
    return names


def _int(term: Node | None) -> int:
    try:
        return int(str(term))
    except ValueError:
        return 0


def _ranked(counts: Iterator[Count] | list[Count]) -> list[Count]:
    return sorted(counts, key=lambda c: (-c.count, c.name, c.detail))


def _expand(curie: str) -> str:
    from kg.rdf.namespaces import PREFIXES

    prefix, local = curie.split(":", 1)
    return str(PREFIXES[prefix]) + local


def _taxonomy(store: Store) -> Graph:
    from kg.export import taxonomy

    return taxonomy(store)


def _label(taxonomy: Graph, concept: Node | None) -> str:
    if concept is None:
        return ""
    labels = sorted(str(v) for v in taxonomy.objects(concept, SKOS.prefLabel))
    if labels:
        return labels[0]
    return str(concept).rstrip("/").rsplit("/", 1)[-1]


def _notation(taxonomy: Graph, concept: Node | None) -> str:
    if concept is None:
        return ""
    return next((str(v) for v in taxonomy.objects(concept, SKOS.notation)), "")


def _event_types(store: Store, taxonomy: Graph) -> tuple[list[Count], list[Count]]:
    """Events by ACLED event type (the sub-type's ``skos:broader``, or the type itself) and
    by sub-event type (with its type as ``detail``)."""
    types: Counter[str] = Counter()
    subs: list[Count] = []
    for concept, n in _pairs(store, _EVENT_TYPES):
        broader = next(taxonomy.objects(concept, SKOS.broader), None)
        if broader is None:
            types[_label(taxonomy, concept)] += n
        else:
            parent = _label(taxonomy, broader)
            types[parent] += n
            subs.append(Count(_label(taxonomy, concept), n, parent))
    return _ranked(Count(name, n) for name, n in types.items()), _ranked(subs)


def _top_actors(store: Store, top: int) -> list[Count]:
    if top <= 0:
        return []
    rows = [(a, n) for a, n in _pairs(store, _TOP_ACTORS % top) if isinstance(a, URIRef)]
    labels: dict[Node, str] = {}
    if rows:
        values = " ".join(a.n3() for a, _ in rows)
        labels = {r[0]: str(r[1]) for r in store.query(_LABELS % values).rows if r[0] is not None}
    return _ranked(Count(labels.get(a, str(a)), n, str(a)) for a, n in rows)


class Places:
    """Places' types, country codes and parents: each one's admin1 and country. From the
    whole store (``from_store``; labels are fetched for the places shown), or from rows of
    (place, property, value)."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self.labels: dict[Node, str] = {}
        self.types: dict[Node, str] = {}
        self.codes: dict[Node, str] = {}
        self.parents: dict[Node, set[Node]] = {}
        self.countries: dict[str, Node] = {}

    @classmethod
    def from_store(cls, store: Store) -> Places:
        places = cls(store)
        for p, x in _rows(store, _PLACE_TYPES):
            places.add(p, KG.placeType, x)
        for p, x in _rows(store, _PLACE_CODES):
            places.add(p, GN.countryCode, x)
        for p, x in _rows(store, _PLACE_PARENTS):
            places.add(p, SCHEMA.containedInPlace, x)
        places.index()
        return places

    def add(self, place: Node, prop: Node, value: Node) -> None:
        """Record one triple about a place (type, country code, parent or label)."""
        if prop == KG.placeType:
            self.types[place] = str(value).rstrip("/").rsplit("/", 1)[-1]
        elif prop == GN.countryCode:
            self.codes[place] = str(value)
        elif prop == SCHEMA.containedInPlace:
            self.parents.setdefault(place, set()).add(value)
        elif prop == RDFS.label:
            self.labels.setdefault(place, str(value))

    def index(self) -> None:
        """Once every triple is added: which place is each country code's country."""
        # a country's name: the label of a place of type country with that code
        self.countries = {
            code: place
            for place, code in sorted(self.codes.items(), key=lambda pc: str(pc[0]), reverse=True)
            if self.types.get(place) == "country"
        }

    def fetch_labels(self, places: set[Node]) -> None:
        """Look up the labels of ``places`` (and of the countries), in one query."""
        if self.store is None:
            return
        wanted = sorted(
            (p for p in places | set(self.countries.values()) if isinstance(p, URIRef)), key=str
        )
        if wanted:
            values = " ".join(p.n3() for p in wanted)
            for place, label in _rows(self.store, _LABELS % values):
                self.labels[place] = str(label)

    def label(self, place: Node) -> str:
        return self.labels.get(place, str(place))

    def _up(self, place: Node, kind: str) -> Node | None:
        """The place itself or its nearest ancestor of type ``kind``."""
        todo, seen = [place], set()
        while todo:
            here = todo.pop(0)
            if here in seen:
                continue
            seen.add(here)
            if self.types.get(here) == kind:
                return here
            todo.extend(sorted(self.parents.get(here, ()), key=str))
        return None

    def country(self, place: Node) -> Node | str | None:
        """The country place (or, lacking one, the ISO code) ``place`` is in."""
        code = self.codes.get(place)
        if code is not None:
            return self.countries.get(code, code)
        return self._up(place, "country")

    def admin1(self, place: Node) -> Node | None:
        return self._up(place, "province")

    def name(self, place: Node | str | None) -> str:
        if place is None:
            return ""
        if isinstance(place, str) and not isinstance(place, URIRef):
            return _country_names().get(place, place)
        return (
            place if isinstance(place, str) and not isinstance(place, URIRef) else self.label(place)
        )

    def roll_up(self, by_place: dict[Node | None, int], top: int) -> tuple[list[Count], ...]:
        """Events by country, by admin1 region and the ``top`` places, from events by location."""
        countries: Counter[Node | str | None] = Counter()
        regions: Counter[Node] = Counter()
        for place, n in by_place.items():
            if place is None:
                continue
            countries[self.country(place)] += n
            region = self.admin1(place)
            if region is not None:
                regions[region] += n
        places = sorted(
            ((p, n) for p, n in by_place.items() if p is not None),
            key=lambda pn: (-pn[1], str(pn[0])),
        )[:top]
        self.fetch_labels(
            {p for p in countries if isinstance(p, URIRef)} | set(regions) | {p for p, _ in places}
        )
        by_country = [Count(self.name(c) or "(unknown country)", n) for c, n in countries.items()]
        if None in by_place:
            by_country.append(Count(NO_LOCATION, by_place[None]))
        return (
            _ranked(by_country),
            _ranked(
                Count(self.label(r), n, self.name(self.country(r))) for r, n in regions.items()
            ),
            _ranked(Count(self.label(p), n, str(p)) for p, n in places),
        )
