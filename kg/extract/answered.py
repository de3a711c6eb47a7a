"""An act told as what another answers: "the strikes were in response to a drone attack on
the base on Monday", "jets struck the town in retaliation for a rocket attack". The act
answered is another happening, before the answer (its own doer, its own day), never the
answer told twice: :func:`kg.extract.folding.dedupe` keeps the two apart.

Word list: ``[modality]`` ``answer_nouns`` (kg/data/lexicon.toml)."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["answer_before", "answered"]

# how far up from an event noun the answer noun may stand: "in response to a drone attack"
# (attack <- to <- response), "in response to an attack and shelling" (a list's later item)
_STEPS = 4


def answered(trigger: Token, answer_nouns: frozenset[str]) -> bool:
    """Whether the event noun ``trigger`` is the object of an answer noun's preposition
    ("in response to", "in retaliation for", "in revenge for"), itself or as a later item of
    a list the parse joins to that object."""
    node = trigger
    for _ in range(_STEPS):
        if node.dep_ == "conj":
            node = node.head
            continue
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return False
        prep = node.head
        if prep.head.lemma_.lower() in answer_nouns and prep.head.pos_ == "NOUN":
            return True
        before = prep.doc[prep.i - 1] if prep.i > 0 else prep
        return answer_before(before.lemma_.lower(), before.pos_, before.dep_, answer_nouns)
    return False


def answer_before(lemma: str, pos: str, dep: str, answer_nouns: frozenset[str]) -> bool:
    """Whether the word just before a preposition is an answer noun the parse hangs beside
    it: "attacked X in revenge for the killing" (both phrases the verb's)."""
    return lemma in answer_nouns and pos == "NOUN" and dep == "pobj"
