"""Plain, frozen records handed from stage to stage.

sources -> ``Article``; extract -> ``Extraction`` (actors, places, events and the relations
between actors, with ``Span``s into ``Article.text``); the RDF mapping turns an ``Extraction``
into triples. No spaCy or rdflib types appear here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum, IntEnum


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input.

    ``text`` is the text that extraction sees (page boilerplate removed); every character offset
    in the graph points into it.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    source: str | None = None
    origin: str = ""  # where it was read from: a path, "path:line" or "<stdin>"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


class ActorType(Enum):
    """Actor types: ACLED's eight (value = ACLED's inter code) and three of kg's own."""

    STATE_FORCES = "state-forces"
    REBEL_GROUP = "rebel-group"
    POLITICAL_MILITIA = "political-militia"
    IDENTITY_MILITIA = "identity-militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_OTHER = "external-other"
    MEDIA = "media"
    ORGANISATION = "organisation"
    PERSON = "person"

    @property
    def acled_inter(self) -> int | None:
        """ACLED's inter code (1-8), or None for kg's own types."""
        order = list(ActorType)[:8]
        return order.index(self) + 1 if self in order else None


class PlaceType(Enum):
    COUNTRY = "country"
    PROVINCE = "province"  # first-level administrative division (governorate, state, province)
    DISTRICT = "district"
    TOWN = "town"  # populated place: city, town, village, neighbourhood
    REGION = "region"  # geographic region not an administrative unit (Golan Heights)
    OTHER = "other"


class DatePrecision(IntEnum):
    """ACLED's time_precision: 1 the exact day, 2 within a week, 3 within a month."""

    DAY = 1
    WEEK = 2
    MONTH = 3


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor named in an article, with all its mentions there."""

    key: str  # identity key, e.g. "syrian-government-forces"; mints the actor's IRI
    label: str
    actor_type: ActorType
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None  # Wikidata item id ("Q42") of a gazetteer actor, when verified
    # a state's forces or government acting outside its country in this article (where its
    # events happen): External/Other forces there (ACLED's inter 8), while ``actor_type`` stays
    # its own (State forces), so that "Military Forces of Turkey" is one actor at home and
    # abroad; each event says where it acts abroad (``Event.external``)
    external: bool = False
    country: str = ""  # ISO code of the country it belongs to, where kg knows it

    @property
    def acled_inter(self) -> int | None:
        """ACLED's inter code of the actor in this article, taken as a whole."""
        return (
            ActorType.EXTERNAL_OTHER.acled_inter if self.external else self.actor_type.acled_inter
        )


class GeoPrecision(IntEnum):
    """ACLED's geo_precision: how close an event's mapped place is to where it happened."""

    PLACE = 1  # the event's own place
    NEAR = 2  # a place near it or containing it: a named town of the same sentence
    REGION = 3  # only a province, region or the article's main place is known


@dataclass(frozen=True, slots=True)
class Geocode:
    """A place resolved in the GeoNames gazetteer."""

    geonames_id: int
    name: str  # GeoNames' own name
    country_code: str  # ISO 3166-1 alpha-2
    latitude: float | None = None  # WGS 84; None for a country (GeoNames gives no point)
    longitude: float | None = None
    admin1: str = ""  # the name of its first-level division (province, state), when known
    score: float = 0.0  # confidence of the choice among the candidates, 0..1


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in an article, with all its mentions there."""

    key: str  # identity key, e.g. "hama" or "geonames-170017"; mints the place's IRI
    label: str
    place_type: PlaceType
    mentions: tuple[Span, ...]
    within: str | None = None  # key of the place that contains it, when the text or GeoNames says
    geo: Geocode | None = None  # the gazetteer entry, when geocoded
    aliases: tuple[str, ...] = ()  # other names of it in the text (a geocoded place's label is
    # the gazetteer's name, the same in every article)


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """When an event happened: the words of the text and, where resolvable, a date."""

    span: Span
    date: dt.date | None = None
    precision: DatePrecision = DatePrecision.DAY


@dataclass(frozen=True, slots=True)
class Counts:
    """People counted in an event (None: the text gives no figure)."""

    fatalities: int | None = None
    injuries: int | None = None
    displaced: int | None = None
    refugees: int | None = None
    arrested: int | None = None

    def any(self) -> bool:
        return any(
            v is not None
            for v in (self.fatalities, self.injuries, self.displaced, self.refugees, self.arrested)
        )


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, anchored on a trigger word or phrase."""

    event_type: str  # concept id in the event taxonomy, e.g. "armed-clash"
    trigger: Span
    sentence: Span
    agents: tuple[str, ...] = ()  # actor keys: who acted
    targets: tuple[str, ...] = ()  # actor keys: who was acted on
    places: tuple[str, ...] = ()  # place keys, most specific first
    time: TimeExpr | None = None
    counts: Counts = field(default_factory=Counts)
    reported_by: tuple[str, ...] = ()  # actor keys: who said or reported it
    confidence: float = 0.5
    location: str | None = None  # key of the geocoded place that puts the event on a map
    geo_precision: GeoPrecision | None = None  # how close that place is (None: no location)
    # agents and targets acting outside their own country in this event: a state's forces or
    # government abroad, ACLED's External/Other forces (inter 8) here (kg/extract/abroad.py)
    external: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.trigger.start}-{self.trigger.end}"


class RelationKind(Enum):
    """How two actors stand to each other (re3d's FightingAgainst and AlliesOf)."""

    FIGHTING_AGAINST = "fighting-against"  # directed: the source used violence on the target
    ALLIES_OF = "allies-of"  # symmetric: the source is the supporter when the text says so


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two actors, stated by one sentence of the article.

    Derived from an event (its agent fights its target; its co-agents are allies) or from the
    words of a statement ("X, backed by Y"); ``event`` is then ``Event.key``, else None.
    """

    kind: RelationKind
    source: str  # actor key
    target: str  # actor key
    sentence: Span  # the sentence that supports it
    event: str | None = None  # the key of the event it was derived from

    @property
    def key(self) -> str:
        """Unique within an article: the same pair stated twice in a sentence is one relation."""
        return f"{self.kind.value}:{self.source}:{self.target}:{self.sentence.start}"


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Span, ...]
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    events: tuple[Event, ...]
    warnings: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()  # between actors (kg/extract/relations.py)

    def unheld(self) -> str | None:
        """The first actor or place an event or a relation names that this extraction does
        not hold, in words, or None. Such records do not fit together (a bug in kg's rules)
        and cannot be mapped to RDF."""
        actors = {a.key for a in self.actors}
        places = {p.key for p in self.places}
        for e in self.events:
            named = (*e.agents, *e.targets, *e.external, *e.reported_by)
            located = (*e.places, *([e.location] if e.location is not None else []))
            for kind, keys, held in (("actor", named, actors), ("place", located, places)):
                for key in keys:
                    if key not in held:
                        return (
                            f"the event {e.trigger.text!r} at character {e.trigger.start} "
                            f"names the {kind} {key!r}, which the article's records do not "
                            "hold: a bug in kg's rules; please report it with this article"
                        )
        for r in self.relations:
            for key in (r.source, r.target):
                if key not in actors:
                    return (
                        f"a relation at character {r.sentence.start} names the actor {key!r}, "
                        "which the article's records do not hold: a bug in kg's rules; please "
                        "report it with this article"
                    )
        return None
