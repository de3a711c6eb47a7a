"""Weapons named as what a strike destroyed or a force seized ("three artillery systems were
destroyed in the strike", "destroyed a rocket launcher"): things acted on, not fire of their
own. They fold into the event that destroyed or seized them, so that one strike that wrecked
several weapons stays one event."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.drafts import Draft, phrase_head
from kg.extract.folding import VIOLENT_OR_GROUND, WEAPON_CLASSES, merge_into

__all__ = ["fold_wrecked_weapons", "wreckage_told_again"]

# how a weapon noun sits inside the phrase naming the thing: "artillery systems", "tanks, an
# air defense artillery system and ...", "two buildings, two vehicles" (listed in apposition)
_IN_PHRASE = frozenset({"compound", "amod", "nmod", "conj", "appos"})
# the phrases of a verb that name the event it happened in: "destroyed in the strike", "by
# airstrikes", "during the raid"
_IN_EVENT = frozenset({"in", "by", "during"})
_NO_HOSTS = frozenset({"kill", "death", "statement", "looting-property-destruction"})
_DAMAGE = frozenset({"looting-property-destruction"})
# what a destruction verb's event may be classified as (kg/extract/classify.py)
_WRECKED = frozenset({"looting-property-destruction", "disrupted-weapons-use"})


def fold_wrecked_weapons(drafts: list[Draft], verbs: frozenset[str]) -> list[Draft]:
    """Fold each weapon trigger that names what one of ``verbs`` (destroy, seize ...) acted on
    into the event it was acted on in: the trigger of the verb's "in"/"by" phrase, else the
    verb's own trigger (with neither, the weapon stays); and damage told as done in an event
    ("were destroyed in the strike") into that event."""
    by_root = {d.trigger.root.i: d for d in drafts}
    kept = []
    for d in drafts:
        host = None
        if d.event_class in WEAPON_CLASSES:
            host = _host(d, verbs, by_root)
        elif d.event_class in _DAMAGE:  # "were destroyed in the strike": the strike's damage
            host = _event_of(d.trigger.root, d, by_root)
        if host is None or host is d:
            kept.append(d)
            continue
        merge_into(host, d)
    return kept


def _host(d: Draft, verbs: frozenset[str], by_root: dict[int, Draft]) -> Draft | None:
    root = d.trigger.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    thing = phrase_head(root, _IN_PHRASE, 8)
    if thing.dep_ not in ("dobj", "nsubjpass") or thing.head.lemma_.lower() not in verbs:
        return None
    return _event_of(thing.head, d, by_root) or by_root.get(thing.head.i)


def _event_of(verb: Token, d: Draft, by_root: dict[int, Draft]) -> Draft | None:
    """The draft of the event ``verb`` says it happened in: "destroyed in the strike"."""
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
        if prep.lower_ in _IN_EVENT:
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                host = by_root.get(pobj.i)
                if host is not None and host is not d and host.event_class not in _NO_HOSTS:
                    return host
    return None


def wreckage_told_again(events: list[Draft], pointing: frozenset[str]) -> list[Draft]:
    """ "Coalition aircraft destroyed 14 tanks ... The equipment was destroyed near the
    airfield": damage told with no agent of its own (none named, or only people who are no
    fighters: the crowd of a riot told before), to things a determiner points back to ("the
    equipment", "these vehicles"), after violence told in an earlier sentence, is that
    violence's damage told again, not another event."""
    kept: list[Draft] = []
    for e in events:
        again = (
            e.event_class in _WRECKED
            and not e.agents
            and not e.counts
            and _pointed_patient(e.trigger.root, pointing)
            and any(
                o.sentence.start < e.sentence.start and o.event_class in VIOLENT_OR_GROUND
                for o in kept
            )
        )
        if not again:
            kept.append(e)
    return kept


def _pointed_patient(verb: Token, pointing: frozenset[str]) -> bool:
    return verb.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "nsubjpass")
        and any(g.dep_ == "det" and g.lower_ in pointing for g in c.children)
        for c in verb.children
    )
