"""Acronyms an article defines: "the Harakat Nour al-Din Brigade (HNDB)", "U.S. Naval Forces
Central Command's (NAVCENT)". The acronym in brackets after an organisation's name names that
organisation there and wherever the article uses it again ("HNDB attacked", "HNDB fighters"),
whether the model read it as another organisation, a person, a place, or not at all: one actor,
one key, as issue 4 asks of "QSD", "SDF" and "Syrian Democratic Forces".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found
from kg.model import ActorType

__all__ = ["acronyms", "is_acronym_of"]

_POSSESSIVES = frozenset({"'s", "\u2019s"})
_BRACKETED = re.compile(r"\s*\([^)]*\)$")  # "National Liberation Army (Colombia)": the country


def is_acronym_of(acronym: str, name: str) -> bool:
    """ "HNDB" of "Harakat Nour al-Din Brigade", "NAVCENT" of "Naval Forces Central Command":
    two to ten capitals (digits allowed after the first), the first a word's initial in the
    name, each letter in the name's letters in order."""
    if not (2 <= len(acronym) <= 10 and acronym.isalnum() and acronym[0].isalpha()):
        return False
    if not acronym.isupper():
        return False
    words = name.replace("-", " ").split()
    letters = "".join(w for w in words if w[:1].isalnum()).lower()
    start = next((i for i, w in enumerate(words) if w[:1].lower() == acronym[0].lower()), None)
    if start is None:
        return False
    rest = "".join(words[start:]).lower()
    position = 0
    for char in acronym.lower():
        position = rest.find(char, position) + 1
        if position == 0:
            return False
    return len(acronym) <= len(letters)


def _defined(doc: Doc, found: list[Found]) -> dict[str, Found]:
    """Each acronym the article defines and the organisation's mention that defines it."""
    text = columns.texts(doc)
    out: dict[str, Found] = {}
    for f in found:
        if f.kind != "actor" or f.actor_type is ActorType.PERSON or f.end - f.start < 2:
            continue
        i = f.end + (f.end < len(doc) and text[f.end] in _POSSESSIVES)
        if i + 2 >= len(doc) or text[i] != "(" or text[i + 2] != ")":
            continue
        acronym = text[i + 1]
        if is_acronym_of(acronym, columns.text(doc[f.start : f.end])):
            out.setdefault(acronym, f)
    return out


def acronyms(doc: Doc, found: list[Found], taken: set[int]) -> list[Found]:
    """Make every use of a defined acronym a mention of its organisation: the mentions the
    model found for it take the organisation's identity (their span stays, "HNDB fighters"
    too), and a use no pass claimed becomes a mention. The new mentions (``taken``: the tokens
    claimed so far)."""
    _named_in_brackets(doc, found)
    defined = _defined(doc, found)
    if not defined:
        return []
    text = columns.texts(doc)
    covering = {i: f for f in found for i in range(f.start, f.end)}
    added: list[Found] = []
    for i, word in enumerate(text):
        owner = defined.get(word)
        if owner is None:
            continue
        f = covering.get(i)
        if f is None and i not in taken:
            added.append(Found("actor", i, i + 1, owner.key, owner.label,
                               actor_type=owner.actor_type, country=owner.country))  # fmt: skip
        elif f is not None and f is not owner and _names_it(doc, f, i):
            f.kind, f.key, f.label = "actor", owner.key, owner.label
            f.actor_type, f.place_type, f.country = owner.actor_type, None, owner.country
    return added


def _named_in_brackets(doc: Doc, found: list[Found]) -> None:
    """ "the National Liberation Army (ELN)": a name the gazetteer's actor bracketed after it
    is called by (its label, less the country: an acronym of another language, "ELN" of
    "Ejército de Liberación Nacional") is a mention of that actor, not one of its own."""
    text = columns.texts(doc)
    by_start = {f.start: f for f in found if f.kind == "actor"}
    for f in found:
        if f.kind != "actor" or f.end - f.start < 2 or f.end + 2 >= len(doc):
            continue
        if text[f.end] != "(" or text[f.end + 2] != ")":
            continue
        known = by_start.get(f.end + 1)
        if known is None or known.end != f.end + 2 or known.key == f.key:
            continue
        if _BRACKETED.sub("", known.label).lower() == columns.text(doc[f.start : f.end]).lower():
            f.key, f.label, f.actor_type, f.country = (
                known.key,
                known.label,
                known.actor_type,
                known.country,
            )


def _names_it(doc: Doc, f: Found, i: int) -> bool:
    """The mention is the acronym, or the acronym and common nouns ("HNDB fighters")."""
    return all(j == i or doc[j].is_lower for j in range(f.start, f.end))
