"""Statements of fighting beyond :mod:`kg.extract.statement_cues`, for
:mod:`kg.extract.relations`: the side fought named through what it suffers or holds rather than
as a verb's subject or object, as news often words it:

- a participle or relative clause of fighting on the side it hits: "rebels besieged by
  government forces", "the fighters, who were attacked by X" (X fights the rebels, the
  fighters);
- what a side holds: "X bombed positions held by Y", "X shelled Y-held areas", "X launched an
  offensive on Y-controlled territory", "villages controlled by Y were shelled by X" (X fights
  Y);
- sides that act together, not named as each other's partners: "X and Y cooperated against
  Z", "X and Y coordinated their attacks" (X and Y are allies; with a verb of acting together
  in ``[fighting] use_verbs``, each fights Z).
"""

from __future__ import annotations

from typing import Any

from kg.extract.alliance_cues import AllianceStatements
from kg.extract.sides import SUBJECTS, dedup
from kg.extract.statements import Triple
from kg.model import RelationKind

__all__ = ["FightStatements"]

ALLIES = RelationKind.ALLIES_OF
_WH = frozenset({"who", "which", "that"})
# participles of holding ground: "Y-held", "controlled by Y"
_HOLD = frozenset({"hold", "control", "occupy", "run", "dominate", "besiege", "encircle"})


class FightStatements(AllianceStatements):
    """The patterns of :class:`AllianceStatements`, and the ones above."""

    def at_word(self, token: Any, lemma: str, pos: str) -> list[Triple]:
        out = super().at_word(token, lemma, pos)
        if pos == "VERB" and lemma in self.words.ally_cues:
            out = out + self._together(token)
        return out

    def _together(self, verb: Any) -> list[Triple]:
        """ "X and Y cooperated", "X and Y coordinated their attacks": sides that act
        together, where the verb names no partner of theirs, are allies."""
        if self.partners(verb):
            return []  # "X supports Y": the cue's own pattern
        sides = dedup(k for c in verb.children if c.dep_ in SUBJECTS for k in self.actors(c))
        return [(ALLIES, a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]

    def _held(self, noun: Any) -> list[str]:
        """The actors that hold the place a noun names: "positions held by Y", "Y-held
        areas", "territory controlled by Y"."""
        keys: list[str] = []
        for c in noun.children:
            if c.dep_ not in ("acl", "amod") or c.lemma_.lower() not in _HOLD:
                continue
            keys += self._by(c)
            keys += [k for m in c.children if m.dep_ in ("npadvmod", "compound", "nmod")
                     for k in self.actors(m)]  # fmt: skip
        return dedup(keys)

    def _owner(self, noun: Any) -> list[str]:
        """ "struck the positions of Y" (:meth:`Statements._owner`), and "struck positions
        held by Y"."""
        return super()._owner(noun) or self._held(noun)

    def _fight_verb(self, verb: Any) -> list[Triple]:
        """:meth:`CueStatements._fight_verb`; and a passive participle on the side it hits
        ("rebels besieged by X", "fighters, who were attacked by X"), or on a place that side
        holds ("villages controlled by Y were shelled by X")."""
        out = super()._fight_verb(verb)
        if out or verb.tag_ != "VBN":
            return out
        agents = self._by(verb)
        if not agents:
            return out
        hit: list[str] = []
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            hit = self.actors(verb.head) or self._held(verb.head)
        elif verb.dep_ == "relcl" and any(
            c.dep_ == "nsubjpass" and c.lower_ in _WH for c in verb.children
        ):
            hit = self.actors(verb.head)
        else:
            hit = [k for c in verb.children if c.dep_ == "nsubjpass" and not self.actors(c)
                   for k in self._held(c)]  # fmt: skip
        return self._fight(agents, hit)

    def _against(self, prep: Any) -> list[Triple]:
        """:meth:`CueStatements._against`; and a fight "on" or "against" a place a side
        holds: "X launched an offensive on Y-held Aleppo" (X fights Y)."""
        out = super()._against(prep)
        if out:
            return out
        held = [k for o in prep.children if o.dep_ == "pobj" and not self.actors(o)
                for k in self._held(o)]  # fmt: skip
        head = prep.head
        if not held or head.lemma_.lower() not in self.words.fight_verbs | self.words.use_verbs:
            return []
        if head.pos_ != "VERB":
            return []
        return self._fight(self.holders(head, groups=True), held)
