"""Weapons and war machines told as a country's: "Russian missiles struck", "killed by a
Turkish drone", "Israel's gunboats shelled", "a Ukrainian artillery barrage".

A country's demonym or name right before a noun of a weapon or a war machine (``[states]
machine_nouns`` of ``kg/data/coref.toml``) names that country's forces where the machine acts
in its clause: it is the subject of a verb, the agent of a passive ("killed by a Turkish
drone"), or part of a noun of fire ("Turkish artillery fire"), and its own trigger then has
the state as its agent (:func:`machine_agent`). Not where someone else fires, buys or makes it
("rebels fired Russian missiles", "Russian-made missiles", "a Russian-built jet"), nor after a
prefix ("anti-Russian"). :class:`kg.extract.states.StateFinder` and
:class:`kg.extract.state_roles.StateRoles` read the countries' words with these rules.
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from kg.extract.found import Mentions
from kg.model import ActorType

__all__ = [
    "coordinated_fire",
    "hyphened",
    "machine_acts",
    "machine_agent",
    "machine_downed",
    "machine_firers",
    "machine_led",
    "shared_owner",
]

_NOUNS = frozenset({"NOUN", "PROPN"})
_OWNER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
_STATES = frozenset({ActorType.STATE_FORCES, ActorType.EXTERNAL_OTHER})


def machine_acts(noun: Token, machines: Set[str], fire: Set[str]) -> bool:
    """Whether ``noun`` is a weapon or war machine (its lemma in ``machines``) that acts in its
    clause: the subject of a verb ("Russian missiles struck"), the agent of a passive ("hit by
    a Turkish drone"), or a word of a noun of fire (its lemma in ``fire``: "a Turkish artillery
    barrage"); a conjunct as the first ("Russian jets and helicopters struck")."""
    if noun.lemma_.lower() not in machines:
        return False
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
        noun = noun.head
        if noun.lemma_.lower() in fire:
            return True
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ == "nsubj":
        return noun.head.pos_ in ("VERB", "AUX")
    return noun.dep_ == "pobj" and noun.head.dep_ == "agent"


def machine_downed(noun: Token, machines: Set[str], downing: Set[str]) -> bool:
    """Whether ``noun`` is a weapon or war machine (its lemma in ``machines``) brought down:
    the object of a verb of downing (``downing``; "shoot" with "down") or its passive subject
    ("shot down a US drone", "intercepted 25 of 30 Russian drones", "a military helicopter
    was downed"). Its owner is the side the downing fights; not a machine bought, made or
    shown."""
    if noun.lemma_.lower() not in machines:
        return False
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NUM":
        noun = of.head  # "25 of 30 drones"
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass", "npadvmod") or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma == "shoot":
        return any(c.lower_ == "down" for c in verb.children)
    return lemma in downing


def hyphened(token: Token) -> bool:
    """A word joined by a hyphen to the one before or after it: "anti-Russian", "Russian-made",
    "US-supplied" (the maker or the backer, not whose the machine is). A dash set off by
    spaces joins nothing: "(Reuters) - Russian missiles struck" after a wire dateline."""
    doc, i = token.doc, token.i
    before = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    after = i + 1 < len(doc) and doc[i + 1].text == "-" and not token.whitespace_
    return before or after


def machine_agent(head: Token, mentions: Mentions, machines: Set[str]) -> list[str]:
    """ "Russian missiles rained on the city", "killed by an Israeli missile": a trigger that
    is a weapon's noun has as its agent the state whose forces a word right before it names
    (the state mentions :mod:`kg.extract.states` made of the country's word there)."""
    if head.pos_ not in _NOUNS or head.lemma_.lower() not in machines:
        return []
    return _owning_forces(head, mentions)


def _owning_forces(noun: Token, mentions: Mentions) -> list[str]:
    """The state or international forces the words right before ``noun`` that own it name
    ("Russian", "Coalition")."""
    out = []
    for child in noun.lefts:
        found = mentions.at(child.i)
        if (
            child.dep_ in _OWNER_DEPS
            and found is not None
            and found.kind == "actor"
            and found.actor_type in _STATES
            # a state's armed forces, or an international force ("Coalition advisers")
            and (
                found.actor_type is ActorType.EXTERNAL_OTHER
                or found.label.startswith("Military Forces")
            )
            and found.key not in out
        ):
            out.append(found.key)
    return out


def machine_firers(head: Token, machines: Set[str], firing: Set[str]) -> list[int]:
    """ "the 12 missiles Russia launched", "rockets the militants fired": the subjects of a
    relative clause of firing (its verb in ``firing``) on a trigger that is a weapon's noun
    (its lemma in ``machines``), who used the weapon."""
    if head.pos_ not in _NOUNS or head.lemma_.lower() not in machines:
        return []
    return [
        s.i
        for clause in head.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in firing
        for s in clause.children
        if s.dep_ == "nsubj"
    ]


def machine_led(word: Token, machines: Set[str]) -> bool:
    """Whether a country's ``word`` stands before a noun a weapon's noun leads ("a Russian
    drone attack", "an Israeli missile strike"): the weapons it fires name its forces."""
    return not hyphened(word) and any(
        c.dep_ == "compound" and c.i > word.i and c.lemma_.lower() in machines
        for c in word.head.lefts
    )


def coordinated_fire(noun: Token, fire: Set[str]) -> bool:
    """Whether ``noun`` is the first of coordinated nouns that end in a noun of fire (its
    lemma in ``fire``): "Israeli air and artillery strikes", where the demonym before "air"
    is the strikes' own."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in fire for c in noun.children)


def shared_owner(head: Token, mentions: Mentions) -> list[str]:
    """ "Israeli air and artillery strikes": a trigger that is a later one of coordinated
    nouns (or a noun before one, "artillery") has as its agent the state whose forces a word
    before the first of them names, as the first has (:func:`machine_agent`), and those its
    own words name too ("Syrian government and Russian air strikes": both states' forces)."""
    noun = head
    if noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
        noun = noun.head
    if noun.dep_ != "conj" or noun.head.i > noun.i:
        return []
    own = _owning_forces(noun, mentions)  # "Syrian government and Russian air strikes"
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    first = _owning_forces(noun, mentions)
    return [*first, *(k for k in own if k not in first)]
