"""Who reports an event in a sentence: the subject of a verb of reporting ("..., police
said", "police sources told reporters ...", "a spokesman for the army said") and the object
of "according to" ("according to police"). A reporter is the event's source, never its doer
for being named in the sentence: "A car bomb exploded near a checkpoint, killing five people,
police said" names no doer (``reporting_verbs`` of ``kg/data/lexicon.toml``). Where the text
makes the reporter the doer too ("police said they shot two robbers"), the event's own
arguments say so (:mod:`kg.extract.arguments`).

A reporter named by a pronoun ("Five soldiers surrendered, they said") is none of those the
clause it reports names (``pronoun_speaker``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import columns
from kg.extract.found import Mentions
from kg.model import ActorType

__all__ = ["GROUP_PRONOUNS", "pronoun_speaker", "pronoun_speaks", "reports"]

GROUP_PRONOUNS = frozenset({"they", "it"})  # a speaker the clause it reports may not name

# the dependencies inside a noun phrase a reporter's name may sit under: "police" in "police
# sources", "the army's spokesman", "a spokesman for the army"
_INSIDE = frozenset({"compound", "amod", "nmod", "poss", "conj", "appos", "pobj", "prep"})


def reports(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` lies in the phrase naming who reports: the subject of a verb in
    ``verbs``, or the object of "according to"."""
    for _ in range(8):
        head = token.head
        if token.dep_ == "nsubj":
            return head.pos_ == "VERB" and head.lemma_.lower() in verbs
        if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if token.dep_ not in _INSIDE or head == token or head.pos_ == "VERB":
            return False
        token = head
    return False


def pronoun_speaker(head: Token, pronoun: int, mentions: Mentions) -> list[str]:
    """ "Rebels captured the town. Five soldiers surrendered, they said": the speaker "they"
    is not one the clause it reports names (the soldiers) but one named before it in its
    sentence outside that clause, else none here (:meth:`EventFinder.find` takes the one the
    previous sentences name as speaking or acting)."""
    doc = head.doc
    told = {t.i for c in head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    sent_start, _ = columns.sentence_of(doc, pronoun)
    for i in range(pronoun - 1, sent_start - 1, -1):
        found = mentions.at(i)
        if i in told or found is None or found.kind != "actor":
            continue
        if found.actor_type is not ActorType.PERSON:  # "they", "it": no one person
            return [found.key]
    return []


def pronoun_speaks(trigger: Token) -> bool:
    """Whether a statement's verb has "they" or "it" as its subject ("..., they said")."""
    return any(c.dep_ == "nsubj" and c.lower_ in GROUP_PRONOUNS for c in trigger.children)
