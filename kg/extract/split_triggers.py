"""Verb triggers of several words that the verb's object splits or stretches: "set the bank on
fire" ("set on fire"), "set two cars ablaze", "threw a stone at the bus" ("throw stone"),
"exchanged heavy fire" ("exchange fire").

``TriggerMatcher`` wants a trigger's lemmas on consecutive tokens, as news writes them when
the object is short or comes last ("set fire to the bank", "threw stones"). A longer object
comes between the verb and its complement, and a determiner, figure or adjective between the
verb and the noun it governs. The parse tells both: the verb's direct object starts right after
the verb, and the trigger's other lemmas either follow the whole object or start at the
object's own noun. Such a match is reported on the verb alone (the object's words may name an
actor or a place, which would make the whole span read as a name).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from kg.extract import parse_tree
from kg.extract.lexicon import Trigger


class SplitTriggers:
    """``split(doc)`` -> ``[(number, start, end), ...]`` as ``TriggerMatcher`` gives them: the
    trigger's index in ``triggers`` and the verb's one-token span."""

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self._by_verb: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for number, trigger in enumerate(triggers):
            if trigger.pos == "VERB" and len(trigger.lemmas) > 1:
                first, *rest = trigger.lemmas
                self._by_verb.setdefault(first, []).append((number, tuple(rest)))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        t = parse_tree.tree(doc)
        lemmas = t.raw_lemma
        found = []
        for i, lemma in enumerate(lemmas):
            if lemma not in self._by_verb or t.pos[i] != "VERB":
                continue
            for obj in t.kids[i]:
                if t.dep[obj] != "dobj" or _left_edge(t, obj) != i + 1:
                    continue  # the object must start right after the verb
                after = _right_edge(t, obj) + 1
                for number, rest in self._by_verb[lemma]:
                    # "set the bank on fire": the rest follows the whole object; "threw a
                    # stone": the rest starts at the object's noun, its modifiers before it
                    if _at(lemmas, after, rest) or (obj > i + 1 and _at(lemmas, obj, rest)):
                        found.append((number, i, i + 1))
        return sorted(set(found), key=lambda m: (m[1], m[2], m[0]))


def _at(lemmas: Sequence[str], start: int, rest: tuple[str, ...]) -> bool:
    return tuple(lemmas[start : start + len(rest)]) == rest


def _left_edge(t: parse_tree.Tree, i: int) -> int:
    while t.kids[i] and t.kids[i][0] < i:
        i = t.kids[i][0]
    return i


def _right_edge(t: parse_tree.Tree, i: int) -> int:
    while t.kids[i] and t.kids[i][-1] > i:
        i = t.kids[i][-1]
    return i
