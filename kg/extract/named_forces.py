"""Forces named by a proper noun before "forces", for the generic rules
(:mod:`kg.extract.generic`).

News names a force the gazetteer does not know by its own name before the plural noun: "the
Asayish forces", "Lowtown Shield forces". The noun alone is a state's forces ("forces
shelled the town"), and so it stays where the name is a country's or its demonym's ("Syrian
forces"), a word of government, of a side or of a people ("regime forces", "rebel forces",
"Kurdish forces": the generic rules' words), a province's (a region's forces) or a name found
already (a person's, "Haftar forces", or a group's). Any other capitalised name makes the
forces its own: an armed group of that name, a political militia as ACLED codes unknown
groups, not the state's. Capitals that only open a sentence or fill a headline name no one.
"""

from __future__ import annotations

from collections.abc import Collection, Set

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.geo.admin1 import names_division

__all__ = ["force_name"]

_NAME_DEPS = frozenset({"amod", "compound", "nmod"})
_ARTICLES = frozenset({"the", "a", "an"})


def force_name(token: Token, taken: Collection[int], common: Set[str]) -> Span | None:
    """The name of the force that plural "forces" (``token``) names, the capitalised words
    right before it, or None; ``taken``: the tokens of names found already; ``common``:
    lower-case words that make the forces no group's own (demonyms and countries' names,
    government, side and people words)."""
    if token.lower_ != "forces":
        return None
    doc, start = token.doc, token.i
    while (
        start > 0
        and doc[start - 1].dep_ in _NAME_DEPS
        and doc[start - 1].head.i >= start
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].is_alpha
    ):
        start -= 1
    if start == token.i or (start > 0 and doc[start - 1].text == "-"):
        return None  # "anti-Houthi forces": a name after a prefix tells whom they fight
    name = doc[start : token.i]
    if any(i in taken for i in range(name.start, name.end)):
        return None  # "Haftar forces", "Tigray forces": a name found already tells whose
    if any(t.lower_ in common for t in name) or names_division(columns.text(name)):
        return None  # "Syrian Government forces", "Amhara forces"
    sentence = name[0].sent
    opening = name.start == sentence.start or (
        doc[name.start - 1].lower_ in _ARTICLES and name.start - 1 == sentence.start
    )
    if opening and name[0].pos_ != "PROPN" and not name[0].ent_type_:
        return None  # "Allied forces" opening a sentence: a capital, no name
    if not any(t.is_alpha and t.is_lower and not t.is_stop and len(t) > 2 for t in sentence):
        return None  # "Government Forces Retake Town": a headline's capitals
    return name
