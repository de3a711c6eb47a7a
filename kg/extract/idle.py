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
from kg.extract.char_spans import char_tokens
from kg.extract.relation_words import RelationWords
from kg.extract.roots import span_root
from kg.model import Event, Span

__all__ = ["described", "fought", "head_at", "head_word", "member", "reports"]

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
        head = head_at(doc, m.start, m.end)
        if head is None:
            return False
        t = doc[head]
        while t.dep_ in ("conj", "compound") and t.head != t:  # "X and Y", "X operatives"
            t = t.head
        prep = t.head
        if not (t.dep_ == "pobj" and prep.lower_ in words.fight_prepositions):
            return False
        if prep.head.lemma_.lower() not in words.fight_nouns | words.fight_verbs:
            return False
    return True


def _reporter(doc: Any, mention: Span, words: RelationWords, says: bool) -> bool:
    head = head_at(doc, mention.start, mention.end)
    if head is None:
        return False
    t = doc[head]
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
            head = head_at(doc, m.start, m.end)
            if head is None:
                continue
            root = doc[head]
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
    pos = columns.poses(doc)
    for key, mentions in named.items():
        for m in mentions:
            found = char_tokens(doc, m.start, m.end)
            if found is None or found[0] >= found[1] or pos[head_index(doc, *found)] != "NOUN":
                continue
            if any(pos[i] == "PROPN" for i in range(*found)):
                continue  # "al-Qaeda's Syrian affiliate" names al-Qaeda
            root = doc[head_index(doc, *found)]
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
    mention cut from a longer name, "the UN" of "the UN Commission", has two roots). The
    Span's own ``root`` (Cython, ~0.3 us) where the caller holds a Span: ``head_index`` finds
    the same word on the columns."""
    root = span.root
    return span[-1] if root.dep_ == "det" and len(span) > 1 else root


def head_index(doc: Any, start: int, end: int) -> int:
    """The index of ``head_word(doc[start:end])``, read on the token columns."""
    root = span_root(doc, start, end)
    return end - 1 if columns.deps(doc)[root] == "det" and end - start > 1 else root


def head_at(doc: Any, start_char: int, end_char: int) -> int | None:
    """The index of the head word of the tokens that hold the characters (``head_word`` of
    their ``char_span``), None where they hold none. Found once a Doc for each mention's
    offsets: the relations ask it of each of an agent's mentions, for each of its events."""
    found: dict[tuple[int, int], int | None] = columns.memo(doc, "head_at", dict)
    try:
        return found[start_char, end_char]
    except KeyError:
        head = found[start_char, end_char] = _head_at(doc, start_char, end_char)
        return head


def _head_at(doc: Any, start_char: int, end_char: int) -> int | None:
    found = char_tokens(doc, start_char, end_char)
    if found is None or found[0] >= found[1]:
        return None
    return head_index(doc, *found)
