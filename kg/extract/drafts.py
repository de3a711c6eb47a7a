"""The event draft handed between the event stages, and the parse walks they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from kg.extract import columns, parse_tree
from kg.extract.found import Found
from kg.extract.parse_tree import Tree
from kg.model import ActorType, DatePrecision

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
ARMED = frozenset({ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                   ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER})  # fmt: skip
NOT_FIGHTERS = frozenset({ActorType.MEDIA, ActorType.ORGANISATION})
UNARMED = frozenset({ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS})
# the event classes of ground changing hands (a capture is no retelling of a fight, nor of
# another capture)
TAKINGS = frozenset({"government-regains-territory", "non-state-actor-overtakes-territory"})


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
    # dated before the day the story tells ("the previous day", "two days earlier"): told to
    # explain that day's happening, its own date no reason to rank it first
    told_before: bool = False
    # dated by the day a statement in its sentence was said, not a day of its own: "X killed
    # 21, the government said on Wednesday" (kg.extract.said_days)
    said_day: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    reported_by: list[str] = field(default_factory=list)
    confidence: float = 0.5
    # told as the setting of another event: "during clashes", "amid shelling", "backed by
    # airstrikes", "as the offensive continued"
    background: bool = False
    # an infinitive naming what an act or a group is for: "an attack to capture the base"
    aim: bool = False
    # the agents are those who claimed the act: "X claimed responsibility for the attack"
    claimed: bool = False
    # the subject's mentions of people of the same kind as the target ("angry residents
    # attacked a man": civilians both), left out of the agents: a riot or a protest makes them
    # its rioters or protesters (kg.extract.roles), not the same node as their victim
    shared_agents: list[Found] = field(default_factory=list)
    # keys both agent and target, each side naming them by words of its own: "gunmen shot dead
    # a militia commander" (kg.extract.argument_parts.told_apart)
    both_sides: set[str] = field(default_factory=set)
    # the mentions the event's subject and objects name, by the key they had then: once a
    # riot makes some civilians rioters, the event keeps the identity its own words took
    # (kg.extract.roles: the victims of an attack stay civilians)
    role_mentions: dict[str, list[Found]] = field(default_factory=dict)
    # drafts folded into this one before classification, each with the names of the figures
    # this one took from it: they stand on their own if classification drops this one or makes
    # it an event that cannot hold them (kg.extract.events)
    folded: list[tuple[Draft, tuple[str, ...]]] = field(default_factory=list)


def absorb(host: Draft, d: Draft) -> None:
    """``d`` told as part of ``host``: the host takes the figures it lacks and keeps ``d``."""
    taken = tuple(name for name in d.counts if name not in host.counts)
    for name in taken:
        host.counts[name] = d.counts[name]
    host.folded.append((d, taken))


_SETTING_PREPOSITIONS = frozenset({"amid", "amidst", "during", "under", "despite"})
_SETTING_MARKS = frozenset({"as", "while", "amid"})
_SUPPORT_VERBS = frozenset({"back", "support", "aid", "accompany", "cover", "assist"})


def is_background(token: Token) -> bool:
    """Whether the phrase of ``token`` sets the scene of its clause rather than telling its
    event: "during the clashes", "amid shelling", "forces backed by airstrikes", "as the
    offensive went on"; "the villages that had been taken over": what had happened before."""
    return is_background_at(parse_tree.tree(token.doc), token.i)


def is_background_at(t: Tree, i: int) -> bool:
    """``is_background`` of token ``i``."""
    dep, lower, kids = t.dep, t.lower, t.kids
    if dep[i] == "relcl" and any(dep[c] == "aux" and lower[c] == "had" for c in kids[i]):
        return True
    for _ in range(8):
        head = t.head[i]
        if head == i:
            return False
        if dep[i] == "pobj" and lower[head] in _SETTING_PREPOSITIONS:
            return True
        if is_support_at(t, i):
            return True
        if dep[i] == "advcl" and any(
            dep[c] == "mark" and lower[c] in _SETTING_MARKS for c in kids[i]
        ):
            return True
        i = head
    return False


def is_support(token: Token) -> bool:
    """ "backed by airstrikes", "supported by artillery": fire in support of someone."""
    return is_support_at(parse_tree.tree(token.doc), token.i)


def is_support_at(t: Tree, i: int) -> bool:
    """``is_support`` of token ``i``."""
    head = t.head[i]
    return (
        t.dep[i] == "pobj"
        and t.dep[head] == "agent"
        and t.raw_lemma[t.head[head]] in _SUPPORT_VERBS
    )


def walk(token: Token, stop: set[int]) -> list[int]:
    """The indices of the tokens of ``walk_depth``, in its order (depths not counted)."""
    return walk_from(token.doc, token.i, stop)


def walk_from(doc: Any, i: int, stop: set[int]) -> list[int]:
    """``walk`` from token ``i`` of ``doc``."""
    kids = _walked_children(doc)
    out = []
    todo = [i]
    while todo:
        i = todo.pop()
        out.append(i)
        todo += [child for child, _ in kids[i] if child not in stop]
    return out


def walk_depth(token: Token, stop: set[int]) -> list[tuple[int, int]]:
    """The token and its dependents (index, depth), not entering nested clauses, other
    triggers, or modifiers such as "Al Qaeda-linked"."""
    return walk_depth_from(token.doc, token.i, stop)


def walk_depth_from(doc: Any, i: int, stop: set[int]) -> list[tuple[int, int]]:
    """``walk_depth`` from token ``i`` of ``doc``."""
    kids = _walked_children(doc)
    out = []
    todo = [(i, 0)]
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
        kids: list[list[tuple[int, int]]] = [[] for _ in range(len(dep))]
        # ``columns.children``'s order; not entering clauses, "Al Qaeda-linked", "according"
        for i, (head, d) in enumerate(zip(columns.heads(doc), dep, strict=True)):
            if head == i or d in CLAUSE_DEPS:
                continue
            if (d == "amod" and pos[i] == "VERB") or (d == "prep" and lower[i] == "according"):
                continue
            kids[head].append((i, 0 if d in _FLAT else 1))
        walked = doc.user_data[_WALKED] = tuple(map(tuple, kids))
    return walked


_WALKED = "kg.walked_children"
_FLAT = frozenset({"conj", "cc", "appos"})  # dependents at their head's depth


def phrase_head(token: Token, inside: frozenset[str], steps: int) -> Token:
    """The token heading the phrase ``token`` is part of: up through the dependencies in
    ``inside`` (compounds, modifiers, conjuncts), at most ``steps`` times."""
    for _ in range(steps):
        if token.dep_ not in inside or token.head.i == token.i:
            break
        token = token.head
    return token


def paragraph_start(d: Draft) -> int:
    """Where the paragraph of ``d``'s sentence starts: the last line break before it (-1 in
    the first paragraph); two drafts of one paragraph share it."""
    return columns.doc_text(d.sentence.doc).rfind("\n", 0, d.sentence.start_char)


def own_day(d: Draft) -> bool:
    """Whether ``d``'s day is told in its own sentence: by its clause, or as the sentence's
    setting ("On 6 May, troops stormed the camp"), not carried from another sentence."""
    if d.time is None:
        return False
    if not d.time_inherited:
        return True
    first = columns.sentence_starts(d.trigger.doc)[d.trigger.start]
    before = [t for t in d.trigger.doc[first : d.time.start] if not t.is_punct]
    # opening the sentence ("On 6 May, ..."), not told of another clause ("..., the watchdog
    # said yesterday") nor of another sentence
    opens = d.time.start >= first and all(t.pos_ == "ADP" for t in before) and len(before) < 2
    return opens and d.time.start < d.trigger.start


def same_day(a: Draft, b: Draft) -> bool:
    """Whether two drafts may tell one day: unless each tells its own day and those differ
    (resolved, or in words where neither resolves: "on 6 May" and "the following day"; one
    resolved and one not, "in 2020", may be one)."""
    if not (own_day(a) and own_day(b)) or a.time is None or b.time is None:
        return True
    if a.date is not None and b.date is not None:
        return a.date == b.date
    if a.date is not None or b.date is not None:
        return True  # "in 2020" and "on 22 December 2020": one may be the other
    return columns.text(a.time).lower() == columns.text(b.time).lower()


def take_account(host: Draft, d: Draft) -> None:
    """``d`` tells ``host``'s event again: its sources, the figures the host lacks and its own
    date (where the host's is only inherited from another sentence) are the host's."""
    host.reported_by = dedup([*host.reported_by, *d.reported_by])
    for name, value in d.counts.items():
        host.counts.setdefault(name, value)
    if host.time_inherited and not d.time_inherited and not own_day(host):
        host.time, host.date, host.precision = d.time, d.date, d.precision
        host.time_inherited = False


def dedup(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
