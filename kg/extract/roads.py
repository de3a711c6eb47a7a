"""The towns a road is named by or told between: "the Kitale-Lodwar road", "on Menbij - Sarin
road", "the Temascal-Las Granjas road", "on the road connecting Al Bab and Ar-Ra'ee", "the
highway that links Lowtown to Hightown", "the road from X to Y". News names a road by its two
ends; an incident on it is an incident near them (ACLED codes it at one of them), whatever the
entity model made of the names (a person, an organisation, nothing)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span, Token

from kg.extract import columns

__all__ = ["COMPASS", "HYPHENS", "road_ends"]

HYPHENS = frozenset({"-", "\u2013", "\u2010"})
COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)
# words after a road's noun that introduce its two ends ("the road connecting X and Y")
_LINKS = frozenset({"connecting", "connects", "linking", "links", "joining", "joins"})
_SPANS = frozenset({"between", "from"})  # "the road between X and Y", "from X to Y"
_ANDS = frozenset({"and", "to", "with"})
# prefixes a hyphen joins to a road's one name, no town: "the Pan-American Highway", "the
# Trans-Sahara highway", "the Inter-State road"
_PREFIXES = frozenset({"pan", "trans", "inter", "intra", "cross", "sub"})


def _word(token: Token) -> bool:
    """A capitalised word of a name ("Ra'ee" too: not only letters)."""
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _joined(doc: Doc, i: int) -> bool:
    """A hyphen glued to the words on both sides, inside one name ("Ar-Ra'ee")."""
    return (
        doc[i].text in HYPHENS
        and doc[i].whitespace_ == ""
        and i > 0
        and doc[i - 1].whitespace_ == ""
        and i + 1 < len(doc)
        and _word(doc[i + 1])
    )


def _name_from(doc: Doc, start: int) -> Span | None:
    """The name that begins at ``start``: capitalised words, and hyphens glued inside it."""
    end = start
    while end < len(doc) and (_word(doc[end]) or (end > start and _joined(doc, end))):
        end += 1
    return doc[start:end] if end > start else None


def _name_until(doc: Doc, end: int) -> Span | None:
    """The capitalised words (no hyphen) that end before token ``end``."""
    start = end
    while start > 0 and _word(doc[start - 1]):
        start -= 1
    return doc[start:end] if start < end else None


def _compass(span: Span) -> bool:
    return any(t.lower_ in COMPASS for t in span)


def _hyphened(doc: Doc, route: int) -> list[Span]:
    """ "the Kitale-Lodwar road", "Menbij - Sarin road": the two names around a hyphen right
    before the road's noun (glued on both sides, or spaced on both), not "the East-West
    highway" nor "the Pan-American Highway"."""
    second = _name_until(doc, route)
    if second is None or second.start < 2 or doc[second.start - 1].text not in HYPHENS:
        return []
    dash = doc[second.start - 1]
    before = doc[dash.i - 1]
    if (dash.whitespace_ == "") != (before.whitespace_ == ""):
        return []  # "Lowtown -Hightown": no road's two ends
    first = _name_until(doc, dash.i)
    if first is None or _compass(first) or _compass(second):
        return []
    if first.text.lower() in _PREFIXES:
        return []  # "the Pan-American Highway": one name
    return [first, second]


def _linked(doc: Doc, route: int) -> list[Span]:
    """ "the road connecting X and Y", "the highway that links X to Y", "the road between X
    and Y", "the road from X to Y": the two names after the road's noun."""
    i = route + 1
    if i < len(doc) and doc[i].lower_ == "that":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _LINKS | _SPANS:
        return []
    first = _name_from(doc, i + 1)
    if first is None or first.end >= len(doc) or doc[first.end].lower_ not in _ANDS:
        return []
    second = _name_from(doc, first.end + 1)
    return [first] if second is None else [first, second]


def road_ends(doc: Doc, routes: Collection[str]) -> list[Span]:
    """The names of the towns at the ends of the roads the text names (``routes``: the
    lower-case nouns of roads)."""
    out: list[Span] = []
    for i, lower in enumerate(columns.lowers(doc)):
        if lower in routes:
            out += _hyphened(doc, i) + _linked(doc, i)
    return out
