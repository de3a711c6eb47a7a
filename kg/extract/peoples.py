"""Nations named by their people where the plural is not the demonym and -s: "especially
the Turks", "the French withdrew", "the Chinese". :mod:`kg.extract.phrases` makes "the
Iraqis" and "Syrians" (a demonym and -s) a mention of the nation's people, an organisation
of that country (re3d annotates "the Turks", "the Iraqis", "The French" as organisations);
this does the same for the others, so that they are actors, and ends of the relations their
sentences state. Only after "the" and as a noun phrase of its own: "French troops", "the
British government" and "the Turks' position" are a modifier's or an owner's, left alone.

A demonym ending in -ese, -ch, -sh or -ss is its own plural ("the Chinese", "the French",
"the British", "the Swiss"); the irregular ones ("Turks", "Poles") are listed in
``kg/data/coref.toml`` (``[peoples]``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from kg.errors import ResourceError
from kg.extract import columns
from kg.extract.found import Found, Mentions
from kg.extract.lexicon import Country, read_toml
from kg.keys import name_key
from kg.model import ActorType
from kg.resources import data_dir

__all__ = ["find_peoples", "load_irregular", "people_names"]

_OWN_PLURAL = ("ese", "ch", "sh", "ss")
# the parse's roles of a noun phrase standing on its own
_NOUN_ROLES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "npadvmod"}
)


@functools.cache
def load_irregular(path: Path | None = None) -> dict[str, str]:
    """The peoples' plural names that are not their demonym nor the demonym and -s: name ->
    the country's ISO code (``[peoples]`` of ``kg/data/coref.toml``)."""
    path = path or data_dir() / "coref.toml"
    try:
        return {str(k).lower(): str(v).upper() for k, v in read_toml(path)["peoples"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(path, f"missing or malformed table {exc}") from exc


def people_names(countries: Iterable[Country], irregular: dict[str, str]) -> dict[str, str]:
    """Each people's plural name that is not its demonym and -s, lower-cased -> its
    country's ISO code."""
    out: dict[str, str] = {}
    for country in countries:
        names = {country.name.lower(), *(a.lower() for a in country.aliases)}
        for demonym in country.demonyms:
            word = demonym.lower()
            if word.isalpha() and word not in names and word.endswith(_OWN_PLURAL):
                out.setdefault(word, country.iso)
    return {**out, **irregular}


def find_peoples(doc: Doc, mentions: Mentions, names: dict[str, str]) -> list[Found]:
    """The nations ``doc`` names by their people after "the", as a noun phrase of their own
    and in no mention yet: mentions of the people, as :mod:`kg.extract.phrases` makes them."""
    taken = {i for f in (*mentions.found, *mentions.references) for i in range(f.start, f.end)}
    out = []
    lower = columns.lowers(doc)
    for i, word in enumerate(lower):  # no Token made for other words
        iso = names.get(word)
        if iso is None or i == 0 or lower[i - 1] != "the":
            continue
        token = doc[i]
        if token.dep_ not in _NOUN_ROLES or not token.text[:1].isupper() or token.i in taken:
            continue
        if any(c.dep_ == "case" for c in token.children):
            continue  # "the Turks' position": an owner, not a side named here
        out.append(
            Found(
                "actor",
                token.i - 1,
                token.i + 1,
                name_key(token.text),
                token.text,
                actor_type=ActorType.ORGANISATION,
                country=iso,
                reference=True,
            )
        )
    return out
