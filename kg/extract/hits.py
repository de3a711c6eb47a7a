"""Triggers whose own phrase decides whether they tell an event: what hit something, and
projectiles seen or fired (``kg/data/triggers.tsv`` classes ``hit`` and ``projectile``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import Lexicon


class Hits:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.air_words = lexicon.word_set("events", "air_words")
        self.hitters = self.air_words | lexicon.word_set("events", "bombard_words")
        self.projectile_verbs = lexicon.word_set("events", "projectile_verbs")
        self.blows = lexicon.word_set("events", "blow_words")

    def at_trigger(self, head: Token, event_class: str) -> str | None:
        """The class of a trigger that its own phrase decides, else None (no event):
        "a drone hit the farm", "hit by a missile" (what hit is a weapon of bombardment),
        "hit by a stone" (violence), not "hit by a car", "their vehicle hit a mine";
        "observed 4 projectiles", "projectiles landed" (not "threw projectiles", "a stash of
        projectiles"). Other classes pass."""
        if event_class == "hit":
            phrases = [c for c in head.children if c.dep_ in ("nsubj", "agent")]
            hitters = {t.lemma_.lower() for c in phrases for t in c.subtree}
            if hitters & self.air_words:
                return "air-drone-strike"  # what hit decides, not "hit the air base"
            if hitters & self.hitters:
                return "shelling-artillery-missile-attack"
            return "violence" if hitters & self.blows else None  # "hit by a stone"
        if event_class == "projectile":
            while head.dep_ in ("nmod", "conj", "appos") or (
                head.dep_ == "pobj" and head.head.lower_ == "of"
            ):  # "a total of 4 projectiles", "projectiles and explosions"
                head = head.head.head if head.dep_ == "pobj" else head.head
            verb = head.head if head.dep_ in ("dobj", "nsubj", "nsubjpass") else head
            return "bombard" if verb.lemma_.lower() in self.projectile_verbs else None
        return event_class
