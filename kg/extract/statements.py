"""Relations between actors stated by the words of a sentence, over spaCy's dependency parse
(the patterns of :mod:`kg.extract.relations`): "X, backed by Y", "X supports Y", "in support
of Y" make allies; "X defeated Y", "their fight against Y", "X conducted strikes against Y",
"X came under fire from Y", "X seized the complex from Y", "Y was killed in a raid by X",
"support for X in the fight against Y" make one side fight the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from kg.model import Extraction, RelationKind

if TYPE_CHECKING:
    from kg.extract.relations import RelationWords

__all__ = ["Statements", "Triple"]

FIGHTING = RelationKind.FIGHTING_AGAINST
ALLIES = RelationKind.ALLIES_OF
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_WH = frozenset({"which", "who", "that", "whom"})
# how far up the parse a clause's subject is looked for ("committed to defeating Y")
_CLIMB = frozenset(
    {"xcomp", "pcomp", "prep", "pobj", "dobj", "acomp", "advcl", "conj", "ccomp", "relcl", "acl",
     "attr", "oprd", "dative", "npadvmod", "appos", "nmod", "compound", "amod", "advmod"}
)  # fmt: skip
_MODIFIERS = ("compound", "amod", "nmod", "poss", "appos")
_MAX_CLIMB = 12
_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
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


Triple = tuple[RelationKind, str, str]


class Statements:
    """The relation patterns over one article's parse."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        self.words = words
        self.actor_at: dict[int, str] = {}
        self.operations: set[int] = set()  # tokens of a mention naming an operation
        self.members: set[tuple[str, str]] = set()  # (X, Y): "X, as part of Y", no alliance
        for actor in extraction.actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for token in span if span is not None else ():
                    self.actor_at.setdefault(token.i, actor.key)
                if span is not None and _OPERATION.match(m.text):
                    self.operations.update(t.i for t in span)

    def sentence(self, sent: Any) -> list[Triple]:
        if len({self.actor_at[t.i] for t in sent if t.i in self.actor_at}) < 2:
            return []
        out: list[Triple] = []
        for token in sent:
            if _negated(token):
                continue
            lemma = token.lemma_.lower()
            if lemma in self.words.ally_cues:
                out += self._ally_cue(token)
            if lemma in self.words.joint_words:
                out += self._joint(token)
            if token.dep_ == "prep" and lemma in self.words.fight_prepositions:
                out += self._against(token)
            if token.dep_ == "prep" and lemma == "from":
                out += self._from(token)
            if token.pos_ == "VERB" and lemma in self.words.fight_verbs:
                out += self._fight_verb(token)
            if token.pos_ == "VERB" and lemma in self.words.give_verbs:
                out += self._blow(token)
        return out

    # -- noun phrases and clauses ------------------------------------------------------------

    def actors(self, token: Any) -> list[str]:
        """The actors a noun phrase headed by ``token`` names, with its conjuncts: "the SDF
        and the Coalition", "ISIL terrorists", "our ally the YPG"."""
        keys: list[str] = []
        for head in _conjuncts(token):
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
        named = [t for t in pronoun.sent if t.i < pronoun.i and self.actor_at.get(t.i) == key
                 and t.pos_ != "PRON"]  # fmt: skip
        if not named:
            return []
        first = named[-1]
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        out = []
        for c in _conjuncts(first):
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
            subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
            relative = any(s.lower_ in _WH for s in subjects) and t.dep_ == "relcl"
            agents = [k for c in t.children if c.dep_ == "agent"
                      for o in c.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip
            if t != token and agents:  # "Y was captured by X with the aid of Z": X acts
                return agents
            if subjects and not relative:
                # "X is working as part of Y to defeat Z": Y acts too
                # "his death will degrade Z": an event's owner is not the fighter
                named = [k for s in subjects if not self._owned_event(s)
                         for k in self.actors(s)]  # fmt: skip
                within = self._part_of(t) if groups else []
                self.members.update((a, b) for a in named for b in within)
                return _dedup(named + within)
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
            if t.dep_ == "xcomp":  # "pressed the regime to cease": the object acts
                objects = [c for c in t.head.children if c.dep_ == "dobj"]
                if objects:
                    acting = [k for o in objects for k in self.actors(o)]
                    if t.head.lemma_.lower() in self.words.ally_cues:
                        # "X is assisting Y to defeat Z": both fight Z
                        acting += self.holders(t.head)
                    return _dedup(acting)
            if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"):
                # "using attack, bomber, fighter and piloted aircraft against Y": the
                # coordinated nouns are siblings, not holders; climb past the coordination
                while t.dep_ == "conj" and t.head != t:
                    t = t.head
                if t.dep_ not in _CLIMB or t.head == t:
                    return []
            t = t.head
        return []

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
        if any(c.dep_ in _SUBJECTS for c in clause.children):
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
            if nominal or child.dep_ in ("dobj", "npadvmod", "attr", "oprd", "pobj", "dative"):
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
        return _dedup(keys)

    # -- the patterns ---------------------------------------------------------------------------

    def _ally_cue(self, cue: Any) -> list[Triple]:
        partners = self.partners(cue)
        if not partners:
            return []
        if cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN"):
            holders = self.actors(cue.head) or self.holders(cue.head, speaker=True)
        elif cue.dep_ == "pobj" and cue.head.head.pos_ in ("NOUN", "PROPN"):
            holders = self.actors(cue.head.head) or self.holders(cue.head.head, speaker=True)
        else:
            holders = self.holders(cue, speaker=True)  # "X reiterated its support for Y"
        return [(ALLIES, h, p) for h in holders for p in partners if h != p]

    def _joint(self, word: Any) -> list[Triple]:
        """ "a joint operation of X and Y", "X and Y jointly attacked", "X and Y together"."""
        head = word.head if word.dep_ in ("amod", "advmod") else word
        sides = self.partners(head) if head.pos_ in ("NOUN", "PROPN") else []
        if len(sides) < 2:
            sides = self.holders(head)
        return [(ALLIES, a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]

    def _against(self, prep: Any) -> list[Triple]:
        """ "X's fight against Y", "X conducted strikes against Y", "X used weapons against Y"."""
        targets = [k for o in prep.children if o.dep_ == "pobj" for k in self.actors(o)]
        if not targets:
            return []
        head = prep.head
        lemma = head.lemma_.lower()
        nominal = head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos")
        if head.pos_ in ("NOUN", "PROPN") or (nominal and lemma in self.words.fight_nouns):
            if lemma not in self.words.fight_nouns:
                return []
            fighters = [k for c in head.children if c.dep_ in ("poss", "compound", "nmod")
                        for k in self.actors(c)]  # fmt: skip
            fighters = (
                fighters or self._supported(head) or self.holders(head, strict=True, groups=True)
            )
            if lemma in self.words.mutual_nouns:  # "X's defences against Y": both fight
                return self._fight(fighters, targets) + self._fight(targets, fighters)
        elif head.pos_ in ("VERB", "AUX"):
            objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
            if lemma not in self.words.fight_verbs | self.words.use_verbs and not any(
                o.lemma_.lower() in self.words.fight_nouns for o in objects
            ):
                return []
            fighters = self.holders(head, groups=True)
        else:
            return []
        if fighters:  # "X conducted strikes in support of Y ... against Z": Y fights Z too
            fighters = _dedup(fighters + self._in_support(prep))
        return self._fight(fighters, targets)

    def _in_support(self, prep: Any) -> list[str]:
        """The sides an "in support of" phrase of the same clause names."""
        verb = prep  # the verb of the clause: the one with a subject
        while verb.head.i != verb.i and not (
            verb.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in verb.children)
        ):
            verb = verb.head
        return [
            k
            for t in verb.subtree
            if t.lemma_.lower() == "support" and t.dep_ == "pobj" and t.head.lower_ == "in"
            for k in self.partners(t)
        ]

    def _fight_verb(self, verb: Any) -> list[Triple]:
        """ "X defeated Y", "X will continue to strike Y"; passive "Y was defeated by X"."""
        objects = [k for c in verb.children if c.dep_ in ("dobj", "dative")
                   for k in self.actors(c) or self._owner(c)]  # fmt: skip
        passive = [k for c in verb.children if c.dep_ == "nsubjpass" for k in self.actors(c)]
        if passive:
            agents = [
                k
                for c in verb.children
                if c.dep_ == "agent"
                for o in c.children
                if o.dep_ == "pobj"
                for k in self.actors(o)
            ]
            return self._fight(agents or self._in_fight(verb), passive)
        if not objects:
            return []
        return self._fight(self.holders(verb, groups=True), objects)

    def _blow(self, verb: Any) -> list[Triple]:
        """ "X will deliver Y a lasting defeat", "X inflicted a defeat on Y", "X dealt Y a
        blow": X fights Y."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        blows = self.words.blow_nouns
        nouns = [n for o in objects for n in (o, *o.children)
                 if n.dep_ in ("dobj", "pobj") and n.lemma_.lower() in blows]  # fmt: skip
        if not nouns:
            return []
        victims = [k for o in objects for k in self.actors(o)]
        victims += [k for n in (verb, *nouns) for p in n.children
                    if p.dep_ == "prep" and p.lower_ in ("on", "upon")
                    for o in p.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip
        return self._fight(self.holders(verb, groups=True), _dedup(victims))

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
            cue = next((c for c in cue.children if c.dep_ == "pobj"
                        and c.lemma_.lower() in self.words.ally_cues), cue)  # fmt: skip
            if cue.lemma_.lower() not in self.words.ally_cues:
                return []
        return self.partners(cue)

    def _in_fight(self, verb: Any) -> list[str]:
        """Who wages the fight a passive verb happened in: "Y was killed in a raid conducted
        by X", "Y was killed in an X raid", "Y died in an attack by X"."""
        keys: list[str] = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in self.words.fight_nouns:
                    continue
                for c in noun.children:
                    if c.dep_ in ("poss", "compound", "nmod"):
                        keys += self.actors(c)
                    elif (c.dep_ == "prep" and c.lower_ == "by") or c.dep_ == "agent":
                        keys += [k for o in c.children if o.dep_ == "pobj" for k in self.actors(o)]
                    elif c.dep_ == "acl":
                        keys += [k for a in c.children if a.dep_ == "agent"
                                 for o in a.children if o.dep_ == "pobj"
                                 for k in self.actors(o)]  # fmt: skip
        return _dedup(keys)

    def _from(self, prep: Any) -> list[Triple]:
        """ "X came under fire from Y" (Y fights X); "X seized the complex from Y" (X fights
        Y)."""
        sources = [k for o in prep.children if o.dep_ == "pobj" for k in self.actors(o)]
        if not sources:
            return []
        head = prep.head
        lemma = head.lemma_.lower()
        if lemma in self.words.fight_nouns and head.dep_ in ("dobj", "pobj"):
            verb = head.head.head if head.dep_ == "pobj" else head.head
            if verb.lemma_.lower() in self.words.victim_verbs:
                return self._fight(sources, self.holders(verb))
        if lemma in self.words.victim_verbs and any(  # "came under fire ... from Y"
            n.lemma_.lower() in self.words.fight_nouns
            for c in head.children
            for n in (c, *c.children)
            if c.dep_ in ("dobj", "prep") and n.dep_ in ("dobj", "pobj")
        ):
            return self._fight(sources, self.holders(head))
        if head.pos_ == "VERB" and lemma in self.words.seize_verbs:
            return self._fight(self.holders(head), sources)
        return []

    def _fight(self, fighters: list[str], targets: list[str]) -> list[Triple]:
        out: list[Triple] = [(FIGHTING, f, t) for f in fighters for t in targets if f != t]
        # sides that fight a common enemy together are allies ("X and Y are defeating Z"),
        # but a member is not its group's ally ("X, as part of Y, is defeating Z")
        if out:
            allies = [f for f in fighters if f not in targets]
            out += [(ALLIES, a, b) for i, a in enumerate(allies) for b in allies[i + 1 :]
                    if (a, b) not in self.members and (b, a) not in self.members]  # fmt: skip
        return out


def _conjuncts(token: Any) -> list[Any]:
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


def _negated(token: Any) -> bool:
    """The cue, or the verb it hangs on, is negated: "did not support", "no support from"."""
    for t in (token, token.head):
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in t.children):
            return True
    return False


def _dedup(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
