"""Dissidents of a group named after their noun: "dissidents of the former Revolutionary Armed
Forces of Colombia (FARC)" are the group's dissidents the gazetteer knows (``farc-dissidents``),
not the group, which ACLED codes apart (a disbanded group's holdouts fight on without it)."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.lexicon import NamedActor

__all__ = ["dissidents_of"]

_NOUNS = frozenset({"dissident", "dissidents", "holdout", "holdouts"})
# words between "dissidents of" and the group's name: "of the former", "of the now-defunct"
_BETWEEN = frozenset({"the", "former", "ex", "-", "now", "defunct", "disbanded", "demobilised",
                      "demobilized", "guerrilla", "rebel"})  # fmt: skip
_SUFFIX = "-dissidents"


def dissidents_of(doc: Doc, found: list[Found], gazetteer: Mapping[str, NamedActor]) -> None:
    """Make each mention of a group after "dissidents of" (and its acronym in brackets right
    after it) a mention of the group's dissidents, where the gazetteer has them."""
    lower = columns.lowers(doc)
    by_start = {f.start: f for f in found if f.kind == "actor"}
    for f in list(by_start.values()):
        split = gazetteer.get(f"{f.key}{_SUFFIX}")
        if split is None:
            continue
        i = f.start - 1
        while i >= 0 and lower[i] in _BETWEEN:
            i -= 1
        if not (i >= 1 and lower[i] == "of" and lower[i - 1] in _NOUNS):
            continue
        bracketed = by_start.get(f.end + 1) if f.end < len(doc) and lower[f.end] == "(" else None
        group = f.key
        for mention in (f, bracketed):
            if mention is not None and mention.key == group:
                mention.key, mention.label = split.key, split.label
                mention.actor_type, mention.country = split.actor_type, split.country
