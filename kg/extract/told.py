"""The words a sentence tells of an event, for refining its type: without a protest's
grievance ("protested against an attack"), without aircraft that were hit ("opened fire on a
plane") and without words a prefix negates ("non-violent", "anti-aircraft"); and whether it
tells deaths rather than protest a killing."""

from __future__ import annotations

from spacy.tokens import Span, Token

_GRIEVANCE_PREPOSITIONS = frozenset({"against", "over", "after", "following", "about"})
_GRIEVANCE_VERBS = frozenset({"demand", "denounce", "condemn", "decry", "reject", "accuse"})
_GRIEVANCE_MARKS = frozenset({"after", "since", "because", "following"})
_AIRCRAFT = frozenset({"plane", "airplane", "aircraft", "jet", "helicopter", "drone", "airliner"})
_PREFIXES = frozenset({"non", "anti", "counter"})  # "non-violent", "anti-aircraft"
_DAMAGE_VERBS = frozenset({"destroy", "damage", "hit", "down", "shoot", "open", "fire", "seize"})

__all__ = ["deaths_told", "unstruck_lemmas", "without_grievance"]


def without_grievance(window: Span, protest_lemmas: frozenset[str]) -> list[Token]:
    """The words of a protest but those of its grievance: what follows "against", "over",
    "after", "following" a word of protest, the object of "to protest", or a verb of demanding
    ("demanding the arrest of those who burned")."""
    skipped: set[int] = set()
    for t in window:
        grievance = (
            t.dep_ == "prep"
            and t.lower_ in _GRIEVANCE_PREPOSITIONS
            and t.head.lemma_.lower() in protest_lemmas
        ) or (t.pos_ == "VERB" and t.lemma_.lower() in _GRIEVANCE_VERBS)
        if grievance and t.i not in skipped:
            skipped |= {c.i for child in t.children for c in child.subtree}
        elif t.dep_ == "dobj" and t.head.lemma_.lower() == "protest":
            skipped |= {c.i for c in t.subtree}  # "to protest the plan for mass arrests"
    return [t for t in window if t.i not in skipped]


def unstruck_lemmas(told: list[Token]) -> frozenset[str]:
    """The lemmas and lower-cased words of ``told`` but those of aircraft hit ("destroying two
    helicopters", "opened fire on a plane" tell no air strike) and those a prefix negates
    ("a non-violent demonstration" was not violent; "anti-aircraft guns" are no aircraft)."""
    struck, negated = _struck(told), _negated(told)
    words = [
        t for t in told
        if t.i not in negated and (t.i not in struck or t.lemma_.lower() not in _AIRCRAFT)
    ]  # fmt: skip
    return frozenset(t.lemma_.lower() for t in words) | frozenset(t.lower_ for t in words)


def _struck(told: list[Token]) -> set[int]:
    """Tokens of what a verb of damage acts on: "destroyed two helicopters", "hit a plane",
    "opened fire on a plane"."""
    out: set[int] = set()
    for t in told:
        if t.pos_ != "VERB" or t.lemma_.lower() not in _DAMAGE_VERBS:
            continue
        for c in t.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in ("on", "at")):
                out |= {x.i for x in c.subtree}
            if c.dep_ == "dobj" and c.lower_ == "fire":  # "opened fire on a plane"
                aimed = (p for p in c.children if p.dep_ == "prep" and p.lower_ in ("on", "at"))
                out |= {x.i for p in aimed for x in p.subtree}
    return out


def _negated(told: list[Token]) -> set[int]:
    """Words a prefix turns into their opposite or their defence: "non-violent", "nonviolent"
    (the model splits "non", "-", "violent"), "anti-aircraft guns" (no aircraft), "anti-riot
    police" (no riot)."""
    out: set[int] = set()
    for t in told:
        if t.i < 2:
            continue
        prefix, hyphen = t.doc[t.i - 2], t.doc[t.i - 1]
        glued = hyphen.text == "-" and not hyphen.whitespace_ and not prefix.whitespace_
        if glued and prefix.lower_ in _PREFIXES:
            out.add(t.i)
    return out


def deaths_told(window: Span, verbs: frozenset[str]) -> bool:
    """Whether the words tell that people died ("police killed two"), rather than name a
    killing as a grievance ("protested against the killing of", "after a man was killed")."""
    for t in window:
        if t.pos_ != "VERB" or t.lemma_.lower() not in verbs:
            continue
        if not any(c.dep_ == "mark" and c.lower_ in _GRIEVANCE_MARKS for c in t.children):
            return True
    return False
