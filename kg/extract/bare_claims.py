"""A claim of responsibility that names no act: "A suicide bomber blew himself up in a mosque
in Lowtown, killing 19. The Lowtown Front claimed responsibility in a statement." The claim is
of the act told just before it (the story's last event of armed violence, in the happening it
goes on with), whose doer the story names no other way: the claimant is that event's agent, as
ACLED codes it. Not a claim denied or made by no one ("No group claimed responsibility"), nor
one of an act it names ("claimed responsibility for the attack": kg/extract/anaphors.py)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.continued import VIOLENT_FAMILIES
from kg.extract.drafts import Draft
from kg.extract.found import Mentions
from kg.extract.twins import family
from kg.model import ActorType

__all__ = ["claimants_named"]

# the armed groups a claim can name as an act's doer
_CLAIMANTS = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
)


def claimants_named(
    doc: Doc,
    events: list[Draft],
    mentions: Mentions,
    claim_verbs: frozenset[str],
    claim_nouns: frozenset[str],
    unnamed: Callable[[str], bool],
    continues: Callable[[int, int], bool],
) -> None:
    """Give each event of armed violence whose agents are none or unnamed ones (``unnamed``)
    the armed group that claims responsibility, naming no act, in a later sentence of its
    happening (``continues``: whether two tokens' sentences tell one), where the event is
    the last of its kind told in an earlier sentence than the claim's; ``claim_verbs``:
    "claim", "take"; ``claim_nouns``: "responsibility"."""
    violent = [e for e in events if family(e.event_class) in VIOLENT_FAMILIES and not e.background]
    if not violent:
        return
    pos, lemma = columns.poses(doc), columns.lemma_lowers(doc)
    for i in range(violent[0].sentence.end, len(doc)):
        if pos[i] != "VERB" or lemma[i] not in claim_verbs:
            continue  # read from the columns: a Token only for a verb of claiming
        t = doc[i]
        key = _claimant(t, mentions, claim_verbs, claim_nouns)
        if key is None:
            continue
        before = [e for e in violent if e.sentence.end <= t.i]
        if not before or not continues(before[-1].sentence.start, t.i):
            continue
        host = before[-1]  # not an act its own sentence tells: "..., saying it had targeted"
        if not host.agents or all(unnamed(k) for k in host.agents):
            host.agents = [key]


def _claimant(
    verb: Token, mentions: Mentions, claim_verbs: frozenset[str], claim_nouns: frozenset[str]
) -> str | None:
    """The armed group that ``verb`` tells claimed responsibility naming no act, if it does."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in claim_verbs:
        return None
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return None  # "did not claim responsibility"
    nouns = [c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in claim_nouns]
    if not nouns or any(p.dep_ == "prep" and p.lower_ == "for" for p in nouns[0].children):
        return None
    for s in children:
        found = mentions.at(s.i) if s.dep_ == "nsubj" else None
        if found is not None and found.kind == "actor" and found.actor_type in _CLAIMANTS:
            return found.key
    return None
