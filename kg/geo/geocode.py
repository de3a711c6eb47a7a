"""Geocoding: the places of an extraction resolved in GeoNames, and each event put on the map.

For every town (and unclassified place) the gazetteer gives the entries its name may denote;
the article's context chooses among them, as a human reader would:

0. **Where the text says.** A town followed by its province or district ("in Annaba
   (Annaba)", "Kota city (Kota, Rajasthan)", "near Slavne, Donetsk"; ``kg.geo.local``) is one
   of its namesakes there, when it has one, whatever else the article points to; a namesake
   in another country is then no candidate unless the article names that country or points
   to it ("Sabara, Turkana County": not Sabará, Brazil), and a district of the name in
   another province is not it ("Khash (Zzq) district, Nimruz": not the Khash of Badakhshan).
1. **Country.** Entries in the article's main country (the one its actors and places point to)
   score highest, then entries in any other country it names. When the article has a country
   context, an entry outside it is kept only if it is a large city (``LARGE_CITY``) named
   exactly (by GeoNames' main name, or far larger than its namesakes: "Gomel" for Homyel'):
   "Turkish forces shelled Tal Abyad" must not land in Tal Abyad, Morocco. A village that has
   the name only as an alternate name is no rival to a large city whose own name it is
   ("Kabul" in an article naming the United States: not Cabool, Missouri).
2. **Size.** Among the rest, larger places are likelier (log of the population).
3. **Spelling.** An equal folded spelling beats an equal consonant skeleton ("Saraqab" for
   "Saraqib"), and GeoNames' main name beats an alternate one. A town none of whose
   namesakes lies in the article's countries (those it names, else the one it points to most)
   may be a transliteration GeoNames lacks: the close variants of its name there are
   candidates too, inexact (``Gazetteer.variants``: "Murghab" is Bala Murghab, Afghanistan,
   not Murghob, Tajikistan).
4. **Neighbours.** A second pass favours the entry within ``NEIGHBOURHOOD_KM`` of the places
   already resolved in the article; an ambiguous name, or a village (below ``SMALL_TOWN``),
   whose entry lies beyond that distance from every place resolved surely (a town of one
   candidate, a district or province already placed, the seat of the one province the words
   after a name give) and outside their provinces is left off the map ("in Lagos de Moreno,
   Jalisco ... found in Rancho Verde": not the Rancho Verde of Baja California).

An article with no country context keeps an entry only if its name is unambiguous or it is the
largest of its namesakes by far (a namesake by an alternate name counting a tenth of its
population: "Annaba" is also an alternate name of Ann Arbor, and a town abroad that has the name
only as another language's never outweighs the towns whose own name it is: "Wana" is not Varna)
and a town of at least ``NO_CONTEXT_MIN_POPULATION``, or a large city whose own name it is, ten
times any other town so named ("Islamabad": not Chattogram, which GeoNames also calls so), a
city of a million five times, a country's capital two and a half ("Athens": Greece's, not
Georgia's; ``kg.geo.choice.margin``).
When its actors point to another country and it names no province, a name only one town in
the world bears, as its main name, of ``SMALL_TOWN`` or more, is still that town ("Somali
gunmen attacked Mwingi"), and so is a smaller one near a country the actors point to ("Russian
forces shelled Temyrivka": 600 people, in Ukraine), unless it lies far from every other place
the article resolves. The choice's confidence (``Geocode.score``) is the winner's share of the
candidates' weights. Steps 0-3 for one name are ``kg.geo.options``; the weights
``kg.geo.choice``; step 4 ``kg.geo.neighbour_pass``.

A district or province is placed at its namesake town, as ACLED codes a province-level event
at the provincial capital ("the countryside of Ein Issa", "Hama province"): GeoNames' populated
places are towns, and the index has no administrative areas. A province's namesake must lie in
it (Donetsk oblast: Donetsk in Ukraine, not in Rostov oblast); a province without one is placed
at its largest town, usually its capital ("Nangarhar": Jalalabad). Such a place keeps its own
key and is only a close match of the town. A division named after another place ("Pivnichne,
Donetsk", "Torreon Coahuila") is that place's province (``kg.geo.containers``), and the place
is one of the towns in it; so is a division's name whose namesake towns are villages outside
it ("Michoacan": the state, not a village of Chiapas), but not one a city far larger than the
division's towns is called ("Kiev": the capital, its own division, not the oblast around it).
Regions ("the Golan Heights") are not geocoded. A country named in the text is resolved to its
GeoNames entry (no point).

Names are looked up by ``kg.geo.lookup``. Before all this, a place a coder's remark names
("coordinates for Mau Narok used", "coded as Miathene"; ACLED's notes) becomes every event's
first place (``kg.geo.coded``), a name the model took for an organisation or a person that the
text places ("shelled Hostre, Donetsk", "protesters in Samawah") becomes a place
(``kg.geo.misread``), so does a town of the article's countries named in an institution's, a
road's or a group's name ("Garissa High School", "Kisumu students": ``kg.geo.named_after``),
and a town or district written with its province ("in Reynosa Tamaulipas", "in Surobi
district Kabul") is a place whatever the entity model made of it (``kg.geo.pairs``); after it,
a place GeoNames lacks is put in the province the text names for it, and its event
located there with precision 3 (``kg.geo.regions``).

A geocoded town's key becomes ``geonames-<id>``, so two spellings of one town in an article
merge, and the same town has the same IRI in every article. Each event then gets a
``location`` with ACLED's geo precision (``kg.geo.places``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from kg.geo.admin1 import divisions_named
from kg.geo.capital_city import capital_cities
from kg.geo.choice import (
    BORDER_KM,
    EARTH_RADIUS_KM,
    LARGE_CITY,
    STRONG_SUPPORT,
    Context,
    bears,
    geocode_of,
    haversine_km,
)
from kg.geo.coded import coded_places
from kg.geo.containers import (
    as_provinces,
    division_over_villages,
    in_own_division,
    inside_itself,
    regions_as_provinces,
)
from kg.geo.district_pass import VARIANT_TYPES, placed_districts
from kg.geo.evidence import context_of, home_country, leader, said_countries, weak_votes
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.glued import joined_names, widened_names
from kg.geo.lesser import inside_next
from kg.geo.local import districts_after, told_within
from kg.geo.lookup import candidates, capitals, spot
from kg.geo.misread import actors_as_places
from kg.geo.named_after import towns_named_after
from kg.geo.names import fold_name
from kg.geo.nationality import nationalities, reread_countries
from kg.geo.neighbour_pass import neighbours_pass
from kg.geo.options import districts, named_as_district, weighed_candidates
from kg.geo.pairs import districts_with_province, towns_with_province
from kg.geo.places import assemble
from kg.geo.quarters import is_neighbourhood
from kg.geo.regions import as_districts, into_divisions
from kg.geo.suburb_of import inside_first
from kg.model import Extraction, Geocode, Place, PlaceType, Span

__all__ = ["EARTH_RADIUS_KM", "Geocoder", "haversine_km"]

NAMESAKE_TYPES = frozenset({PlaceType.DISTRICT, PlaceType.PROVINCE})
_GEOCODED_TYPES = VARIANT_TYPES | NAMESAKE_TYPES


class Geocoder:
    """Resolve an extraction's places in a :class:`Gazetteer` (see the module docstring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._countries_by_name: dict[str, Candidate] | None = None

    def geocode(
        self,
        extraction: Extraction,
        votes: Mapping[str, float] | None = None,
        unclaimed: Sequence[Span] = (),
        topics: frozenset[str] = frozenset(),
        aside: frozenset[tuple[int, int]] = frozenset(),
    ) -> Extraction:
        """``votes``: weak evidence of the article's countries (ISO code -> weight), e.g. one
        per mention of an actor of that country. ``unclaimed``: names in the text no rule took
        for an actor or a place; those that are towns of the article's countries become places
        (``kg.geo.lookup.spot``). ``topics``: keys of places the text names only as what
        something is about ("marched in London calling for a ceasefire in Gaza"), which cast
        no vote for the article's countries. ``aside``: the character spans of such mentions
        no event of their sentence is at ("marched through the capital demanding justice for
        a killing in Upton"), none of the places its events are located by."""
        extraction, votes = self._reread(extraction, votes or {})
        resolved = self._countries_named(extraction)
        named = frozenset(g.country_code for k, g in resolved.items() if k not in topics)
        # the countries the text names, and the one its actors point to most
        article_countries = named | {leader(votes)} - {""}
        extraction, written = self._found_in_text(extraction, article_countries, unclaimed)
        resolved.update((key, geocode_of(c, 1.0)) for key, c in written.items())
        pointed = named | {cc for cc, w in votes.items() if w > 0}
        beside = self._beside(pointed)  # "the Gaza Strip"; "the West Bank" beside Israel
        places = regions_as_provinces(extraction.places, pointed, beside)
        extraction = dataclasses.replace(extraction, places=places)
        extraction = self._provinces_told(extraction, pointed)
        provinces = {p.key: p for p in extraction.places if p.place_type is PlaceType.PROVINCE}
        extraction, towns = self._namesakes(extraction, provinces, pointed)
        said = said_countries(extraction, towns)  # "the Syrian town of Dabiq"
        weak = weak_votes(votes, {k: c for k, c in towns.items() if k not in topics})
        # the article's countries: those it names, else the one its places and actors point to
        home = named or frozenset({leader(weak)} - {""})
        self._add_variants(extraction, towns, provinces, home)
        context = context_of(extraction, named, weak)
        extraction, districts_placed = placed_districts(
            self.gazetteer, extraction, provinces, towns, context
        )
        resolved.update(districts_placed)
        firm = self._firm(extraction, named, context, resolved)
        stated, options = self._options(extraction, towns, context, firm, resolved)
        chosen, far = neighbours_pass(self.gazetteer, options, stated, context, firm, resolved)
        resolved.update(chosen)
        extraction = districts_after(extraction, resolved, context, self.gazetteer)
        extraction = inside_first(extraction, resolved, self.gazetteer)  # "Nairobi suburb of X"
        extraction = inside_next(extraction, resolved)  # "the X area of Chora district"
        extraction = as_districts(extraction, resolved, self.gazetteer)  # "(Larkana, Sindh)"
        extraction = into_divisions(extraction, resolved, pointed | home, self.gazetteer, far)
        home_cc = home_country(resolved, named, said, weak)
        seat = self.gazetteer.capital_of(home_cc) if home_cc else None
        return assemble(
            _one_owner(extraction),
            resolved,
            home_cc,
            said,
            self.gazetteer.district_names,
            aside,
            geocode_of(seat, 1.0) if seat is not None else None,
        )

    def _reread(
        self, extraction: Extraction, votes: Mapping[str, float]
    ) -> tuple[Extraction, Mapping[str, float]]:
        """The places the text names that the entity model missed or misread, and the votes
        with the countries named inside other names ("Niger State")."""
        extraction = coded_places(extraction)  # "(coordinates for Mau Narok used)"
        extraction = capital_cities(extraction)  # "Ciudad de Mexico": not the country
        extraction, inside = reread_countries(extraction)  # "Latin America", "Niger State"
        extraction = nationalities(extraction)  # "A U.S. strike": not in the United States
        if inside:
            votes = Counter({**votes}) + Counter(inside)
        extraction = actors_as_places(extraction, self.gazetteer)  # "shelled Hostre, Donetsk"
        extraction = joined_names(extraction, self.gazetteer)  # "Bandar" + "Abbas": one town
        extraction = widened_names(extraction, self.gazetteer)  # "Dera" + "Ismail Khan"
        return extraction, votes

    def _countries_named(self, extraction: Extraction) -> dict[str, Geocode]:
        """The countries the text names, resolved to their GeoNames entries (by place key)."""
        if self._countries_by_name is None:
            countries = self.gazetteer.countries()
            self._countries_by_name = {fold_name(c.name): c for c in countries.values()}
        by_name = self._countries_by_name
        resolved: dict[str, Geocode] = {}
        for p in extraction.places:
            if p.place_type is PlaceType.COUNTRY:
                country = by_name.get(fold_name(p.label))
                if country is not None:
                    resolved[p.key] = geocode_of(country, 1.0)
        return resolved

    def _found_in_text(
        self, extraction: Extraction, countries: frozenset[str], unclaimed: Sequence[Span]
    ) -> tuple[Extraction, dict[str, Candidate]]:
        """The towns of the article's ``countries`` among the names no rule took or in other
        names, and the towns and districts written with their province; with the districts so
        written that GeoNames has (by place key)."""
        if unclaimed:
            spotted = spot(self.gazetteer, unclaimed, countries, extraction)
            extraction = dataclasses.replace(extraction, places=extraction.places + spotted)
        # "Garissa High School", "Kisumu students": the town, when it is one of the article's
        extraction = towns_named_after(extraction, countries, self.gazetteer)
        text = extraction.article.text
        claimed = frozenset((m.start, m.end) for a in extraction.actors for m in a.mentions)
        paired = towns_with_province(text, extraction.places, self.gazetteer, claimed)
        paired, written = districts_with_province(text, paired, self.gazetteer, claimed)
        return dataclasses.replace(extraction, places=paired), written

    def _beside(self, pointed: frozenset[str]) -> Callable[[str, str], bool]:
        """Whether a country's division (ISO code, name) lies beside a ``pointed`` country:
        its largest town within ``BORDER_KM`` of the largest town of one of that country's
        divisions."""

        def beside(cc: str, admin1: str) -> bool:
            town = self.gazetteer.largest_town(cc, admin1)
            if town is None or town.latitude is None or town.longitude is None:
                return False
            here = (town.latitude, town.longitude)
            return any(
                haversine_km(here, (s.latitude, s.longitude)) <= BORDER_KM
                for other in pointed - {cc}
                for s in self.gazetteer.province_seats(other)
                if s.latitude is not None and s.longitude is not None
            )

        return beside

    def _provinces_told(self, extraction: Extraction, pointed: frozenset[str]) -> Extraction:
        """A division named after another place is that place's province (``as_provinces``)."""
        towns_in: dict[str, frozenset[str]] = {}
        capital_in: dict[str, frozenset[str]] = {}
        for p in extraction.places:  # each name's candidates and divisions read once
            found = candidates(self.gazetteer, p.label)
            towns_in[p.key] = frozenset(c.country_code for c in found)
            named = divisions_named(p.label)
            # a town of the name inside its division, or a large city; a seat GeoNames only
            # lists under its county's name is none ("Nandi": Kapsabet)
            capital_in[p.key] = frozenset(
                c.country_code
                for c in found
                if ((c.country_code, c.admin1) in named and bears(c, p.label))
                or (c.exact and c.population >= LARGE_CITY)
            )
        text = extraction.article.text
        return dataclasses.replace(
            extraction,
            places=as_provinces(extraction.places, text, pointed, towns_in, capital_in),
        )

    def _namesakes(
        self, extraction: Extraction, provinces: Mapping[str, Place], pointed: frozenset[str]
    ) -> tuple[Extraction, dict[str, list[Candidate]]]:
        """Each place's namesake towns (by key), in its own division; a division's name whose
        namesakes are villages outside it becomes a province, and a province with no namesake
        town in it is placed at its largest."""
        towns = {
            p.key: in_own_division(
                p,
                [c for c in candidates(self.gazetteer, p.label) if c.kind == "town"],
                provinces.get(p.within or ""),
            )
            for p in extraction.places
            if p.place_type is not PlaceType.COUNTRY
        }
        villages = {  # "Michoacan": the state, not a village of Chiapas
            p.key: dataclasses.replace(p, place_type=PlaceType.PROVINCE)
            for p in extraction.places
            if p.key in towns
            and division_over_villages(p, towns[p.key], pointed, self.gazetteer.largest_town)
        }
        if villages:
            places = tuple(villages.get(p.key, p) for p in extraction.places)
            extraction = dataclasses.replace(extraction, places=places)
        for p in extraction.places:  # a province without a namesake town in it: its largest
            if p.place_type is PlaceType.PROVINCE and not inside_itself(p, towns[p.key]):
                towns[p.key] = (
                    capitals(self.gazetteer, p.label, pointed, towns[p.key]) or towns[p.key]
                )
        return extraction, towns

    def _add_variants(
        self,
        extraction: Extraction,
        towns: dict[str, list[Candidate]],
        provinces: Mapping[str, Place],
        home: frozenset[str],
    ) -> None:
        """A town none of whose namesakes lies in the ``home`` countries gains the close
        variants of its name there (``towns`` is updated)."""
        for p in extraction.places:
            if p.place_type in VARIANT_TYPES and not any(
                c.country_code in home for c in towns[p.key]
            ):
                variants = self.gazetteer.variants(p.label, home)
                if variants:
                    within = provinces.get(p.within or "")
                    towns[p.key] = in_own_division(p, towns[p.key] + variants, within)

    def _firm(
        self,
        extraction: Extraction,
        named: frozenset[str],
        context: Context,
        resolved: Mapping[str, Geocode],
    ) -> frozenset[str]:
        """The countries the article is sure of: named, pointed to, its districts'."""
        text = extraction.article.text
        return (
            named
            | {cc for cc in context.votes if context.support(cc, frozenset()) >= STRONG_SUPPORT}
            | {g.country_code for g in resolved.values() if g.latitude is not None}
            | {  # a province named as one, of one country ("Zzq LGA (Anambra)")
                cc
                for p in extraction.places
                if p.place_type in NAMESAKE_TYPES
                and len(countries_of := {cc for cc, _ in divisions_named(p.label)}) == 1
                for cc in countries_of
            }
            | {  # a district named with its kind word, of one country ("Idemili South LGA")
                cc
                for p in extraction.places
                if named_as_district(p, text)
                and len(
                    countries_of := {c.country_code for c in districts(self.gazetteer, p.label)}
                )
                == 1
                for cc in countries_of
            }
        )

    def _options(
        self,
        extraction: Extraction,
        towns: Mapping[str, list[Candidate]],
        context: Context,
        firm: frozenset[str],
        resolved: Mapping[str, Geocode],
    ) -> tuple[dict[str, frozenset[tuple[str, str]]], dict[str, list[tuple[Candidate, float]]]]:
        """For each place still to geocode (by key): the divisions the words after its name
        put it in, and its candidates with their weights (``weighed_candidates``)."""
        text = extraction.article.text
        stated = {
            p.key: told_within(p, text, self.gazetteer)
            for p in extraction.places
            if p.place_type in _GEOCODED_TYPES
            and p.key not in resolved
            and not is_neighbourhood(p, text, self.gazetteer)
        }
        options = {
            p.key: weighed_candidates(self.gazetteer, p, towns[p.key], context, stated[p.key], firm)
            for p in extraction.places
            if p.key in stated
        }
        return stated, options


def _one_owner(extraction: Extraction) -> Extraction:
    """A span is one thing's mention: a place gives up a mention an actor or an earlier place
    already has (a district added for the town the model found at the same words: "a village
    (As Sawadiyah, Al Bayda)"), so no NIF phrase refers to two things."""
    taken = {(m.start, m.end) for a in extraction.actors for m in a.mentions}
    places = []
    for place in extraction.places:
        kept = tuple(m for m in place.mentions if (m.start, m.end) not in taken)
        taken.update((m.start, m.end) for m in kept)
        places.append(
            place if len(kept) == len(place.mentions) else dataclasses.replace(place, mentions=kept)
        )
    return dataclasses.replace(extraction, places=tuple(places))
