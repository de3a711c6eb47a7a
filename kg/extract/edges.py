"""Where a noun phrase begins and ends, for the mentions' phrases (:mod:`kg.extract.phrases`): the
left modifiers that belong to a head, an "of" phrase, and a place's own phrase ("eastern Aleppo",
"the Iraqi city of Mosul", "Palmyra, Syria")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns, parse_tree
from kg.extract.found import Found
from kg.extract.roots import span_root
from kg.model import PlaceType

__all__ = [
    "between_clean",
    "edge_of",
    "left_edge",
    "modifier_words",
    "of_phrase_end",
    "place_phrase",
    "region_after",
]

# a count is no part of the phrase: "four ISIS tactical units" mentions "ISIS tactical units"
_LEFT_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss"})
_STOPS = frozenset({",", ";", ":", "(", ")", "[", "]", '"', "\u201c", "\u201d"})
_PHRASE_BREAKS = frozenset({",", ";", ":"})  # punctuation no phrase ends with
_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# words that no noun's modifier is: numbers, finite verbs and their subjects and objects
_CLAUSE_TAGS = frozenset({"CD", "VBZ", "VBD", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "nummod"})


def region_after(doc: Doc, f: Found, places: dict[int, Found], modifiers: frozenset[str]) -> int:
    """ "Palmyra, Syria", "Cibolo, Texas": a place and the region it lies in after a comma
    are one phrase (each name a mention too); the phrase's end, else the place's."""
    if f.place_type is PlaceType.COUNTRY or f.within is None or f.end >= len(doc):
        return f.end
    if columns.texts(doc)[f.end] != ",":
        return f.end
    i = f.end + 1
    lower = columns.lowers(doc)
    while i < len(doc) and lower[i] in modifiers:
        i += 1  # "Urem al-Kubra, northern Syria"
    region = places.get(i)
    return region.end if region is not None and region.key == f.within else f.end


def place_phrase(
    doc: Doc, f: Found, modifiers: frozenset[str], place_nouns: frozenset[str]
) -> tuple[int, int]:
    """A named place keeps its name, with a compass word before it ("eastern Aleppo",
    "northern Syria"; the name alone is a mention too)."""
    t = parse_tree.tree(doc)
    start = f.start
    while start > 0 and t.lower[start - 1] in modifiers and f.start <= t.head[start - 1] < f.end:
        start -= 1
    root = span_root(doc, f.start, f.end)
    of = t.head[root]
    if (
        start == f.start
        and t.dep[root] == "pobj"
        and t.lower[of] == "of"
        and t.head[of] < f.start
        and t.lemma[t.head[of]] in place_nouns
        and t.tag[t.head[of]] != "NNS"  # "the towns of A and B": no phrase of A's own
    ):
        return edge_of(doc, t.head[of]), f.end  # "the Iraqi city of Mosul"
    return start, f.end


def left_edge(root: Token) -> int:
    """The first token of the root's left modifiers that are part of its noun phrase."""
    return edge_of(root.doc, root.i)


def edge_of(doc: Doc, root: int, first: int | None = None) -> int:
    """``left_edge(doc[root])``, from the Doc's columns; ``first``: where the name the root
    ends begins, whose punctuation ends no phrase ("Prime Minister Al-Abadi": the hyphen the
    parse hung on "Abadi")."""
    t = parse_tree.tree(doc)
    start = root
    for child in reversed([c for c in t.kids[root] if c < root]):
        if first is not None and child >= first and t.dep[child] == "punct":
            continue
        if t.dep[child] not in _LEFT_DEPS:
            break
        edge = _after_swallowed_place(doc, root, columns.left_edges(doc)[child])
        if not modifier_words(doc, edge, start):
            break
        start = edge
    return start


def _after_swallowed_place(doc: Doc, root: int, edge: int) -> int:
    """ "In Turkey Minister Ellwood met ...": a place the parse joined to the phrase while
    the preposition before it is left without an object is that preposition's object; the
    phrase starts after it."""
    t = parse_tree.tree(doc)
    if (
        edge == 0
        or t.pos[edge - 1] != "ADP"
        or any(t.dep[c] in ("pobj", "pcomp") for c in t.kids[edge - 1])
    ):
        return edge
    end = edge
    while end < root and t.ent_type[end] in ("GPE", "LOC"):
        end += 1
    return end


def between_clean(doc: Doc, start: int, end: int) -> bool:
    """No punctuation that ends a phrase (a dash with spaces around it too: "BAGHDAD - the
    Coalition said"), and no sentence start, in doc[start:end]."""
    text, space, sent_start = (
        columns.texts(doc),
        columns.whitespaces(doc),
        columns.sentence_starts(doc),
    )
    return all(
        text[i] not in _STOPS
        and not (i > start and sent_start[i] == i)
        and not (text[i] in _DASHES and i > 0 and space[i - 1] and space[i])  # a spaced dash
        for i in range(start, end)
    )


def modifier_words(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] may modify a noun after it: no phrase's end (``between_clean``)
    and no word of a clause the parse hung on the noun, a count ("dead 1 man", "a 10 year
    old child"), a verb or its subject ("Mob lynches man", a headline)."""
    if not between_clean(doc, start, end):
        return False
    tag, dep = columns.tags(doc), columns.deps(doc)
    return not any(tag[i] in _CLAUSE_TAGS or dep[i] in _CLAUSE_DEPS for i in range(start, end))


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A dash between spaces, which parts clauses ("U.S.-led" joins words: no spaces)."""
    return doc[i].text in _DASHES and i > 0 and bool(doc[i - 1].whitespace_ and doc[i].whitespace_)


def of_phrase_end(head: Token) -> int:
    """The end of the "of" phrase after a noun ("the Government of Iraq"), else the noun's;
    never a comma the parse hung on the phrase ("the Ministry of Culture, the Board ...")."""
    doc, t = head.doc, parse_tree.tree(head.doc)
    for child in t.kids[head.i]:
        if child > head.i and t.dep[child] == "prep" and t.lower[child] == "of":
            objects = [c for c in t.kids[child] if t.dep[c] == "pobj"]
            if objects:
                end = doc[objects[0]].right_edge.i + 1
                while end > objects[0] + 1 and doc[end - 1].text in _PHRASE_BREAKS:
                    end -= 1
                return end
    return head.i + 1


def shares_of(head: Token) -> bool:
    """ "the government and people of Iraq": a conjunct stands between the noun and its "of",
    which the two share; the noun's phrase ends with it ("the government")."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return of is not None and any(c.dep_ == "conj" and c.i < of.i for c in head.rights)
