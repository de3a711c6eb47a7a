"""What a later sentence's words point back to: the fight a definite noun names again ("the
attack", "in the counter-attack"), the means named again ("the shells hit the camp"), a claim
of the attack told before ("claimed responsibility for the attack, saying ..."). The tests
:func:`kg.extract.retold.fold_retold` folds a detail into the event told before by."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract.drafts import Draft
from kg.extract.lead_again import OWN_DEPS, own_phrase
from kg.extract.twins import family

__all__ = [
    "RETOLD_FAMILIES",
    "FightWords",
    "claimed_account",
    "means_again",
    "names_again",
    "part_of_battle",
]


@dataclass(frozen=True)
class FightWords:
    fight_nouns: frozenset[str]  # "in the counter-attack", "in the fighting"
    yielding_verbs: frozenset[str]  # "five soldiers surrendered"
    claim_nouns: frozenset[str]  # "claimed responsibility for the attack"
    reporting_verbs: frozenset[str]  # "..., saying its fighters had killed 30 soldiers"
    taken_verbs: frozenset[str] = frozenset()  # "the Syrians who fought to free the town"
    witness_nouns: frozenset[str] = frozenset()  # '"They struck the miners," a resident said'
    body_nouns: frozenset[str] = frozenset()  # "His body was found burned" (bodies_again)
    body_pointers: frozenset[str] = frozenset()  # "his", "their": a body told before


# the ACLED event types whose events a later definite noun names again
RETOLD_FAMILIES = frozenset(
    {"battles", "explosions-remote-violence", "violence-against-civilians", "riots"}
)
# what a clause names another's happening as: "claimed responsibility for the attack", "was
# behind the attack", "survived the attack", "condemned the attack"
_ARGUMENT_DEPS = frozenset({"pobj", "dobj"})


def claimed_account(
    e: Draft, host: Draft, pointing: frozenset[str], words: FightWords, apart: Callable[[str], bool]
) -> bool:
    """ "X claimed responsibility for the attack in a statement, saying its fighters had killed
    30 soldiers and seized weapons": what the claimant says in the clause of its claim of the
    attack told before (a definite noun) is its account of that attack, with no place of its
    own the host does not name: its kills, and what it took there ("seized weapons")."""
    if e.event_class == "statement" or e.background:
        return False
    if any(apart(p) and p not in host.places for p in e.places):
        return False
    saying = [a for a in e.trigger.root.ancestors if a.pos_ == "VERB"
              and a.lemma_.lower() in words.reporting_verbs]  # fmt: skip
    return any(_claims_the(v, pointing, words) for s in saying for v in s.ancestors)


def _claims_the(verb: Token, pointing: frozenset[str], words: FightWords) -> bool:
    """Whether ``verb`` claims an act told before: "claimed responsibility for the attack"."""
    return any(
        n.dep_ == "dobj"
        and n.lemma_.lower() in words.claim_nouns
        and any(
            o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in pointing for d in o.children)
            for p in n.children
            if p.dep_ == "prep" and p.lower_ == "for"
            for o in p.children
        )
        for n in verb.children
    )


def part_of_battle(
    e: Draft,
    host: Draft,
    pointing: frozenset[str],
    words: FightWords,
    apart: Callable[[str], bool],
) -> bool:
    """ "Jihadists ambushed a convoy ... The army said its troops neutralised 20 assailants
    in the counter-attack": an act of fighting by one of a battle's sides, told "in the" fight
    (a definite noun of fighting), is part of it; so is a surrender after it ("Five soldiers
    surrendered"), with no place of its own the battle does not name."""
    if family(host.event_class) != "battles":
        return False
    if any(apart(p) and p not in host.places for p in e.places):
        return False
    if e.trigger.root.lemma_.lower() in words.yielding_verbs:
        return True
    if family(e.event_class) != "battles" or e.background:
        return False
    if not set(e.agents) <= {*host.agents, *host.targets}:
        return False
    root = e.trigger.root
    # the phrase under the act ("killed 15 in the fighting") or the act's own ("in the
    # counter-attack", whose noun took the killing in)
    phrases = [p for t in (root, *root.children) for p in t.children
               if p.dep_ == "prep" and p.lower_ in ("in", "during")]  # fmt: skip
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "during"):
        phrases.append(root.head)
    return any(_the_fight(p, pointing, words) for p in phrases)


def _the_fight(prep: Token, pointing: frozenset[str], words: FightWords) -> bool:
    """ "in the counter-attack", "during the fighting": a definite noun of fighting."""
    # "in the counter-attack" may come apart: "counter", "-" and "attack" each a pobj
    nouns = [c for c in prep.children if c.dep_ == "pobj"]
    if not any(d.dep_ == "det" and d.lower_ in pointing for n in nouns for d in n.children):
        return False  # "in heavy clashes with the Kurdish forces": "the" is the forces'
    phrase = [t for n in nouns for t in n.subtree]
    words_of = {t.lemma_.lower() for t in phrase}
    text = "".join(t.text_with_ws for t in phrase).strip().lower()
    return bool(words_of & words.fight_nouns) or any(text.endswith(n) for n in words.fight_nouns)


def names_again(e: Draft, host: Draft, pointing: frozenset[str]) -> bool:
    """Whether ``e``'s trigger is a definite event noun, with no arguments of its own, that a
    clause of a later sentence than ``host``'s names as its argument, on the host's day."""
    if family(e.event_class) not in RETOLD_FAMILIES or e.background:
        return False
    noun = e.trigger.root
    if noun.pos_ != "NOUN" or noun.tag_ == "NNS" or noun.dep_ not in _ARGUMENT_DEPS:
        return False
    if noun.dep_ == "dobj" and noun.head.i in range(e.trigger.start, e.trigger.end):
        return False
    kids = [c for c in noun.children if not e.trigger.start <= c.i < e.trigger.end]
    if not any(c.dep_ in ("det", "poss") and c.lower_ in pointing for c in kids):
        return False
    return not any(c.dep_ in OWN_DEPS or own_phrase(c) for c in kids)


def means_again(e: Draft, host: Draft, pointing: frozenset[str]) -> bool:
    """ "... killed 35 in an artillery barrage. The shells hit the camp": an act of the
    host's kind and doers (none named of its own) whose subject is a definite noun, not an
    actor (the means the host used, named again), in a later sentence on the host's day."""
    if e.event_class != host.event_class or not set(e.agents) <= set(host.agents):
        return False
    named = {i for found in e.role_mentions.values() for f in found for i in range(f.start, f.end)}
    return any(
        s.dep_ == "nsubj"
        and s.i not in named
        and not s.ent_type_
        and any(c.dep_ == "det" and c.lower_ in pointing for c in s.children)
        for s in e.trigger.root.children
    )
