"""The vocabularies kg writes, and kg's own terms as a closed namespace.

``KG`` must match ``ontology/kg.ttl`` term for term (a test checks it): a typo in code fails at
import time instead of writing a term nobody declared.
"""

from __future__ import annotations

from typing import cast

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.rdf.prefixes import PREFIXES as PREFIXES  # kg's namespaces are made from it

BASE = "https://w3id.org/kg/"


class Vocabulary(Namespace):
    """A namespace of a closed set of terms, each made once: rdflib's ``Namespace`` makes and
    validates a new ``URIRef`` on every ``NS.term`` or ``NS["term"]`` (~1.5 µs, ~1,000 times
    an article in ``kg.rdf.mapping``; bench/PERF.md). Not for instance data, whose names are
    unbounded."""

    _terms: dict[str, URIRef]

    def __new__(cls, value: str | bytes) -> Vocabulary:
        ns = cast(Vocabulary, super().__new__(cls, value))
        ns._terms = {}
        return ns

    def term(self, name: str) -> URIRef:
        found = self._terms.get(name)
        if found is None:
            found = self._terms[name] = super().term(name)
        return found

    def __getattr__(self, name: str) -> URIRef:
        found = super().__getattr__(name)  # raises AttributeError for __special__ names
        self.__dict__[name] = found  # found as a plain attribute from now on
        return found


class Terms:
    """The terms of a closed rdflib namespace (``RDF``, ``PROV``, ``KG``...), each looked up
    once: ``RDF.type`` on the ``DefinedNamespace`` checks the name and makes a new ``URIRef``
    on every access (~2-3 µs, ~500 times an article in ``kg.rdf.mapping``), and a new object
    each time also defeats the SHACL gate's lookups by identity. A name the namespace does
    not define raises ``AttributeError`` as it does."""

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # found as a plain attribute from now on
        return term


class KG(DefinedNamespace):
    """kg's own ontology terms (``ontology/kg.ttl``)."""

    _NS = Namespace(PREFIXES["kg"])
    _fail = True

    # object properties
    agent: URIRef  # event -> actor who acted (sub-property of sem:hasActor)
    target: URIRef  # event -> actor acted on (sub-property of sem:hasActor)
    externalActor: URIRef  # event -> an actor of it acting outside its country (ACLED's inter 8)
    reportedBy: (
        URIRef  # event -> actor who said or reported it (sub-property of prov:wasAttributedTo)
    )
    trigger: URIRef  # event -> the nif:Phrase of its trigger words
    sentence: URIRef  # event or relation statement -> the nif:Sentence that supports it
    placeType: URIRef  # place -> a concept of the place-type scheme
    location: URIRef  # event -> the geocoded place that puts it on a map
    fightsAgainst: URIRef  # actor -> actor it used violence on (directed)
    alliedWith: URIRef  # actor -> actor on its side (symmetric, written both ways)
    derivedFromEvent: URIRef  # relation statement -> the event it was derived from
    # datatype properties
    fatalities: URIRef
    injuries: URIRef
    displaced: URIRef
    refugees: URIRef
    arrested: URIRef
    timeText: URIRef  # the words that tell when an event happened, as written
    datePrecision: URIRef  # 1 day, 2 week, 3 month (ACLED's time_precision)
    confidence: URIRef  # 0..1
    geoPrecision: URIRef  # 1 its own place, 2 near it, 3 its region (ACLED's geo_precision)
    contentHash: URIRef  # article -> sha256 of its content and of the kg that processed it
    position: URIRef  # event -> where its trigger begins in the article (characters)
    sortKey: URIRef  # article -> an integer that orders articles (publication date, then hash)


SEM = Vocabulary(PREFIXES["sem"])
SCHEMA = Vocabulary(PREFIXES["schema"])
NIF = Vocabulary(PREFIXES["nif"])
ITSRDF = Vocabulary(PREFIXES["itsrdf"])
GEO = Vocabulary(PREFIXES["geo"])
SF = Vocabulary(PREFIXES["sf"])
GN = Vocabulary(PREFIXES["gn"])
GEONAMES = "https://sws.geonames.org/"  # + id + "/": a GeoNames feature's IRI
WD = Namespace(PREFIXES["wd"])  # + QID: a Wikidata item (the entity IRI)

# concept schemes and their concepts (ontology/taxonomy.ttl)
EVENT_TYPE = Vocabulary(PREFIXES["kget"])
ACTOR_TYPE = Vocabulary(PREFIXES["kgat"])
PLACE_TYPE = Vocabulary(PREFIXES["kgpt"])
CAMEO = Vocabulary(PREFIXES["cameo"])  # the CAMEO codes of ontology/cameo.ttl
EVENT_TYPES = URIRef(BASE + "event-types")
ACTOR_TYPES = URIRef(BASE + "actor-types")
PLACE_TYPES = URIRef(BASE + "place-types")

# instance data (kg/rdf/iris.py mints these)
ARTICLE = Namespace(PREFIXES["article"])
GRAPH = Namespace(PREFIXES["graph"])
EVENT = Namespace(PREFIXES["event"])
ACTOR = Namespace(PREFIXES["actor"])
PLACE = Namespace(PREFIXES["place"])
GEOMETRY = Namespace(PREFIXES["geometry"])
MENTION = Namespace(PREFIXES["mention"])
SENTENCE = Namespace(PREFIXES["sentence"])
ACTIVITY = Namespace(PREFIXES["activity"])
RELATION = Namespace(PREFIXES["relation"])

ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
