"""The article's countries, from the evidence of its words: the countries it names and those
its actors and places point to (weak votes, with ``leader`` the one they point to most), the
country the text says a place is in ("the Syrian town of Dabiq"), and the country its
geocoded towns lie in (``home_country``). ``kg.geo.geocode`` weighs each place's namesakes
with them (``Context``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from kg.geo.admin1 import divisions_named
from kg.geo.choice import Context
from kg.geo.fronts import front_divisions
from kg.geo.gazetteer import Candidate
from kg.geo.town_of import said_country
from kg.model import Extraction, Geocode, PlaceType

_REGION_TYPES = frozenset({PlaceType.PROVINCE, PlaceType.DISTRICT, PlaceType.REGION})


def said_countries(extraction: Extraction, towns: dict[str, list[Candidate]]) -> dict[str, str]:
    """The country the text says each place is in ("the Syrian town of Dabiq"), by key; the
    place's namesakes are then that country's, whatever else is named (``towns`` is updated)."""
    text = extraction.article.text
    said = {p.key: cc for p in extraction.places if (cc := said_country(text, p.mentions))}
    for key, cc in said.items():
        if key in towns:
            towns[key] = [c for c in towns[key] if c.country_code == cc] or towns[key]
    return said


def weak_votes(
    votes: Mapping[str, float], towns: Mapping[str, list[Candidate]]
) -> dict[str, float]:
    """The weak evidence of the article's countries: the ``votes``, and every place named
    voting for its namesakes' countries (spelt exactly: one vote shared)."""
    weak: dict[str, float] = defaultdict(float)
    for cc, w in votes.items():
        if cc:
            weak[cc] += w
    for found in towns.values():
        exact = {c.country_code for c in found if c.exact}
        for cc in exact:
            weak[cc] += 1.0 / len(exact)
    return dict(weak)


def context_of(extraction: Extraction, named: frozenset[str], weak: dict[str, float]) -> Context:
    """The article's countries, named and voted for, the divisions it names, and the fronts
    of the wars whose fighting it tells (``kg.geo.fronts``)."""
    divisions: dict[str, set[str]] = defaultdict(set)
    for p in extraction.places:
        if p.place_type in _REGION_TYPES:
            for cc, name in divisions_named(p.label):
                divisions[cc].add(name)
    # the divisions any place's name or its last one or two words name ("Solonchaky,
    # Mykolaiv" with the province taken for a town, "Zzq (Lowtown Aden)"): where the text
    # says, no front of that country counts
    told: dict[str, set[str]] = defaultdict(set)
    for p in extraction.places:
        if p.place_type is not PlaceType.COUNTRY:
            words = p.label.split()
            for label in {p.label, *(" ".join(words[-n:]) for n in (1, 2) if n < len(words))}:
                for cc, name in divisions_named(label):
                    told[cc].add(name)
    return Context(
        named,
        weak,
        max(weak.values(), default=0.0),
        {cc: frozenset(names) for cc, names in divisions.items()},
        front_divisions(extraction, {cc: frozenset(names) for cc, names in told.items()}),
    )


def leader(weights: Mapping[str, float]) -> str:
    """The country with the most weight, or none ("") when two share it: a tie is no evidence
    (a name with namesakes in ten countries gives each a tenth), and ``max`` would pick the one
    a set happened to yield first, which changes with the hash seed."""
    ranked = sorted(weights.items(), key=lambda item: item[1], reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[1][1] >= ranked[0][1] - 1e-9):
        return ""
    return ranked[0][0]


def home_country(
    resolved: dict[str, Geocode],
    named: frozenset[str],
    said: Mapping[str, str] | None = None,
    votes: Mapping[str, float] | None = None,
) -> str:
    """The article's country, for keying the places GeoNames lacks: the one most of its
    towns lie in (geocoded, or put in a country by the text, ``said``: "the Lebanese village
    of X"); where two share the most, the one of them the article's ``votes`` point to most
    ("Israeli strike ... the Lebanese village of Houla ... a base in Kiryat Shmona": Lebanon);
    else the only country it names, else none ("")."""
    towns = Counter(g.country_code for g in resolved.values() if g.latitude is not None)
    towns.update(cc for key, cc in (said or {}).items() if key not in resolved)
    if towns:
        (top, n), *rest = towns.most_common(2)
        if not rest or rest[0][1] < n:
            return top
        tied = {cc for cc, m in towns.items() if m == n}
        pointed = leader({cc: w for cc, w in (votes or {}).items() if cc in tied})
        if pointed:
            return pointed
    return next(iter(named)) if len(named) == 1 else ""
