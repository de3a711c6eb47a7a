"""Fire told from the side that took it: "troops came under rocket fire from the militants",
"the post received heavy gunfire from gunmen". The clause's subject was fired at, not firing,
and a "from" phrase of the fire names who fired (for ground taken, "seized the town from the
rebels", "from" names the loser and stays a target: only classes of fire and attack read it
so). And fire a subject names its target for: "airstrikes against X killed 20".
"""

from __future__ import annotations

from kg.extract.drafts import CLAUSE_DEPS
from kg.extract.parse_tree import Tree

__all__ = ["against_objects", "fire_roles"]

# trigger classes (kg/data/triggers.tsv) and event types whose "from" phrase names the shooter
FIRE_CLASSES = frozenset(
    {"attack", "violence", "bombard", "strike", "armed-clash", "grenade",
     "shelling-artillery-missile-attack", "air-drone-strike", "remote-explosive-landmine-ied"}
)  # fmt: skip
# inside one noun phrase: "rocket" of "rocket fire", "heavy" of "heavy gunfire"
_INSIDE = frozenset({"compound", "amod", "nmod", "conj"})
# words of a weapon's name that the parser may read as a verb or cut from the phrase
# ("rocket propelled grenade fire": "propelled" a verb, "fire" its object)
_RUN_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB"})
_RUN_LENGTH = 3


def fire_roles(
    t: Tree,
    head: int,
    event_class: str,
    receiving: frozenset[str],
    subjects: list[int],
    objects: list[int],
) -> tuple[list[int], list[int], bool]:
    """The trigger's ``subjects`` and ``objects`` (token indices) with who fired and who was
    fired at for a noun trigger of fire, and whether the subject took the fire (then no
    other subject is to be sought). ``receiving``: lemmas of verbs whose object is fire
    taken ("receive", "face"); "came under" is read from its preposition."""
    found = _fire(t, head, event_class, receiving)
    if found is None:
        return subjects, objects, False
    shooters, fired_at = found
    objects = [o for o in objects if o not in shooters] + fired_at
    subjects = [s for s in subjects if s not in fired_at] + shooters
    return subjects, objects, bool(fired_at)


def _fire(
    t: Tree, head: int, event_class: str, receiving: frozenset[str]
) -> tuple[list[int], list[int]] | None:
    """(who fired, who was fired at), or None where the sentence does not tell it so."""
    if event_class not in FIRE_CLASSES or t.pos[head] not in ("NOUN", "PROPN"):
        return None
    top = head
    while t.dep[top] in _INSIDE and t.head[top] != top and t.pos[t.head[top]] != "VERB":
        top = t.head[top]
    shooters = [p for w in _phrase_run(t, head, top) for p in _from_objects(t, w)]
    taken_by = _taker(t, top, receiving)
    if taken_by is not None and not shooters:
        shooters = _from_objects(t, taken_by)  # "received fire from the rebels", however hung
    if not shooters and taken_by is None:
        return None
    return shooters, [] if taken_by is None else _subjects(t, taken_by)


def _subjects(t: Tree, verb: int) -> list[int]:
    """The verb's subjects, or those of the verb it completes: "continued to receive fire"."""
    for _ in range(3):
        found = [c for c in t.kids[verb] if t.dep[c] == "nsubj"]
        if found or t.dep[verb] != "xcomp" or t.head[verb] == verb:
            return found
        verb = t.head[verb]
    return []


def _phrase_run(t: Tree, head: int, top: int) -> list[int]:
    """The phrase's head and the words right after the trigger that still name the weapon:
    "rocket propelled grenade fire" however the parser reads "propelled"."""
    run = [top]
    i = head + 1
    end = min(t.sent_end[head], head + 1 + _RUN_LENGTH)
    while i < end and t.pos[i] in _RUN_POS and t.dep[i] not in ("nsubj", "nsubjpass"):
        if i != top:
            run.append(i)
        i += 1
    return run


def _from_objects(t: Tree, i: int) -> list[int]:
    return [
        o for p in t.kids[i] if t.dep[p] == "prep" and t.lower[p] == "from"
        for o in t.kids[p] if t.dep[o] == "pobj"
    ]  # fmt: skip


def _taker(t: Tree, top: int, receiving: frozenset[str]) -> int | None:
    """The verb whose subject took the fire: "came under fire", "received fire", "faced
    heavy shelling"; found through a conjunct ("machine gun and rocket fire")."""
    i = top
    while t.dep[i] == "conj" and t.head[i] != i:
        i = t.head[i]
    verb = t.head[i]
    if t.dep[i] == "pobj" and t.lower[verb] == "under" and t.head[verb] != verb:
        return t.head[verb]
    if t.dep[i] == "dobj" and t.lemma[verb] in receiving:
        return verb
    return None


def against_objects(t: Tree, subjects: list[int]) -> list[int]:
    """Whom the subjects' fire was against: "a series of airstrikes against al-Qaida
    operatives killed 20" (al-Qaida is the target, not the killer)."""
    return [
        o for s in subjects for p in _phrase(t, s) if t.dep[p] == "prep" and t.lower[p] == "against"
        for o in t.kids[p] if t.dep[o] == "pobj"
    ]  # fmt: skip


def _phrase(t: Tree, i: int) -> list[int]:
    """Token ``i`` and its dependents, not entering clauses."""
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo += [c for c in t.kids[j] if t.dep[c] not in CLAUSE_DEPS]
    return out
