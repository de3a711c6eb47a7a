"""A crowd's protest and its riot told in one paragraph are one happening: "One man was hurt
in a running battle between police and residents of Lowtown. The residents were protesting
the presence of a gang in the area" tells one violent demonstration (ACLED codes the protest
that turned violent as that, once), not a peaceful protest beside it.

The same crowd (an actor both name, the later's subject naming the earlier's crowd again: "they",
"the residents"), the same day and no other place apart, in one paragraph, in two sentences,
the later opening no other happening ("Separately, ...").

A crowd's protest told, "they" then fighting the state's forces is that crowd rioting:
"Residents protested the arrest of a trader on Monday. They later clashed with police" tells
one violent demonstration, not a clash with no doer (the pronoun names the crowd of the
protest or riot told just before it, in its paragraph, with the same day and place)."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.continued import opens_another
from kg.extract.drafts import Draft, paragraph_start
from kg.extract.twins import merge_told_twice

__all__ = ["fold_crowd_fighting", "fold_protest_turned_violent"]

_PROTEST = "peaceful-protest"
_RIOT = "violent-demonstration"
_POINTING = frozenset({"the", "these", "those"})  # "The residents were protesting"
_FIGHTING = frozenset({"armed-clash", "mob-violence"})  # "They clashed with police"
_GOING_ON = frozenset({"later"})  # "They later clashed with police": the same crowd's day


def fold_protest_turned_violent(events: list[Draft], apart: Callable[[str], bool]) -> list[Draft]:
    """``events`` without the peaceful protests that a violent demonstration of the same
    crowd in their paragraph tells (see the module's docstring), each merged into that
    demonstration (``apart``: whether a place sets an event apart, a town not a country)."""
    riots = [e for e in events if e.event_class == _RIOT]  # "hurt during a running battle"
    dropped: set[int] = set()
    for p in events:
        if p.event_class != _PROTEST or p.background:
            continue
        riot = next((r for r in riots if _one_crowd(p, r, apart)), None)
        if riot is not None:
            merge_told_twice(riot, p)
            dropped.add(id(p))
    return [e for e in events if id(e) not in dropped]


def fold_crowd_fighting(
    events: list[Draft],
    apart: Callable[[str], bool],
    crowd: Callable[[str], bool],
    state: Callable[[str], bool],
) -> list[Draft]:
    """``events`` without the fights that "they" of a crowd's protest just told wage against
    the state's forces (see the module's docstring), each merged into that protest, which is
    then a violent demonstration (``crowd``, ``state``: whether an actor is a crowd, the state's
    forces)."""
    dropped: set[int] = set()
    for e in events:
        if e.event_class not in _FIGHTING or e.background or not _they_act(e):
            continue
        if any(not crowd(a) for a in e.agents) or not e.targets or not all(map(state, e.targets)):
            continue
        before = [o for o in events if o.sentence.start < e.sentence.start and id(o) not in dropped]
        host = max(before, key=lambda o: o.sentence.start, default=None)
        if host is None or host.event_class not in (_PROTEST, _RIOT) or host.background:
            continue
        if (
            not host.agents
            or not all(map(crowd, host.agents))
            or not _same_scene(host, e, apart, _GOING_ON)
        ):
            continue
        e.agents = list(host.agents)
        host.event_class = _RIOT
        merge_told_twice(host, e)
        dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _they_act(e: Draft) -> bool:
    """Whether the subject of ``e``'s trigger is "they"."""
    return any(c.dep_ == "nsubj" and c.lower_ == "they" for c in e.trigger.root.children)


def _same_scene(
    earlier: Draft, later: Draft, apart: Callable[[str], bool], going_on: frozenset[str]
) -> bool:
    """One paragraph, the later opening no other happening (but by the words ``going_on``),
    no other day, no other place apart."""
    if paragraph_start(earlier) != paragraph_start(later) or opens_another(later, going_on):
        return False
    if earlier.date is not None and later.date is not None and earlier.date != later.date:
        return False
    mine, theirs = {k for k in earlier.places if apart(k)}, {k for k in later.places if apart(k)}
    return not mine or not theirs or bool(mine & theirs)


def _one_crowd(p: Draft, r: Draft, apart: Callable[[str], bool]) -> bool:
    if not set(p.agents) & set(r.agents):
        return False
    earlier, later = sorted((p, r), key=lambda d: d.sentence.start)
    if later.sentence.start == earlier.sentence.start or not _crowd_named_again(later, earlier):
        return False
    return _same_scene(earlier, later, apart, frozenset())


def _crowd_named_again(later: Draft, earlier: Draft) -> bool:
    """Whether ``later``'s subject names ``earlier``'s crowd again: "they", or a definite
    plural of a noun ``earlier``'s sentence used ("residents of Lowtown ... The residents")."""
    root = later.trigger.root
    used = {t.lemma_.lower() for t in earlier.sentence if t.tag_ == "NNS"}
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (
            c.lower_ == "they"
            or (
                c.tag_ == "NNS"
                and c.lemma_.lower() in used
                and any(d.dep_ == "det" and d.lower_ in _POINTING for d in c.children)
            )
        )
        for c in root.children
    )
