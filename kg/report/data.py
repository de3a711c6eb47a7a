"""What a report shows, read from a store over SPARQL: events, their actors and articles.

Three queries, each a flat join in the style of ``kg/queries/`` (one sub-SELECT per pattern,
joined by hashing): the events that pass the filters (``--from``/``--to``/``--where`` become
FILTERs of the first), then the actors and the articles of all events, kept for the events
read. Values from the user enter the query text only as escaped RDF literals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from rdflib import Literal as RdfLiteral

from kg.store import Store, Term

__all__ = ["Article", "Event", "Filters", "ReportData", "read_report_data"]

WHERE_KEYS = ("country", "actor", "type")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Filters:
    """``--from``/``--to`` (inclusive; YYYY, YYYY-MM or YYYY-MM-DD) and ``--where`` values.

    Several values of one key match any of them; different keys must all match. ``country``
    is an ISO 3166 alpha-2 code; ``actor`` a case-insensitive part of an actor's name;
    ``type`` an event type's name or id (``armed clash``, ``armed-clash``).
    """

    date_from: str | None = None
    date_to: str | None = None
    countries: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def describe(self) -> str:
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        for name, values in (("country", self.countries), ("actor", self.actors)):
            if values:
                parts.append(f"{name} {' or '.join(values)}")
        if self.types:
            parts.append(f"type {' or '.join(self.types)}")
        return "; ".join(parts) or "none"


@dataclass(frozen=True)
class Event:
    iri: str
    article: str
    begin: int
    type_id: str
    type_label: str
    date: str | None = None
    sentence: str = ""
    place: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    agents: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    id: str
    headline: str = ""
    url: str = ""
    published: str = ""


@dataclass(frozen=True)
class ReportData:
    events: tuple[Event, ...]
    articles: dict[str, Article] = field(default_factory=dict)


def date_bound(value: str, end: bool) -> str:
    """``2014``, ``2014-09`` or ``2014-09-27`` as the first (or, with ``end``, last) day."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1] if end else 1
        return f"{year}-{month}-{last:02d}"
    return f"{year}-12-31" if end else f"{year}-01-01"


def _lit(value: str) -> str:
    return RdfLiteral(value).n3()


def _any_of(expression: str, values: tuple[str, ...]) -> str:
    return f"{expression} IN ({', '.join(_lit(v) for v in values)})"


def _filters(filters: Filters) -> str:
    out = []
    day = "SUBSTR(STR(?date), 1, 10)"
    if filters.date_from:
        out.append(
            f"FILTER (BOUND(?date) && {day} >= {_lit(date_bound(filters.date_from, False))})"
        )
    if filters.date_to:
        out.append(f"FILTER (BOUND(?date) && {day} <= {_lit(date_bound(filters.date_to, True))})")
    if filters.countries:
        codes = tuple(c.strip().upper() for c in filters.countries)
        out.append(f"FILTER (BOUND(?cc) && {_any_of('UCASE(STR(?cc))', codes)})")
    if filters.types:
        wanted = tuple(sorted({re.sub(r"[\s_]+", "-", t.strip().lower()) for t in filters.types}))
        slug = 'LCASE(STRAFTER(STR(?type), "/event-type/"))'
        label = 'REPLACE(LCASE(STR(COALESCE(?typeLabel, ""))), " ", "-")'
        out.append(f"FILTER ({_any_of(slug, wanted)} || {_any_of(label, wanted)})")
    if filters.actors:
        parts = " || ".join(
            f"CONTAINS(LCASE(STR(?actorName)), {_lit(a.strip().lower())})" for a in filters.actors
        )
        out.append(
            "FILTER EXISTS { GRAPH ?g { ?event kg:agent|kg:target|sem:hasActor ?who . "
            f"?who rdfs:label ?actorName }} FILTER ({parts}) }}"
        )
    return "\n  ".join(out)


EVENTS = """
SELECT ?event ?g ?article ?begin ?type ?typeLabel ?date ?sentence ?placeLabel ?cc ?wkt
WHERE {
  { SELECT * { GRAPH ?g { ?event a sem:Event } } }
  { SELECT * { GRAPH ?g { ?event sem:eventType ?type } } }
  { SELECT * { GRAPH ?g { ?event kg:trigger ?trigger } } }
  { SELECT * { GRAPH ?g { ?trigger nif:beginIndex ?begin } } }
  { SELECT * { GRAPH ?g { ?event prov:wasDerivedFrom ?doc } } }
  { SELECT * { GRAPH ?g { ?doc dcterms:identifier ?article } } }
  OPTIONAL { SELECT * { GRAPH ?g { ?event sem:hasTimeStamp ?date } } }
  OPTIONAL { SELECT ?g ?event ?sentence {
    { SELECT * { GRAPH ?g { ?event kg:sentence ?context } } }
    { SELECT * { GRAPH ?g { ?context nif:anchorOf ?sentence } } } } }
  OPTIONAL { SELECT ?g ?event ?placeLabel ?cc ?wkt {
    { SELECT * { GRAPH ?g { ?event kg:location ?at } } }
    { SELECT * { GRAPH ?g { ?at rdfs:label ?placeLabel } } }
    OPTIONAL { SELECT * { GRAPH ?g { ?at gn:countryCode ?cc } } }
    OPTIONAL { SELECT ?g ?at ?wkt {
      { SELECT * { GRAPH ?g { ?at geo:hasGeometry ?geometry } } }
      { SELECT * { GRAPH ?g { ?geometry geo:asWKT ?wkt } } } } } } }
  OPTIONAL { SELECT * { ?type skos:prefLabel ?typeLabel FILTER (LANG(?typeLabel) IN ("en", "")) } }
  %s
}
"""

ACTORS = """
SELECT ?event ?role ?name WHERE {
  {
    { SELECT * { GRAPH ?g { ?event kg:agent ?actor } } }
    BIND ("agent" AS ?role)
  } UNION {
    { SELECT * { GRAPH ?g { ?event kg:target ?actor } } }
    BIND ("target" AS ?role)
  }
  { SELECT * { GRAPH ?g { ?actor rdfs:label ?name } } }
}
"""

ARTICLES = """
SELECT ?article ?headline ?url ?published WHERE {
  { SELECT * { GRAPH ?g { ?doc a schema:NewsArticle } } }
  { SELECT * { GRAPH ?g { ?doc dcterms:identifier ?article } } }
  OPTIONAL { SELECT * { GRAPH ?g { ?doc schema:headline ?headline } } }
  OPTIONAL { SELECT * { GRAPH ?g { ?doc schema:url ?url } } }
  OPTIONAL { SELECT * { GRAPH ?g { ?doc schema:datePublished ?published } } }
}
"""

_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)")


def _text(term: Term | None) -> str:
    return "" if term is None else str(term)


def _day(text: str) -> str | None:
    """``YYYY-MM-DD`` of an xsd:date (or dateTime); None for what is not a calendar date."""
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _point(wkt: str) -> tuple[float | None, float | None]:
    match = _POINT.search(wkt)
    if not match:
        return None, None
    return float(match.group(2)), float(match.group(1))


def _rows(store: Store, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql)
    names = result.variables
    return [{n: _text(t) for n, t in zip(names, row, strict=True)} for row in result.rows]


def read_events(store: Store, filters: Filters) -> list[Event]:
    """The events passing ``filters``, one per IRI (the first of its graphs, by name)."""
    rows = _rows(store, EVENTS % _filters(filters))
    rows.sort(key=lambda r: (r["event"], r["g"], r["date"], r["wkt"], r["placeLabel"]))
    events: dict[str, Event] = {}
    for r in rows:
        if r["event"] in events:
            continue
        latitude, longitude = _point(r["wkt"])
        type_id = r["type"].rsplit("/", 1)[-1]
        events[r["event"]] = Event(
            iri=r["event"],
            article=r["article"],
            begin=int(r["begin"] or 0),
            type_id=type_id,
            type_label=r["typeLabel"] or type_id,
            date=_day(r["date"]),
            sentence=" ".join(r["sentence"].split()),
            place=r["placeLabel"],
            country=r["cc"].upper(),
            latitude=latitude,
            longitude=longitude,
        )
    return sorted(events.values(), key=_order)


def _order(event: Event) -> tuple[bool, str, str, int, str]:
    return (event.date is None, event.date or "", event.article, event.begin, event.iri)


def _fullest_first(row: dict[str, str]) -> tuple[tuple[bool, str], ...]:
    return tuple((value == "", value) for value in row.values())


def read_report_data(store: Store, filters: Filters) -> ReportData:
    """Events (by date, undated last, then article and position) with actors and articles."""
    events = read_events(store, filters)
    wanted = {e.iri for e in events}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"agent": set(), "target": set()})
    for r in _rows(store, ACTORS):
        if r["event"] in wanted:
            roles[r["event"]][r["role"]].add(r["name"])
    full = tuple(
        replace(
            e,
            agents=tuple(sorted(roles[e.iri]["agent"])),
            targets=tuple(sorted(roles[e.iri]["target"])),
        )
        if e.iri in roles
        else e
        for e in events
    )
    used = {e.article for e in full}
    articles: dict[str, Article] = {}
    for r in sorted(_rows(store, ARTICLES), key=_fullest_first):
        if r["article"] in used and r["article"] not in articles:
            articles[r["article"]] = Article(
                r["article"], r["headline"], r["url"], r["published"][:10]
            )
    return ReportData(full, articles)
