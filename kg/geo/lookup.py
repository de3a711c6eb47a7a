"""Names looked up in the gazetteer for the geocoder (:mod:`kg.geo.geocode`): the candidates
of a place's name, by its longest leading words when text without commas glues a town to its
province (:func:`candidates`); the capitals a province is placed at (:func:`capitals`); the
second-level division a place the text calls a district is (:func:`district_of`); and the
toponyms no extraction rule took (:func:`spot`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from kg.geo.admin1 import admin1_aliases, bare_name, divisions_named
from kg.geo.choice import LARGE_CITY, SMALL_TOWN, STRONG_SUPPORT, Context
from kg.geo.gazetteer import CACHE_SIZE, Answers, Candidate, Gazetteer
from kg.geo.names import fold_name, spelt_alike
from kg.geo.namesakes import greater_halves, unambiguous
from kg.geo.quarters import called_district
from kg.keys import name_key
from kg.model import Extraction, Place, PlaceType, Span

__all__ = [
    "GLUED_DISTRICT",
    "candidates",
    "capitals",
    "district_of",
    "placed_by_preposition",
    "sole_country",
    "spot",
]

MIN_HEAD_LETTERS = 5  # a name's leading words looked up alone must fold to this many letters
SPOT_MIN_POPULATION = 1_000  # a name no rule took is a place only if GeoNames' town is this big
# a district glued to its province in text without commas ("Kaldar district Balkh")
GLUED_DISTRICT = re.compile(r"^(\S.*?)\s+district\s+(?:of\s+)?(\S.*)$", re.I)
_NOT_NAMES = frozenset(
    {"north", "south", "east", "west", "central", "upper", "lower", "new", "old", "greater"}
    | {"northern", "southern", "eastern", "western", "city", "town", "village", "municipality"}
)
_TOWN_NOUNS = frozenset({"town", "city", "village", "township"})  # after a town's own name
_WORDS = re.compile(r"[^\s(),]+")
_ACRONYM = re.compile(r"[A-Z]{2,3}")
# "in Lamu", "in As Samawah" (an Arabic article is no name of its own): the text places the name
_LOCATIVE = re.compile(r"\b(?:in|at|near)\s+(?:(?:al|el|as|ash|ar|ad|an|at|az)\s+)?$", re.I)
# words between a town and its province in a glued name
_LINKS = frozenset({"in", "of", "district", "province", "governorate", "county", "state", "lga"})
# each gazetteer's answers of candidates(), by name: dropped with the gazetteer
_CANDIDATES: Answers[str, list[Candidate]] = Answers()
_SOLE: Answers[tuple[str, bool, bool], str] = Answers()


def placed_by_preposition(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with "in", "at" or "near" (and an Arabic article): the
    match of ``_LOCATIVE`` that ends at ``end``, searched for from the second-last word before
    it (a match holds at most two words, each a whole word or a word's end, and spaces), not
    from the start of the text: each search of the article's whole text cost ~0.5 ms."""
    start = end
    for _ in range(2):
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    return _LOCATIVE.search(text, start, end) is not None


def spot(
    gazetteer: Gazetteer, names: Sequence[Span], countries: frozenset[str], extraction: Extraction
) -> tuple[Place, ...]:
    """Toponyms the extraction missed: unclaimed names that are, spelt exactly, a town of
    the article's countries (its own main name, or a town of ``SPOT_MIN_POPULATION``)."""
    known = {p.key for p in extraction.places}
    spotted: dict[str, Place] = {}
    text = extraction.article.text
    for span in names:
        placed = placed_by_preposition(text, span.start)
        if len(fold_name(span.text)) < MIN_HEAD_LETTERS - int(placed):
            continue
        exact = [c for c in gazetteer.lookup_exact(span.text) if c.kind == "town"]
        towns = [
            c
            for c in exact
            if c.country_code in countries and (c.main_name or c.population >= SPOT_MIN_POPULATION)
        ]
        if not countries and placed:  # "protesters in Samawah", no country named: a town
            alone = unambiguous(exact, fold_name(span.text), span.text, gazetteer.capitals())
            towns = [c for c in alone if c.main_name]
        key = name_key(span.text)
        kind = PlaceType.TOWN
        if not towns and called_district(span, extraction.article.text):
            kind = PlaceType.DISTRICT  # "in Warduj district": a district GeoNames knows
            towns = [c for c in gazetteer.districts(span.text) if c.country_code in countries]
        if not towns or key in known:
            continue
        if key in spotted:
            old = spotted[key]
            spotted[key] = dataclasses.replace(old, mentions=(*old.mentions, span))
        else:
            spotted[key] = Place(key, span.text, kind, (span,))
    return tuple(spotted.values())


def district_of(
    gazetteer: Gazetteer,
    place: Place,
    province: Place | None,
    context: Context,
    said: frozenset[tuple[str, str]] = frozenset(),
) -> Candidate | None:
    """The second-level division a place the text calls a district is: the only one of
    its name in the province the text puts it in, else in the article's countries (in a
    province the article names, if several). ``said``: the (ISO code, admin1) divisions the
    words after the name give ("Khash (Zzq) district, Nimruz"); a district of its name
    elsewhere is not it (that Khash is no district of Badakhshan), nor one of another
    country."""
    glued = GLUED_DISTRICT.match(place.label)
    name, within = (glued[1], glued[2]) if glued else (place.label, "")
    found = gazetteer.districts(name)
    if said:
        found = [c for c in found if (c.country_code, c.admin1) in said]
    if province is not None or within:
        inside = set(divisions_named(province.label if province is not None else within))
        found = [c for c in found if (c.country_code, c.admin1) in inside]
        if len(found) == 1:  # the province pins it down
            return found[0]
    own = frozenset(c.country_code for c in found)
    found = [
        c
        for c in found
        if c.country_code in context.named
        or context.support(c.country_code, own) >= STRONG_SUPPORT
        or context.in_named_region(c)  # "Nihm district ... Sanaa Governorate"
    ]
    if len(found) > 1:
        found = [c for c in found if context.in_named_region(c)] or found
    return found[0] if len(found) == 1 else None


def capitals(
    gazetteer: Gazetteer, label: str, pointed: frozenset[str], towns: list[Candidate]
) -> list[Candidate]:
    """The largest town of each division spelt as the name is, else, when the towns whose
    own name it is among its namesake ``towns`` (if any) are all villages of countries the
    article does not name nor point to (``pointed``), of each division the name is without
    its kind word ("Benue": Benue State, not Benowa, Queensland; "Somogy": Somogy County,
    not Pecs, which GeoNames also calls so; but "Beni" territory, Congo, is its town Beni,
    not Bolivia's Beni Department), or of such a division in a country the article points to
    where no town has the name as its own ("Gaza, Mozambique": Gaza Province, not the city
    in Palestine)."""
    spelt = {fold_name(label), fold_name(bare_name(label))}
    aliases = {(cc, name) for cc, alias, name in admin1_aliases() if fold_name(alias) in spelt}
    named = divisions_named(label)
    divisions = [d for d in named if fold_name(d[1]) == fold_name(label) or d in aliases]
    villages = not any(
        c.main_name and (c.country_code in pointed or c.population >= SMALL_TOWN) for c in towns
    )
    if not divisions:
        bare = [d for d in named if fold_name(bare_name(d[1])) in spelt]
        divisions = (
            bare
            if villages
            else [  # "Gaza, Mozambique": Gaza Province, not the city
                d
                for d in bare
                if d[0] in pointed
                and not any(c.main_name and c.country_code == d[0] for c in towns)
            ]
        )
    found = (gazetteer.largest_town(cc, name) for cc, name in divisions)
    return [c for c in found if c is not None]


def sole_country(gazetteer: Gazetteer, label: str, towns: bool = True, alone: bool = False) -> str:
    """The one country a place's name lies in by the gazetteer, or "": its provinces spelt
    alike and its towns of ``SMALL_TOWN`` or more spelt exactly all lie in one country, where
    a province of that name is, or a city of ``LARGE_CITY`` or more by GeoNames' own name,
    spelt letter for letter as the name or its leading words ("Garissa": Kenya's town and
    county; "Thika"; "Tijuana Baja California"; not "Maraand", nearly Marand, Iran, nor "Bab",
    a part of many a name, which ``fold_name`` spells as Al Bab, Syria). ``towns`` false (a
    name the text calls a province): its provinces alone ("Babylon province" is no town of
    New York). A name with namesakes abroad tells none; nor does a lesser town's, as the
    geocoder keeps a town abroad only if it is such a city: a village the gazetteer lacks may
    bear the name of a town elsewhere ("Hays city (Al Hudaydah)" is no Hays, Kansas). The
    towns are :func:`candidates`' (cached: the geocoder asks for the same names afterwards).
    The answer is cached too, for each gazetteer, bounded as :func:`candidates`: the mention
    finder and the geocoder ask for each place's name several times an article, and news
    repeats its place names (a quarter of the calls over 300 bench articles were new).
    ``alone`` (nothing else in the text tells a country): a city of ``LARGE_CITY`` or more by
    GeoNames' own name is enough, against namesakes abroad that GeoNames calls otherwise
    ("Harare", not Ethiopia's Harar, spelt so as an alternate name)."""
    return _SOLE.answer(
        gazetteer,
        (label, towns, alone),
        lambda: _sole_country(gazetteer, label, towns, alone),
        CACHE_SIZE,
    )


def _sole_country(gazetteer: Gazetteer, label: str, towns: bool, alone: bool) -> str:
    """:func:`sole_country`, uncached."""
    spelt = fold_name(bare_name(label))
    provinces = {cc for cc, name in divisions_named(label) if fold_name(bare_name(name)) == spelt}
    found = (
        [c for c in candidates(gazetteer, label) if c.exact and c.kind == "town"] if towns else []
    )
    # the lesser half of a town a border divides tells no other country ("Rafah": Gaza's)
    found = [c for c in greater_halves(found) if c.population >= SMALL_TOWN]
    countries = provinces | {c.country_code for c in found}
    if len(countries) != 1:
        return _city_country(label, found, provinces) if alone else ""
    words = _WORDS.findall(label)  # the city's name, or its leading words if glued
    heads = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
    cities = [
        c
        for c in found
        if c.main_name
        and c.population >= LARGE_CITY
        and any(spelt_alike(head, c.name) for head in heads)
    ]
    return next(iter(countries)) if provinces or cities else ""


def _city_country(label: str, found: list[Candidate], provinces: set[str]) -> str:
    """The country of the one city of ``LARGE_CITY`` or more among ``found`` (towns spelt as
    ``label``) that GeoNames calls by that name, when no other town or province of the name
    lies elsewhere under its own name; else "" (:func:`sole_country` with ``alone``)."""
    cities = {
        c.country_code
        for c in found
        if c.main_name and c.population >= LARGE_CITY and spelt_alike(label, c.name)
    }
    rivals = {c.country_code for c in found if c.main_name} | provinces
    return next(iter(cities)) if len(cities) == 1 and rivals <= cities else ""


def candidates(gazetteer: Gazetteer, label: str) -> list[Candidate]:
    """The name's candidates (:func:`_candidates_of`), asked for 3-4 times for each place of
    an article and again in later articles: cached for each gazetteer, bounded as the
    gazetteer's own cache (``CACHE_SIZE``); treat the list as read-only."""
    return _CANDIDATES.answer(
        gazetteer, label, lambda: _candidates_of(gazetteer, label), CACHE_SIZE
    )


def _candidates_of(gazetteer: Gazetteer, label: str) -> list[Candidate]:
    """The name's candidates; for a name the gazetteer lacks, those of its longest leading
    words it has: text without commas glues a town to its province ("Tijuana Baja
    California", "Chihuahua Chihuahua", "Maruf district Kandahar", "Goma (Goma")."""
    if _ACRONYM.fullmatch(label):
        return []  # "PP", "MLA": GeoNames lists airport codes among its alternate names
    found = gazetteer.lookup(label.split("(")[0].strip() or label)
    if any(c.exact for c in found):
        return found
    words = _WORDS.findall(label)
    partial: list[Candidate] = []
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(w for w in words[:n] if w.lower() not in _LINKS)
        if len(fold_name(head)) < MIN_HEAD_LETTERS or words[0].lower() in _NOT_NAMES:
            continue
        heads = gazetteer.lookup_exact(head)
        if n == 1 and (owner := _owner(gazetteer, head, heads)):
            return owner  # "Nairobis CBD": a part of the town, written without the apostrophe
        tail = " ".join(w for w in words[n:] if w.lower() not in _LINKS)
        if heads and all(w.lower() in _TOWN_NOUNS for w in words[n:]):
            return heads  # "Maralal Town", "Mehrabpur city": the town's own name
        divisions = set(divisions_named(tail)) if tail else set()
        spelt = heads or gazetteer.lookup(head)  # "Teftnaz in Idleb": Taftanaz
        inside = [c for c in spelt if (c.country_code, c.admin1) in divisions]
        if inside:  # the rest names the town's own province ("Torreon Coahuila"): as sure
            return inside  # as the town alone
        if heads and not partial:  # only a part of the name: as weak as a skeleton match
            partial = [dataclasses.replace(c, exact=False) for c in heads]
    return found or partial


def _owner(gazetteer: Gazetteer, word: str, spelt: Sequence[Candidate]) -> list[Candidate]:
    """The towns a possessive names whose apostrophe the text lost ("Nairobis CBD", "Lowtowns
    main market": Nairobi's, Lowtown's): a word in -s, not -ss, no town's own name (``spelt``:
    the towns it names; GeoNames lists "Nairobis" as another language's name of Nairobi),
    without its -s the main name of a town of ``SMALL_TOWN`` people or more (a town large
    enough to have parts of its own named)."""
    if not word.endswith("s") or word.endswith("ss") or len(fold_name(word)) <= MIN_HEAD_LETTERS:
        return []
    if any(c.main_name for c in spelt):
        return []
    return [
        c
        for c in gazetteer.lookup_exact(word[:-1])
        if c.kind == "town" and c.main_name and c.population >= SMALL_TOWN
    ]
