"""Triggers told as a stance, not as done ("remains committed to carrying out attacks",
"determined to destroy the group", "its capacity to attack"), and a possessive told before
the subject it names ("in their march toward the city, the rebels ...")."""

from __future__ import annotations

from kg.extract.columns import Tree

__all__ = ["cataphor_subjects", "committed"]

# what a stance reaches its act through: a light verb's object, a preposition and its clause,
# an infinitive ("committed to carrying out attacks", "the capacity to attack", "their
# ability in battle")
_STEPS = frozenset({"dobj", "pobj", "pcomp", "prep", "xcomp", "conj", "advcl", "acl"})


def committed(t: Tree, i: int, words: frozenset[str], light_verbs: frozenset[str]) -> bool:
    """Whether token ``i`` is an act one of the stance ``words`` governs: up through a light
    verb ("carrying out attacks"), the preposition ("committed to"), an infinitive of purpose
    ("working with partners to ... destroy") or a noun's infinitive ("capacity to attack")."""
    dep, head = t.dep, t.head
    for _ in range(8):
        if head[i] == i or dep[i] not in _STEPS:
            return False
        if dep[i] == "dobj" and t.lemma[head[i]] not in light_verbs:
            return False
        if dep[i] in ("advcl", "acl") and not any(
            dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[i]
        ):
            return False  # an infinitive only: not "attacked the post, killing 3"
        if dep[i] == "acl" and t.pos[head[i]] not in ("NOUN", "PROPN"):
            return False  # "the capacity to attack", not "troops sent to attack"
        i = head[i]
        if t.lemma[i] in words or t.lower[i] in words:
            return True
    return False


def cataphor_subjects(t: Tree, pronoun: int) -> list[int]:
    """The subjects after ``pronoun`` of the verb its phrase hangs from: "In their march
    toward the city, the rebels took the village" ("their" names the rebels)."""
    i = pronoun
    for _ in range(6):
        if t.head[i] == i:
            return []
        i = t.head[i]
        if t.pos[i] in ("VERB", "AUX"):
            break
    return [c for c in t.kids[i] if t.dep[c] == "nsubj" and c > pronoun]
