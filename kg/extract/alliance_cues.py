"""Statements of alliance beyond :mod:`kg.extract.statement_cues`, for
:mod:`kg.extract.relations`. News tells an alliance less often by a word of support on the
partner ("X, backed by Y") than by what passes between the two sides or by what one side is
called in relation to the other:

- arms and help handed over: "X supplied weapons to Y", "X provided military support to Y",
  "X supplied Y with weapons", "Y received weapons and training from X" make X and Y allies;
  not relief ("X sent humanitarian aid to Y", for every cue of support) nor anything given
  to civilians;
- a side named as another's ally: "X and its allies", "the regime's foreign backers", "Y's
  proxies" (the noun of alliance, owned by one actor, names another), "X is regarded as a
  proxy of Y";
- sides joining: "X joined forces with Y", "X formed an alliance with Y", "X and Y formed a
  coalition", "a coalition of X, Y and Z" (not "X joined Y", which is company or membership);
- sides attacking together: "X and Y attacked the town" (coordinated subjects of a one-sided
  verb of attack with an object: not "X and Y fought", "X and Y attacked each other", nor "X
  or Y attacked"; with an actor for object, the events say it: :mod:`kg.extract.relations`).

Each is still subject to the gate of :func:`kg.extract.relations.find_relations` (a word of
war in the sentence, or an armed side), so arms and support only count in a fight's context.
"""

from __future__ import annotations

import functools
from typing import Any

from kg.extract import columns
from kg.extract.relation_words import RelationWords
from kg.extract.sides import SUBJECTS, conjuncts, dedup
from kg.extract.statement_cues import CueStatements
from kg.extract.statements import Triple, negated
from kg.model import ActorType, Extraction, RelationKind

__all__ = ["AllianceStatements"]

ALLIES = RelationKind.ALLIES_OF
FIGHTING = RelationKind.FIGHTING_AGAINST
_TO = frozenset({"to", "for"})  # "weapons to Y", "support for Y"
_RECEIVE = frozenset({"receive", "obtain", "get", "accept", "acquire", "take"})
_JOIN = frozenset({"join", "combine", "pool", "unite"})  # "joined forces", "pooled forces"
_FORCES = frozenset({"force", "hand", "rank"})  # "joined hands", "closed ranks"
_FORM = frozenset({"form", "forge", "create", "establish", "build", "announce", "enter", "sign",
                   "seal", "conclude", "cement"})  # fmt: skip
_JOIN_OR_FORM = _JOIN | _FORM
_THIRD = frozenset({"its", "their"})  # possessives that can refer back to a conjunct
_PACTS = frozenset({"alliance", "coalition", "pact", "partnership", "front", "union"})
_RECIPROCAL = frozenset({"other", "another"})  # "attacked each other", "one another"
_ALTERNATIVES = frozenset({"or", "nor", "and/or"})  # "X or Y attacked": one of them


@functools.cache
def _starts(w: RelationWords) -> frozenset[str]:
    """The lemmas :meth:`AllianceStatements.at_word`'s patterns start from, gathered once."""
    return w.supply_verbs | _RECEIVE | _JOIN_OR_FORM | w.ally_nouns | _PACTS | w.fight_verbs


class AllianceStatements(CueStatements):
    """The patterns of :class:`CueStatements`, and the ones above."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        super().__init__(doc, extraction, words)
        self.civilians = frozenset(
            a.key for a in extraction.actors if a.actor_type is ActorType.CIVILIANS
        )
        # the lemmas ``at_word``'s patterns start from (a subclass adds its own, and the
        # lower-cased words of patterns that start from a word, not a lemma)
        self.starts = _starts(words)
        self.start_words: frozenset[str] = frozenset()

    def sentence(self, sent: Any) -> list[Triple]:
        out = super().sentence(sent)
        if not self.two_sided(sent):
            return out
        doc = sent.doc
        lemmas, poses, lowers = columns.lemma_lowers(doc), columns.poses(doc), columns.lowers(doc)
        starts, start_words = self.starts, self.start_words
        for i in range(sent.start, sent.end):  # at_word only where a pattern may start
            if lemmas[i] in starts or lowers[i] in start_words:
                out += self.at_word(doc, i, lemmas[i], poses[i])
        return out

    def at_word(self, doc: Any, i: int, lemma: str, pos: str) -> list[Triple]:
        """The relations the patterns starting at word ``i`` of a sentence naming two actors
        find (a subclass adds its own); the word's Token is made only where one starts. A
        pattern starts from a lemma in ``starts`` or a word in ``start_words``: a subclass
        adding one adds its words there (``sentence`` asks no other word)."""
        if pos == "VERB" and lemma in self.words.supply_verbs:
            return self._supplied(doc[i])
        if pos == "VERB" and lemma in _RECEIVE:
            return self._received(doc[i])
        if pos == "VERB" and lemma in _JOIN_OR_FORM:
            token = doc[i]
            return self._joined(token) + self._joined_in(token)
        if pos == "NOUN" and lemma in self.words.ally_nouns:
            return self._owned_ally(doc[i])
        if pos == "NOUN" and lemma in _PACTS:
            return self._pact_of(doc[i])
        if pos == "VERB" and lemma in self.words.fight_verbs:
            return self._attacked_together(doc[i])
        return []

    def _ally_cue(self, cue: Any) -> list[Triple]:
        """:meth:`Statements._ally_cue`, less relief: "X provides humanitarian aid to Y",
        "medical assistance from Y" make no allies; nor what is asked for: "X demanded more
        support from Y" (Y gives none yet)."""
        if any(c.dep_ == "amod" and c.lemma_.lower() in self.words.relief_words
               for c in cue.children):  # fmt: skip
            return []
        if cue.dep_ == "dobj" and cue.head.lemma_.lower() in self.words.demand_verbs:
            return []
        return super()._ally_cue(cue)

    def _supplies(self, nouns: list[Any]) -> bool:
        """Some of the nouns (with their conjuncts) are arms or help, none of them relief."""
        things = [c for n in nouns for c in _conjuncts(n)]
        relief = self.words.relief_words
        return any(t.lemma_.lower() in self.words.supplies for t in things) and not any(
            c.lemma_.lower() in relief for t in things for c in t.children if c.dep_ == "amod"
        )

    def _armed_partners(self, keys: list[str]) -> list[str]:
        return [k for k in keys if k not in self.civilians]

    def _supplied(self, verb: Any) -> list[Triple]:
        """ "X supplied weapons to Y", "X provided support to Y", "X supplied Y with arms"."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        given = [o for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj"]  # fmt: skip
        if self._supplies(objects):
            partners = [k for p in verb.children if p.dep_ in ("prep", "dative")
                        and p.lower_ in _TO for k in self._objects(p)]  # fmt: skip
            partners += [k for o in objects for p in o.children
                         if p.dep_ == "prep" and p.lower_ in _TO
                         for k in self._objects(p)]  # fmt: skip
            partners += [k for c in verb.children if c.dep_ == "dative" for k in self.actors(c)]
        elif self._supplies(given):
            partners = [k for o in objects for k in self.actors(o)]
        else:
            return []
        return self._allied(self.holders(verb), partners)

    def _received(self, verb: Any) -> list[Triple]:
        """ "Y received weapons and training from X": X arms Y."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not self._supplies(objects):
            return []
        suppliers = [k for n in (verb, *objects) for p in n.children
                     if p.dep_ == "prep" and p.lower_ == "from"
                     for k in self._objects(p)]  # fmt: skip
        return self._allied(self._armed_partners(self.holders(verb)), suppliers)

    def _joined(self, verb: Any) -> list[Triple]:
        """ "X joined forces with Y", "X formed an alliance with Y", "X and Y formed a
        coalition"."""
        lemma = verb.lemma_.lower()
        pacts = _FORCES if lemma in _JOIN else _PACTS
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in pacts]
        objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "into"
                    for o in p.children
                    if o.dep_ == "pobj" and o.lemma_.lower() in pacts]  # fmt: skip
        if not objects or any(self.actors(o) and list(o.children) for o in objects):
            return []  # "X joined the forces of Y", "X joined Y's forces": membership
        partners = [k for n in (verb, *objects) for p in n.children
                    if p.dep_ == "prep" and p.lower_ == "with"
                    for k in self._objects(p)]  # fmt: skip
        subjects = [k for c in verb.children if c.dep_ in SUBJECTS for k in self.actors(c)]
        if partners:
            return self._allied(subjects or self.holders(verb), partners)
        return [(ALLIES, a, b) for i, a in enumerate(subjects) for b in subjects[i + 1 :]]

    def _joined_in(self, verb: Any) -> list[Triple]:
        """ "X joined Y in fighting Z", "X joined Y in the fight against Z": X and Y wage one
        fight, as allies (not "X joined Y": membership)."""
        if verb.lemma_.lower() != "join":
            return []
        partners = [k for c in verb.children if c.dep_ == "dobj" for k in self.actors(c)]
        fights = self.words.fight_verbs | self.words.fight_nouns
        joint = [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                 for c in p.children
                 if c.dep_ in ("pcomp", "pobj") and c.lemma_.lower() in fights]  # fmt: skip
        if not partners or not joint:
            return []
        subjects = [k for c in verb.children if c.dep_ in SUBJECTS for k in self.actors(c)]
        enemies = [k for f in joint for c in f.children if c.dep_ == "dobj"
                   for k in self.actors(c)]  # fmt: skip
        enemies += [k for f in joint for p in f.children if p.dep_ == "prep"
                    and p.lower_ == "against" for k in self._objects(p)]  # fmt: skip
        fought = [(FIGHTING, p, e) for p in dedup(partners) for e in dedup(enemies) if p != e]
        return self._allied(subjects or self.holders(verb), partners) + fought

    def _pact_of(self, noun: Any) -> list[Triple]:
        """ "a coalition of X, Y and Z", "the alliance between X and Y": the members named
        after the noun of a pact are allies."""
        members = [k for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "between")
                   for k in self._objects(p)]  # fmt: skip
        members = dedup(members)
        return [(ALLIES, a, b) for i, a in enumerate(members) for b in members[i + 1 :]]

    def _attacked_together(self, verb: Any) -> list[Triple]:
        """ "X and Y attacked the town", "X and Y stormed a base": the coordinated subjects of
        a one-sided verb of attack with an object act together. Not a verb of a fight both
        sides wage ("X and Y fought", "X and Y battled for the town": opponents), a reciprocal
        object ("attacked each other"), alternatives ("X or Y attacked"), nor a negated or
        denied verb."""
        if verb.lemma_.lower() in self.words.between_nouns or negated(
            verb, self.words.denial_verbs
        ):
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects or any(o.lemma_.lower() in _RECIPROCAL for o in objects):
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(g.dep_ == "cc" and g.lower_ in _ALTERNATIVES
               for s in subjects for c in conjuncts(s) for g in c.children):  # fmt: skip
            return []
        sides = dedup(k for s in subjects for k in self.actors(s))
        sides = [k for k in sides if k not in self.civilians]
        return [(ALLIES, a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]
                if (a, b) not in self.members and (b, a) not in self.members]  # fmt: skip

    def _owned_ally(self, noun: Any) -> list[Triple]:
        """ "X and its allies", "the regime's foreign backers": the actor the noun of alliance
        names is the ally of the one that owns it."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "X is seen as a proxy of Y"
            owners = [k for c in noun.children if c.dep_ == "poss" for k in self.actors(c)]
            owners += [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                       for k in self._objects(p)]  # fmt: skip
            return self._allied(self.holders(noun.head.head), owners)
        if noun.dep_ in ("attr", "appos"):
            return []  # "X is Y's ally", "X, Y's ally": :meth:`CueStatements._ally_noun`
        named = self.actor_at.get(noun.i)
        owners = [k for c in noun.children if c.dep_ == "poss" for k in self.actors(c)]
        # "X and its allies": "its" is X; not "X and our partners" ("our" is the speaker)
        pronoun = any(c.dep_ == "poss" and c.lower_ in _THIRD for c in noun.children)
        if pronoun and noun.dep_ == "conj" and owners in ([], [named]):
            owners = self.actors(noun.head)
        if named is None or not owners:
            return []
        # "X and its allies the Houthis": the allies named in apposition are X's too
        named_too = [k for c in noun.children if c.dep_ == "appos" for k in self.actors(c)]
        return self._allied([named, *named_too], owners)

    @staticmethod
    def _allied(sides: list[str], partners: list[str]) -> list[Triple]:
        return [(ALLIES, a, b) for a in dedup(sides) for b in dedup(partners) if a != b]


def _conjuncts(token: Any) -> list[Any]:
    """The token and the nouns coordinated with it ("weapons and training")."""
    out, todo = [token], [token]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out
