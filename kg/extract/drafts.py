"""The event draft handed between the event stages, and the parse walks they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.model import ActorType, DatePrecision

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
ARMED = frozenset({ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                   ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER})  # fmt: skip
NOT_FIGHTERS = frozenset({ActorType.MEDIA, ActorType.ORGANISATION})
UNARMED = frozenset({ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS})


@dataclass(slots=True)
class Draft:
    """An event while it is being put together (token offsets into the Doc)."""

    event_class: str
    trigger: Span
    sentence: Span
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    time: Span | None = None
    date: dt.date | None = None
    precision: DatePrecision = DatePrecision.DAY
    time_inherited: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    reported_by: list[str] = field(default_factory=list)
    confidence: float = 0.5
    # told as the setting of another event: "during clashes", "amid shelling", "backed by
    # airstrikes", "as the offensive continued"
    background: bool = False
    # an infinitive naming what an act or a group is for: "an attack to capture the base"
    aim: bool = False


_SETTING_PREPOSITIONS = frozenset({"amid", "amidst", "during", "under", "despite"})
_SETTING_MARKS = frozenset({"as", "while", "amid"})
_SUPPORT_VERBS = frozenset({"back", "support", "aid", "accompany", "cover", "assist"})


def is_background(token: Token) -> bool:
    """Whether the phrase of ``token`` sets the scene of its clause rather than telling its
    event: "during the clashes", "amid shelling", "forces backed by airstrikes", "as the
    offensive went on"; "the villages that had been taken over": what had happened before."""
    if token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children):
        return True
    for _ in range(8):
        head = token.head
        if head == token:
            return False
        if token.dep_ == "pobj" and head.lower_ in _SETTING_PREPOSITIONS:
            return True
        if is_support(token):
            return True
        if token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _SETTING_MARKS for c in token.children
        ):
            return True
        token = head
    return False


def is_support(token: Token) -> bool:
    """ "backed by airstrikes", "supported by artillery": fire in support of someone."""
    head = token.head
    return token.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in _SUPPORT_VERBS


def walk(token: Token, stop: set[int]) -> list[int]:
    """The indices of the tokens of ``walk_depth``, in its order (depths not counted)."""
    kids = _walked_children(token.doc)
    out = []
    todo = [token.i]
    while todo:
        i = todo.pop()
        out.append(i)
        todo += [child for child, _ in kids[i] if child not in stop]
    return out


def walk_depth(token: Token, stop: set[int]) -> list[tuple[int, int]]:
    """The token and its dependents (index, depth), not entering nested clauses, other
    triggers, or modifiers such as "Al Qaeda-linked"."""
    kids = _walked_children(token.doc)
    out = []
    todo = [(token.i, 0)]
    while todo:
        i, depth = todo.pop()
        out.append((i, depth))
        for child, step in kids[i]:
            if child not in stop:
                todo.append((child, depth + step))
    return out


def _walked_children(doc: Any) -> tuple[tuple[tuple[int, int], ...], ...]:
    """For each token, the children ``walk_depth`` may enter, with the depth each adds (0 for
    a conjunct, a coordinator or an apposition), found once per Doc."""
    walked: tuple[tuple[tuple[int, int], ...], ...] | None = doc.user_data.get(_WALKED)
    if walked is None:
        dep, pos, lower = columns.deps(doc), columns.poses(doc), columns.lowers(doc)
        entered = [
            not (
                dep[i] in CLAUSE_DEPS
                or (dep[i] == "amod" and pos[i] == "VERB")
                or (dep[i] == "prep" and lower[i] == "according")
            )
            for i in range(len(dep))
        ]
        kids: list[list[tuple[int, int]]] = [[] for _ in range(len(dep))]
        for i, head in enumerate(columns.heads(doc)):  # ``columns.children``'s order
            if head != i and entered[i]:
                kids[head].append((i, 0 if dep[i] in ("conj", "cc", "appos") else 1))
        walked = doc.user_data[_WALKED] = tuple(map(tuple, kids))
    return walked


_WALKED = "kg.walked_children"


def dedup(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
