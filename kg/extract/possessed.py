"""Armed men a possessive pronoun gives to a group named before it: "Hamas said its fighters
attacked the convoy", "the rebels of the Front said their gunmen ..." are the group's men, as
"fighters of Hamas" and "Hamas's fighters" are (:mod:`kg.extract.generic` leaves those to the
name); not an unidentified armed group of the article's country."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.drafts import ARMED
from kg.extract.found import Found

__all__ = ["group_owned"]

_POSSESSIVES = frozenset({"its", "their"})


def group_owned(doc: Doc, generics: list[Found], named: list[Found]) -> None:
    """Make each generic mention of armed men, subject of its clause, whose noun a
    possessive pronoun owns ("its fighters attacked") a mention of the armed group ``named``
    (the article's names of actors) last names before the pronoun in its sentence; none when
    the sentence names no armed group before it. The mention is resolved (no name of the
    group: ``Found.resolved``)."""
    groups = sorted(
        (f for f in named if f.kind == "actor" and f.actor_type in ARMED and not f.resolved),
        key=lambda f: f.start,
    )
    for f in generics:
        if f.kind != "actor" or f.actor_type not in ARMED:
            continue
        noun = doc[f.end - 1]
        if noun.dep_ != "nsubj":
            continue  # "tens of its militias defected": a part of the group, acted on
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ not in _POSSESSIVES:
            continue
        start = owner.sent.start
        before = [g for g in groups if start <= g.start and g.end <= owner.i]
        if not before:
            continue
        group = before[-1]
        f.key, f.label, f.actor_type, f.country = (
            group.key,
            group.label,
            group.actor_type,
            group.country,
        )
        f.state, f.external, f.assumed_country, f.resolved = (
            group.state,
            group.external,
            False,
            True,
        )
