"""The one place that mints IRIs.

Every IRI is a pure function of the input (article id, character offsets, normalised names), so
the same input gives the same IRIs on every machine and every run, re-ingesting replaces instead
of duplicating, and the same actor or place converges across articles. IRIs are flat (no ``#``
fragments per document: they make Turtle serialisation quadratic) and use only unreserved
characters, so no article text can break an IRI, a Turtle file or a SPARQL request.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from kg.keys import digest, name_key
from kg.model import Relation, Span
from kg.rdf.namespaces import (
    ACTIVITY,
    ACTOR,
    ARTICLE,
    EVENT,
    GEOMETRY,
    GEONAMES,
    GRAPH,
    MENTION,
    PLACE,
    RELATION,
    SENTENCE,
    WD,
)

_QID = re.compile(r"Q[1-9][0-9]*")
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]{0,79}")


def article_slug(article_id: str) -> str:
    """The id itself when it is short and IRI-safe; otherwise ``h`` and a hash of it."""
    if _SAFE_ID.fullmatch(article_id) and not article_id.endswith("."):
        return article_id
    return "h-" + digest(article_id, 24)


def article(article_id: str) -> URIRef:
    return ARTICLE[article_slug(article_id)]


def graph(article_id: str) -> URIRef:
    """The named graph that holds one article's triples."""
    return GRAPH[article_slug(article_id)]


def event(article_id: str, trigger: Span) -> URIRef:
    return EVENT[f"{article_slug(article_id)}.{trigger.start}-{trigger.end}"]


def mention(article_id: str, span: Span) -> URIRef:
    return MENTION[f"{article_slug(article_id)}.{span.start}-{span.end}"]


def sentence(article_id: str, span: Span) -> URIRef:
    return SENTENCE[f"{article_slug(article_id)}.{span.start}-{span.end}"]


def relation(article_id: str, rel: Relation) -> URIRef:
    """A relation statement: its kind, its sentence and a hash of its two actors' keys."""
    pair = digest(f"{rel.source} {rel.target}", 12)
    sent = rel.sentence
    return RELATION[f"{article_slug(article_id)}.{rel.kind.value}.{sent.start}-{sent.end}.{pair}"]


def actor(key: str) -> URIRef:
    return ACTOR[name_key(key)]


def place(key: str) -> URIRef:
    return PLACE[name_key(key)]


def geometry(place_key: str) -> URIRef:
    """A place's point geometry (GeoSPARQL)."""
    return GEOMETRY[name_key(place_key)]


def geonames(geonames_id: int) -> URIRef:
    """A GeoNames feature, as GeoNames itself names it."""
    return URIRef(f"{GEONAMES}{int(geonames_id)}/")


def wikidata(qid: str) -> URIRef:
    """A Wikidata item as Wikidata names the entity (not its web page, ``/wiki/Q42``)."""
    if not _QID.fullmatch(qid):
        raise ValueError(f"not a Wikidata item id: {qid!r}")
    return WD[qid]


def activity(software: str, model: str) -> URIRef:
    """The extraction activity: one per (kg version, model), no timestamp, so it is stable."""
    return ACTIVITY[name_key(f"{software} {model}")]
