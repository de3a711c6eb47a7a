"""Where a noun phrase begins and ends, for the mentions' phrases (:mod:`kg.extract.phrases`): the
left modifiers that belong to a head, an "of" phrase, and a place's own phrase ("eastern Aleppo",
"the Iraqi city of Mosul", "Palmyra, Syria")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.found import Found
from kg.model import PlaceType

__all__ = [
    "between_clean",
    "left_edge",
    "modifier_words",
    "of_phrase_end",
    "place_phrase",
    "region_after",
]

# a count is no part of the phrase: "four ISIS tactical units" mentions "ISIS tactical units"
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss"})
_STOPS = frozenset({",", ";", ":", "(", ")", "[", "]", '"', "\u201c", "\u201d"})
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# words that no noun's modifier is: numbers, finite verbs and their subjects and objects
_CLAUSE_TAGS = frozenset({"CD", "VBZ", "VBD", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "nummod"})


def region_after(doc: Doc, f: Found, places: dict[int, Found], modifiers: frozenset[str]) -> int:
    """ "Palmyra, Syria", "Cibolo, Texas": a place and the region it lies in after a comma
    are one phrase (each name a mention too); the phrase's end, else the place's."""
    if f.place_type is PlaceType.COUNTRY or f.within is None or f.end >= len(doc):
        return f.end
    if doc[f.end].text != ",":
        return f.end
    i = f.end + 1
    while i < len(doc) and doc[i].lower_ in modifiers:
        i += 1  # "Urem al-Kubra, northern Syria"
    region = places.get(i)
    return region.end if region is not None and region.key == f.within else f.end


def place_phrase(
    doc: Doc, f: Found, modifiers: frozenset[str], place_nouns: frozenset[str]
) -> tuple[int, int]:
    """A named place keeps its name, with a compass word before it ("eastern Aleppo",
    "northern Syria"; the name alone is a mention too)."""
    start = f.start
    while (
        start > 0
        and doc[start - 1].lower_ in modifiers
        and doc[start - 1].head.i >= f.start
        and doc[start - 1].head.i < f.end
    ):
        start -= 1
    root = doc[f.start : f.end].root
    of = root.head
    if (
        start == f.start
        and root.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.i < f.start
        and of.head.lemma_.lower() in place_nouns
        and of.head.tag_ != "NNS"  # "the towns of A and B": no phrase of A's own
    ):
        return left_edge(of.head), f.end  # "the Iraqi city of Mosul"
    return start, f.end


def left_edge(root: Token) -> int:
    """The first token of the root's left modifiers that are part of its noun phrase."""
    start = root.i
    for child in reversed(list(root.lefts)):
        if child.dep_ not in _LEFT_DEPS:
            break
        edge = _after_swallowed_place(root, child.left_edge.i)
        if not modifier_words(root.doc, edge, start):
            break
        start = edge
    return start


def _after_swallowed_place(root: Token, edge: int) -> int:
    """ "In Turkey Minister Ellwood met ...": a place the parse joined to the phrase while
    the preposition before it is left without an object is that preposition's object; the
    phrase starts after it."""
    doc = root.doc
    before = doc[edge - 1] if edge > 0 else None
    if (
        before is None
        or before.pos_ != "ADP"
        or any(c.dep_ in ("pobj", "pcomp") for c in before.children)
    ):
        return edge
    end = edge
    while end < root.i and doc[end].ent_type_ in ("GPE", "LOC"):
        end += 1
    return end


def between_clean(doc: Doc, start: int, end: int) -> bool:
    """No punctuation that ends a phrase (a dash with spaces around it too: "BAGHDAD - the
    Coalition said"), and no sentence start, in doc[start:end]."""
    return all(
        doc[i].text not in _STOPS
        and not (i > start and doc[i].is_sent_start)
        and not _spaced_dash(doc, i)
        for i in range(start, end)
    )


def modifier_words(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] may modify a noun after it: no phrase's end (``between_clean``)
    and no word of a clause the parse hung on the noun, a count ("dead 1 man", "a 10 year
    old child"), a verb or its subject ("Mob lynches man", a headline)."""
    return between_clean(doc, start, end) and not any(
        t.tag_ in _CLAUSE_TAGS or t.dep_ in _CLAUSE_DEPS for t in doc[start:end]
    )


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A dash between spaces, which parts clauses ("U.S.-led" joins words: no spaces)."""
    return doc[i].text in _DASHES and i > 0 and bool(doc[i - 1].whitespace_ and doc[i].whitespace_)


def of_phrase_end(head: Token) -> int:
    """The end of the "of" phrase after a noun ("the Government of Iraq"), else the noun's."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].right_edge.i + 1
    return head.i + 1
