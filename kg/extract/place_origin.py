"""Places a sentence names as where someone or something came from, not where its event was:
"raiders from Northland attacked the village" (their country), "killed five herders from
Lowtown at Highfield market" (the herders' home), "fired rockets from Lowtown into
Highfield", "reinforcements were sent from Lowtown to Highfield" (a movement's start, told
with its end).

An event's place finder (:mod:`kg.extract.arguments`) takes such a place only when the
sentence names no other: the scene is the other place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from kg.extract.parse_tree import Tree

__all__ = ["origin_tokens"]

# where a movement ends, told beside where it started ("from X to Y", "from X into Y")
_DESTINATIONS = frozenset({"to", "into", "toward", "towards"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def origin_tokens(
    t: Tree,
    span: tuple[int, int],
    triggers: Collection[int],
    is_actor: Callable[[int], bool],
    taking: Collection[str],
) -> frozenset[int]:
    """The tokens of ``span`` (a sentence) inside a "from" phrase that tells an origin: hung
    from a noun ("herders from Lowtown"; not an event's noun, ``triggers``: "the withdrawal
    from Lowtown" was there); from a verb right after its object, an actor's token
    (``is_actor``: "killed five herders from Lowtown", as parsers hang it), unless the verb
    takes people from a place (``taking``: "abducted two men from Lowtown"); or from an
    event's verb that also tells where the movement went ("fired from Lowtown into
    Highfield"; not a journey told of a victim, "a bus travelling from Lowtown to Highfield",
    whose two ends are as near the attack)."""
    out: set[int] = set()
    for i in range(*span):
        if t.dep[i] != "prep" or t.lower[i] != "from":
            continue
        head = t.head[i]
        if head == i or (head in triggers and t.pos[head] in _NOUNS):
            continue
        if (
            t.pos[head] in _NOUNS
            or (head in triggers and _goes_somewhere(t, head, i))
            or (t.lemma[head] not in taking and _after_people(t, head, i, is_actor))
        ):
            out.update(_subtree(t, i, skip=_destinations(t, i)))
    return frozenset(out)


def _goes_somewhere(t: Tree, verb: int, source: int) -> bool:
    """Whether ``verb`` has, beside its "from" phrase or under it (as parsers hang "from X
    into Y"), a phrase of where it went to."""
    return bool(_destinations(t, verb) - {source} or _destinations(t, source))


def _destinations(t: Tree, i: int) -> set[int]:
    return {c for c in t.kids[i] if t.dep[c] == "prep" and t.lower[c] in _DESTINATIONS}


def _after_people(t: Tree, verb: int, source: int, is_actor: Callable[[int], bool]) -> bool:
    """Whether the "from" phrase follows right on the verb's object, and that names people."""
    for c in t.kids[verb]:
        if t.dep[c] == "dobj" and is_actor(c) and max(_subtree(t, c)) == source - 1:
            return True
    return False


def _subtree(t: Tree, i: int, skip: Collection[int] = ()) -> list[int]:
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo += (k for k in t.kids[j] if k not in skip)
    return out
