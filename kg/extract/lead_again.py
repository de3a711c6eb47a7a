"""The lead's happening told again by the side it hit, or by its scene (kg.extract.retold).

"Militants attacked a military camp in central Lowland ... The army said it had repelled the
attack": the defenders' account of the attack told before — an act of fighting by those the
attack hit, whose object is a definite noun of fighting with no arguments of its own — is that
attack, not a second clash.

"Militants attacked a military camp in central Lowland ... The Front claimed responsibility
for the assault on the camp in Hightown": a definite event noun whose only argument is what
the lead acted on, named again by a definite noun, is the lead told again; the places apart
it names where the lead names no town are the lead's (kg.extract.retold).

"Militants killed 21 soldiers in an attack on an army post, the army said on Wednesday.
Hundreds of fighters attacked the post at Tassia on Monday": an attack whose object is a
definite noun of what the lead hit, the only act of its sentence, is the lead told again with
its day (where the lead's is only inherited), its places and its named doer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.continued import opens_another, told_besides
from kg.extract.drafts import TAKINGS, Draft, own_day
from kg.extract.said_days import RETOLD_WITHIN
from kg.extract.twins import family

__all__ = [
    "OWN_DEPS",
    "acts_by_sentence",
    "defenders_account",
    "own_phrase",
    "scene_named",
    "target_told",
]

# the places a noun argument takes: an event noun with an argument of these is another's
# ("the attack on the base", "the attack by gunmen", "the strike near the town")
_OWN_PREPOSITIONS = frozenset({"on", "against", "by", "near", "at", "upon", "outside"})
# the names that give a noun's phrase an argument of its own: "the attack in Hightown"
_NAMED = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "DATE"})
# the noun's own words that make it another's: "the two attacks", "the attack that killed"
OWN_DEPS = frozenset({"nummod", "acl", "relcl", "appos", "compound", "amod"})
# what an attack is on, in the noun's phrase: "the assault on the camp"
_ON = frozenset({"on", "against", "upon"})
# the families of acts a side fights back with, and of the attacks it fights back
_FIGHTS = frozenset({"battles"})
_ATTACKS = frozenset({"battles", "explosions-remote-violence", "violence-against-civilians"})


def own_phrase(prep: Token) -> bool:
    """Whether a phrase of the noun gives it an argument of its own: whom or what it was on,
    by or near ("the attack on the base"), or a named place, group or day ("the attack in
    Hightown", "the attack of 5 March"); not "the attack in a message"."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ in _OWN_PREPOSITIONS:
        return True
    heads = [o for o in prep.children if o.dep_ == "pobj"]
    named = [*heads, *(c for o in heads for c in o.children if c.dep_ == "compound")]
    return any(t.ent_type_ in _NAMED for t in named)


def _pointed(noun: Token, pointing: frozenset[str]) -> bool:
    return any(c.dep_ in ("det", "poss") and c.lower_ in pointing for c in noun.children)


def defenders_account(
    e: Draft,
    host: Draft,
    pointing: frozenset[str],
    fight_nouns: frozenset[str],
    apart: Callable[[str], bool],
) -> bool:
    """ "The army said it had repelled the attack": an act of fighting by some of those
    ``host`` hit (none else), whose verb takes a definite noun of fighting with no arguments
    of its own ("the attack", not "an attack on its positions near Hightown"), at no place
    apart the host does not name."""
    if family(host.event_class) not in _ATTACKS or family(e.event_class) not in _FIGHTS:
        return False
    if e.background or not e.agents or not set(e.agents) <= set(host.targets):
        return False
    if any(apart(p) and p not in host.places for p in e.places):
        return False
    root = e.trigger.root
    return root.pos_ == "VERB" and any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in fight_nouns
        and any(c.dep_ == "det" and c.lower_ in pointing for c in o.children)
        and not any(c.dep_ in OWN_DEPS or own_phrase(c) for c in o.children)
        for o in root.children
    )


def scene_named(e: Draft, host: Draft, pointing: frozenset[str]) -> bool:
    """ "... attacked a military camp. The Front claimed responsibility for the assault on the camp
    in Hightown": ``e``'s trigger is a definite event noun, the argument of another clause,
    whose only phrase of its own is what ``host``'s verb acted on, named again by a definite
    noun of the same word ("the camp")."""
    if family(e.event_class) not in _ATTACKS or e.background:
        return False
    noun = e.trigger.root
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or noun.dep_ not in ("pobj", "dobj"):
        return False
    kids = [c for c in noun.children if not e.trigger.start <= c.i < e.trigger.end]
    if not _pointed(noun, pointing) or any(c.dep_ in OWN_DEPS for c in kids):
        return False
    phrases = [c for c in kids if own_phrase(c)]
    if len(phrases) != 1 or phrases[0].lower_ not in _ON:
        return False
    hit = {o.lemma_.lower() for o in host.trigger.root.children if o.dep_ == "dobj"}
    return any(
        o.dep_ == "pobj" and o.lemma_.lower() in hit and _pointed(o, pointing)
        for o in phrases[0].children
    )


def _target_again(e: Draft, host: Draft, pointing: frozenset[str]) -> bool:
    """ "Militants killed 21 soldiers in an attack on an army post, the army said on Wednesday.
    Hundreds of fighters attacked the post at Tassia on Monday": an attack by a verb whose
    object is a definite noun of the word the host's attack hit ("the post"), by none the host
    hit and with no figure the host has, is the host told again with its details."""
    if family(e.event_class) not in _ATTACKS or e.background or e.event_class in TAKINGS:
        return False  # "Taliban overtook the point": the ground taken, not the attack again
    if set(e.agents) & set(host.targets) or any(name in host.counts for name in e.counts):
        return False
    verb = e.trigger.root
    if verb.pos_ != "VERB":
        return False
    hit = _hit_words(host.trigger.root)
    return any(
        o.dep_ == "dobj" and o.lemma_.lower() in hit and _pointed(o, pointing)
        for o in verb.children
    )


def _hit_words(root: Token) -> set[str]:
    """The nouns of what an attack acted on: "attacked a post", "an attack on an army post"."""
    words = {o.lemma_.lower() for o in root.children if o.dep_ == "dobj"}
    return words | {
        o.lemma_.lower()
        for p in root.children
        if p.dep_ == "prep" and p.lower_ in _ON
        for o in p.children
        if o.dep_ == "pobj"
    }


def target_told(e: Draft, host: Draft, pointing: frozenset[str], acts: Counter[int]) -> bool:
    """The host's attack told again by what it hit (``target_again``: "attacked the post at
    Tassia on Monday"), on the host's day or on a day of its own where the host's is only
    inherited (the lead's "the army said on Wednesday"); the places it names are those of
    what the host hit ("the post at Tassia"), the host's first. Only the act of its sentence
    ("stormed the village and hurled a grenade" tells an act besides the lead's: ``acts``,
    the events not statements by their sentence's start, ``acts_by_sentence``)."""
    if e.sentence.start <= host.sentence.start or opens_another(e) or told_besides(e.sentence):
        return False  # "The troops also pummeled the positions": another act
    day = e.time_inherited or e.date is None or e.date == host.date
    if not day and (own_day(host) or not host.time_inherited):
        return False
    if (
        not day
        and host.date is not None
        and e.date is not None
        and not host.date - RETOLD_WITHIN <= e.date <= host.date
    ):
        return False  # "attacked the post on 20 February": an earlier attack, weeks before
    if acts[e.sentence.start] > (e.event_class != "statement"):  # another act than e's
        return False
    return _target_again(e, host, pointing)


def acts_by_sentence(events: list[Draft]) -> Counter[int]:
    """How many of ``events`` are no statement, by their sentence's start (``target_told``
    asks once per event pair)."""
    return Counter(e.sentence.start for e in events if e.event_class != "statement")
