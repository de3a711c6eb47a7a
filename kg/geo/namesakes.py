"""Namesakes with no context to choose among them: a name stands for one town when that town
is the only one spelt so, or so much larger than the others (a large city, a famous one, a
capital), or the larger half of a town a border divides. Helpers of :mod:`kg.geo.choice`'s
callers (the lookup, the options and the geocoder)."""

from __future__ import annotations

from collections.abc import Sequence

from kg.geo.choice import (
    ALTERNATE_DISCOUNT,
    CAPITAL_MARGIN,
    DIVIDED_TOWN_KM,
    FAMOUS_CITY,
    FAMOUS_MARGIN,
    LARGE_CITY,
    LARGE_MARGIN,
    MIN_LIKENESS,
    NO_CONTEXT_MIN_POPULATION,
    haversine_km,
    likeness,
    standing,
)
from kg.geo.gazetteer import Candidate
from kg.geo.names import fold_name, spelt_alike

__all__ = ["foreign_name", "greater_halves", "margin", "sole", "unambiguous"]


def greater_halves(towns: list[Candidate]) -> list[Candidate]:
    """``towns`` without the lesser half of each town a border divides: a namesake of the
    name as written (``exact``) in another country, within ``DIVIDED_TOWN_KM`` of a larger
    one, both bearing it as their own name, spelt alike. Without context the name stands for
    the larger half ("Rafah" for Gaza's, 126,000, not Egypt's, 44,000), which lies where the
    other does: the choice is only of country."""
    exact = [c for c in towns if c.exact and c.latitude is not None and c.longitude is not None]
    return [
        c
        for c in towns
        if not any(
            o.country_code != c.country_code
            and o.population > c.population
            and c in exact
            and c.main_name
            and o.main_name
            and spelt_alike(c.name, o.name)
            and haversine_km(_point(c), _point(o)) <= DIVIDED_TOWN_KM
            for o in exact
        )
    ]


def _point(c: Candidate) -> tuple[float, float]:
    return (c.latitude or 0.0, c.longitude or 0.0)


def unambiguous(
    towns: list[Candidate],
    folded: str = "",
    label: str = "",
    capitals: frozenset[int] = frozenset(),
) -> list[Candidate]:
    """Without any country context: a name spelt exactly that only one town bears (as its
    main name, or a town of some size), or the largest of its namesakes by far, unless that
    one has the name (``folded``, when given) only as a foreign name of it while it is the own
    name of towns of other countries (``foreign_name``), or else a large city
    (``LARGE_CITY``) whose own name is the name as written (``label``, when given: not
    only folded alike, "Maasai" is no Masai, Malaysia), ``margin`` times any other town so
    named (a town whose own name is spelt otherwise counting a tenth: "Kumasi" is not
    Koumassi) and standing no lower than those that have it as another name (``standing``):
    "Islamabad" is the capital, not Chattogram, a city six times larger that GeoNames also
    calls so. The better known a city, the smaller its margin: a reader of world news takes
    "Athens" for Greece's capital, not the Athens of Georgia, a fifth of its size, and
    "Colombo" for Sri Lanka's (``capitals``: GeoNames ids), while "Hyderabad" (India's, 3.6
    times Pakistan's), "Valencia" or "Merida" may be either. The lesser half of a town a
    border divides is no rival (``greater_halves``)."""
    exact = [c for c in greater_halves(towns) if c.exact]
    if len(exact) == 1:
        only = exact[0]
        return exact if only.main_name or only.population >= NO_CONTEXT_MIN_POPULATION else []
    if not exact:
        return []
    for claim in (lambda c: float(c.population), standing):
        top, runner = sorted(exact, key=lambda c: -claim(c))[:2]
        if top.population >= NO_CONTEXT_MIN_POPULATION and claim(top) >= 10 * claim(runner):
            return [] if folded and foreign_name(top, exact, folded, label) else [top]
    own = sorted((c for c in exact if c.main_name), key=lambda c: -c.population)
    written = [c for c in own if spelt_alike(label, c.name)]
    if not written:
        return []
    top = written[0]
    # a town whose own name is only folded alike ("Koumassi" for "Kumasi", "Al Madinah" for
    # "Madinah") is written otherwise: it weighs a tenth, as another name's namesake does
    rivals = [
        o.population if spelt_alike(label, o.name) else o.population / ALTERNATE_DISCOUNT
        for o in own
        if o is not top
    ]
    times = margin(top, capitals)
    if (
        times is not None
        and top.population >= times * max(rivals, default=0.0)
        and standing(top) >= max(standing(c) for c in exact)
    ):
        return [top]
    return []


def margin(c: Candidate, capitals: frozenset[int] = frozenset()) -> float | None:
    """How many times any namesake a city must be to stand for its name without context: a
    country's capital (``capitals``) ``CAPITAL_MARGIN``, a city of a million
    (``FAMOUS_CITY``) ``FAMOUS_MARGIN``, a large city (``LARGE_CITY``) ``LARGE_MARGIN``;
    a smaller town never (None)."""
    if c.geonames_id in capitals:
        return CAPITAL_MARGIN
    if c.population >= FAMOUS_CITY:
        return FAMOUS_MARGIN
    if c.population >= LARGE_CITY:
        return LARGE_MARGIN
    return None


def sole(c: Candidate, towns: list[Candidate], label: str = "") -> bool:
    """The only town spelt exactly as the name ("Kakuma": one town in the world), or a large
    city (``LARGE_CITY``), the only town whose own name it is, ten times the others that have
    it only as another name, at a tenth of their weight (``standing``): "Gaza", a city of
    400,000, is not made ambiguous by villages in Kenya and Bhutan that GeoNames also calls
    so; a village abroad so named stays a namesake among others. The lesser half of a town
    a border divides is no rival (``greater_halves``), and a village whose own name is only
    folded alike with the name as written (``label``, when given: "Raffa", Italy, for
    "Rafah") weighs a tenth, as in ``unambiguous``."""
    rivals = [o for o in greater_halves(towns) if o.exact and o is not c]
    if not c.exact:
        return False

    def claim(o: Candidate) -> float:
        if o.main_name and label and not spelt_alike(label, o.name):
            return o.population / ALTERNATE_DISCOUNT
        return standing(o)

    return not rivals or (
        c.main_name
        and c.population >= LARGE_CITY
        and not any(o.main_name and claim(o) == o.population for o in rivals)
        and c.population >= 10 * max(claim(o) for o in rivals)
    )


def foreign_name(
    c: Candidate, namesakes: Sequence[Candidate], folded: str, label: str = ""
) -> bool:
    """Whether ``c`` has the name ``folded`` only as an alternate name unlike its own (another
    language's, not a transliteration of it: ``MIN_LIKENESS``), while the name is the own name
    of namesakes in other countries and of none in its own: "Wana", Pakistan, is also a name
    of Varna, Bulgaria, but "Stip" is a spelling of Shtip, whatever Steep, England. A city of a
    million (``FAMOUS_CITY``), a hundred times every town whose own name it is, is known the
    world over by its other names of one word (``label``, as written: an old or an English
    name): "Bombay" is Mumbai, not a village of New Zealand, "Calcutta" Kolkata, not a town
    of South Africa; a phrase is more likely its name's meaning put in words ("White House"
    is listed for Casablanca) and another thing so called."""
    if c.main_name or any(o.main_name and o.country_code == c.country_code for o in namesakes):
        return False
    owners = [o.population for o in namesakes if o.main_name]
    if not owners:
        return False
    one_word = len(label.split()) == 1
    if one_word and c.population >= FAMOUS_CITY and c.population >= 100 * max(owners):
        return False
    return likeness(folded, fold_name(c.name)) < MIN_LIKENESS
