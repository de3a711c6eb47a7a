"""Which namesakes of a place's name stay its candidates, and their weights
(:func:`weighed_candidates`): the steps 0-3 of :mod:`kg.geo.geocode` (where the text says,
the country, size and spelling) for one place, before the neighbours' pass; and the districts
a name written with its kind word is (:func:`districts`, :func:`named_as_district`)."""

from __future__ import annotations

import re

from kg.geo.admin1 import divisions_named
from kg.geo.choice import (
    ADMIN_BONUS,
    LARGE_CITY,
    SMALL_TOWN,
    STRONG_SUPPORT,
    Context,
    abroad_than_said,
    beside_pointed,
    borrowed,
    elsewhere_than_said,
    weight,
)
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.local import glued_division
from kg.geo.lookup import candidates
from kg.geo.names import article_lost, fold_name, spelt_alike
from kg.geo.namesakes import sole, unambiguous
from kg.model import Place, PlaceType

__all__ = ["districts", "named_as_district", "weighed_candidates"]

_DISTRICT_KIND = re.compile(r"\s(?:lga|district|sub-?county|tehsil|upazila)\b", re.IGNORECASE)


def weighed_candidates(
    gazetteer: Gazetteer,
    place: Place,
    towns: list[Candidate],
    context: Context,
    said: frozenset[tuple[str, str]] = frozenset(),
    firm: frozenset[str] = frozenset(),
) -> list[tuple[Candidate, float]]:
    """The candidates kept for ``place`` among ``towns`` (its namesakes in ``gazetteer``)
    and their weights. ``said``: the divisions the words after its name put it in
    (``told_within``); ``firm``: the countries the article is sure of (``abroad_than_said``)."""
    if not towns:
        return []
    glued = glued_division(place.label)  # "Pachuca Hidalgo": a town of Hidalgo
    within = said | glued
    itself = divisions_named(place.label)
    if place.place_type is PlaceType.PROVINCE and len({cc for cc, _ in itself}) == 1:
        within |= frozenset(itself)  # a province of one country: its town there, whatever else
    pinned = [c for c in towns if (c.country_code, c.admin1) in within]
    if pinned:  # "Annaba (Annaba)", "Kota city (Kota, Rajasthan)": the towns in it
        folded = fold_name(place.label)
        own = frozenset(c.country_code for c in pinned if c.exact)
        return [(c, weight(c, context, own, folded) + ADMIN_BONUS) for c in pinned]
    own = frozenset(c.country_code for c in towns if c.exact)  # its own votes
    towns = [  # "Sabara, Turkana County": not Sabará, Brazil
        c
        for c in towns
        if not elsewhere_than_said(c, said, glued)
        and not abroad_than_said(c, said, context, own, firm)
    ]
    own = frozenset(c.country_code for c in towns if c.exact)
    folded = fold_name(place.label)
    if context.named:
        # "Gomel" for Homyel', even in an article on Russia; not a city abroad whose name
        # lacks the article the text writes ("El Mina, in northern Lebanon": not Minna, Nigeria)
        # (the dominant namesake is worked out only for a large city the name is not the own
        # name of: the others never need it)
        dominant = (
            unambiguous(towns, folded, place.label, gazetteer.capitals())
            if any(c.exact and c.population >= LARGE_CITY and not c.main_name for c in towns)
            else []
        )
        kept = [
            c
            for c in towns
            if c.country_code in context.named
            or context.support(c.country_code, own) >= STRONG_SUPPORT
            or (
                c.exact
                and c.population >= LARGE_CITY
                and (c.main_name or c in dominant)
                and not (c.main_name and article_lost(place.label, c.name))
            )
        ]
    else:
        supported = [  # a spelling only close to the name needs strong support, or to
            c  # lie in a province the article names ("Quamishli city in al-Hasakeh")
            for c in towns
            if (
                context.support(c.country_code, own) > 0
                if c.exact
                else context.backs_loosely(c.country_code, own) or context.in_named_region(c)
            )
        ]
        # an unambiguous name is taken on its own only when nothing points elsewhere
        elsewhere = context.top > 0 and any(
            context.support(cc, own) >= STRONG_SUPPORT for cc in context.votes
        )
        if elsewhere:  # "Russian jets bombed Idleb": only towns in provinces it names,
            divisions = set(divisions_named(place.label))  # or the only town of the name
            # far from a country the actors point to firmly, one that bears it as written: a
            # spelling the folding merges ("Lowtownaa", Lowtowna) may be another name
            firmly = any(context.backs_loosely(cc, own) for cc in context.votes)
            towns = [
                c
                for c in towns
                if context.in_named_region(c)
                or (c.country_code, c.admin1) in divisions
                or (
                    not context.divisions
                    and c.main_name
                    and (
                        (
                            c.population >= SMALL_TOWN
                            and (not firmly or spelt_alike(place.label, c.name))
                        )
                        or beside_pointed(c, context, gazetteer.province_seats)
                    )
                    and sole(c, candidates(gazetteer, place.label), place.label)
                )
            ]
        kept = supported or unambiguous(towns, folded, place.label, gazetteer.capitals())
    kept = [c for c in kept if not borrowed(c, kept)]  # "Kabul": not Cabool, Missouri
    # a small town outside every province the article names in its country is a namesake
    kept = [c for c in kept if c.population >= SMALL_TOWN or not context.elsewhere(c)]
    return [(c, weight(c, context, own, folded)) for c in kept]


def districts(gazetteer: Gazetteer, label: str) -> list[Candidate]:
    """The second-level divisions a name is, its kind word dropped ("Zzq LGA")."""
    return gazetteer.districts(_DISTRICT_KIND.split(label, maxsplit=1)[0])


def named_as_district(place: Place, text: str) -> bool:
    """The name is written with a district's kind word: "Zzq LGA", "Zzq district"."""
    return bool(_DISTRICT_KIND.search(place.label)) or any(
        _DISTRICT_KIND.match(text, m.end) for m in place.mentions
    )
