"""A crowd's protest and its riot told in one paragraph are one happening: "One man was hurt
in a running battle between police and residents of Lowtown. The residents were protesting
the presence of a gang in the area" tells one violent demonstration (ACLED codes the protest
that turned violent as that, once), not a peaceful protest beside it.

The same crowd (an actor both name, the later's subject naming the earlier's crowd again: "they",
"the residents"), the same day and no other place apart, in one paragraph, in two sentences,
the later opening no other happening ("Separately, ...")."""

from __future__ import annotations

from collections.abc import Callable

from kg.extract import columns
from kg.extract.continued import opens_another
from kg.extract.drafts import Draft
from kg.extract.twins import merge_told_twice

__all__ = ["fold_protest_turned_violent"]

_PROTEST = "peaceful-protest"
_RIOT = "violent-demonstration"
_POINTING = frozenset({"the", "these", "those"})  # "The residents were protesting"


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


def _one_crowd(p: Draft, r: Draft, apart: Callable[[str], bool]) -> bool:
    if not set(p.agents) & set(r.agents) or _paragraph(p) != _paragraph(r):
        return False
    earlier, later = sorted((p, r), key=lambda d: d.sentence.start)
    if later.sentence.start == earlier.sentence.start or opens_another(later):
        return False
    if not _crowd_named_again(later, earlier):
        return False
    if p.date is not None and r.date is not None and p.date != r.date:
        return False
    mine, theirs = {k for k in p.places if apart(k)}, {k for k in r.places if apart(k)}
    return not mine or not theirs or bool(mine & theirs)


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


def _paragraph(e: Draft) -> int:
    """Where the paragraph of ``e``'s sentence starts: after the last line break before it."""
    text = columns.doc_text(e.sentence.doc)
    return text.rfind("\n", 0, e.sentence.start_char)
