"""Find the triggers of ``kg/data/triggers.tsv`` in a Doc: each trigger's lemmas on
consecutive tokens, the first with the trigger's part of speech.

A trigger matches at token ``i`` as its lemmas (``lemma_`` equal, token by token), the first
token a verb for a VERB trigger, a noun or proper noun for a NOUN trigger; or, opening a
sentence, with its first lemma capitalised (the small model keeps the capital in the lemma of
a headline's first word: "Clash between rival groups"), then not inside a date or time entity
("March 3" is no trigger); or with every lemma in capitals (the model keeps an acronym's
capitals in its lemma when it reads it as a proper noun: "hit by an IED"), then not as a
noun's modifier ("the RAID unit", "the STRIKE team" name a unit). A NOUN trigger of several
words is a noun phrase: its last word is no verb ("Turkish drones struck a car" tells no
"drone strike"; the verb "struck" is the trigger there, its subject the drones). These are the
token patterns ``patterns`` gives spaCy's Matcher, and the results are the Matcher's, in the
order it gives matches of the same span.

Why not the Matcher itself: it tries its patterns (three a trigger) at every token and makes a
Python ``Token`` per token and call, ~20 ms a 350-word article, more than all the rest of
``EventFinder``; a dict from first lemma to triggers costs one pass over the lemmas
(bench/PERF.md). ``tests/extract/test_trigger_matcher.py`` checks both agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.lexicon import Trigger

_NOT_OPENING = frozenset({"DATE", "TIME"})  # entity types a capitalised first lemma may not be
_NOUNS = frozenset({"NOUN", "PROPN"})
# a word in capitals that modifies a noun names it ("the RAID unit", "the STRIKE team"): no
# trigger, where "hit by an IED" is one
_NAME_PARTS = frozenset({"compound"})
# what the last word of a NOUN trigger of several words may not be: "drones struck" is no
# "drone strike"
_NOT_NOUN_HEADS = frozenset({"VERB"})


def patterns(trigger: Trigger) -> list[list[dict[str, Any]]]:
    """A trigger as spaCy Matcher patterns (the reference ``TriggerMatcher`` agrees with)."""
    pattern: list[dict[str, Any]] = [{"LEMMA": lemma} for lemma in trigger.lemmas]
    opening: list[dict[str, Any]] = [
        {"LEMMA": trigger.lemmas[0].capitalize(), "IS_SENT_START": True,
         "ENT_TYPE": {"NOT_IN": sorted(_NOT_OPENING)}},
        *pattern[1:],
    ]  # fmt: skip
    capitals: list[dict[str, Any]] = [
        {"LEMMA": trigger.lemmas[0].upper(), "DEP": {"NOT_IN": sorted(_NAME_PARTS)}},
        *({"LEMMA": lemma.upper()} for lemma in trigger.lemmas[1:]),
    ]
    for first in (pattern[0], opening[0], capitals[0]):
        if trigger.pos == "VERB":
            first["POS"] = "VERB"
        elif trigger.pos == "NOUN":
            first["POS"] = {"IN": sorted(_NOUNS)}
    if trigger.pos == "NOUN" and len(trigger.lemmas) > 1:
        for last in (pattern[-1], opening[-1], capitals[-1]):
            last["POS"] = {"NOT_IN": sorted(_NOT_NOUN_HEADS)}
    return [pattern, opening, capitals]


class TriggerMatcher:
    """``matcher(doc)`` -> ``[(number, start, end), ...]``: the trigger's index in
    ``triggers`` and its token span; sorted by start, end and number."""

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self._plain: dict[str, list[tuple[int, Trigger]]] = {}
        self._opening: dict[str, list[tuple[int, Trigger]]] = {}
        self._capitals: dict[str, list[tuple[int, Trigger]]] = {}
        for number, trigger in enumerate(triggers):
            first = trigger.lemmas[0]
            self._plain.setdefault(first, []).append((number, trigger))
            self._opening.setdefault(first.capitalize(), []).append((number, trigger))
            self._capitals.setdefault(first.upper(), []).append((number, trigger))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        lemmas = columns.lemmas(doc)
        found: set[tuple[int, int, int]] = set()
        for i, lemma in enumerate(lemmas):
            for number, trigger in self._plain.get(lemma, ()):
                if _pos(doc[i], trigger) and _rest(lemmas, i, trigger) and _head(doc, i, trigger):
                    found.add((i, i + len(trigger.lemmas), number))
            for number, trigger in self._capitals.get(lemma, ()):
                if (
                    doc[i].dep_ not in _NAME_PARTS
                    and _pos(doc[i], trigger)
                    and _rest(lemmas, i, trigger, upper=True)
                    and _head(doc, i, trigger)
                ):
                    found.add((i, i + len(trigger.lemmas), number))
            for number, trigger in self._opening.get(lemma, ()):
                token = doc[i]
                if (
                    token.is_sent_start is True
                    and token.ent_type_ not in _NOT_OPENING
                    and _pos(token, trigger)
                    and _rest(lemmas, i, trigger)
                    and _head(doc, i, trigger)
                ):
                    found.add((i, i + len(trigger.lemmas), number))
        return [(number, start, end) for start, end, number in sorted(found)]


def _pos(token: Token, trigger: Trigger) -> bool:
    if trigger.pos == "VERB":
        return bool(token.pos_ == "VERB")
    if trigger.pos == "NOUN":
        return token.pos_ in _NOUNS
    return True


def _head(doc: Doc, i: int, trigger: Trigger) -> bool:
    """Whether a NOUN trigger of several words at ``i`` ends in no verb (its lemmas matched)."""
    n = len(trigger.lemmas)
    return trigger.pos != "NOUN" or n == 1 or columns.poses(doc)[i + n - 1] not in _NOT_NOUN_HEADS


def _rest(lemmas: Sequence[str], i: int, trigger: Trigger, *, upper: bool = False) -> bool:
    n = len(trigger.lemmas)
    rest = tuple(lemma.upper() for lemma in trigger.lemmas[1:]) if upper else trigger.lemmas[1:]
    return n == 1 or tuple(lemmas[i + 1 : i + n]) == rest
