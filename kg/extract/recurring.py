"""Organisations' names where they recur: a name the model read as an organisation once
("CTF 150 will lead the exercise") names it wherever the article writes it again and no pass
claimed those words ("The French led CTF 150 last year"): news names a body once and goes on
using the name, and the model, reading each sentence apart, often misses the later uses. A
number that ends a unit's name, and that the article writes with it again, belongs to it ("CTF
150 will lead ... joined CTF 150").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.roots import span_root
from kg.model import ActorType

__all__ = ["numbered", "recurring"]

# the types of actors named by proper names that recur as written; a person's name recurs by
# surname (person_names.surnames), and generic actors are no names
_NAMED = frozenset({ActorType.ORGANISATION, ActorType.STATE_FORCES, ActorType.REBEL_GROUP,
                    ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA,
                    ActorType.EXTERNAL_OTHER, ActorType.MEDIA})  # fmt: skip


def numbered(
    doc: Doc, start: int, end: int, units: Collection[str] = (), words: Collection[str] = ()
) -> int:
    """The end of a name with the number that ends it: "CTF 150" (the number bound to the name
    in the parse, not one counting what follows: "ISIL 12 vehicles"; and written with the name
    again in the article, not a hull number "DDG 72" or a channel "NileSat 102" named once),
    "Mobile Unit Two" (after a unit's noun of ``units``, its designation, a number or a number
    word of ``words``, named once or more: ``kg/data/names.toml``)."""
    if end >= len(doc):
        return end
    number = doc[end]
    unit = doc[end - 1].text[:1].isupper() and doc[end - 1].lower_ in units
    word = unit and number.text.istitle() and number.lower_ in words
    if not (number.is_digit and len(number.text) <= 4) and not word:
        return end
    if end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN") and doc[end + 1].is_lower:
        return end  # "ISIL 12 vehicles" would be a count
    bound = start <= number.head.i < end or columns.heads(doc)[span_root(doc, start, end)] == end
    if not bound:
        return end
    if unit:
        return end + 1
    # and the article writes them together again: a name, not a hull number or a channel
    text = columns.texts(doc)
    words = text[start : end + 1]
    n = len(words)
    uses = sum(text[i : i + n] == words for i in range(len(doc) - n + 1))
    return end + 1 if uses > 1 else end


def _is_name(doc: Doc, f: Found) -> bool:
    text, punct = columns.texts(doc), columns.is_puncts(doc)
    return (
        f.kind == "actor"
        and f.actor_type in _NAMED
        and not f.resolved
        and columns.poses(doc)[f.start] == "PROPN"
        and all(
            text[i][:1].isupper() or punct[i] or doc[i].is_digit  # a Token for the rest only
            for i in range(f.start, f.end)
        )
    )


def _other_entity(token: Token) -> bool:
    """The model labelled the word as an entity other than an organisation: a number ending a
    unit's name is a number or a date to it ("CTF 50 is", "led CTF 50 last year"), and a name
    with its number a law's ("part of CTF 50", as "Resolution 2254"), which it is not where
    the name is an organisation's elsewhere."""
    label = token.ent_type_
    return label not in ("", "ORG", "LAW") and not token.is_digit


def recurring(doc: Doc, found: list[Found], taken: set[int]) -> list[Found]:
    """A mention wherever an organisation's name recurs as written, outside ``taken`` (the
    tokens claimed so far) and not inside a longer capitalised name."""
    text = columns.texts(doc)
    places = {f.key for f in found if f.kind == "place"}
    names: dict[tuple[str, ...], Found] = {}
    for f in found:
        if _is_name(doc, f) and f.key not in places:  # "the Tharthar regulator": a place's
            names.setdefault(tuple(text[f.start : f.end]), f)
    added: list[Found] = []
    claimed = set(taken)
    starts: dict[str, list[int]] = {}  # where each word is written, in text order
    for i, word in enumerate(text):
        starts.setdefault(word, []).append(i)
    for words, owner in names.items():
        n = len(words)
        for i in starts.get(words[0], ()):
            if tuple(text[i : i + n]) != words or any(j in claimed for j in range(i, i + n)):
                continue
            if any(_other_entity(doc[j]) for j in range(i, i + n)):
                continue  # the model read those words as something else there (a title...)
            before = doc[i - 1] if i else None
            after = doc[i + n] if i + n < len(doc) else None
            if (before is not None and before.pos_ == "PROPN" and before.text[:1].isupper()) or (
                after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()
            ):
                continue  # part of a longer name
            added.append(Found("actor", i, i + n, owner.key, owner.label,
                               actor_type=owner.actor_type, country=owner.country))  # fmt: skip
            claimed.update(range(i, i + n))
    return added
