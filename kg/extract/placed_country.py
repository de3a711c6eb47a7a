"""Unnamed actors take the country where the text places them, once places are geocoded.

ACLED names an unnamed actor by its country ("Police Forces of Bangladesh", "Protesters
(United Kingdom)"), and the graph merges such actors by key within a country. The mention
finder keys them by the article's main country, decided from names before geocoding; a
town whose name other countries have too ("Dhaka", "London") gives it none, and "police",
"protesters" stay countryless, one node with every other article's.

Run after geocoding, on an article that names no country (its main country is none): the
countryless unnamed actors (a label of the lexicon's templates with the country left out)
take the country of the article's geocoded places when they all lie in one, else the one
country of the events they take part in. Keys, labels and ``Actor.country`` change together;
an actor whose new key the article holds already joins it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from kg.extract.abroad import event_country
from kg.extract.drafts import dedup
from kg.geo.mentioned import inside
from kg.keys import name_key
from kg.model import Actor, ActorType, Event, Extraction, Place, Relation

__all__ = ["countryless_templates", "event_sides", "place_countries"]


def countryless_templates(templates: Iterable[str]) -> dict[str, str]:
    """Countryless label -> its template: "Police Forces" -> "Police Forces of {country}",
    "Protesters" -> "Protesters ({country})", for the lexicon's templates of unnamed actors.
    A label two templates share is left out (which country form it takes is unknown)."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for template in templates:
        label = template.replace(" of {country}", "").replace(" ({country})", "")
        if label == template or "{" in label:
            continue  # no country slot, or other slots ("{people} Ethnic Militia")
        if out.setdefault(label, template) != template:
            shared.add(label)
    return {label: t for label, t in out.items() if label not in shared}


def place_countries(
    extraction: Extraction,
    templates: Mapping[str, str],
    names: Mapping[str, str],
    topics: Sequence[tuple[int, int]] = (),
) -> Extraction:
    """The extraction with its countryless unnamed actors (``templates``: their labels ->
    label templates) of the country its places lie in (``names``: ISO code -> the country's
    name in labels). ``topics``: the character extents of the places named only as what a
    protest is about ("in solidarity with Ukraine"), which tell no country. Call it only for
    an article whose words name no country."""
    unnamed = {
        a.key: templates[a.label]
        for a in extraction.actors
        if not a.country and a.label in templates and a.key == name_key(a.label)
    }
    if not unnamed:
        return extraction
    places = {p.key: p for p in extraction.places}
    countries = dedup(
        p.geo.country_code
        for p in extraction.places
        if p.geo is not None and p.geo.country_code and p.mentions and not _topic(p, topics)
    )  # not the provinces the geocoder adds (no mentions): their towns tell
    if len(countries) == 1:
        homes = dict.fromkeys(unnamed, countries[0])
    else:
        homes = _event_homes(extraction.events, places, unnamed)
    renamed: dict[str, tuple[str, str, str]] = {}  # old key -> new key, label, country
    for key, iso in homes.items():
        if iso in names:
            label = unnamed[key].format(country=names[iso])
            renamed[key] = (name_key(label), label, iso)
    if not renamed:
        return extraction
    return _rekeyed(extraction, renamed)


def event_sides(
    extraction: Extraction, templates: Mapping[str, str], names: Mapping[str, str]
) -> Extraction:
    """The extraction with its countryless unnamed actors (as for :func:`place_countries`) of
    the country the events they take part in tell, in an article whose words name countries
    but none of these actors' (another pass took it away: "Afghan troops killed soldiers" are
    not taken for Afghanistan's by default, :mod:`kg.extract.other_side`):

    * a communal militia, guards, civilians: of the one country their events happen in;
    * a state's forces (soldiers, police) the other side of an event of a country's forces:
      of the event's country where those forces act abroad ("Lowland forces killed soldiers
      in Upton", Upton in Highland: Highland's soldiers); where they act at home, of the one
      other state the event's sentence names forces of (a war of two states); else none
      (honestly unknown: "a Lowland drone killed two soldiers in Lowtown" tells neither a
      mutiny nor whose the soldiers are).
    """
    unnamed = {
        a.key: a
        for a in extraction.actors
        if not a.country and a.label in templates and a.key == name_key(a.label)
    }
    if not unnamed:
        return extraction
    forces = {  # a state's forces or government acting abroad: the key -> its country
        a.key: a.country
        for a in extraction.actors
        if a.country and (a.external or a.actor_type is ActorType.STATE_FORCES)
    }
    named = [(m, a.country) for a in extraction.actors if a.key in forces for m in a.mentions]
    places = {p.key: p for p in extraction.places}
    seen: dict[str, set[str]] = {}
    for event in extraction.events:
        where = event_country(event, places)
        for side, others in ((event.agents, event.targets), (event.targets, event.agents)):
            for key in side:
                if key in unnamed:
                    opposed = {forces[k] for k in others if k in forces}
                    told = {iso for m, iso in named if inside(m, event.sentence)}
                    home = _home(unnamed[key], where, opposed, told)
                    seen.setdefault(key, set()).add(home)
    renamed: dict[str, tuple[str, str, str]] = {}
    for key, isos in seen.items():
        iso = next(iter(isos))
        if len(isos) == 1 and iso in names:
            label = templates[unnamed[key].label].format(country=names[iso])
            renamed[key] = (name_key(label), label, iso)
    return _rekeyed(extraction, renamed) if renamed else extraction


def _home(actor: Actor, where: str, opposed: set[str], told: set[str]) -> str:
    """The country of an unnamed actor of an event in ``where`` (or ""), against the forces
    of the states ``opposed``, in a sentence naming the forces of the states ``told``; "" for
    unknown."""
    if not where or actor.actor_type is not ActorType.STATE_FORCES or where not in opposed:
        return where  # forces acting abroad strike the forces of the country they are in
    if len(opposed) > 1:
        return ""
    if len(told - opposed) == 1:  # "Lowland forces repelled a Highland assault; ... soldiers"
        return next(iter(told - opposed))
    # no other state named: unknown, not the state's own men. A mutiny ("a Lowland soldier
    # shot two other soldiers") is rarer in the news than a war whose other side the story
    # leaves unnamed ("a Ukrainian drone killed two soldiers near Bakhmut": Russia's)
    return ""


def _topic(place: Place, topics: Sequence[tuple[int, int]]) -> bool:
    """Whether every mention of the place lies in a protest's topic."""
    return all(
        any(start <= m.start and m.end <= end for start, end in topics) for m in place.mentions
    )


def _event_homes(
    events: Iterable[Event], places: Mapping[str, Place], unnamed: Mapping[str, str]
) -> dict[str, str]:
    """Actor key -> the one country the events it acts in or is acted on in happen in."""
    seen: dict[str, set[str]] = {}
    for event in events:
        iso = event_country(event, places)
        for key in (*event.agents, *event.targets):
            if key in unnamed:
                seen.setdefault(key, set()).add(iso)
    return {
        key: next(iter(isos)) for key, isos in seen.items() if len(isos) == 1 and "" not in isos
    }


def _rekeyed(extraction: Extraction, renamed: Mapping[str, tuple[str, str, str]]) -> Extraction:
    """The extraction with the actors of ``renamed``'s keys under their new keys, labels and
    countries (their mentions and aliases kept; one that meets an actor of its new key joins
    it), in events and relations too."""
    merged: dict[str, Actor] = {}
    for actor in extraction.actors:
        if actor.key in renamed:
            key, label, iso = renamed[actor.key]
            actor = dataclasses.replace(actor, key=key, label=label, country=iso)
        held = merged.get(actor.key)
        if held is None:
            merged[actor.key] = actor
        else:  # "police" and "Bangladeshi police": one actor
            merged[actor.key] = dataclasses.replace(
                held,
                mentions=(*held.mentions, *actor.mentions),
                aliases=tuple(dedup((*held.aliases, *actor.aliases))),
            )

    def now(keys: Iterable[str]) -> tuple[str, ...]:
        return tuple(dedup(renamed[k][0] if k in renamed else k for k in keys))

    events = []
    for e in extraction.events:
        agents = now(e.agents)
        targets = tuple(k for k in now(e.targets) if k not in agents)
        events.append(dataclasses.replace(e, agents=agents, targets=targets,
                                          reported_by=now(e.reported_by),
                                          external=now(e.external)))  # fmt: skip
    relations: dict[str, Relation] = {}
    for r in extraction.relations:
        source, target = now([r.source])[0], now([r.target])[0]
        if source != target:
            r = dataclasses.replace(r, source=source, target=target)
            relations.setdefault(r.key, r)
    return dataclasses.replace(
        extraction,
        actors=tuple(merged.values()),
        events=tuple(events),
        relations=tuple(relations.values()),
    )
