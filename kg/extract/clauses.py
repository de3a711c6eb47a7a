"""Parse tests on an event's trigger and its clause, for the event finder
(:mod:`kg.extract.events`): an infinitive of purpose ("an attack to capture the base"), a
headline's passive ("trader hacked to death"), a crowd named as a verb's subject ("protesters
came out in Kut")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract import columns
from kg.extract.columns import Tree
from kg.extract.mentions import Mentions
from kg.model import ActorType

__all__ = ["crowd_verb", "headline_passive", "headline_passive_at", "names_protesters", "purpose"]

_ATTEMPTS = frozenset({"attempt", "bid", "effort", "try"})
_FORMING = frozenset({"set", "form", "create", "establish", "found", "raise"})  # "set up to fight"


def purpose(token: Token) -> bool:
    """Whether the trigger is an infinitive telling what an act or a group is for, not what
    happened: "an attack to capture the base" (the attack was fended off), "a vigilante force
    set up to fight jihadists"; but an attempt to attack is an attack (ACLED codes it)."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    head = token.head
    if token.dep_ == "acl":
        return head.lemma_.lower() not in _ATTEMPTS
    formed = head.dep_ == "acl" and head.lemma_.lower() in _FORMING
    return token.dep_ in ("advcl", "xcomp") and formed


def headline_passive(head: Token) -> bool:
    """ "5 militia members shot dead", "trader hacked to death": a verb of killing with a
    subject, no object and no auxiliary is a passive whose subject is the victim."""
    return headline_passive_at(columns.tree(head.doc), head.i)


def headline_passive_at(t: Tree, i: int) -> bool:
    """``headline_passive`` of token ``i``."""
    dep, lower, kids = t.dep, t.lower, t.kids
    if t.pos[i] != "VERB" or any(dep[c] in ("dobj", "aux", "auxpass") for c in kids[i]):
        return False
    dead = any(
        lower[c] == "dead" or (lower[c] == "to" and any(lower[g] == "death" for g in kids[c]))
        for c in kids[i]
    )
    return dead and any(dep[c] == "nsubj" for c in kids[i])


def crowd_verb(span: Span, mentions: Mentions, taken: set[int]) -> Span | None:
    """ "Protesters came out in Kut", "demonstrators rejected the nominee": a crowd named as
    the subject of a verb that is no trigger of its own protests; the verb anchors it."""
    found = mentions.at(span.root.i)
    token = span.root
    while token.dep_ == "pobj" and token.head.lower_ == "of":  # "hundreds of protesters"
        token = token.head.head
    head = token.head
    if found is None or found.actor_type != ActorType.PROTESTERS or token.dep_ != "nsubj":
        return None
    if head.pos_ != "VERB" or head.i in taken or mentions.at(head.i) is not None:
        return None
    return span.doc[head.i : head.i + 1]


def names_protesters(span: Span, mentions: Mentions) -> bool:
    """Whether the span names protesters, who protest even when the parse gives them no verb
    (in a sentence with no other trigger)."""
    found = mentions.at(span.root.i)
    return found is not None and found.actor_type == ActorType.PROTESTERS
