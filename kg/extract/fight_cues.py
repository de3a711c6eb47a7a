"""Statements of fighting beyond :mod:`kg.extract.statement_cues`, for
:mod:`kg.extract.relations`: the side fought named through what it suffers or holds rather than
as a verb's subject or object, as news often words it:

- a participle or relative clause of fighting on the side it hits: "rebels besieged by
  government forces", "the fighters, who were attacked by X" (X fights the rebels, the
  fighters);
- a side dead in a fight another wages: "Y died in an X air strike", "Y died in an attack by
  X" (X fights Y);
- what a side holds: "X retook territory held by Y", "X bombed positions held by Y", "X
  shelled Y-held areas", "X launched an offensive on Y-controlled territory", "the
  bombardment of areas held by Y", "villages controlled by Y were shelled by X" (X fights Y);
- places freed or defended "from" someone: "X liberated the town from Y" (X fights Y), "X
  defended Kirkuk from Y attacks" (both ways);
- "X opposes Y", "X is opposed to Y", where one is an armed group (X fights Y);
- "the X-Y conflict", "the war pits X against Y", "X's war with Y", "X went to war with Y",
  "X is Y's enemy", "X is regarded as an enemy of Y", "Y's foes include X" (each fights
  the other);
- support "against" someone: "X supports Y against Z" (X and Y fight Z);
- sides that act together, not named as each other's partners: "X and Y cooperated against
  Z", "X and Y coordinated their attacks" (X and Y are allies; with a verb of acting together
  in ``[fighting] use_verbs``, each fights Z).
"""

from __future__ import annotations

import functools
from typing import Any

from kg.extract import columns
from kg.extract.alliance_cues import AllianceStatements
from kg.extract.prefixed import STANCE_PREFIXES
from kg.extract.relation_words import RelationWords
from kg.extract.sides import SUBJECTS, dedup
from kg.extract.statements import Triple, negated
from kg.model import ActorType, Extraction, RelationKind

__all__ = ["FightStatements"]

ALLIES = RelationKind.ALLIES_OF
FIGHTING = RelationKind.FIGHTING_AGAINST
_NON_STATE = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                        ActorType.IDENTITY_MILITIA})  # fmt: skip
_NAMING = frozenset({"compound", "nmod", "amod"})  # "the Taliban-ISIS conflict"
_WH = frozenset({"who", "which", "that"})
# prepositions that date what a clause tells by a war: "after the war with Y"
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "until", "following"})
# participles of holding ground: "Y-held", "controlled by Y"
_HOLD = frozenset({"hold", "control", "occupy", "run", "dominate", "besiege", "encircle"})
_STANCE_WORDS = frozenset(STANCE_PREFIXES)


@functools.cache
def _starts(alliance: frozenset[str], w: RelationWords) -> frozenset[str]:
    """The lemmas :meth:`FightStatements.at_word`'s patterns start from (``alliance``'s and
    its own), gathered once."""
    return (
        alliance | w.ally_cues | w.enemy_nouns | w.seize_verbs | w.death_verbs
        | w.between_nouns | w.siding_verbs | {"with", "oppose"}
    )  # fmt: skip


class FightStatements(AllianceStatements):
    """The patterns of :class:`AllianceStatements`, and the ones above."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        super().__init__(doc, extraction, words)
        self.insurgents = frozenset(a.key for a in extraction.actors if a.actor_type in _NON_STATE)
        self.starts = _starts(self.starts, words)
        self.start_words = _STANCE_WORDS

    def at_word(self, doc: Any, i: int, lemma: str, pos: str) -> list[Triple]:
        out = super().at_word(doc, i, lemma, pos)
        if pos == "VERB" and lemma in self.words.ally_cues:
            out = out + self._together(doc[i])
        if pos == "VERB" and lemma in self.words.siding_verbs:
            out = out + self._pit(doc[i])
        if pos == "NOUN" and lemma in self.words.enemy_nouns:
            out = out + self._enemy(doc[i])
        if pos == "VERB" and lemma in self.words.seize_verbs:
            out = out + self._seized(doc[i])
        if pos == "ADP" and lemma == "with":
            out = out + self._war_with(doc[i])
        if pos == "VERB" and lemma == "oppose":
            out = out + self._opposed(doc[i])
        if pos == "VERB" and lemma in self.words.death_verbs:
            out = out + self._died_in(doc[i])
        if pos in ("NOUN", "PROPN") and lemma in self.words.between_nouns:
            out = out + self._paired(doc[i])  # "the Iran-Iraq War": a name
        if columns.lowers(doc)[i] in STANCE_PREFIXES:
            out = out + self._stance(doc[i])
        return out

    def _stance(self, prefix: Any) -> list[Triple]:
        """ "the anti-Houthi coalition" (the coalition fights the Houthis), "pro-Assad
        militias" (the militias and Assad are allies): the name after the prefix
        (:mod:`kg.extract.prefixed`) and the phrase's actor."""
        doc = prefix.doc
        if prefix.i + 2 >= len(doc) or doc[prefix.i + 1].text != "-":
            return []
        named = self.actor_at.get(prefix.i + 2)
        phrase = prefix.head  # the noun the prefixed word modifies
        while phrase.dep_ in ("amod", "compound") and phrase.head.i > phrase.i:
            phrase = phrase.head  # "pro-Assad Shiite militias"
        holders = [k for k in self.actors(phrase) if k != named]
        if named is None or not holders or phrase.i <= prefix.i + 2:
            return []
        kind = FIGHTING if STANCE_PREFIXES[prefix.lower_] == "against" else ALLIES
        return [(kind, h, named) for h in holders]

    def _paired(self, noun: Any) -> list[Triple]:
        """ "the Taliban-ISIS conflict", "the Hezbollah-Nusra clashes": two sides named
        together before a noun of a fight both wage fight each other."""
        names = [t for c in noun.lefts if c.dep_ in _NAMING for t in c.subtree]
        sides = dedup(self.actor_at[t.i] for t in names if t.i in self.actor_at)
        if len(sides) != 2 or any(c.dep_ == "poss" for c in noun.children):
            return []
        return _both_ways(sides[:1], sides[1:])

    def _opposed(self, verb: Any) -> list[Triple]:
        """ "X opposes Y", "X is opposed to Y": X fights Y where one of them is an armed
        group (rebels, a militia); between states and parties opposition is politics."""
        if verb.dep_ == "amod":
            return []  # "the opposed sides"
        sides = self.holders(verb)
        if verb.dep_ == "acomp" or any(c.dep_ == "nsubjpass" for c in verb.children):
            # "X is opposed to Y"
            opposed = [k for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"
                       for k in self._objects(p)]  # fmt: skip
        else:
            opposed = [k for c in verb.children if c.dep_ == "dobj" for k in self.actors(c)]
        return [t for t in self._fight(sides, opposed)
                if t[0] is FIGHTING and {t[1], t[2]} & self.insurgents]  # fmt: skip

    def _died_in(self, verb: Any) -> list[Triple]:
        """ "Y died in an X air strike", "Y, who died in an attack by X, ...": the side that
        waged the fight noun fights the one who died in it."""
        if negated(verb, self.words.denial_verbs):
            return []
        dead = [k for c in verb.children if c.dep_ == "nsubj" for k in self.actors(c)]
        if any(c.lower_ in _WH for c in verb.children if c.dep_ == "nsubj"):
            dead = self.actors(verb.head) if verb.dep_ == "relcl" else []
        return self._fight(self._in_fight(verb), dead)

    def _war_with(self, prep: Any) -> list[Triple]:
        """ "X's war with Y", "X fought a long war with Y", "X went to war with Y", "X, whose
        conflict with Y began in 2004": each fights the other."""
        noun = prep.head
        if noun.pos_ == "VERB":  # "went to war with Y": "with" hangs on the verb
            noun = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "to"
                         for o in p.children if o.dep_ == "pobj"), noun)  # fmt: skip
        if prep.dep_ != "prep" or noun.lemma_.lower() not in self.words.between_nouns:
            return []
        enemies = self._objects(prep)
        if not enemies:
            return []
        sides = [k for c in noun.children if c.dep_ in ("poss", "compound", "nmod")
                 for k in self.actors(c)]  # fmt: skip
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in noun.children):
            clause = noun.head  # "X, whose conflict with Y began": the clause describes X
            while clause.dep_ != "relcl" and clause.head != clause:
                clause = clause.head
            sides = self.actors(clause.head) if clause.dep_ == "relcl" else []
        elif not sides and noun.dep_ in ("dobj", "pobj"):
            verb = noun.head if noun.dep_ == "dobj" else noun.head.head
            if verb.lemma_.lower() in self.words.speech_verbs:
                return []  # "X discussed the war with Y": Y may be whom X talks to
            if noun.dep_ == "pobj" and (
                noun.head.lower_ in _TIME_PREPOSITIONS
                or verb.lemma_.lower() in self.words.death_verbs
            ):
                return []  # "Y died in hospital after the war with Z": when, not whose war
            sides = self.holders(verb)
        return _both_ways(sides, enemies)

    def _seized(self, verb: Any) -> list[Triple]:
        """ "X retook territory held by Y", "X captured Y-held villages", "X captured Y's
        stronghold": X fights Y."""
        held = [k for c in verb.children if c.dep_ == "dobj" and not self.actors(c)
                for k in self._held(c)]  # fmt: skip
        held += [k for c in verb.children if c.dep_ == "dobj"
                 and c.lemma_.lower() in self.words.ground_nouns
                 and any(p.dep_ == "poss" for p in c.children)
                 for k in self.actors(c)]  # fmt: skip  # "X captured Y's stronghold"
        return self._fight(self.holders(verb), held) if held else []

    def _enemy(self, noun: Any) -> list[Triple]:
        """ "X is Y's enemy", "X is the main enemy of Y", "X, an enemy of Y", "Y's enemies
        include X": X and Y fight each other."""
        owners = [k for c in noun.children if c.dep_ == "poss" for k in self.actors(c)]
        owners += [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for k in self._objects(p)]  # fmt: skip
        verb = noun.head
        if noun.dep_ == "attr" and verb.lemma_ == "be":
            sides = [k for c in verb.children if c.dep_ == "nsubj" for k in self.actors(c)]
        elif noun.dep_ == "appos":
            sides = self.actors(noun.head)
        elif noun.dep_ == "pobj" and verb.lower_ == "as":  # "X is regarded as an enemy of Y"
            sides = self.holders(verb.head)
        elif noun.dep_ == "nsubj" and verb.lemma_.lower() in ("include", "be"):
            sides = [k for c in verb.children if c.dep_ in ("dobj", "attr") for k in self.actors(c)]
        else:
            return []
        return _both_ways(sides, owners)

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
        if not keys and self._measure(noun):  # "18,000 km of territory held by Y"
            keys = [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for k in self._held(o)]  # fmt: skip
        return dedup(keys)

    def _measure(self, noun: Any) -> bool:
        """A noun of an amount or a part ("kilometres", "parts", "much"), or one counted
        ("dozens of villages"), whose "of" object names the ground."""
        return noun.lemma_.lower() in self.words.measure_nouns or any(
            c.dep_ == "nummod" for c in noun.children
        )

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

    def fought(self, noun: Any) -> list[str]:
        """The actors a noun names, or those that hold the place it names: "an offensive on
        Y-held Aleppo", "the bombardment of areas held by Y" (Y is fought)."""
        return self.actors(noun) or self._held(noun)

    def _attackers(self, prep: Any) -> list[str]:
        """Who a defence "from" is against: a side named ("from Y") or its fight ("from Y
        attacks"); not its qualities ("from Y's brutality")."""
        nouns = [o for o in prep.children if o.dep_ == "pobj"]
        return [k for o in nouns for k in self.actors(o)
                if o.i in self.actor_at or o.lemma_.lower() in self.words.fight_nouns]  # fmt: skip

    def _pit(self, verb: Any) -> list[Triple]:
        """ "The war pits X against Y", "X was pitted against Y": each fights the other."""
        sides = [k for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 for k in self.actors(c)]  # fmt: skip
        against = [k for p in verb.children if p.dep_ == "prep" and p.lower_ == "against"
                   for k in self._objects(p)]  # fmt: skip
        return _both_ways(sides, against)

    def _against(self, prep: Any) -> list[Triple]:
        """:meth:`CueStatements._against`; and support "against" someone: "X supports Y
        against Z", "X is committed to backing Y against Z" (X and Y fight Z)."""
        out = super()._against(prep)
        verb = prep.head
        if out or prep.lower_ != "against" or verb.pos_ != "VERB":
            return out  # "X backed Y on Z" is no fight
        if verb.lemma_.lower() not in self.words.ally_cues:
            return out
        targets = self._objects(prep)
        if not targets:
            return out
        return self._fight(dedup(self.holders(verb) + self.partners(verb)), targets)

    def _from(self, prep: Any) -> list[Triple]:
        """:meth:`CueStatements._from`; and ridding a place "from" someone: "X liberated
        the town from Y", "X cleared the district from Y" (X fights Y; not "X freed
        hostages from Y", where the object names people)."""
        out = super()._from(prep)
        head = self.from_head(prep)  # "X liberated Ramadi from Y": "from" hung on "Ramadi"
        if out or head.pos_ != "VERB":
            return out
        if head.lemma_.lower() in self.words.defend_verbs:  # "X defended Kirkuk from Y"
            return _both_ways(self.holders(head), self._attackers(prep))
        if head.lemma_.lower() not in self.words.rid_verbs:
            return out
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if not objects or any(self.actors(o) for o in objects):
            return out
        return self._fight(self.holders(head), self._objects(prep))


def _both_ways(sides: list[str], others: list[str]) -> list[Triple]:
    """Each side fights each other one, and is fought by it (a fight both wage; the sides on
    one end are not thereby allies)."""
    return [(FIGHTING, a, b) for x, y in ((sides, others), (others, sides))
            for a in dedup(x) for b in dedup(y) if a != b]  # fmt: skip
