"""Towns named in the name of an institution, a road or a group of people: "Garissa High
School", "the Machakos road", "Machakos county assembly members", "Msambweni polling station",
"Kisumu students", "the Migori ODM offices".

The thing is usually in its town, and the text often gives the event no other place ("Students
of Lamu Bujra Boys High School go on a violent protest"). A capitalised name before one of the
words of ``kg/data/named_after.txt`` (up to two lower-case words between: "Machakos county
assembly") is taken for the town only when GeoNames has a town of exactly that spelling, as its
own name, in one of the article's countries: "Moi University" or "Kenyatta National Hospital"
name people, and a namesake abroad is no evidence. Words that head names without being towns
("High", "Central", "National") are never the town. A name the entity model took for a mere
organisation with no other mention ("Machakos" in "Machakos country assembly") gives way to
the place.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from kg.errors import ResourceError
from kg.geo.gazetteer import Gazetteer
from kg.geo.names import fold_name
from kg.keys import name_key
from kg.model import Actor, ActorType, Extraction, Place, PlaceType, Span
from kg.resources import data_dir

__all__ = ["towns_named_after", "words_after"]

_WORD = re.compile(r"[^\W\d_][\w'\u2019]*|[^\w\s]")
_SPACE = re.compile(r"\s")
_GOES_ON = re.compile(r"[\w'\u2019]")  # what a word goes on over
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)\W*$")
_FILLERS = 2  # lower-case words between the name and the word: "county assembly", "police"
_MAX_NAME = 4  # words of the capitalised run looked at
_WORDS_READ = 8  # words before a head: more than the fillers and the name read
_MIN_LETTERS = 4
LONE_TOWN = 10_000  # "Ewa", "Ol": too short to be taken on such weak evidence
# words between the name and the head that end the name's claim ("Kenya and the hospital")
_STOPS = frozenset({"the", "a", "an", "of", "in", "at", "on", "and", "or", "to", "from", "by"})
_STOPS |= frozenset({"with", "for", "near", "its", "their", "his", "her", "this", "that"})
# capitalised words that head institutions' names and are no towns
_GENERIC = frozenset({"high", "central", "national", "general", "county", "state", "city"})
_GENERIC |= frozenset({"boys", "girls", "primary", "secondary", "st", "saint", "holy", "new"})
_GENERIC |= frozenset({"north", "south", "east", "west", "upper", "lower", "main", "old"})
_GENERIC |= frozenset({"great", "greater", "royal", "federal", "district", "town", "mount"})
# the kinds of place a longer name than its town's may have been read as
_NARROWED = frozenset({PlaceType.TOWN, PlaceType.OTHER})
# actors that are only a name: no ACLED actor type, nothing lost when they are the town
_NAME_ONLY = frozenset({ActorType.ORGANISATION, ActorType.PERSON})


@functools.cache
def words_after() -> frozenset[str]:
    """The words of ``kg/data/named_after.txt``."""
    lines = (data_dir() / "named_after.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def towns_named_after(
    extraction: Extraction, countries: frozenset[str], gazetteer: Gazetteer
) -> Extraction:
    """The extraction with the towns named in its institutions', roads' and groups' names
    added as places (see the module docstring; ``countries``: the article's, ISO codes);
    unchanged when there is none."""
    text = extraction.article.text
    names = _names(text)
    extraction = _narrowed(extraction, names, countries, gazetteer)
    taken = [(m.start, m.end) for p in extraction.places for m in p.mentions]
    known = {p.key for p in extraction.places}
    added: dict[str, Place] = {}
    for parts in names:
        span = next((s for s in parts if _town_of(s.text, countries, gazetteer)), None)
        if span is None or any(s < span.end and span.start < e for s, e in taken):
            continue
        key = name_key(span.text)
        if key in known:
            continue
        old = added.get(key)
        if old is not None and span in old.mentions:
            continue  # two words after one name: "Machakos county assembly"
        mentions = (*old.mentions, span) if old is not None else (span,)
        added[key] = Place(key, span.text, PlaceType.TOWN, mentions)
    if not added:
        return extraction
    spans = {(m.start, m.end) for p in added.values() for m in p.mentions}
    gone = {a.key for a in extraction.actors if _only_the_town(a, spans)}
    blocked = {  # a span another actor keeps stays that actor's ("Meru" of the Meru people)
        (m.start, m.end) for a in extraction.actors if a.key not in gone for m in a.mentions
    }
    places = []
    for place in added.values():
        kept = tuple(m for m in place.mentions if (m.start, m.end) not in blocked)
        if kept:
            places.append(dataclasses.replace(place, mentions=kept))
    if not places:
        return extraction
    return dataclasses.replace(
        extraction,
        actors=tuple(a for a in extraction.actors if a.key not in gone),
        places=extraction.places + tuple(places),
        events=tuple(
            dataclasses.replace(
                e,
                agents=tuple(k for k in e.agents if k not in gone),
                targets=tuple(k for k in e.targets if k not in gone),
                reported_by=tuple(k for k in e.reported_by if k not in gone),
            )
            for e in extraction.events
        ),
        relations=tuple(
            r for r in extraction.relations if r.source not in gone and r.target not in gone
        ),
    )


def _narrowed(
    extraction: Extraction,
    names: list[list[Span]],
    countries: frozenset[str],
    gazetteer: Gazetteer,
) -> Extraction:
    """The extraction with each town or unclassified place that GeoNames lacks, named only
    by a longer leading part of an institution's capitalised name whose shorter leading part
    is a town (``_town_of``), cut back to that town: the text's own rules may keep the run
    before a school's kind words whole ("Lamu Bujra" of "Lamu Bujra Boys High School"), a
    name no gazetteer knows that hides its town. The place keeps its key (its events' places
    name it)."""
    shorter: dict[tuple[int, int], Span] = {}  # a longer part -> the town at its start
    for parts in names:
        town = next((s for s in parts if _town_of(s.text, countries, gazetteer)), None)
        if town is not None:
            shorter.update(((s.start, s.end), town) for s in parts if s.end > town.end)
    if not shorter:
        return extraction
    places = []
    for place in extraction.places:
        towns = [shorter.get((m.start, m.end)) for m in place.mentions]
        spelt = {t.text for t in towns if t is not None}
        if (
            towns
            and None not in towns
            and len(spelt) == 1
            and place.place_type in _NARROWED
            and not gazetteer.lookup(place.label)
        ):
            mentions = tuple(t for t in towns if t is not None)
            place = dataclasses.replace(
                place, label=spelt.pop(), place_type=PlaceType.TOWN, mentions=mentions
            )
        places.append(place)
    return dataclasses.replace(extraction, places=tuple(places))


def _names(text: str) -> list[list[Span]]:
    """The capitalised runs right before a word of ``words_after`` (or up to ``_FILLERS``
    lower-case words before it), each as the leading parts a town could be, longest first:
    "Lamu Bujra Boys High School" gives "Lamu Bujra Boys High", ..., "Lamu".

    The head words are sought in the text in lower case and only the words before each are
    split (``_words_before``): splitting the whole text was the costliest pattern of an
    ordinary article. A text with "\u0130" (the one character whose lower case is two) is
    split whole."""
    if "\u0130" in text:
        words = _split(text, 0, len(text))
        return [
            parts
            for j, (word, _, _) in enumerate(words)
            if word.lower() in words_after() and (parts := _parts(text, words, j))
        ]
    out = []
    for found in _head_pattern().finditer(text.lower()):
        before = _words_before(text, found.start(), found.end())
        if before is not None and (parts := _parts(text, before, len(before) - 1)):
            out.append(parts)
    return out


def _parts(text: str, words: list[tuple[str, int, int]], j: int) -> list[Span]:
    """The leading parts of the capitalised run before the head word ``words[j]``."""
    k = j - 1
    fillers = 0
    while k >= 0 and words[k][0].islower() and fillers < _FILLERS:
        if words[k][0] in _STOPS or not words[k][0].isalpha():
            break
        k -= 1
        fillers += 1
    end = k + 1
    start = end
    while start > 0 and end - start < _MAX_NAME and _capitalised(words[start - 1][0]):
        start -= 1
    # the leading parts, longest first; then, when the run opens a sentence, without its
    # first word, capitalised only there ("Striking Mombasa county workers": Mombasa)
    firsts = (start, start + 1) if start < end and _opens(text, words[start][1]) else (start,)
    return [
        Span(words[a][1], words[s - 1][2], text[words[a][1] : words[s - 1][2]])
        for a in firsts
        for s in range(end, a, -1)
    ]


def _split(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


@functools.cache
def _head_pattern() -> re.Pattern[str]:
    """The words of ``words_after`` (lower-case letters) in lower-cased text, after no letter
    ``a-z`` (a word starts after no letter; only letters lower to them), grouped by first
    letter, longest first in each group: where one is a word of the text, it matches here,
    and no match hides it (a match is all letters, a word starts after none)."""
    heads = sorted(words_after(), key=lambda w: (-len(w), w))
    if not all(w.isascii() and w.isalpha() and w.islower() for w in heads):
        raise ResourceError(data_dir() / "named_after.txt", "lower-case ASCII words only")
    rests: dict[str, list[str]] = {}
    for w in heads:
        rests.setdefault(w[0], []).append(w[1:])
    groups = (f"{first}(?:{'|'.join(rest)})" for first, rest in sorted(rests.items()))
    return re.compile(f"(?<![a-z])(?:{'|'.join(groups)})")


def _words_before(text: str, start: int, end: int) -> list[tuple[str, int, int]] | None:
    """The text's words (``_WORD``) up to ``end`` as splitting the whole text gives them, when
    one of them is [start, end) and a word of ``words_after``: more than ``_WORDS_READ`` of
    them, or all from the text's start. A word never spans white space, so the split may
    start at any white space: the first in a window before ``start``, widened until it holds
    enough words."""
    if _GOES_ON.match(text, end):
        return None  # "Schoolhouse"
    back = 64
    while True:
        space = _SPACE.search(text, start - back, start) if start > back else None
        if space is None and start > back:
            back *= 2  # no white space in the window
            continue
        words = _split(text, space.start() if space else 0, end)
        if space is None or len(words) > _WORDS_READ:
            break
        back *= 2
    if not words or words[-1][1:] != (start, end) or words[-1][0].lower() not in words_after():
        return None  # "Highschool": no word of its own
    return words


def _opens(text: str, at: int) -> bool:
    """Whether a word at ``at`` opens the text or a sentence. The pattern matches only
    non-word characters, so it is searched from where they start before ``at`` (from the
    text's start, it cost a long article the square of its length); "^" still holds only
    at 0."""
    start = at
    while start > 0 and not (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return _SENTENCE_START.search(text, start, at) is not None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word[:1].isalpha()


def _town_of(name: str, countries: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether GeoNames has a town of the name's exact spelling, as its own name, in one of
    ``countries``; in an article with no country, whether the name is the own name of one
    town in the world, of ``LONE_TOWN`` people or more, and of no other place. Never for the
    words that head institutions' names."""
    words = fold_name(name).split()
    if not words or words[0] in _GENERIC or len("".join(words)) < _MIN_LETTERS:
        return False
    found = gazetteer.lookup_exact(name)
    if not countries:
        return (
            len(found) == 1
            and found[0].kind == "town"
            and found[0].main_name
            and found[0].population >= LONE_TOWN
        )
    return any(c.kind == "town" and c.main_name and c.country_code in countries for c in found)


def _only_the_town(actor: Actor, spans: set[tuple[int, int]]) -> bool:
    """A name-only actor every mention of which is one of the towns ("Machakos")."""
    return (
        actor.actor_type in _NAME_ONLY
        and actor.wikidata is None
        and bool(actor.mentions)
        and all((m.start, m.end) in spans for m in actor.mentions)
    )
