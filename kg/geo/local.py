"""The divisions the text puts a place in, read from the words right after its name.

News and ACLED's notes follow a town with where it lies: "in Annaba (Annaba)", "in Dowa
(Central)", "Kota city (Kota, Rajasthan)", "near Slavne, Donetsk", "Hejneh in Deir-ez-Zor",
"the Taqchi area of Pashtun Zarghun district".
Those words are often no place record of their own (the same name twice merges into one
record; a bracket glued to a name stays in its label: "Colon (Colon"), so the geocoder reads
them here: each comma-separated part of the bracket, or the names after a comma or "in", that
names a first-level division (``kg.geo.admin1``) or a second-level one (the district's
province), gives a (country, province) the town's namesakes are narrowed to. The words around
a name also say what it is: a district ("Warduj district") or a part of a town ("Primavera
neighborhood", "Colonia Libertad"): :mod:`kg.geo.quarters` reads those.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from kg.geo.admin1 import admin1_aliases, bare_name, divisions_named
from kg.geo.choice import Context, geocode_of
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.names import alike, fold_name
from kg.keys import name_key
from kg.model import Extraction, Geocode, Place, PlaceType, Span

__all__ = [
    "close",
    "district_after",
    "districts_after",
    "glued_division",
    "told_within",
]

WINDOW = 80  # characters read after a mention
_RUN = re.compile(r"\w+")
# texts this long find a name's occurrences from their words' index (shorter: str.find)
_INDEXED_LENGTH = 20_000
_KIND = (
    r"(?:city|town|village|area|camp|commune|municipality|district|county|sub-?county|lga"
    r"|tehsil|township|governorate|province|state|region|countryside|division|woreda|ward"
    r"|sector|sub-?district|mandal|taluka)"
)
# optional kind word, then a bracket or a comma or "in", then what follows
_AFTER = re.compile(
    rf"^\s*(?:{_KIND}\s+)?(?:(?P<kind>{_KIND})\b\s*)?"
    rf"(?:\((?P<bracket>[^()]{{1,{WINDOW}}})\)?|(?P<link>,|\bin\b|\bof\b)\s*(?P<rest>.*))",
    re.IGNORECASE | re.DOTALL,
)
_WORD = r"[A-Z][\w'\u2019-]*"
_PARTICLE = r"(?:al|el|ez|ad|as|ash|an|de|del|la|do|da|dos|das|du|des)\b"
_NAME_RUN = re.compile(rf"(?:the\s+)?((?:{_WORD})(?:[ -](?:{_WORD}|{_PARTICLE}))*)")
_KIND_WORDS = re.compile(rf"\b{_KIND}\b", re.IGNORECASE)
_KIND_NEXT = re.compile(rf"\s*{_KIND}\b", re.IGNORECASE)  # a kind word after a bracket
# where in a country a division lies, before its country's possessive, in lower case ("in
# northwest Nigeria's Kaduna state"; not "Northern Kordofan", a name; nor a bare "in central
# Pokot", whose name alone is read too loosely: Paktia)
_COMPASS = re.compile(
    r"^(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+"
)
# a country owning the division named after it: "Nigeria's Kaduna", "Congo's North Kivu"
_OWNER = re.compile(r"['\u2019]s\s+")
# a name run and a division's kind word: what "of" may introduce ("of Nahri Saraj district")
_OF_DIVISION = re.compile(
    rf"(?:the\s+)?{_WORD}(?:[ -](?:{_WORD}|{_PARTICLE}))*\s+(?:district|province|governorate"
    r"|county|municipality|region|state)\b"
)
# places GeoNames lacks that the district after them may place
_UNPLACED_TYPES = frozenset(
    {PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT, PlaceType.PROVINCE}
)
_GLUED_WORDS = re.compile(r"[^\s(),]+")
_SIMILAR = 0.8  # a division's name spelt otherwise (its consonants alike) must be this close
_MIN_LETTERS = 4  # shorter names ("TS", "FCT") are abbreviations, not division names


# the last text ``told_within`` read, its gazetteer, and its answers by (label, mention ends)
_told: tuple[str, Gazetteer, dict[tuple[str, tuple[int, ...]], frozenset[tuple[str, str]]]] | None
_told = None


def told_within(place: Place, text: str, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The (ISO code, admin1 name) divisions the words after ``place``'s mentions name.
    The geocoder's passes ask this of each place two or three times: the answers for the last
    text are kept (they depend on the label and where the mentions end, nothing else of the
    place)."""
    global _told
    told = _told  # read once: another thread may set it meanwhile
    if told is None or told[1] is not gazetteer or told[0] != text:
        told = _told = (text, gazetteer, {})
    answers = told[2]
    key = (place.label, tuple(m.end for m in place.mentions))
    found = answers.get(key)
    if found is None:
        found = answers[key] = _told_within(place, text, gazetteer)
    return found


def _told_within(place: Place, text: str, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    label = place.label.split("(", 1)
    for end in _ends(place, text):
        after = text[end : end + WINDOW]
        if len(label) > 1:  # "Colon (Colon": the bracket is in the label
            after = "(" + label[1] + after
        for name in _names_after(after):
            found.update(_divisions(name, gazetteer))
    return frozenset(found)


def _ends(place: Place, text: str) -> list[int]:
    """Where the place's mentions end, and every other time its name is written: a mention
    may keep only one of a name's occurrences ("in Saraqab in Idleb ... Saraqab also")."""
    ends = {m.end for m in place.mentions}
    name = place.label.split("(", 1)[0].strip()
    if name:
        ends.update(word_ends(name, text))
    return sorted(ends)


def word_ends(name: str, text: str) -> list[int]:
    """Where ``name`` ends each time ``text`` has it as a whole word: the ends of
    ``re.finditer(rf"\\b{re.escape(name)}\\b", text)``, without compiling a pattern per name.
    In a long text, only where a word of the name's first word's spelling starts
    (``_word_starts``) is looked at: where the name is whole, the word there is its first."""
    first = _RUN.match(name)
    if first is None or len(text) < _INDEXED_LENGTH:
        return _found_word_ends(name, text)
    ends: list[int] = []
    for start in _word_starts(text).get(first.group(), ()):
        end = start + len(name)
        if (
            (not ends or start >= ends[-1])
            and text.startswith(name, start)
            and _boundary(text, end)
        ):
            ends.append(end)
    return ends


def _found_word_ends(name: str, text: str) -> list[int]:
    """``word_ends`` by finding every occurrence of the name in the text."""
    ends = []
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if _boundary(text, start) and _boundary(text, end):
            ends.append(end)
            start = text.find(name, end)
        else:
            start = text.find(name, start + 1)
    return ends


@functools.lru_cache(maxsize=4)
def _word_starts(text: str) -> dict[str, list[int]]:
    """Each word of the text (a run of ``\\w``) -> where it starts, in order: the words of a
    long text, split once for all its places' names (a ``str`` keeps its hash, so asking
    again of the same text costs no pass over it)."""
    starts: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


def _boundary(text: str, i: int) -> bool:
    """``\\b`` at ``i``: a word character on one side only (``_word``)."""
    before = i > 0 and _word(text[i - 1])
    after = i < len(text) and _word(text[i])
    return before != after


def _word(char: str) -> bool:
    """What ``\\w`` matches in a str pattern."""
    return char.isalnum() or char == "_"


@functools.lru_cache(maxsize=4096)
def _names_after(after: str) -> tuple[str, ...]:
    """The division names the words after a place give: a bracket's parts, or up to two
    names after a comma, "in" or "of"; a part that glues a district to its province without
    a comma ("Chimtal district Balkh") gives both. A division owned by its country is the
    owned name, wherever in the country it lies ("in northwest Nigeria's Kaduna state":
    Kaduna). Cached: the geocoder's passes read a mention's window two or three times (a
    third of the windows of an article are read again)."""
    match = _AFTER.match(after)
    if match is None:
        return ()
    if match["link"] == "of" and not match["kind"] and not _OF_DIVISION.match(match["rest"]):
        return ()  # "of" only after a kind word ("the Taqchi area of Pashtun Zarghun district")
        # or before a division's name ("Yaklang of Nahri Saraj district Helmand")
    if match["bracket"] is not None:
        parts: list[str] = match["bracket"].split(",")
        if _KIND_NEXT.match(after, match.end()):  # "Khash (Zzq) district, Nimruz"
            parts += _names_after(after[match.end() :])
    else:  # ", Donetsk", ", Kandahar province", "in Idleb countryside": two names at most
        rest = re.split(r"[.;()]", match["rest"], maxsplit=1)[0]
        parts = rest.split(",")[:2]
    names = []
    for part in parts:
        for piece in _KIND_WORDS.split(part, maxsplit=2)[:2]:
            piece = piece.strip()
            owned = _COMPASS.sub("", piece, count=1)  # "northwest Nigeria's Kaduna"
            run = _NAME_RUN.match(owned if _OWNER.search(owned) else piece)
            if run is not None:  # "Nigeria's Kaduna": the division is the owned name
                names.append(_OWNER.split(run[1])[-1])
    return tuple(names)


@functools.lru_cache(maxsize=4096)
def _divisions(name: str, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The (ISO code, admin1 name) divisions a name after a place may put it in: the province
    so named, the provinces of the districts so named, else the province its last words name.
    Cached by name and gazetteer: three in four are asked again, in the article or a later one."""
    if len(fold_name(name)) < _MIN_LETTERS:
        return frozenset()
    found = set(divisions_named(name))
    found.update((c.country_code, c.admin1) for c in gazetteer.districts(bare_name(name)))
    return frozenset(found) or glued_division(name)  # "(Jowhar Middle Shabelle)": the province


_LINK_WORDS = frozenset({"in", "of", "district", "province", "governorate", "county", "state"})


@functools.lru_cache(maxsize=65536)
def glued_division(label: str) -> frozenset[tuple[str, str]]:
    """The division the last words of a name name, in text without commas ("Pachuca
    Hidalgo", "Torreon Coahuila", "Teftnaz in Idleb"): the place is one of its towns. The
    words must spell the division's name closely (``close``), or be one of its hand-kept
    aliases ("Chora district Urozgan": Oruzgan): a name's last words are often its own
    ("Abwab Al-Hadid" is no town of Al Hudaydah). Cached: the geocoder's passes ask it of
    a place's name two or three times, and of a name again in later articles."""
    words = _GLUED_WORDS.findall(label)
    for n in range(1, min(3, len(words) - 1) + 1):
        if words[-n].lower() in _LINK_WORDS:
            break
        tail = " ".join(words[-n:])
        folded = fold_name(bare_name(tail))
        if len(folded) < _MIN_LETTERS + 1:
            continue
        aliased = _aliases_by_spelling().get(folded, frozenset())
        found = [
            d
            for d in divisions_named(tail)
            if d in aliased or close(folded, fold_name(bare_name(d[1])))
        ]
        if found:
            return frozenset(found)
    return frozenset()


@functools.cache
def _aliases_by_spelling() -> dict[str, frozenset[tuple[str, str]]]:
    """The hand-kept aliases' divisions (ISO code, admin1 name) by the alias's folded
    spelling: each alias folded once, not on every name ``glued_division`` reads."""
    divisions: dict[str, set[tuple[str, str]]] = {}
    for cc, alias, name in admin1_aliases():
        divisions.setdefault(fold_name(alias), set()).add((cc, name))
    return {spelling: frozenset(found) for spelling, found in divisions.items()}


def close(a: str, b: str) -> bool:
    """Two spellings of one name ("Nimruz", "Nimroz"; "Idleb", "Idlib"), not two names that
    share their consonants ("Tiruppur", "Tripura")."""
    return alike(a, b, _SIMILAR)


def district_after(
    place: Place, text: str, gazetteer: Gazetteer, accept: Callable[[Candidate], bool]
) -> tuple[Span, Candidate] | None:
    """The district the words after a place GeoNames lacks put it in ("Miango (Bassa LGA,
    Plateau)", "Halgan (Bulo Burto, Hiraan)"): the first name there that is one second-level
    division of the province named beside it, else of the countries ``accept`` admits; with
    its span in the text. The event is then placed at the district's point."""
    if "(" in place.label:
        return None  # a bracket glued to the label: its words have no span of their own
    for end in _ends(place, text):
        after = text[end : end + WINDOW]
        names = _names_after(after)
        provinces = {d for name in names for d in divisions_named(name)}
        for name in names:
            if len(fold_name(name)) < _MIN_LETTERS or divisions_named(name):
                continue  # a province's name is not its district's
            found = gazetteer.districts(bare_name(name))
            inside = [c for c in found if (c.country_code, c.admin1) in provinces]
            chosen = inside or [c for c in found if accept(c)]
            if len(chosen) == 1:
                start = end + after.index(name)
                return Span(start, start + len(name), name), chosen[0]
    return None


def _provinces_after(place: Place, text: str) -> set[tuple[str, str]]:
    """The first-level divisions the words after the place's mentions name."""
    found: set[tuple[str, str]] = set()
    for end in _ends(place, text):
        for name in _names_after(text[end : end + WINDOW]):
            if len(fold_name(name)) >= _MIN_LETTERS:
                found.update(divisions_named(name))
    return found


def districts_after(
    extraction: Extraction, resolved: dict[str, Geocode], context: Context, gazetteer: Gazetteer
) -> Extraction:
    """Places GeoNames lacks, followed by their district ("Miango (Bassa LGA, Plateau)"):
    the district becomes a place of its own, geocoded (``resolved`` gains it), that they lie
    in. The district must lie in the province named beside it, or in a country the article
    names or has towns of, or that its actors point to."""
    text = extraction.article.text
    known = {p.key for p in extraction.places}
    districts = {p.key: p for p in extraction.places if p.place_type is PlaceType.DISTRICT}

    mapped = {g.country_code for g in resolved.values() if g.latitude is not None}

    def accept(c: Candidate) -> bool:  # in a country the article names or has towns of
        cc = c.country_code
        return cc in context.named or cc in mapped or context.support(cc, frozenset({cc})) > 0

    # a span is one thing's mention: a name the model took for an organisation stays that
    claimed = [(m.start, m.end) for a in extraction.actors for m in a.mentions]
    added: dict[str, Place] = {}
    inside: dict[str, str] = {}
    for p in extraction.places:
        if p.key in resolved or p.place_type not in _UNPLACED_TYPES:
            continue
        found = district_after(p, text, gazetteer, accept)
        if found is None:
            continue
        span, district = found
        taken = any(start < span.end and span.start < end for start, end in claimed)
        pinned = (district.country_code, district.admin1) in _provinces_after(p, text)
        if taken and not pinned:
            continue  # unless its province beside it says it is the district: "(Kandhamal, Odisha)"
        key = name_key(span.text)
        if key not in known and key not in added:  # a span is one thing's mention
            added[key] = Place(key, span.text, PlaceType.DISTRICT, () if taken else (span,))
            resolved[key] = geocode_of(district, 1.0)
        elif districts.get(key) is not None and key not in resolved:  # named, not found
            resolved[key] = geocode_of(district, 1.0)
        if key in resolved and p.within is None:
            inside[p.key] = key
    if not inside:
        return extraction
    places = tuple(
        dataclasses.replace(p, within=inside[p.key]) if p.key in inside else p
        for p in extraction.places
    )
    return dataclasses.replace(extraction, places=places + tuple(added.values()))
