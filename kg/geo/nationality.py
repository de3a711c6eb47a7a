"""Countries named where they are not the place of anything: "America" in "Latin America",
"Niger" in "Niger State", and a country used as a nationality ("A U.S. strike hit ...").

The mention finder matches a country's name wherever its words stand. Two readings of those
words are not the country as a place:

- **Inside a longer name** (``kg/data/not_countries.tsv``): "Latin America" is a region, "Niger
  State" a state of Nigeria, "New Mexico" one of the United States. Such a mention becomes a
  place of that name and type (a province is then resolved as any other), and the country of
  a division (Nigeria for "Niger State") counts for the article's country.
- **A nationality** (``attributive``): a country's name right before a lower-case word, with no
  preposition before it ("A U.S. strike", "the U.S.-led coalition", "Kenya police") says
  whose the thing is, not where it happened; an event keeps such a country among its places
  only when the text also names it there otherwise ("a U.S. strike in Syria" keeps Syria).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.geo.admin1 import read_rows
from kg.geo.blind import may_hold
from kg.keys import name_key
from kg.model import Event, Extraction, Place, PlaceType, Span
from kg.resources import data_dir

__all__ = [
    "NotCountry",
    "attributive",
    "country_words",
    "nationalities",
    "not_countries",
    "reread_countries",
]

_SPECIFIC_FIRST = (
    frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT}),
    frozenset({PlaceType.PROVINCE, PlaceType.REGION}),
    frozenset({PlaceType.COUNTRY}),
)
_TYPES = {"region": PlaceType.REGION, "province": PlaceType.PROVINCE}
# a name followed by a lower-case word ("U.S. strike"), or by a hyphened one ("U.S.-led")
_MODIFIER = re.compile(r"(?:[-\u2010\u2011][^\W\d_]+)?\s+[a-z]")
# ...unless a preposition puts something there ("airstrikes in Syria killed 20")
_PLACED = re.compile(
    r"\b(?:in|at|near|inside|across|into|from|to|of|throughout|within|around|outside|over|"
    r"on|off|towards?|via|between|and|or|entire|northern|southern|eastern|western|central|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|de|del|da|do|du)"
    r"\s+(?:the\s+)?$",
    re.I,
)
_LONGEST_PLACED = 16  # characters, more than its longest word ("throughout")
# words after a country that do not make it a modifier: verbs, conjunctions, prepositions
_NOT_NOUNS = frozenset(
    {"and", "or", "but", "on", "in", "at", "for", "to", "by", "with", "from", "as", "of"}
    | {"is", "was", "were", "are", "has", "had", "have", "said", "says", "will", "would"}
    | {"could", "should", "did", "does", "do", "that", "which", "who", "when", "where", "while"}
    | {"after", "before", "since", "also", "again", "against", "over", "under", "into", "than"}
    | {"then", "a", "an", "the", "some", "several", "many", "two", "three"}
)


@dataclass(frozen=True, slots=True)
class NotCountry:
    name: str
    place_type: PlaceType
    country: str  # ISO code of the country it lies in; "" when it spans several

    @property
    def pattern(self) -> re.Pattern[str]:
        words = (re.escape(w) for w in self.name.split())
        return re.compile(r"\b" + r"\s+".join(words) + r"\b", re.I)


@functools.cache
def not_countries() -> tuple[NotCountry, ...]:
    """The rows of ``kg/data/not_countries.tsv``."""
    path = data_dir() / "not_countries.tsv"
    return tuple(
        NotCountry(name, _TYPES[kind], "" if cc == "-" else cc)
        for _, (name, kind, cc) in read_rows(path, 3, "names that are not countries")
    )


@functools.cache
def _any_not_country() -> re.Pattern[str]:
    """One search for any row's name: it finds a match exactly when one row's pattern does,
    in a fifth of the time of a scan per row (speed only)."""
    return re.compile("|".join(f"(?:{e.pattern.pattern})" for e in not_countries()), re.I)


@functools.cache
def _last_words() -> tuple[str, ...]:
    """Each row's last word, lower-cased: a row's pattern needs it (``may_hold``)."""
    return tuple(e.name.split()[-1].lower() for e in not_countries())


def attributive(mention: Span, text: str) -> bool:
    """Whether a country's mention is a nationality: right before a lower-case word that is
    not a verb or a particle ("U.S. strike"), and after no preposition ("in Syria said")."""
    after = _MODIFIER.match(text, mention.end)
    if after is None or _placed_before(text, mention.start):
        return False
    word = re.match(r"[a-z]+", text[after.end() - 1 :])
    return word is not None and word.group(0) not in _NOT_NOUNS


def _placed_before(text: str, end: int) -> bool:
    """Whether ``_PLACED`` matches text ending at ``end``, sought from a few characters before
    the words it can match there (from the text's start, a long article is read once a
    mention): its preposition ends where the whitespace before ``end`` starts, or where that
    before the three letters of "the" before it starts, and is at most ``_LONGEST_PLACED``
    characters long."""
    start = end
    while start > 0 and text[start - 1].isspace():  # what str.isspace calls space, \s does
        start -= 1
    start -= 3
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return _PLACED.search(text, max(0, start - _LONGEST_PLACED), end) is not None


def reread_countries(extraction: Extraction) -> tuple[Extraction, dict[str, float]]:
    """The extraction with each country mention inside a longer name (``not_countries``)
    made a place of that name, and the votes of the countries those names lie in."""
    text = extraction.article.text
    # most articles name none: a quick check, then one search for all rows
    if not may_hold(text, _last_words()) or _any_not_country().search(text) is None:
        return extraction, {}
    found = [
        (entry, Span(m.start(), m.end(), m.group(0)))
        for entry in not_countries()
        for m in entry.pattern.finditer(text)
    ]
    if not found:
        return extraction, {}
    places: list[Place] = []
    renamed: dict[str, dict[int, str]] = {}  # country key -> mention start -> new key
    new: dict[str, Place] = {}
    votes: dict[str, float] = {}
    for p in extraction.places:
        if p.place_type is not PlaceType.COUNTRY:
            places.append(p)
            continue
        kept: list[Span] = []
        for m in p.mentions:
            hit = next(((e, s) for e, s in found if s.start <= m.start and m.end <= s.end), None)
            if hit is None:
                kept.append(m)
                continue
            entry, span = hit
            key = name_key(entry.name)
            renamed.setdefault(p.key, {})[m.start] = key
            old = new.get(key)
            spans = (*(old.mentions if old else ()), span)
            new[key] = Place(key, entry.name, entry.place_type, spans)
            if entry.country:
                votes[entry.country] = votes.get(entry.country, 0.0) + 1.0
        if kept:
            places.append(dataclasses.replace(p, mentions=tuple(kept)))
        elif p.key not in renamed:
            places.append(p)
    if not renamed:
        return extraction, {}
    left = {p.key for p in places}
    events = tuple(_renamed(e, renamed, left, extraction.places) for e in extraction.events)
    places += [p for k, p in new.items() if k not in left]
    return dataclasses.replace(extraction, places=tuple(places), events=events), votes


def _renamed(
    event: Event, renamed: dict[str, dict[int, str]], left: set[str], old: Iterable[Place]
) -> Event:
    """The event's places with a country read as a longer name replaced by that name's place
    when the event's sentence tells the name; the country stays where the sentence (or, told
    elsewhere, the article) still names it."""
    mentions = {p.key: p.mentions for p in old}
    keys: list[str] = []
    for k in event.places:
        if k not in renamed:
            keys.append(k)
            continue
        told = [m for m in mentions.get(k, ()) if _inside(m, event.sentence)]
        inside = [renamed[k][m.start] for m in told if m.start in renamed[k]]
        keys += inside
        if k in left and (not inside or len(inside) < len(told)):
            keys.append(k)  # also named as the country itself
        elif not told and k not in left:
            keys += renamed[k].values()
    return dataclasses.replace(event, places=tuple(dict.fromkeys(keys)))


def nationalities(extraction: Extraction) -> Extraction:
    """Each event without the countries its sentence names only as nationalities ("A U.S.
    strike on Jan. 1 hit two vehicles near Sarmada")."""
    text = extraction.article.text
    countries = {p.key: p for p in extraction.places if p.place_type is PlaceType.COUNTRY}

    def only_nationality(key: str, event: Event) -> bool:
        p = countries.get(key)
        if p is None:
            return False
        told = [m for m in p.mentions if _inside(m, event.sentence)]
        if not told:  # the event got it from its actors: is it named, as their nationality?
            told = list(_named(p.label, event.sentence))
        return bool(told) and all(attributive(m, text) for m in told)

    def placed(event: Event) -> Event:
        dropped = {k for k in event.places if only_nationality(k, event)}
        if not dropped:
            return event
        keys = tuple(k for k in event.places if k not in dropped)
        return dataclasses.replace(event, places=keys or _told_in(event.sentence, places, dropped))

    places = extraction.places
    return dataclasses.replace(extraction, events=tuple(placed(e) for e in extraction.events))


def _told_in(sentence: Span, places: Iterable[Place], dropped: set[str]) -> tuple[str, ...]:
    """The most specific places a sentence names (an event left without a place is told of
    them: "A U.S. strike hit vehicles near Sarmada, Syria": Sarmada)."""
    told = [
        p for p in places if p.key not in dropped and any(_inside(m, sentence) for m in p.mentions)
    ]
    for kinds in _SPECIFIC_FIRST:
        keys = tuple(p.key for p in told if p.place_type in kinds)
        if keys:
            return keys
    return ()


def _named(country: str, sentence: Span) -> Iterable[Span]:
    """Where a sentence writes a country's name, aliases or demonyms (``countries.tsv``)."""
    names = _country_pattern(country.lower())
    if names is None:
        return
    for m in names.finditer(sentence.text):
        start = sentence.start + m.start()
        yield Span(start, start + len(m.group(0)), m.group(0))


@functools.lru_cache(maxsize=1024)
def _country_pattern(country: str) -> re.Pattern[str] | None:
    """A pattern of a country's names, aliases and demonyms (``country``: its name in lower
    case), compiled when first asked: an ingest asks of a few of the ~250 countries."""
    words = _words_by_country().get(country)
    if words is None:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len)[::-1])
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


@functools.cache
def _words_by_country() -> dict[str, tuple[str, ...]]:
    """Each country's name (lower case) -> its names, aliases and demonyms."""
    return {name.lower(): words for _, name, words in country_words()}


@functools.cache
def country_words() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each country of ``kg/data/countries.tsv``: its ISO code, its name, and every word for it
    (the name, its aliases and demonyms)."""
    out = []
    for line in (data_dir() / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        iso, name, aliases, demonyms = [*line.split("\t"), "", "", ""][:4]
        words = (name, *aliases.split("|"), *demonyms.split("|"))
        out.append((iso, name, tuple(w for w in words if w)))
    return tuple(out)


def _inside(span: Span, sentence: Span) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end
