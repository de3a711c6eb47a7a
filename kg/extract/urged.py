"""An event's agent named only as one who demands that someone act or stop
(:mod:`kg.extract.relations`): "X urged Y to cease airstrikes against Z", "X raised concerns
and called on Y to halt the shelling of Z". X wages none of the fight it speaks of, whatever
the event's rules made of the sentence; its relations there are dropped. A side that claims its
own attack is no such speaker: it is not the subject of a verb of demand.
"""

from __future__ import annotations

from typing import Any

from kg.extract.char_spans import char_tokens
from kg.extract.idle import head_at
from kg.extract.relation_words import RelationWords
from kg.model import Event, Span

__all__ = ["demands"]


def demands(doc: Any, mentions: tuple[Span, ...], event: Event, words: RelationWords) -> bool:
    """Every mention of the event's agent in its sentence is the subject of a verb of demand
    (``[fighting] demand_verbs``), or of a verb coordinated with one, whose clause holds the
    event's trigger."""
    inside = [m for m in mentions if event.sentence.start <= m.start < event.sentence.end]
    trigger = char_tokens(doc, event.trigger.start, event.trigger.end)
    if not inside or trigger is None or trigger[0] >= trigger[1]:
        return False
    return all(_demanding(doc, m, trigger[0], words) for m in inside)


def _demanding(doc: Any, mention: Span, trigger: int, words: RelationWords) -> bool:
    head = head_at(doc, mention.start, mention.end)
    if head is None:
        return False
    subject = doc[head]
    if subject.dep_ != "nsubj":
        return False
    verb = subject.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        v.lemma_.lower() in words.demand_verbs and v.left_edge.i <= trigger <= v.right_edge.i
        for v in verbs
    )
