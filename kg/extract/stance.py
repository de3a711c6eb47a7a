"""Triggers told as a stance, not as done ("remains committed to carrying out attacks",
"determined to destroy the group", "its capacity to attack"), and a possessive told before
the subject it names ("in their march toward the city, the rebels ...")."""

from __future__ import annotations

from kg.extract.parse_tree import Tree

__all__ = ["attempt_class", "cataphor_subjects", "committed", "kind_of_act"]

# verbs of an attempt: "attempted to seize the hospital", "tried to storm the base"
_ATTEMPT_VERBS = frozenset({"attempt", "try"})
# what a done attempt at each trigger class is coded as: a bid for ground or an attempted attack
# is fighting (it was fought off: ACLED codes an armed clash), a bid to kill someone an attack
# (its victims decide between a clash and an attack on civilians); a crowd that tried to lynch
# someone has already laid hands on them
_ATTEMPTED = {"territory": "armed-clash", "armed-clash": "armed-clash", "attack": "armed-clash",
              "violence": "violence", "kill": "attack", "mob-violence": "mob-violence"}  # fmt: skip
# an attempt told as done (past), not as under way ("were trying to recapture"), nor planned
_DONE_TAGS = frozenset({"VBD", "VBN"})

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


def attempt_class(t: Tree, i: int, event_class: str, modals: frozenset[str]) -> str | None:
    """The event class of an attempt told as done at token ``i``, a trigger of ``event_class``
    ("forces attempted to seize the hospital from the militants": ACLED codes the attempt as
    the fighting it was), else None (no attempt, or one under way, "were trying to recapture",
    or planned, "will try to": no event)."""
    coded = _ATTEMPTED.get(event_class)
    return coded if coded is not None and _attempted(t, i, modals) else None


def _attempted(t: Tree, i: int, modals: frozenset[str]) -> bool:
    if t.dep[i] != "xcomp" or t.head[i] == i:
        return False
    verb = t.head[i]
    if t.lemma[verb] not in _ATTEMPT_VERBS or t.tag[verb] not in _DONE_TAGS:
        return False
    if t.dep[verb] == "xcomp":
        return False  # "they had hoped to attempt to ...": the attempt is itself an aim
    return not any(
        t.dep[c] == "neg" or (t.dep[c] == "aux" and t.lower[c] in modals) for c in t.kids[verb]
    )


def kind_of_act(
    t: Tree, i: int, path_nouns: frozenset[str], people: frozenset[str], lodgings: frozenset[str]
) -> bool:
    """Whether trigger ``i`` names a kind of act, not one told: the bare noun after a noun of
    the way acts go ("the axes of advance into the city", "lines of attack"), a participle
    describing people by what they do ("strengthen those on the ground fighting ISIL"), or a
    noun naming a place people stay in by what brought them there ("shelled a displacement
    camp")."""
    if t.dep[i] in ("compound", "amod") and t.pos[i] == "NOUN" and t.head[i] > i:
        return t.lemma[t.head[i]] in lodgings
    if t.dep[i] == "pobj" and t.pos[i] == "NOUN":
        of = t.head[i]
        bare = not any(t.dep[c] in ("det", "poss", "nummod") for c in t.kids[i])
        return bare and t.lower[of] == "of" and t.lemma[t.head[of]] in path_nouns
    if t.dep[i] == "acl" and t.tag[i] == "VBG":
        return t.lower[t.head[i]] in people
    return False
