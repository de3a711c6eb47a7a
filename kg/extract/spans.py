"""Small helpers over spaCy spans for the mention finder (:mod:`kg.extract.mentions`): trimming
a name, runs of proper nouns, dates the model missed, names after "anti-", capitals named after
their country, containment without cycles, entities cut at a comma, a person taken captive,
ships' names, ground taken; a person's own name is :mod:`kg.extract.person_names`'."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from kg.extract import columns
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.found import Found
from kg.extract.lexicon import read_words
from kg.extract.roads import HYPHENS
from kg.keys import name_key
from kg.model import PlaceType

__all__ = [
    "BEARINGS",
    "a_city_of",
    "break_cycles",
    "captive",
    "countered",
    "country_unit",
    "doc_ents",
    "entity_parts",
    "ents_in",
    "ground_taken",
    "is_calendar_word",
    "opposed",
    "place_found",
    "proper_noun_runs",
    "trim",
    "vessel_tokens",
    "whole_name",
]

BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
    "southwest", "north-east", "north-west", "south-east", "south-west"})  # fmt: skip
SPEECH_VERBS = frozenset({"say", "tell", "add", "state", "announce"})
CAPTIVITY = frozenset({"custody", "hostage", "prisoner", "captive", "detention", "arrest"})
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_STRIP_WORDS = {"the", "a", "an", "'s", "\u2019s", "'", "\u2019"}


_ents_index: tuple[Doc, list[int], tuple[Span, ...]] | None = None


def ents_in(span: Span) -> tuple[Span, ...]:
    """``span.ents`` at the cost of a lookup: spaCy's ``Span.ents`` scans every entity of the
    document, which made the rules quadratic in the length of an article (a 1 MB text ran
    for many minutes). The index of the last document seen is kept; kg sets no entities after
    the model has run."""
    _, starts, ents = _index(span.doc)
    first = bisect.bisect_left(starts, span.start)
    last = bisect.bisect_left(starts, span.end, lo=first)
    return tuple(e for e in ents[first:last] if e.end <= span.end)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per document: spaCy builds the spans again on every read."""
    return _index(doc)[2]


def _index(doc: Doc) -> tuple[Doc, list[int], tuple[Span, ...]]:
    """The last document seen, its entities' starts and its entities."""
    global _ents_index
    if _ents_index is None or _ents_index[0] is not doc:
        ents = tuple(doc.ents)
        _ents_index = (doc, [e.start for e in ents], ents)
    return _ents_index


def opposed(doc: Doc, start: int) -> bool:
    """ "anti-Houthi forces": a name after "anti-" says whom the actor opposes, not who it is."""
    before = columns.span_text(doc, max(start - 2, 0), start).lower().replace(" ", "")
    return start > 0 and (before.endswith("anti-") or doc[start - 1].lower_ == "anti")


def countered(doc: Doc, start: int) -> bool:
    """ "the counter-ISIL coalition": a name after "counter-" is whom the phrase's head fights;
    the name is a mention, but the phrase is not its own."""
    before = columns.span_text(doc, max(start - 2, 0), start)
    return before.lower().replace(" ", "").endswith("counter-")


def a_city_of(doc: Doc, match: int, end: int) -> bool:
    """ "Mexico City", "Kuwait City", "Guatemala City": a capital named after its country."""
    is_country = doc.vocab.strings[match].startswith("C:")
    return is_country and end < len(doc) and doc[end].text == "City"


def break_cycles(places: list[Found]) -> None:
    """ "Kabul, Afghanistan ... Afghanistan (Kabul)": containment must not go round in circles."""
    within: dict[str, str] = {}
    for f in places:
        if f.within is not None:
            within.setdefault(f.key, f.within)
    for f in places:
        seen = {f.key}
        outer = f.within
        while outer is not None:
            if outer in seen:
                f.within = None
                within.pop(f.key, None)
                break
            seen.add(outer)
            outer = within.get(outer)


def place_found(span: Span, place_type: PlaceType) -> Found:
    text = columns.text(span)
    return Found("place", span.start, span.end, name_key(text), text, place_type=place_type)


def trim(span: Span) -> Span | None:
    """Drop leading articles, trailing possessives and punctuation, and an unclosed bracket."""
    start, end = span.start, span.end
    doc = span.doc
    text = columns.texts(doc)
    opening = next((i for i in range(start, end) if text[i] in "(["), None)
    if opening is not None and not any(text[i] in ")]" for i in range(opening, end)):
        end = opening  # "Marwahin (Tyr": the model ran on into a bracket
    lower, punct = columns.lowers(doc), columns.is_puncts(doc)
    while start < end and (lower[start] in _STRIP_WORDS or punct[start]):
        start += 1
    while end > start and (lower[end - 1] in _STRIP_WORDS or punct[end - 1]):
        end -= 1
    return doc[start:end] if end > start else None


def proper_noun_runs(doc: Doc, taken: set[int]) -> list[Span]:
    """Maximal runs of capitalised proper nouns that no earlier pass claimed."""
    runs = []
    pos, text = columns.poses(doc), columns.texts(doc)
    i = 0
    while i < len(doc):
        if i in taken or pos[i] != "PROPN" or not text[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < len(doc) and j not in taken and pos[j] == "PROPN" and text[j][:1].isupper():
            j += 1
            if _glued_hyphen(doc, j, taken):
                j += 1  # "North-West": one name, its halves glued by a hyphen
        if doc[i].ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            runs.append(doc[i:j])  # NORP too: the model calls many small towns nationalities
        i = j
    return [r for r in runs if not is_calendar_word(r)]


_COMPASS_POINTS = frozenset({"north", "south", "east", "west"})


def _glued_hyphen(doc: Doc, i: int, taken: set[int]) -> bool:
    """Whether token ``i`` is a hyphen glued between a compass word and a capitalised proper
    noun ("North-West", "South-East"): the run goes on through it; not between two names
    ("the Upton-Lowtown border": two places)."""
    if i + 1 >= len(doc) or i in taken or i + 1 in taken:
        return False
    text, pos = columns.texts(doc), columns.poses(doc)
    return (
        text[i] in HYPHENS
        and text[i - 1].lower() in _COMPASS_POINTS
        and not columns.whitespaces(doc)[i - 1]
        and not columns.whitespaces(doc)[i]
        and pos[i + 1] == "PROPN"
        and text[i + 1][:1].isupper()
    )


def is_calendar_word(span: Span) -> bool:
    """Parts of dates the model did not label as such: "Dec.", "Thursday"; and names of
    times, time zones and holidays ("Greenwich Mean Time", "Thanksgiving Day";
    ``kg/data/names.toml``)."""
    text = columns.text(span).lower().rstrip(".")
    return text in _CALENDAR_WORDS or text in _times()


@functools.cache
def _times() -> frozenset[str]:
    return read_words("names.toml", "times", "names")


@functools.cache
def _particles() -> frozenset[str]:
    return read_words("names.toml", "particles", "words")


def whole_name(span: Span) -> Span:
    """The name the span cuts at a lower-case particle, made whole: "Dayr" or "Zawr" of "Dayr
    az Zawr" (the particles of ``kg/data/names.toml``)."""
    doc, particles = span.doc, _particles()
    text = columns.texts(doc)

    def capital(i: int) -> bool:
        return text[i][:1].isupper() and text[i][1:2].islower()

    def particle(i: int) -> bool:  # "al", and "al-" with a space after it ("Ibrahim al- Jaafari")
        word = text[i]
        return word in particles or (word[-1:] == "-" and word[:-1].lower() in particles)

    start, end = span.start, span.end
    while start >= 2 and particle(start - 1) and capital(start - 2) and capital(start):
        start -= 2
    while end + 1 < len(doc) and particle(end) and capital(end + 1) and capital(end - 1):
        end += 2
    return doc[start:end] if (start, end) != (span.start, span.end) else span


@functools.cache
def _vessel_prefixes() -> frozenset[str]:
    return frozenset(w.upper() for w in read_words("names.toml", "vessels", "prefixes"))


def vessel_tokens(doc: Doc) -> set[int]:
    """The tokens of ships' names: "USS Example", "HMS Valiant" (a prefix of
    ``kg/data/names.toml`` and up to three capitalised words), and the same words wherever
    they recur in the article ("Valiant sailed"). A ship is neither an actor nor a place."""
    text = columns.texts(doc)
    prefixes = _vessel_prefixes()
    out: set[int] = set()
    names: set[tuple[str, ...]] = set()
    for i, word in enumerate(text):
        if word not in prefixes:
            continue
        j = i + 1
        while j < len(doc) and j <= i + 3 and text[j][:1].isupper() and text[j].isalpha():
            j += 1
        if j > i + 1:
            out.update(range(i, j + _hull_number(text, j)))
            names.add(tuple(text[i + 1 : j]))
    for name in names:
        size = len(name)
        for i in range(len(doc) - size + 1):
            if tuple(text[i : i + size]) == name:
                out.update(range(i, i + size))
    return out


def _hull_number(text: Sequence[str], i: int) -> int:
    """The tokens of a ship's hull number in brackets at ``text[i]``: "(DDG 70)", "(L 12)",
    "(CVN-69)" (capitals and a number, up to four tokens); 0 when there is none."""
    if i >= len(text) or text[i] != "(":
        return 0
    inside = text[i + 1 : i + 6]
    end = inside.index(")") if ")" in inside else -1
    words = inside[:end]
    if not 0 < end <= 4 or not any(c.isdigit() for w in words for c in w):
        return 0
    if not all(w.replace("-", "").isalnum() and w == w.upper() for w in words if w != "-"):
        return 0
    return end + 2


def entity_parts(doc: Doc) -> list[tuple[Span, str]]:
    """The model's named entities and their labels, an organisation's or a person's cut at a
    comma: a list of names ("the Iraqi Armed Forces, Popular Mobilization Forces"), or a name
    and the person speaking, the subject of "said" and no acronym ("north of Raqqah, Cook
    said"); not the words of one name ("the Foreign, Home and Defence Secretaries")."""
    out = []
    text = columns.texts(doc)
    for ent in doc_ents(doc):
        commas = [i for i in range(ent.start, ent.end) if text[i] == ","]
        if ent.label_ not in ("ORG", "PERSON") or not commas:
            out.append((ent, ent.label_))
            continue
        last = doc[commas[-1] + 1 : ent.end]
        speaker = (
            len(last) > 0
            and last.root.dep_ == "nsubj"
            and last.root.head.lemma_.lower() in SPEECH_VERBS
            and not any(t.is_upper for t in last)
        )
        bounds = [ent.start, *commas, ent.end]
        parts = [doc[a + 1 if doc[a].text == "," else a : b] for a, b in itertools.pairwise(bounds)]
        names = [trim(p) for p in parts]
        if not speaker and any(n is None or len(n) < 2 for n in names):
            out.append((ent, ent.label_))  # "the Foreign, Home and Defence Secretaries"
            continue
        out += [(p, "PERSON" if speaker and p == last else ent.label_) for p in parts if len(p)]
    return out


# last words of a state's own forces ("Somalia National Army"): the generic rules name those
# (kg/extract/generic.py, state forces), not a unit of their own
_STATE_FORCES = frozenset({"army", "navy", "police", "force", "forces", "guard", "marines",
    "corps", "airmen", "militia", "gendarmerie"})  # fmt: skip


def country_unit(
    span: Span, countries: set[int], heads: frozenset[str], missions: frozenset[str]
) -> bool:
    """ "U.S. Naval Forces Central Command": a country's name (the tokens in ``countries``),
    then two words or more of a name ending in an organisation's word (``heads``), not a
    state's own forces ("Somalia National Army"); or one word naming the country's mission
    abroad (``missions``: "the U.S. Embassy")."""
    first = next((i for i in range(span.start, span.end) if i not in countries), span.end)
    last = span.doc[span.end - 1]
    words = span.end - first
    return (
        span.start in countries
        and not any(i in countries for i in range(first, span.end))
        and last.text[:1].isupper()
        and (
            (words >= 2 and last.lower_ in heads and last.lower_ not in _STATE_FORCES)
            or (words == 1 and last.lower_ in missions)
        )
    )


def captive(verb: Token) -> bool:
    """ "took Ahmed into custody", "seized him as a hostage": a person taken, not a place."""
    return any(t.lemma_.lower() in CAPTIVITY for t in verb.subtree)


def ground_taken(root: Token, verbs: frozenset[str], nouns: frozenset[str]) -> bool:
    """A name that is ground taken, freed or besieged: the passive subject of a verb of
    taking ground (``verbs``: "Sinjar has been liberated") or the "of" object of such a noun
    (``nouns``: "the liberation of Sinjar"); a plural ("the siege of the Yazidis") names
    people."""
    head = root.head
    the = any(c.dep_ == "det" and c.lower_ == "the" for c in root.children)
    if root.tag_ == "NNPS" or (the and root.lower_.endswith("s")):
        return False
    if root.dep_ == "nsubjpass":
        return head.lemma_.lower() in verbs
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in nouns
