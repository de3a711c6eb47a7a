"""Places the entity model read as actors: "shelled Hostre, Donetsk", "raided Tubas (Tubas,
West Bank)", "attacked Nacutuco (Mucojo, Cabo Delgado)".

The small model often tags a village's name as an organisation or a person. When the words
right after the name name a province or district (``kg.geo.local.told_within``: a comma or a
bracket, then the division), the text itself says the name is a place in it. Such an actor,
if it is only a name (an organisation or a person that no gazetteer knows, so it has no ACLED
actor type), becomes a place of the article before the geocoder runs; the events it took
part in (as agent or target) happened there, so the place is one of their places.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib

from kg.errors import ResourceError
from kg.geo.gazetteer import Gazetteer
from kg.geo.local import told_within
from kg.keys import name_key
from kg.model import Actor, ActorType, Event, Extraction, Place, PlaceType, Span
from kg.resources import data_dir

__all__ = ["actors_as_places"]

# actors that are only a name: no ACLED actor type, nothing lost when they turn out a place
_NAME_ONLY = frozenset({ActorType.ORGANISATION, ActorType.PERSON})
# a comma or a bracket, then a capitalised name: "Hostre, Donetsk", "Tubas (Tubas, West Bank)";
# not "Booker, of Cibolo, Texas" or "al-Abadi in Baghdad" (people are met in towns)
_DIVISION_NEXT = re.compile(r"\s*[,(\[]\s*[A-Z]")
_DIGIT = re.compile(r"\d")  # "5th Special Forces Group, Fort Campbell": a unit
_IN = frozenset({"in", "at", "near", "outside", "inside", "around", "via"})
_MAX_WORDS = 2  # "Kafr Lusin", not "Basra Oil Company" (an institution, not its town)


def actors_as_places(extraction: Extraction, gazetteer: Gazetteer) -> Extraction:
    """The extraction with each name-only actor the text places in a division turned into a
    place (see the module docstring); unchanged when there is none."""
    text = extraction.article.text
    known = {p.key for p in extraction.places}
    ends = {m.end for p in extraction.places for m in p.mentions}
    moved: dict[str, Place] = {}  # actor key -> its place
    for actor in extraction.actors:
        if (
            not _name_only(actor, text)
            or _body_name(actor.label)
            or all(_after_a_place(m, text, ends) for m in actor.mentions)
        ):
            continue  # "in Zzyzxq town (Kandhamal, Odisha)": the town's district (kg.geo.regions)
        place = Place(_place_key(actor, known), actor.label, PlaceType.OTHER, actor.mentions)
        written = any(_DIVISION_NEXT.match(text, m.end) for m in actor.mentions)
        placed = written and not _DIGIT.search(actor.label) and told_within(place, text, gazetteer)
        if placed or all(_after_in(m, text) for m in actor.mentions):
            moved[actor.key] = place
    if not moved:
        return extraction
    events = tuple(
        dataclasses.replace(
            e,
            agents=tuple(k for k in e.agents if k not in moved),
            targets=tuple(k for k in e.targets if k not in moved),
            reported_by=tuple(k for k in e.reported_by if k not in moved),
            places=_places_of(e, moved),
        )
        for e in extraction.events
    )
    return dataclasses.replace(
        extraction,
        actors=tuple(a for a in extraction.actors if a.key not in moved),
        places=extraction.places + tuple(moved.values()),
        events=events,
        relations=tuple(
            r for r in extraction.relations if r.source not in moved and r.target not in moved
        ),
    )


def _places_of(event: Event, moved: dict[str, Place]) -> tuple[str, ...]:
    """The event's places, led by those of its actors that are places; an event with no
    place of its own takes those named in its sentence ("attacked Nacutuco (Mucojo, ...)",
    the model leaving the village out of the event's roles)."""
    own = [moved[k].key for k in (*event.targets, *event.agents) if k in moved]
    if not own and not event.places:
        s = event.sentence
        own = [
            p.key
            for p in moved.values()
            if any(s.start <= m.start and m.end <= s.end for m in p.mentions)
        ]
    return tuple(dict.fromkeys([*own, *event.places]))


def _after_in(span: Span, text: str) -> bool:
    """A one- or two-word name right after a preposition of place ("protesters in Samawah",
    "clashed with police at Gudas"): no organisation or person is met *in* or *at*."""
    words = text[max(0, span.start - 12) : span.start].lower().split()
    return bool(words) and words[-1] in _IN and len(span.text.split()) <= _MAX_WORDS


def _after_a_place(span: Span, text: str, ends: set[int]) -> bool:
    """The name opens a bracket after a place ("Zzyzxq town (Kandhamal"): the place's division."""
    before = text[: span.start].rstrip()
    if not before.endswith(("(", "[")):
        return False
    words = before[:-1].rstrip().rsplit(None, 1)
    head = before[:-1].rstrip()
    if len(words) == 2 and words[1].islower():  # "Zzyzxq town ("
        head = words[0].rstrip()
    return len(head) in ends


def _name_only(actor: Actor, text: str) -> bool:
    """An organisation or a person name that no gazetteer knows; a person's name of several
    words only right after "in" or "at" ("Haider al-Abadi, Iraq's prime minister" is someone)."""
    several = len(actor.label.split()) > 1
    if actor.actor_type is ActorType.PERSON and several:
        return all(_after_in(m, text) for m in actor.mentions)
    return actor.actor_type in _NAME_ONLY and actor.wikidata is None and bool(actor.mentions)


def _body_name(label: str) -> bool:
    """ "the Lowtown Ministry of Culture, State Board ...", "Basra Oil Company": a name holding
    a body's own noun (``kg/data/names.toml``, organisation heads) names no village."""
    return any(w[:1].isupper() and w.lower() in _body_words() for w in label.split())


@functools.cache
def _body_words() -> frozenset[str]:
    path = data_dir() / "names.toml"
    try:
        heads = tomllib.loads(path.read_text(encoding="utf-8"))["organisations"]["heads"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(
            path, f"missing or malformed list [organisations] heads ({exc})"
        ) from exc
    return frozenset(str(w).lower() for w in heads)


def _place_key(actor: Actor, known: set[str]) -> str:
    key = name_key(actor.label)
    while key in known:
        key += "-place"
    known.add(key)
    return key
