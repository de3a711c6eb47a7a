"""One town's name the entity model cut in two: "Bandar" + "Abbas", "Ongata" + "Rongai"; and a
town and its province cut in the wrong place: "Tijuana Baja" + "California".

Two place mentions with nothing but a space between them are either a town and its province
written without a comma ("Morelia Michoacan": :mod:`kg.geo.pairs`) or one name split by the
model. When the two together are, spelt exactly, a town of GeoNames, they are that town: one
place, named by both mentions' words, before the geocoder looks the pieces up alone ("Bandar"
is a word for "port" in many a town's name; neither piece is a place of its own). So are two
pieces with one or two short lower-case words between them ("Port" of "Spain", "Croix"-des-
"Bouquets": the model took the last piece for a country or a place of its own), or one
capitalised word no mention claims ("Dera" Ghazi "Khan"), when the whole is a town by
GeoNames' own name (of ``MIN_WIDENED`` people or more, with a capitalised word between). When
the first's last words and the second spell a province where a town named by the first's other
words lies, they are that town and that province ("California" alone is no place of the
article).

The model also cuts a name's first words off when they look like a word of the sentence or
a person's name: "Dera" + "Ismail Khan", as if Ismail Khan were a man. A place whose mention
follows one or two capitalised words that no actor or place claims, the whole of which is a
town of GeoNames by its own name and of ``MIN_WIDENED`` people or more, is that town: the
place takes the whole name (``widened_names``)."""

from __future__ import annotations

import dataclasses
import itertools
import re

from kg.geo.admin1 import divisions_named
from kg.geo.gazetteer import Gazetteer
from kg.geo.names import fold_name
from kg.keys import name_key
from kg.model import Event, Extraction, Place, PlaceType, Span

__all__ = ["joined_names", "widened_names"]

MIN_WIDENED = 10_000  # a town a name's cut-off first words make must be this big
MAX_CUT_WORDS = 2  # the first words the model may have cut off a name

# the pieces of a name: not a country, a province or a region
_PIECES = frozenset({PlaceType.TOWN, PlaceType.DISTRICT, PlaceType.OTHER})
_JOINED = _PIECES | {PlaceType.COUNTRY}  # "Port of Spain": a country ends a town's name
_SPACE = re.compile(r"[ \t]+")  # on one line, no comma, no word between
# one or two short lower-case words that join the parts of one name, spaced or hyphenated:
# "Port of Spain", "Croix-des-Bouquets", "Santiago de Cuba"
_JOINER = re.compile(r"(?:[ \t]+|-)(?:[a-z]{1,3}(?:[ \t]+|-)){1,2}")
# one capitalised word the model left out of both pieces: "Dera" + "Ghazi" + "Khan"
_MIDDLE = re.compile(r"[ \t]+[A-Z][\w'\u2019]*[ \t]+")
_WORD = re.compile(r"\S+")
_WORD_BEFORE = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]* $")  # a capitalised word, one space


def joined_names(extraction: Extraction, gazetteer: Gazetteer) -> Extraction:
    """The extraction with each pair of places named once, side by side, whose joined words
    are a town of the gazetteer (spelt exactly) made one place; events and containments that
    name either piece name the joined place."""
    text = extraction.article.text
    pieces = sorted(
        (p for p in extraction.places if p.place_type in _JOINED and _named_once(p)),
        key=lambda p: p.mentions[0].start,
    )
    taken = [(m.start, m.end) for a in extraction.actors for m in a.mentions]
    taken += [(m.start, m.end) for p in extraction.places for m in p.mentions]
    by_key = {p.key: p for p in extraction.places}
    joined: dict[str, Place] = {}  # key of a piece -> the place of the whole name
    cut: dict[str, Place] = {}  # "Tijuana Baja" + "California": "Tijuana" + "Baja California"
    for first, second in itertools.pairwise(pieces):
        start, end = first.mentions[0].start, max(m.end for m in first.mentions)
        after = second.mentions[0].start
        if first.key in joined or first.key == second.key:
            continue
        name = text[start : min(m.end for m in second.mentions)]
        countries = PlaceType.COUNTRY in (first.place_type, second.place_type)
        if _SPACE.fullmatch(text, end, after):
            if countries:  # "Kabul Afghanistan": the town and its country
                continue
            if not any(c.kind == "town" for c in gazetteer.lookup_exact(name)):
                recut = _recut(first, second, text, gazetteer)
                if recut is not None:
                    cut[first.key], cut[second.key] = recut
                continue
        elif first.place_type is PlaceType.COUNTRY or not _one_name(
            text, (end, after), name, taken, gazetteer
        ):
            continue
        # "Bandar" + "Abbas city" (and "Abbas" in it): "Bandar Abbas city", "Bandar Abbas"
        spans = [Span(start, m.end, text[start : m.end]) for m in second.mentions]
        key = name_key(name)
        whole = joined.get(key) or by_key.get(key)  # the whole name written elsewhere too
        if whole is None:
            whole = Place(key, name, PlaceType.TOWN, (), second.within or first.within)
        mentions = tuple(sorted({*whole.mentions, *spans}, key=lambda m: (m.start, -m.end)))
        whole = dataclasses.replace(whole, mentions=mentions)
        joined[first.key] = joined[second.key] = joined[key] = whole
    if not joined and not cut:
        return extraction
    places: dict[str, Place] = {}
    for p in extraction.places:
        p = joined.get(p.key) or cut.get(p.key, p)
        if p.within in joined:
            p = dataclasses.replace(p, within=joined[p.within].key)
        places.setdefault(p.key, p)
    events = tuple(_renamed(e, joined) for e in extraction.events)
    return dataclasses.replace(extraction, places=tuple(places.values()), events=events)


def widened_names(extraction: Extraction, gazetteer: Gazetteer) -> Extraction:
    """The extraction with each place whose name the model cut at its start made the whole
    town (see the module docstring): "Dera" + "Ismail Khan" is Dera Ismail Khan, Pakistan;
    events and containments that name the piece name the town."""
    text = extraction.article.text
    taken = [(m.start, m.end) for a in extraction.actors for m in a.mentions]
    taken += [(m.start, m.end) for p in extraction.places for m in p.mentions]
    whole: dict[str, Place] = {}
    for p in extraction.places:
        if p.place_type not in _PIECES or not _named_once(p):
            continue
        start = p.mentions[0].start
        for _ in range(MAX_CUT_WORDS):
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if before is None or any(s < start and before.start() < e for s, e in taken):
                break
            start = before.start()
            name = text[start : min(m.end for m in p.mentions)]
            if any(
                c.kind == "town" and c.main_name and c.population >= MIN_WIDENED
                for c in gazetteer.lookup_exact(name)
            ):
                spans = tuple(Span(start, m.end, text[start : m.end]) for m in p.mentions)
                whole[p.key] = dataclasses.replace(
                    p, key=name_key(name), label=name, place_type=PlaceType.TOWN, mentions=spans
                )
                break
    if not whole:
        return extraction
    places: dict[str, Place] = {}
    for p in extraction.places:
        p = whole.get(p.key, p)
        if p.within in whole:
            p = dataclasses.replace(p, within=whole[p.within].key)
        places.setdefault(p.key, p)
    events = tuple(_renamed(e, whole) for e in extraction.events)
    return dataclasses.replace(extraction, places=tuple(places.values()), events=events)


def _recut(
    first: Place, second: Place, text: str, gazetteer: Gazetteer
) -> tuple[Place, Place] | None:
    """A town and its province cut in the wrong place ("Tijuana Baja" + "California"): the
    first's last words and the second make the name of a division (spelt exactly) where a
    town named by the first's other words lies; the town, in that division, and the
    division. None when the pieces are no such pair."""
    if len(first.mentions) != 1 or len(second.mentions) != 1:
        return None
    town, rest = first.mentions[0], second.mentions[0]
    words = list(_WORD.finditer(town.text))
    for n in range(1, len(words)):
        head = town.text[: words[n - 1].end()]
        name = text[town.start + words[n].start() : rest.end]
        spelt = fold_name(name)
        divisions = {d for d in divisions_named(name) if fold_name(d[1]) == spelt}
        if not divisions:
            continue
        towns = [c for c in gazetteer.lookup_exact(head) if c.kind == "town"]
        if any((c.country_code, c.admin1) in divisions for c in towns):
            province = dataclasses.replace(
                second,
                label=name,
                place_type=PlaceType.PROVINCE,
                mentions=(Span(town.start + words[n].start(), rest.end, name),),
            )
            span = Span(town.start, town.start + len(head), head)
            own = dataclasses.replace(
                first, label=head, place_type=PlaceType.TOWN, mentions=(span,), within=second.key
            )
            return own, province
    return None


def _one_name(
    text: str, gap: tuple[int, int], name: str, taken: list[tuple[int, int]], gazetteer: Gazetteer
) -> bool:
    """Whether two pieces with words between them (``gap``: their extent in ``text``) are the
    one town ``name``: joined by one or two short lower-case words ("Port" of "Spain",
    "Croix"-des-"Bouquets"; a country may be the second piece) and a town of GeoNames by its
    own name, spelt exactly; or around one capitalised word no actor or place claims ("Dera"
    Ghazi "Khan") and such a town of ``MIN_WIDENED`` people or more."""
    start, end = gap
    if _JOINER.fullmatch(text, start, end):
        least = 0
    elif _MIDDLE.fullmatch(text, start, end) and not any(s < end and start < e for s, e in taken):
        least = MIN_WIDENED
    else:
        return False
    return any(
        c.kind == "town" and c.main_name and c.population >= least
        for c in gazetteer.lookup_exact(name)
    )


def _named_once(place: Place) -> bool:
    """Whether all the place's mentions start at one word ("Abbas city" and "Abbas")."""
    return bool(place.mentions) and len({m.start for m in place.mentions}) == 1


def _renamed(event: Event, joined: dict[str, Place]) -> Event:
    keys = tuple(dict.fromkeys(joined[k].key if k in joined else k for k in event.places))
    return event if keys == event.places else dataclasses.replace(event, places=keys)
