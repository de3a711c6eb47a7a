"""Small helpers over spaCy spans for the mention finder (:mod:`kg.extract.mentions`): trimming
a name, runs of proper nouns, dates the model missed, names after "anti-", capitals named after
their country, and containment without cycles."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.found import Found
from kg.keys import name_key
from kg.model import PlaceType

__all__ = [
    "a_city_of",
    "break_cycles",
    "is_calendar_word",
    "opposed",
    "place_found",
    "proper_noun_runs",
    "trim",
]

_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
_STRIP_WORDS = {"the", "a", "an", "'s", "\u2019s", "'", "\u2019"}


def opposed(doc: Doc, start: int) -> bool:
    """ "anti-Houthi forces": a name after "anti-" says whom the actor opposes, not who it is."""
    before = doc[max(start - 2, 0) : start].text.lower().replace(" ", "")
    return start > 0 and (before.endswith("anti-") or doc[start - 1].lower_ == "anti")


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
    return Found(
        "place", span.start, span.end, name_key(span.text), span.text, place_type=place_type
    )


def trim(span: Span) -> Span | None:
    """Drop leading articles, trailing possessives and punctuation, and an unclosed bracket."""
    start, end = span.start, span.end
    doc = span.doc
    opening = next((t.i for t in span if t.text in "(["), None)
    if opening is not None and not any(t.text in ")]" for t in doc[opening:end]):
        end = opening  # "Marwahin (Tyr": the model ran on into a bracket
    while start < end and (doc[start].lower_ in _STRIP_WORDS or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in _STRIP_WORDS or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def proper_noun_runs(doc: Doc, taken: set[int]) -> list[Span]:
    """Maximal runs of capitalised proper nouns that no earlier pass claimed."""
    runs = []
    i = 0
    while i < len(doc):
        token: Token = doc[i]
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        j = i
        while (
            j < len(doc) and j not in taken and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
        ):
            j += 1
        if doc[i].ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            runs.append(doc[i:j])  # NORP too: the model calls many small towns nationalities
        i = j
    return [r for r in runs if not is_calendar_word(r)]


def is_calendar_word(span: Span) -> bool:
    """Parts of dates the model did not label as such: "Dec.", "Thursday"."""
    return span.text.lower().rstrip(".") in _CALENDAR_WORDS
