"""Parse tests on an event's trigger and its clause, for the event finder
(:mod:`kg.extract.events`): an infinitive of purpose ("an attack to capture the base"), a
headline's passive ("trader hacked to death"), a crowd named as a verb's subject ("protesters
came out in Kut"), a participle that describes another trigger's object ("fighters firing
on the troops")."""

from __future__ import annotations

import functools
from typing import NamedTuple

from spacy.tokens import Span, Token

from kg.extract import parse_tree
from kg.extract.found import Mentions
from kg.extract.lexicon import read_words
from kg.extract.parse_tree import Tree
from kg.model import ActorType

__all__ = [
    "abstract_object",
    "crowd_verb",
    "describes_object",
    "fought_for_ground",
    "headline_passive",
    "headline_passive_at",
    "names_protesters",
    "purpose",
    "shared_agent",
    "showcase",
    "shown_in_showcase",
]

_ATTEMPTS = frozenset({"attempt", "bid", "effort", "try"})
# participles that describe a noun ("fighters firing on", "equipment captured near")
_DESCRIBING_TAGS = frozenset({"VBG", "VBN"})
# the fighting and taking of ground a participle may describe a thing by ("fighters firing
# on", "equipment captured near"); not killings ("claimed 8 soldiers killed": the killing is
# told), nor crowds, arrests or flight ("police dispersed people protesting": they protested)
_DESCRIBING = frozenset({"attack", "armed-clash", "territory", "violence", "bombard", "strike",
                         "shelling-artillery-missile-attack", "air-drone-strike"})  # fmt: skip
_FORMING = frozenset({"set", "form", "create", "establish", "found", "raise"})  # "set up to fight"
# verbs of fighting whose infinitive tells what the fight was for ("fought to retake the town":
# a battle, its outcome untold)
_FIGHTING = frozenset({"fight", "battle", "struggle"})


def purpose(token: Token) -> bool:
    """Whether the trigger is an infinitive telling what an act or a group is for, not what
    happened: "an attack to capture the base" (the attack was fended off), "a vigilante force
    set up to fight jihadists", "soldiers fought to retake the town" (the fight is told, its
    outcome not); but an attempt to attack is an attack (ACLED codes it)."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    head = token.head
    if token.dep_ == "acl":
        return head.lemma_.lower() not in _ATTEMPTS
    if token.dep_ in ("advcl", "xcomp") and head.lemma_.lower() in _FIGHTING:
        return True
    formed = head.dep_ == "acl" and head.lemma_.lower() in _FORMING
    return token.dep_ in ("advcl", "xcomp") and formed


def abstract_object(t: Tree, i: int, abstract: frozenset[str]) -> bool:
    """Whether the verb at ``i`` acts on no one and no place but a thing of words, a plan or a
    scourge (``abstract_objects``): "fought corruption", "advanced a political solution",
    "attacked the decision" tell no violence."""
    if t.pos[i] != "VERB":
        return False
    objects = [c for c in t.kids[i] if t.dep[c] == "dobj"]
    return bool(objects) and all(t.lemma[o] in abstract for o in objects)


def fought_for_ground(verb: Token, taken_verbs: frozenset[str]) -> bool:
    """Whether ``verb`` fights to take ground: "fought to free the town", "battled to retake
    Hightown" (the infinitive its clause governs or, where the parse reads "to" as a
    preposition and "free" as an adjective, the word after its "to")."""
    doc = verb.doc
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in taken_verbs:
            return True
        if c.dep_ != "prep" or c.lower_ != "to" or c.i + 1 >= len(doc):
            continue
        if {doc[c.i + 1].lower_, doc[c.i + 1].lemma_.lower()} & taken_verbs:
            return True
    return False


def headline_passive(head: Token) -> bool:
    """ "5 militia members shot dead", "trader hacked to death": a verb of killing with a
    subject, no object and no auxiliary is a passive whose subject is the victim."""
    return headline_passive_at(parse_tree.tree(head.doc), head.i)


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


def shared_agent(t: Tree, i: int) -> list[int]:
    """The agents (tokens) of a passive verb without its own "by" phrase that the last of its
    coordinated passives has: "2 were killed and 1 was wounded by a drone", "were killed and
    wounded by rebels" (one "by" phrase tells who did all); none when a conjunct is active."""
    dep, kids = t.dep, t.kids
    if not _passive(t, i):
        return []
    last = i
    while True:
        later = [c for c in kids[last] if dep[c] == "conj" and c > last and t.pos[c] == "VERB"]
        if not later:
            break
        last = later[-1]
        if not _passive(t, last) and t.tag[last] != "VBN":
            return []  # "were killed and the gunmen fled"
    agents = [c for c in kids[last] if dep[c] == "agent"] if last != i else []
    return [p for a in agents for p in kids[a] if dep[p] == "pobj"]


def _passive(t: Tree, i: int) -> bool:
    """A participle with a passive subject or auxiliary ("were killed")."""
    return t.tag[i] == "VBN" and any(t.dep[c] in ("nsubjpass", "auxpass") for c in t.kids[i])


def crowd_verb(span: Span, mentions: Mentions, taken: set[int]) -> Span | None:
    """ "Protesters came out in Kut", "demonstrators rejected the nominee": a crowd named as
    the subject of a verb that is no trigger of its own protests; the verb anchors it. Not a
    wish told of the crowd ("the protesters wanted to overthrow the government": what a
    speaker says they want, ``wishing_verbs``)."""
    found = mentions.at(span.root.i)
    token = span.root
    while token.dep_ == "pobj" and token.head.lower_ == "of":  # "hundreds of protesters"
        token = token.head.head
    head = token.head
    if found is None or found.actor_type != ActorType.PROTESTERS or token.dep_ != "nsubj":
        return None
    if head.pos_ != "VERB" or head.i in taken or mentions.at(head.i) is not None:
        return None
    if head.lemma_.lower() in _wishing() and any(c.dep_ == "xcomp" for c in head.children):
        return None
    return span.doc[head.i : head.i + 1]


@functools.cache
def _wishing() -> frozenset[str]:
    return read_words("lexicon.toml", "events", "wishing_verbs")


def names_protesters(span: Span, mentions: Mentions) -> bool:
    """Whether the span names protesters, who protest even when the parse gives them no verb
    (in a sentence with no other trigger)."""
    found = mentions.at(span.root.i)
    return found is not None and found.actor_type == ActorType.PROTESTERS


def target_of_another(t: Tree, i: int, event_class: str, triggers: set[int]) -> bool:
    """Whether the movement noun at ``i`` is what another trigger of the sentence acts on: "a
    bomb hit a military convoy", "ambushed a convoy", "an attack on a convoy" (the convoy was
    the target, not news of forces moving). ``triggers``: the roots of the other triggers."""
    if event_class != "change-to-group-activity" or t.pos[i] not in ("NOUN", "PROPN"):
        return False
    while t.dep[i] == "conj" and t.head[i] != i:
        i = t.head[i]  # "hit a convoy and a checkpoint"
    head = t.head[i]
    if t.dep[i] in ("dobj", "nsubjpass"):
        return head in triggers
    return t.dep[i] == "pobj" and t.dep[head] == "prep" and t.head[head] in triggers


def describes_object(
    t: Tree, i: int, event_class: str, triggers: set[int], light_verbs: frozenset[str]
) -> bool:
    """Whether the participle at ``i`` describes what another trigger acts on, and tells no
    event of its own: "a strike to target enemy fighters firing on the troops" (the fighters
    were struck; their fire is told as who they were), "destroyed equipment captured near the
    town" (its capture is told apart, or was not this article's news); only fighting and
    ground taken. ``triggers``: the roots of the sentence's other triggers."""
    if t.dep[i] != "acl" or t.tag[i] not in _DESCRIBING_TAGS or event_class not in _DESCRIBING:
        return False
    if any(t.dep[c] == "dobj" for c in t.kids[i]):
        return False  # "attacked a bus killing 10 civilians": what the act did, misattached
    if t.pos[_root(t, i)] not in ("VERB", "AUX"):
        return False  # "Supporters of X who had lost the primaries protested ...": no main
        # verb was found, so the participle is the sentence's verb misread
    noun = t.head[i]
    while t.dep[noun] == "conj" and t.head[noun] != noun:
        noun = t.head[noun]  # "destroyed tanks and other equipment captured ..."
    if t.dep[noun] != "dobj" or t.pos[noun] not in ("NOUN", "PROPN"):
        return False
    verb = t.head[noun]
    if verb in triggers:
        return True  # "destroyed equipment captured ..."
    # "conducted a strike to target fighters firing ...": the purpose of a trigger's clause
    infinitive = t.dep[verb] in ("advcl", "xcomp") and any(
        t.dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[verb]
    )
    if not infinitive:
        return False
    clause = t.head[verb]
    light_object = t.lemma[clause] in light_verbs and any(
        t.dep[c] == "dobj" and c in triggers for c in t.kids[clause]
    )
    return clause in triggers or light_object


def showcase(
    t: Tree, i: int, sent: tuple[int, int], mentions: Mentions, words: ShowcaseWords
) -> bool:
    """Whether the protest noun at ``i`` names a showing, not a protest: what it shows is a
    thing ("gave a demonstration of its new drone", "a demonstration of force"; not "a
    demonstration of thousands", "of teachers"), or state forces or a company hold it (who
    "held" or "gave" it, or own what it shows: "the army gave a demonstration of their new
    rifles") and no crowd is told in its sentence ("the army held a live-fire demo for
    officials"; not "students held a demonstration against the government", "residents
    staged a demonstration of their anger")."""
    if t.lemma[i] not in words.nouns:
        return False
    shown = [o for c in t.kids[i] if t.dep[c] == "prep" and t.lower[c] == "of"
             for o in t.kids[c] if t.dep[o] == "pobj"]  # fmt: skip
    if shown and _people(t, shown[0], mentions, words):
        return False
    if shown and _a_thing(t, shown[0], words):
        return True
    holders = [c for c in t.kids[i] if t.dep[c] == "poss"]
    if t.dep[i] == "dobj" and t.lemma[t.head[i]] in words.verbs:
        holders += [c for c in t.kids[t.head[i]] if t.dep[c] == "nsubj"]
    if not holders:
        return False
    start, end = sent
    own = mentions.at(i)  # the noun's own phrase ("a live-fire demo") is no crowd told
    others = [j for j in range(start, end) if j != i and (own is None or mentions.at(j) is not own)]
    # a crowd's common noun ("residents"; not the month "March") or protesters found
    if any((t.pos[j] == "NOUN" and t.lemma[j] in words.crowds) or _protesters(mentions, j)
           for j in others):  # fmt: skip
        return False
    holder = holders[0]
    found = mentions.at(holder)
    state = (
        found is not None
        and found.kind == "actor"
        and (found.actor_type == ActorType.STATE_FORCES or found.external)
    )
    return state or t.lemma[holder] in words.holders


def shown_in_showcase(
    t: Tree, i: int, sent: tuple[int, int], mentions: Mentions, words: ShowcaseWords
) -> bool:
    """Whether token ``i`` lies in what a showing shows ("staged a demonstration of its
    missile defences": the missiles were shown, not fired)."""
    for _ in range(6):
        if t.head[i] == i:
            return False
        if t.dep[i] == "pobj" and t.lower[t.head[i]] == "of":
            noun = t.head[t.head[i]]
            if t.lemma[noun] in words.nouns:
                return showcase(t, noun, sent, mentions, words)
        i = t.head[i]
    return False


class ShowcaseWords(NamedTuple):
    """The words :func:`showcase` reads (``kg/data/lexicon.toml``, events)."""

    nouns: frozenset[str]  # protest nouns that also name a showing
    objects: frozenset[str]  # what a showing shows: "force", "capability"
    verbs: frozenset[str]  # verbs of holding one: "held a demo"
    holders: frozenset[str]  # who holds a showing: "company"
    crowds: frozenset[str]  # words of a crowd: "protester", "resident"
    people: frozenset[str]  # words of people, crowds or not: "official", "soldier"


def _people(t: Tree, o: int, mentions: Mentions, words: ShowcaseWords) -> bool:
    """Whether the "of" object ``o`` of a showing names people or an actor ("of thousands",
    "of teachers"), or is no common noun: a crowd marches."""
    return mentions.at(o) is not None or t.lemma[o] in words.people or t.pos[o] != "NOUN"


def _a_thing(t: Tree, o: int, words: ShowcaseWords) -> bool:
    """Whether the "of" object ``o`` of a showing, no people, is a thing: a word of what is
    shown, or a noun of "its" ("its new drone")."""
    its = any(t.dep[c] == "poss" and t.lower[c] == "its" for c in t.kids[o])
    return its or t.lemma[o] in words.objects


def _protesters(mentions: Mentions, j: int) -> bool:
    found = mentions.at(j)
    return found is not None and found.actor_type in (ActorType.PROTESTERS, ActorType.RIOTERS)


def _root(t: Tree, i: int) -> int:
    while t.head[i] != i:
        i = t.head[i]
    return i
