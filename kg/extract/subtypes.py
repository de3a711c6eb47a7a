"""Refine an event's type by the words of its sentence (``kg/data/subtypes.toml``).

A trigger gives the family ("protest", "attack"); the sentence decides the ACLED sub-event
type: protesters who throw stones make a violent demonstration, an attack by warplanes an air
strike, an explosion of a roadside bomb a remote explosive.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ResourceError
from kg.extract.lexicon import read_toml
from kg.rdf.taxonomy_ids import EVENT_TYPE_IDS
from kg.resources import data_dir


@dataclass(frozen=True, slots=True)
class Cues:
    words: frozenset[str]  # single words, compared with lemmas and lower-cased tokens
    phrases: tuple[str, ...]  # several or hyphenated words, searched in the lower-cased text

    def match(self, lemmas: frozenset[str], text: str) -> bool:
        # map over the bound method, no generator: ~39k calls a run of 250 articles
        return not self.words.isdisjoint(lemmas) or any(map(text.__contains__, self.phrases))


@dataclass(frozen=True, slots=True)
class Rule:
    about: str
    sources: frozenset[str]
    required: tuple[Cues, ...]
    unless: Cues | None
    to: str
    # trigger classes the rule leaves alone: "clashes amid shelling" stay a clash
    not_for: frozenset[str] = frozenset()


def _cues(entries: Iterable[str]) -> Cues:
    entries = [e.lower() for e in entries]
    # several words, or words joined by a hyphen (the tokenizer splits "off-duty"): phrases
    phrases = tuple(e for e in entries if " " in e or "-" in e)
    return Cues(frozenset(e for e in entries if e not in phrases), phrases)


@functools.cache
def load_rules(path: Path | None = None) -> tuple[Rule, ...]:
    path = path or data_dir() / "subtypes.toml"
    data = read_toml(path)
    rules = []
    for number, raw in enumerate(data.get("rule", []), 1):
        to = raw.get("to")
        sources = frozenset(raw.get("from", []))
        unknown = ({to} | sources) - EVENT_TYPE_IDS
        if unknown:
            raise ResourceError(path, f"rule {number}: unknown event types {sorted(unknown)}")
        unless = _cues(raw["unless"]) if raw.get("unless") else None
        required = tuple(_cues(group) for group in raw.get("all", []))
        not_for = frozenset(raw.get("not_for_trigger", []))
        rules.append(Rule(raw.get("about", ""), sources, required, unless, str(to), not_for))
    return tuple(rules)


@functools.cache
def _rules_from(event_type: str) -> tuple[Rule, ...]:
    """The rules for events of ``event_type``, in their order."""
    return tuple(rule for rule in load_rules() if event_type in rule.sources)


def refine(event_type: str, lemmas: frozenset[str], text: str, trigger_class: str = "") -> str:
    """The first rule's type for an event of ``event_type`` (found by a trigger of
    ``trigger_class``) in a sentence, else the type."""
    text = text.lower()
    for rule in _rules_from(event_type):
        if trigger_class in rule.not_for:
            continue
        if rule.unless is not None and rule.unless.match(lemmas, text):
            continue
        for cues in rule.required:  # a loop, not all(): ~4,700 calls a run, ~8 rules each
            if not cues.match(lemmas, text):
                break
        else:
            return rule.to
    return event_type
