"""Triggers whose own phrase decides whether they tell an event: what hit something, and
projectiles seen or fired (``kg/data/triggers.tsv`` classes ``hit`` and ``projectile``), and
what was set up (a barricade is no base), and ground held now (no ground taken)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import columns
from kg.extract.lexicon import Lexicon
from kg.extract.quoted import quoted_in_paragraph


class Hits:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.air_words = lexicon.word_set("events", "air_words")
        self.hitters = self.air_words | lexicon.word_set("events", "bombard_words")
        self.projectile_verbs = lexicon.word_set("events", "projectile_verbs")
        self.blows = lexicon.word_set("events", "blow_words")
        self.unbased = lexicon.word_set("events", "unbased_objects")
        self.holding = lexicon.word_set("events", "holding_verbs")

    def at_trigger(self, head: Token, event_class: str) -> str | None:
        """The class of a trigger that its own phrase decides, else None (no event):
        "a drone hit the farm", "hit by a missile" (what hit is a weapon of bombardment),
        "hit by a stone" (violence), not "hit by a car", "their vehicle hit a mine";
        "observed 4 projectiles", "projectiles landed" (not "threw projectiles", "a stash of
        projectiles"); no base where what was set up or established is no site ("set up
        barricades", "established a committee"); no ground taken where a verb of holding is
        in the present progressive ("the army is occupying our land": a state, not an act), or
        in the simple present inside quotation marks ('"They occupy our land," he said'; a
        headline's present, "Rebels occupy town", tells an act).
        Other classes pass."""
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
        if event_class == "headquarters-or-base-established":
            built = {c.lemma_.lower() for c in head.children if c.dep_ == "dobj"}
            return None if built & self.unbased else event_class
        if event_class == "territory" and head.lemma_.lower() in self.holding:
            now = any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in head.children)
            return None if (head.tag_ == "VBG" and now) or _quoted_present(head) else event_class
        return event_class


def _quoted_present(head: Token) -> bool:
    """Whether the verb is in the simple present inside quotation marks of its paragraph."""
    if head.tag_ not in ("VBZ", "VBP"):
        return False
    return quoted_in_paragraph(columns.doc_text(head.doc), head.idx)
