"""Who is asked or blamed, over spaCy's dependency parse: the one a verb of demand addresses
("X urged Y to halt its attacks", "X called on Y to stop", "X demanded that Y end its
siege"), the one a verb of blame or praise gives a reason to ("X condemned Y for its
attacks") and the one a verb of support helps ("X supports Y in its war"). A possessive in
what is asked, in the reason or in what is helped names that one, not the speaker who is the
clause's subject: coreference (:mod:`kg.extract.coref`) resolves it so, and the
relation rules (:mod:`kg.extract.sides`) read who is to act in an infinitive so.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from kg.extract.found import Found
from kg.model import ActorType

__all__ = ["addressed", "asked_actor", "asked_of", "demanded", "is_addressed"]

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_ADDRESSED = frozenset({"on", "upon", "to", "with"})  # "called on X", "appealed to X"
_REASONS = frozenset({"for", "of", "on"})  # "condemned Y for", "accused Y of", "congratulated Y on"
_OWNERS = frozenset({"its", "their", "his", "her"})  # possessives that may name the one asked
_CLIMB = 4  # how many heads up from the possessed noun the clause of what is asked is looked for


def demanded(clause: Token, demand_verbs: Set[str]) -> bool:
    """An infinitive the parse hangs as a clause of its own on a verb of demand, though
    it says what the verb's object is to do: "press the regime to cease strikes"."""
    return (
        clause.dep_ == "advcl"
        and clause.head.lemma_.lower() in demand_verbs
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def addressed(clause: Token, demand_verbs: Set[str]) -> list[Token]:
    """Who a verb of demand addresses through a preposition ("called on X to stop",
    "appealed to X to end"): the one to do what the infinitive ``clause`` says."""
    verb = clause.head
    if verb.lemma_.lower() not in demand_verbs:
        return []
    return [o for p in verb.children if p.dep_ == "prep" and p.lower_ in _ADDRESSED
            for o in p.children if o.dep_ == "pobj"]  # fmt: skip


def asked_of(
    pronoun: Token,
    demand_verbs: Set[str],
    accuse_verbs: Set[str],
    support_verbs: Set[str] = frozenset(),
) -> list[Token]:
    """The heads of the noun phrases a possessive pronoun names when it stands in what a
    verb of demand asks (the verb's object, the one it calls on, or the subject of the
    clause it demands) or in the reason a verb of blame or praise gives (its object: "X
    condemned Y for its attacks", "X thanked Y for their fight"; not deeper in the reason,
    "X accused Y of shelling their positions": X's), or in what a verb of support helps its
    object in ("X supports Y in its campaign against Z": Y's campaign; ``support_verbs``).
    Empty when it stands in none."""
    if pronoun.dep_ != "poss" or pronoun.lower_ not in _OWNERS:
        return []
    t = pronoun.head
    reason = t.dep_ in ("pobj", "pcomp") and t.head.lower_ in _REASONS
    if reason and t.head.head.lemma_.lower() in accuse_verbs:
        return [c for c in t.head.head.children if c.dep_ == "dobj"]
    if t.dep_ == "pobj" and t.head.lower_ == "in":  # "support Y in its fight"
        helped = t.head.head  # the parse hangs "in" on the verb or on its object
        helper = helped.head if helped.dep_ == "dobj" else helped
        if helper.pos_ == "VERB" and helper.lemma_.lower() in support_verbs:
            return [c for c in helper.children if c.dep_ == "dobj"]
    for _ in range(_CLIMB):
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in demand_verbs:
            return [c for c in t.children if c.dep_ in _SUBJECTS]  # "demanded that Y stop"
        if t.dep_ == "xcomp" or demanded(t, demand_verbs):
            if t.head.lemma_.lower() not in demand_verbs:
                return []
            objects = [c for c in t.head.children if c.dep_ == "dobj"]
            return objects + addressed(t, demand_verbs)
        if t.head == t:
            return []
        t = t.head
    return []


def asked_actor(
    pronoun: Token,
    actors: list[Found],
    demand_verbs: Set[str],
    accuse_verbs: Set[str],
    support_verbs: Set[str] = frozenset(),
) -> Found | None:
    """The actor a possessive in what is asked or blamed names: the one asked or blamed,
    when one of ``actors`` (the mentions found so far) names it and it may own the thing:
    "its" one actor, not "the rebels"; "his" and "her" a person, "its" and "their" none."""
    for head in asked_of(pronoun, demand_verbs, accuse_verbs, support_verbs):
        for found in actors:
            if found.start <= head.i < found.end and found.actor_type is not None:
                if pronoun.lower_ == "its" and head.tag_ in ("NNS", "NNPS"):
                    return None
                if (pronoun.lower_ in ("his", "her")) != (found.actor_type is ActorType.PERSON):
                    return None
                return found
    return None


def is_addressed(token: Token, demand_verbs: Set[str]) -> bool:
    """The noun is the one a verb of demand addresses: its object ("urged Russia to act") or
    the object of its preposition ("called on Russia to stop", "appealed to Turkey"). One
    asked to act is a party the speaker addresses, not a place events happen in."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # "called on Russia and Iran"
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ in _ADDRESSED:
        verb = verb.head
    elif token.dep_ != "dobj":
        return False
    return verb.lemma_.lower() in demand_verbs and verb.pos_ in ("VERB", "AUX")
