"""Actors named in a relation's sentence that take no part in it there
(:mod:`kg.extract.relations`): the source of the news ("according to X", "a report by X",
"the monitor said"), one who accuses or condemns ("X accused Y of shelling Z"), the side
fought named as an event's agent ("airstrikes against X killed Y"), a group's own
members ("fighters of X" are no ally of X), and a generic noun phrase that describes a named
actor ("X, a rebel group fighting Y", "X is a rebel group fighting Y": the named actor acts).
"""

from __future__ import annotations

from typing import Any

from kg.extract import columns
from kg.extract.char_spans import char_span
from kg.extract.relation_words import RelationWords
from kg.model import Event, Span

__all__ = ["described", "fought", "head_word", "member", "reports"]

# how a report's author hangs on the report: "the report by X", "X's report", "a X release",
# "the report by the X Commission (CoI)" (the bracketed short name is an apposition)
_CHAIN = frozenset({"pobj", "compound", "poss", "nmod", "agent", "prep", "appos"})


def reports(
    doc: Any, mentions: tuple[Span, ...], event: Event, words: RelationWords, says: bool
) -> bool:
    """Every mention of the event's agent in its sentence names the source of the news, not
    one who fights: "the report by X details attacks", "X's report", "according to X"; and
    with ``says`` (an organisation or the media, no side that may claim an attack), "X
    said"."""
    inside = [m for m in mentions if event.sentence.start <= m.start < event.sentence.end]
    return bool(inside) and all(_reporter(doc, m, words, says) for m in inside)


def fought(doc: Any, mentions: tuple[Span, ...], event: Event, words: RelationWords) -> bool:
    """Every mention of the event's agent in its sentence names the side fought: "a series
    of airstrikes against X killed Y" (X is no one's attacker there)."""
    inside = [m for m in mentions if event.sentence.start <= m.start < event.sentence.end]
    if not inside:
        return False
    for m in inside:
        span = char_span(doc, m.start, m.end)
        if span is None or not len(span):
            return False
        t = head_word(span)
        while t.dep_ in ("conj", "compound") and t.head != t:  # "X and Y", "X operatives"
            t = t.head
        prep = t.head
        if not (t.dep_ == "pobj" and prep.lower_ in words.fight_prepositions):
            return False
        if prep.head.lemma_.lower() not in words.fight_nouns | words.fight_verbs:
            return False
    return True


def _reporter(doc: Any, mention: Span, words: RelationWords, says: bool) -> bool:
    span = char_span(doc, mention.start, mention.end)
    if span is None or not len(span):
        return False
    t = head_word(span)
    if says and t.dep_ == "nsubj" and t.head.lemma_.lower() in words.speech_verbs:
        return True  # "the monitor said": a source
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in words.accuse_verbs:
        return True  # "X accused Y of shelling Z", "X condemned Y for the attack": Y acts
    for _ in range(3):  # "the report by X", "X's report", "a X news release", "according to X"
        if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
            return True
        if t.dep_ not in _CHAIN or t.head == t:
            return False
        t = t.head
        if t.pos_ == "NOUN" and t.lemma_.lower() in words.report_nouns:
            return True
    return False


def member(
    doc: Any,
    named: dict[str, tuple[Span, ...]],
    actor_at: dict[int, str],
    words: RelationWords,
    first: str,
    second: str,
    sentence: Span,
) -> bool:
    """One side is named in the sentence as people of the other: "fighters of X", "X's
    fighters", "X fighters" (a member is not its group's ally)."""
    for key, other in ((first, second), (second, first)):
        for m in named.get(key, ()):
            if not sentence.start <= m.start < sentence.end:
                continue
            span = char_span(doc, m.start, m.end)
            if span is None or not len(span):
                continue
            root = head_word(span)
            if root.lemma_.lower() not in words.people_nouns:
                continue
            owners = [c for c in root.children if c.dep_ in ("poss", "compound", "nmod")]
            owners += [o for p in root.children if p.dep_ == "prep" and p.lower_ == "of"
                       for o in p.children if o.dep_ == "pobj"]  # fmt: skip
            if any(actor_at.get(o.i) == other for o in owners):
                return True
    return False


def described(
    doc: Any, named: dict[str, tuple[Span, ...]], actor_at: dict[int, str]
) -> dict[tuple[int, str], str]:
    """(first character of a sentence, key of a describing actor) -> the actor it describes
    there: a mention headed by a common noun, with no name in it, set in apposition to
    another actor's mention or said of it by "be" ("X, a rebel group fighting Y", "X is a
    rebel group")."""
    out: dict[tuple[int, str], str] = {}
    for key, mentions in named.items():
        for m in mentions:
            span = char_span(doc, m.start, m.end)
            if span is None or not len(span) or head_word(span).pos_ != "NOUN":
                continue
            if any(t.pos_ == "PROPN" for t in span):
                continue  # "al-Qaeda's Syrian affiliate" names al-Qaeda
            root = head_word(span)
            if root.dep_ == "appos":
                heads = [root.head]
            elif root.dep_ == "attr" and root.head.lemma_ == "be":
                heads = [c for c in root.head.children if c.dep_ == "nsubj"]
            else:
                continue
            other = next((actor_at[h.i] for h in heads if actor_at.get(h.i, key) != key), None)
            if other is not None:
                start = columns.sentence_of(doc, root.i)[0]
                out[doc[start].idx, key] = other
    return out


def head_word(span: Any) -> Any:
    """The span's head word: its root, or its last word where the root is an article (a
    mention cut from a longer name, "the UN" of "the UN Commission", has two roots)."""
    root = span.root
    return span[-1] if root.dep_ == "det" and len(span) > 1 else root
