"""Choosing among a name's namesakes: the article's country context and each candidate's weight.

``kg.geo.geocode`` gathers the evidence (the countries the article names, weak votes from its
actors and from the namesakes of its other places, the provinces it names) into a
:class:`Context`; the functions here weigh a town against it (:func:`weight`), decide whether a
name stands on its own without context (:func:`unambiguous`), favour namesakes near the
article's other places (``kg.geo.neighbours.near``) and drop a small ambiguous one far from them
(:func:`stray`) and a village that has the name only as an alternate name of a large
city's (:func:`borrowed`), and turn the weights into a choice and its confidence (:func:`best`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Protocol

from kg.geo.gazetteer import Candidate
from kg.geo.names import fold_name, names_match
from kg.model import Geocode

__all__ = [
    "ADMIN_BONUS",
    "BORDER_KM",
    "EARTH_RADIUS_KM",
    "FRONT_BONUS",
    "LARGE_CITY",
    "NEIGHBOURHOOD_KM",
    "SMALL_TOWN",
    "STRONG_SUPPORT",
    "Context",
    "Located",
    "abroad_than_said",
    "bears",
    "beside_pointed",
    "best",
    "borrowed",
    "elsewhere_than_said",
    "geocode_of",
    "haversine_km",
    "likeness",
    "lone_abroad",
    "stray",
    "weight",
]

LARGE_CITY = 100_000
FAMOUS_CITY = 1_000_000  # a city this large is known abroad by its other names too
SMALL_TOWN = 10_000  # below this, a town is a village that a name's other claims outweigh
ADMIN_BONUS = 1.0  # for a candidate in a province (admin1) the article names
FRONT_BONUS = 0.5  # for one in a province where the war the article tells of is fought
NO_CONTEXT_MIN_POPULATION = 5_000
# how many times its namesakes a city must be to stand for its name without context (margin)
LARGE_MARGIN = 10.0  # a large city ("Islamabad": ten times every other town of the name)
FAMOUS_MARGIN = 5.0  # a city of a million ("Birmingham": England's, six times Alabama's)
CAPITAL_MARGIN = 2.5  # a country's capital ("Colombo": Sri Lanka's, 2.8 times Brazil's)
ALTERNATE_DISCOUNT = 10  # an alternate name's namesake weighs a tenth of a main name's
NEIGHBOURHOOD_KM = 150.0
STRONG_SUPPORT = 0.5  # weak evidence this strong admits a country the text does not name
MIN_LOOSE_VOTE = 1.0  # a whole vote (an actor's mention, a place of one country's namesakes)
NEIGHBOUR_BONUS = 0.6
CLOSER_BONUS = 0.3  # more, the nearer the neighbour: at 0 km all of it, at NEIGHBOURHOOD_KM none
BORDER_KM = 400.0  # a town this close to a country the actors point to may be its war's
MIN_LIKENESS = 0.8  # an alternate name this close to a town's own is a transliteration of it
# namesakes this close across a border are one town a border divides ("Rafah": Gaza's and
# Egypt's halves, 1.7 km apart)
DIVIDED_TOWN_KM = 5.0


EARTH_RADIUS_KM = 6371.0088  # mean radius


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (latitude, longitude) points in degrees."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class Context:
    named: frozenset[str]  # ISO codes of the countries the article names: strong evidence
    votes: dict[str, float]  # weak evidence: actors' countries, other places' namesakes
    top: float  # the largest vote
    divisions: dict[str, frozenset[str]] = field(default_factory=dict)  # cc -> admin1 names
    # the article names (as provinces, districts or regions)
    # (cc, admin1) of the provinces where the war is fought, when the article tells fighting
    # and names no province of that country (kg.geo.fronts)
    fronts: frozenset[tuple[str, str]] = frozenset()

    def in_named_region(self, c: Candidate) -> bool:
        return bool(c.admin1) and c.admin1 in self.divisions.get(c.country_code, ())

    def at_front(self, c: Candidate) -> bool:
        return (c.country_code, c.admin1) in self.fronts

    def elsewhere(self, c: Candidate) -> bool:
        """The article names provinces of the candidate's country, none of them its own."""
        named = self.divisions.get(c.country_code)
        return bool(c.admin1 and named) and c.admin1 not in (named or ())

    def vote(self, cc: str, own: frozenset[str]) -> float:
        """The weak evidence for ``cc``, without the place's own namesakes, in votes."""
        return max(0.0, self.votes.get(cc, 0.0) - (1.0 / len(own) if cc in own else 0.0))

    def support(self, cc: str, own: frozenset[str]) -> float:
        """The weak evidence for ``cc``, without the place's own namesakes, 0..1."""
        return self.vote(cc, own) / self.top if self.top > 0 else 0.0

    def backs_loosely(self, cc: str, own: frozenset[str]) -> bool:
        """Whether the weak evidence for ``cc`` admits a namesake only spelt like the name:
        strong (``STRONG_SUPPORT``) and of at least ``MIN_LOOSE_VOTE`` votes. Support is
        relative to the largest vote, and where nothing else votes the largest may be a
        third of one from another name whose namesakes lie in three countries (a people's
        name read as a place): no evidence that a village abroad spelt like "Lowtan Mara"
        is it."""
        return self.support(cc, own) > STRONG_SUPPORT and self.vote(cc, own) >= MIN_LOOSE_VOTE


def bears(c: Candidate, label: str) -> bool:
    """Whether a namesake bears the name as its own or as a spelling of its own (a
    transliteration: the same consonants, "Quneitra" for Al Qunaytirah, or ``MIN_LIKENESS``),
    not only as another name GeoNames lists for it: a county's seat may be listed under the
    county's name ("Lowshire": Zzq, the seat of Lowshire County, is no town called Lowshire)."""
    return (
        c.main_name
        or names_match(label, c.name)
        or likeness(fold_name(label), fold_name(c.name)) >= MIN_LIKENESS
    )


def lone_abroad(c: Candidate, context: Context) -> bool:
    """A town kept only as the one town of its name while the article points elsewhere."""
    own = frozenset({c.country_code})
    elsewhere = any(
        cc != c.country_code and context.support(cc, own) >= STRONG_SUPPORT for cc in context.votes
    )
    return (
        bool(context.named or elsewhere)
        and c.country_code not in context.named
        and context.support(c.country_code, own) <= 0
        and not context.in_named_region(c)
    )


def elsewhere_than_said(
    c: Candidate, said: frozenset[tuple[str, str]], glued: frozenset[tuple[str, str]] = frozenset()
) -> bool:
    """Whether a namesake lies in another province of the country the text puts the place in,
    none of whose namesakes lies in the division the text names (``said``: (ISO code, admin1
    name) pairs the words after the name give, ``kg.geo.local.told_within``): "Yangi Qala
    village of Chimtal district Balkh" is not the Yangi Qala of Takhar, "Orikhove, Luhansk" not
    the one of Crimea. A large city spelt exactly stays a candidate (the words after a name may
    be the next item of a list: "in Taiz, Aden"), and so does a namesake in another country:
    a division's name matched loosely names divisions abroad too ("Croatia": Crete). A
    division glued to the name (``glued``: "Kartal Istanbul") may be part of the town's own
    name ("Mau Narok"), so it rules out only a namesake found by part of the name or by a
    close spelling."""
    if not c.exact and any(cc == c.country_code for cc, _ in glued):
        return True
    if not any(cc == c.country_code for cc, _ in said):
        return False
    return not c.exact or c.population < LARGE_CITY


def abroad_than_said(
    c: Candidate,
    said: frozenset[tuple[str, str]],
    context: Context,
    own: frozenset[str],
    firm: frozenset[str],
) -> bool:
    """Whether a namesake lies in a country none of the divisions the text puts the place in
    (``said``) lies in, and that the article neither names nor points to (``own``: the
    countries of the name's own namesakes, whose votes do not count): "Sabara, Turkana
    County" is no city of Brazil, however large, nor "Zzq town in Ikeja LGA" a namesake in
    Turkey; with no namesake inside, the place is better off the map than abroad. A
    namesake in a country the article names or points to stays: a division's name matched
    loosely names divisions abroad too ("Split, Croatia": Crete), and the words after a name
    may be the next item of a list ("in Kabul, Islamabad"). The divisions said must lie in a
    country the article is sure of (``firm``: it names it, its actors point to it strongly, or
    a district it names lies there): the words after a name are read loosely ("Panama City
    (Bella Vista)": districts of Mexico and Peru)."""
    if not any(cc in firm for cc, _ in said):
        return False
    if any(cc == c.country_code for cc, _ in said):
        return False
    return (
        c.country_code not in context.named
        and context.support(c.country_code, own) < STRONG_SUPPORT
    )


def beside_pointed(c: Candidate, context: Context, seats: Callable[[str], list[Candidate]]) -> bool:
    """Whether a town lies within ``BORDER_KM`` of a country the article's actors point to
    (of the largest town of one of its provinces, ``seats``): "Russian forces shelled
    Temyrivka" (Ukraine), "Turkish forces shelled Tall Tamr" (Syria) are the war next door,
    where a Palestinian group's "Tuam" is not the town in Ireland."""
    if c.latitude is None or c.longitude is None:
        return False
    here = (c.latitude, c.longitude)
    own = frozenset({c.country_code})
    pointed = [cc for cc in context.votes if context.support(cc, own) >= STRONG_SUPPORT]
    return any(
        haversine_km(here, (s.latitude, s.longitude)) <= BORDER_KM
        for cc in pointed
        for s in seats(cc)
        if s.latitude is not None and s.longitude is not None
    )


def standing(c: Candidate) -> float:
    """A namesake's claim on a name without context: its population, a tenth of it when the
    name is only one of its alternate names (GeoNames lists many spellings in other
    languages: "Annaba" is also an alternate name of Ann Arbor)."""
    return c.population if c.main_name else c.population / ALTERNATE_DISCOUNT


@functools.lru_cache(maxsize=65536)
def likeness(a: str, b: str) -> float:
    """``SequenceMatcher``'s ratio of two spellings, remembered (the same pairs come back)."""
    return SequenceMatcher(None, a, b).ratio()


def weight(c: Candidate, context: Context, own: frozenset[str], folded: str) -> float:
    """A namesake's weight: its size (counted a tenth, ``ALTERNATE_DISCOUNT``, when the name
    is only another name of it, unlike its own: "New Delhi" is the city so called, not Delhi,
    which GeoNames also calls so; "Gwangju" not Guangzhou), more in a country the article
    names or points to, in a province it names or where the war it tells of is fought
    (``Context.fronts``: "explosions near Lowtivka", the one at the front), and by its main
    name or spelt exactly."""
    size: float = c.population
    if not c.main_name and likeness(folded, fold_name(c.name)) < MIN_LIKENESS:
        size = c.population / ALTERNATE_DISCOUNT
    w = math.log10(size + 10) / 7
    if c.country_code in context.named:
        w += 2.0
    w += 1.5 * context.support(c.country_code, own)
    if not c.exact:  # only the skeletons agree: the closer spelling of the two
        w -= 0.5 + 3 * (1 - likeness(folded, fold_name(c.name)))
    if c.main_name:
        w += 0.2
    if context.in_named_region(c):
        w += ADMIN_BONUS
    elif context.at_front(c):
        w += FRONT_BONUS
    return w


class Located(Protocol):
    """A point with its country and province: a gazetteer entry, or a place's geocode."""

    @property
    def country_code(self) -> str: ...
    @property
    def admin1(self) -> str: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


def stray(chosen: Candidate, anchors: Sequence[Located]) -> bool:
    """Whether a small place lies beyond ``NEIGHBOURHOOD_KM`` of every anchor (the places
    resolved surely: towns of one candidate, and the districts and provinces the text names
    and the gazetteer places), and in none of their provinces (no anchor: no)."""
    points = [(a.latitude, a.longitude) for a in anchors if a.latitude is not None]
    if not points or chosen.population >= LARGE_CITY or chosen.latitude is None:
        return False
    if chosen.admin1 and any(
        (a.country_code, a.admin1) == (chosen.country_code, chosen.admin1) for a in anchors
    ):
        return False
    here = (chosen.latitude, chosen.longitude or 0.0)
    return all(haversine_km(here, (lat, lon or 0.0)) > NEIGHBOURHOOD_KM for lat, lon in points)


def best(scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float]:
    """The best candidate and its share of the candidates' weights (softmax), 0..1."""
    top = max(scored, key=lambda cw: (cw[1], cw[0].population, -cw[0].geonames_id))
    total = sum(math.exp(w - top[1]) for _, w in scored)
    return top[0], round(1.0 / total, 3)


def geocode_of(c: Candidate, score: float) -> Geocode:
    """The chosen entry as the place's geocode, with the choice's confidence."""
    return Geocode(
        geonames_id=c.geonames_id,
        name=c.name,
        country_code=c.country_code,
        latitude=c.latitude,
        longitude=c.longitude,
        admin1=c.admin1,
        score=score,
    )


def borrowed(c: Candidate, kept: Sequence[Candidate]) -> bool:
    """Whether ``c`` is a village (below ``SMALL_TOWN``) that has the name only as an
    alternate name, while a large city among the namesakes ``kept`` has it as its own
    ("Kabul": a village abroad that GeoNames also calls so is no rival to the capital, whatever
    country the article names; a city that has a name only as one of its own is, as Santiago de
    Cuba is a "Santiago" in an article naming Cuba)."""
    return (
        not c.main_name
        and c.population < SMALL_TOWN
        and any(o.main_name and o.exact and o.population >= LARGE_CITY for o in kept)
    )
