"""Who a sentence's words name, over spaCy's dependency parse: the actors of a noun phrase
("the SDF and the Coalition", "ISIL terrorists", "thousands of civilians"), who acts in a
clause (its subject, climbing from a participle, an infinitive or a prepositional phrase; the
"by" agents of a fight noun that is its subject: "an offensive by X and Y drove Z out"), and
the partners a cue word of alliance leads to. The relation patterns
(:mod:`kg.extract.statements`) are built on these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from kg.extract import columns
from kg.extract.asked import addressed, demanded
from kg.extract.char_spans import char_tokens
from kg.extract.relation_words import RelationWords
from kg.model import Extraction

__all__ = ["SUBJECTS", "Sides", "conjuncts", "dedup"]

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_WH = frozenset({"which", "who", "that", "whom"})
# how far up the parse a clause's subject is looked for ("committed to defeating Y")
_CLIMB = frozenset(
    {"xcomp", "pcomp", "prep", "pobj", "dobj", "acomp", "advcl", "conj", "ccomp", "relcl", "acl",
     "attr", "oprd", "dative", "npadvmod", "appos", "nmod", "compound", "amod", "advmod"}
)  # fmt: skip
_MODIFIERS = ("compound", "amod", "nmod", "poss", "appos")
_MAX_CLIMB = 12
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_ALTERNATIVES = frozenset({"or", "and/or", "nor"})  # a coordination of alternatives
# a mention naming a military operation ("Operation Inherent Resolve"): supporting an
# operation is taking part in it, not an alliance with whoever leads it
_OPERATION = re.compile(r"(?:the\s+)?operation\b", re.IGNORECASE)
# nouns of number that lead to the people counted: "tens of thousands of innocent people"
_QUANTITIES = frozenset(
    {
        "ten",
        "tens",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "score",
        "scores",
        "number",
    }
)


class Sides:
    """The actors named at each token of one article's parse, and the ways to reach them."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        self.words = words
        self.actor_at: dict[int, str] = {}
        self.operations: set[int] = set()  # tokens of a mention naming an operation
        self.members: set[tuple[str, str]] = set()  # (X, Y): "X, as part of Y", no alliance
        # the shortest mention names a token: "Iran" in "the Iran-backed Houthis", "Houthi"
        # in "the anti-Houthi coalition" are the names inside the phrase's
        mentions = sorted(((m, a.key) for a in extraction.actors for m in a.mentions),
                          key=lambda mk: mk[0].end - mk[0].start)  # fmt: skip
        for m, key in mentions:
            tokens = char_tokens(doc, m.start, m.end)
            if tokens is None:
                continue
            for i in range(*tokens):  # no Token made
                self.actor_at.setdefault(i, key)
            if _OPERATION.match(m.text):
                self.operations.update(range(*tokens))

    def actors(self, token: Any) -> list[str]:
        """The actors a noun phrase headed by ``token`` names, with its conjuncts: "the SDF
        and the Coalition", "ISIL terrorists", "our ally the YPG"."""
        keys: list[str] = []
        for head in conjuncts(token):
            key = self.actor_at.get(head.i)
            if key is None:
                key = next(
                    (
                        self.actor_at[c.i]
                        for c in head.children
                        if c.dep_ in _MODIFIERS and c.i in self.actor_at
                    ),
                    None,
                )
            if key is None and head.lemma_.lower() in _QUANTITIES:  # "thousands of people"
                key = next((k for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"
                            for k in self.actors(o)), None)  # fmt: skip
            if key is not None and key not in keys:
                keys.append(key)
            if key is not None and head.lower_ in _PLURAL_PRONOUNS:
                keys += [k for k in self._coordinated(head, key) if k not in keys]
        return keys

    def _coordinated(self, pronoun: Any, key: str) -> list[str]:
        """ "the Government of Iraq and the Iraqi people in their fight": "their" names every
        side of the coordination its antecedent stands in, in the same sentence."""
        doc, pos = pronoun.doc, columns.poses(pronoun.doc)
        start, end = columns.sentence_of(doc, pronoun.i)
        named = [doc[i] for i in range(start, end) if i < pronoun.i and self.actor_at.get(i) == key
                 and pos[i] != "PRON"]  # fmt: skip
        if not named:
            return []
        first = named[-1]
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if any(c.dep_ == "cc" and c.lower_ in _ALTERNATIVES for c in first.children):
            return [key]  # "Taliban and/or Islamic State militants": one or the other
        out = []
        for c in conjuncts(first):
            k = self.actor_at.get(c.i)
            if k is not None and k not in out:
                out.append(k)
        return out

    def holders(
        self, token: Any, strict: bool = False, speaker: bool = False, groups: bool = False
    ) -> list[str]:
        """Who acts in ``token``'s clause: its subject, climbing from a participle, an
        infinitive or a prepositional phrase to the clause it belongs to ("X is committed to
        defeating Y"); the object of a verb of control ("pressed the regime to stop strikes");
        or the noun phrase it modifies ("The army, in coordination with Y"). ``strict``: climb
        through verbs and prepositions only, not through another noun ("X reiterated support
        for Y in the fight against Z" does not make X a fighter)."""
        t = token
        for _ in range(_MAX_CLIMB):
            said = t.pos_ == "VERB" and t.lemma_.lower() in self.words.speech_verbs
            if t != token and said and not speaker:
                return []  # "X condemned the attacks against Y": X reports, not fights
            subjects = [c for c in t.children if c.dep_ in SUBJECTS]
            relative = any(s.lower_ in _WH for s in subjects) and t.dep_ == "relcl"
            agents = [k for c in t.children if c.dep_ == "agent"
                      for o in c.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip
            if t != token and agents:  # "Y was captured by X with the aid of Z": X acts
                return agents
            if subjects and not relative:
                # "X is working as part of Y to defeat Z": Y acts too
                # "his death will degrade Z": an event's owner is not the fighter
                named = [k for s in subjects if not self._owned_event(s)
                         for k in self.actors(s) or self._waged_by(s)]  # fmt: skip
                within = self._part_of(t) if groups else []
                self.members.update((a, b) for a in named for b in within)
                return dedup(named + within)
            if t != token and t.pos_ in ("NOUN", "PROPN"):
                # "X supported Y in its efforts to defeat Z": the side supported acts
                found = self._supported(t) or self.actors(t)
                if found:
                    return found
                if strict and not relative:
                    return []
            if t.dep_ not in _CLIMB or t.head == t:
                return []
            described = self._described(t)
            if described:  # "support for Y, focused on defeating Z": Y is focused
                return described
            if t.dep_ == "xcomp" or demanded(t, self.words.demand_verbs):
                # "pressed the regime to cease": the object acts
                objects = [c for c in t.head.children if c.dep_ == "dobj"]
                objects += addressed(t, self.words.demand_verbs)
                if objects:
                    acting = [k for o in objects for k in self.actors(o)]
                    if t.head.lemma_.lower() in self.words.ally_cues:
                        # "X is assisting Y to defeat Z": both fight Z
                        acting += self.holders(t.head)
                    return dedup(acting)
            if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"):
                # "using attack, bomber, fighter and piloted aircraft against Y": the
                # coordinated nouns are siblings, not holders; climb past the coordination
                while t.dep_ == "conj" and t.head != t:
                    t = t.head
                if t.dep_ not in _CLIMB or t.head == t:
                    return []
            t = t.head
        return []

    def _waged_by(self, noun: Any) -> list[str]:
        """ "a joint operation by X and Y drove Z out": the sides a fight noun names "by"
        wage it, and act in its clause."""
        if noun.lemma_.lower() not in self.words.fight_nouns:
            return []
        return [k for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                for o in p.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip

    def _owned_event(self, noun: Any) -> bool:
        """ "his death", "their integration": a noun that names no actor, only its owner, and
        is no fight ("their campaign") nor people acting for the owner ("our partners")."""
        return (
            noun.i not in self.actor_at
            and noun.pos_ == "NOUN"
            and noun.lemma_.lower() not in self.words.fight_nouns | self.words.people_nouns
            and any(c.dep_ == "poss" for c in noun.children)
        )

    def _described(self, clause: Any) -> list[str]:
        """A past participle set off by a comma right after an actor describes that actor,
        though the parse hangs it on the verb: "X gave air support to Y, focused on
        defeating Z" (Y is focused). A present participle keeps the subject ("X attacked
        Y, killing Z")."""
        if clause.dep_ != "advcl" or clause.tag_ not in ("VBN", "VBD") or clause.i < 2:
            return []
        if any(c.dep_ in SUBJECTS for c in clause.children):
            return []
        doc = clause.doc
        if doc[clause.i - 1].text != "," or clause.i - 2 not in self.actor_at:
            return []
        return [self.actor_at[clause.i - 2]]

    def partners(self, cue: Any, depth: int = 0) -> list[str]:
        """The actors a cue word leads to: its object ("supports Y"), the prefix of
        "Y-backed", or through a preposition ("backed by Y", "support of Y", "support from
        our ally Y")."""
        keys: list[str] = []
        if depth > 3:
            return keys
        for child in cue.children:
            if child.i in self.operations:  # "supporting Operation X": no ally
                continue
            # an object the parse hangs as a clause ("supported the re-taking by Y", split at
            # the hyphen) counts as one
            nominal = child.dep_ == "advcl" and child.pos_ == "NOUN"
            if child.dep_ == "dobj" and child.lower_ in _WH and cue.dep_ == "relcl":
                keys += self.actors(cue.head)  # "Y, which X supports": Y
            elif nominal or child.dep_ in ("dobj", "npadvmod", "attr", "oprd", "pobj", "dative"):
                # "supported the re-taking by Y": the agent of the action supported
                keys += self.actors(child) or [
                    k for p in child.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                    for o in p.children if o.dep_ == "pobj" for k in self.actors(o)
                ]  # fmt: skip
            elif child.dep_ in ("agent", "prep") and (
                child.lemma_.lower() in self.words.partner_prepositions
            ):
                for obj in child.children:
                    if obj.dep_ != "pobj" or obj.i in self.operations:
                        continue
                    found = self.actors(obj)
                    keys += found or self.partners(obj, depth + 1)
        return dedup(keys)

    def _part_of(self, verb: Any) -> list[str]:
        """The group an "as part of" phrase of the clause names (not an operation)."""
        return [k for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() == "part"
                for o in self._owner_nouns(n) if o.i not in self.operations
                for k in self.actors(o)]  # fmt: skip

    @staticmethod
    def _owner_nouns(noun: Any) -> list[Any]:
        return [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip

    def _owner(self, noun: Any) -> list[str]:
        """ "destroy the scourge of Y", "struck the positions of Y": the actors an object that
        names none leads to through "of"."""
        return [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip

    def _supported(self, fight: Any) -> list[str]:
        """ "support for X in the fight against Y", "helping X in its campaign against Y":
        the side supported wages the fight."""
        prep = fight.head
        if fight.dep_ != "pobj" or prep.lower_ != "in":
            return []
        cue = prep.head
        if cue.lemma_.lower() not in self.words.ally_cues:
            # "reiterates support for X in the fight": the parse hangs "in" on the verb
            cue = next((c for c in cue.children if c.dep_ in ("pobj", "dobj")
                        and c.lemma_.lower() in self.words.ally_cues), cue)  # fmt: skip
            if cue.lemma_.lower() not in self.words.ally_cues:
                return []
        return self.partners(cue)


def conjuncts(token: Any) -> list[Any]:
    out = [token]
    todo = [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            listed = c.dep_ == "appos" and any(g.dep_ in ("conj", "cc") for g in c.children)
            if (c.dep_ == "conj" or listed) and c not in out:  # "X, the Y and Z" read as appos
                out.append(c)
                todo.append(c)
    return out


def dedup(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
