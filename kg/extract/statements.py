"""Relations between actors stated by the words of a sentence, over spaCy's dependency parse
(the patterns of :mod:`kg.extract.relations`): "X, backed by Y", "X supports Y", "in support
of Y" make allies; "X defeated Y", "their fight against Y", "X conducted strikes against Y",
"X came under fire from Y", "X seized the complex from Y", "Y was killed in a raid by X",
"support for X in the fight against Y" make one side fight the other.
"""

from __future__ import annotations

import functools
from typing import Any

from kg.extract import columns
from kg.extract.relation_words import RelationWords
from kg.extract.sides import SUBJECTS, Sides, dedup
from kg.model import Extraction, RelationKind

__all__ = ["Statements", "Triple", "negated"]

FIGHTING = RelationKind.FIGHTING_AGAINST
ALLIES = RelationKind.ALLIES_OF

Triple = tuple[RelationKind, str, str]
_CLAUSES = frozenset({"xcomp", "ccomp", "pcomp"})  # a clause a verb governs ("denied attacking")


@functools.cache
def _cues(w: RelationWords) -> frozenset[str]:
    """The lemmas a pattern of :meth:`Statements.sentence` starts from, gathered once."""
    return (
        w.ally_cues | w.joint_words | w.fight_prepositions | w.fight_verbs
        | w.give_verbs | w.action_nouns | {"from"}
    )  # fmt: skip


class Statements(Sides):
    """The relation patterns over one article's parse."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        super().__init__(doc, extraction, words)
        self.cues = _cues(words)  # the lemmas a pattern of ``sentence`` starts from
        self._sided: tuple[int, int, bool] = (-1, -1, False)

    def two_sided(self, sent: Any) -> bool:
        """Whether ``sent`` names two actors or more, as every pattern needs (each subclass's
        ``sentence`` asks again: the last sentence's answer is kept)."""
        start, end, sided = self._sided
        if (start, end) != (sent.start, sent.end):
            words = range(sent.start, sent.end)
            sided = len({self.actor_at[i] for i in words if i in self.actor_at}) >= 2
            self._sided = (sent.start, sent.end, sided)
        return sided

    def sentence(self, sent: Any) -> list[Triple]:
        if not self.two_sided(sent):
            return []
        cues = self.cues
        lemmas = columns.lemma_lowers(sent.doc)
        out: list[Triple] = []
        for i in range(sent.start, sent.end):
            if lemmas[i] not in cues:
                continue
            token = sent.doc[i]
            if negated(token, self.words.denial_verbs):
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
            if token.pos_ == "NOUN" and lemma in self.words.action_nouns:
                out += self._action(token)
        return out

    # -- noun phrases and clauses ------------------------------------------------------------

    def fought(self, noun: Any) -> list[str]:
        """The actors a noun a fight is directed at names (a subclass adds the holders of a
        place: :class:`kg.extract.fight_cues.FightStatements`)."""
        return self.actors(noun)

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
        targets = [k for o in prep.children if o.dep_ == "pobj" for k in self.fought(o)]
        if not targets:
            return []
        head = prep.head
        lemma = head.lemma_.lower()
        nominal = head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos")
        if head.pos_ in ("NOUN", "PROPN") or (nominal and lemma in self.words.fight_nouns):
            if lemma not in self.words.fight_nouns:
                return []
            owners = [c for c in head.children if c.dep_ in ("poss", "compound", "nmod")]
            fighters = [k for c in owners for k in self.actors(c)]
            if any(c.pos_ == "PRON" for c in owners):
                # "X supports Y in its war against Z": the pronoun is the side supported's
                fighters = self._supported(head) or fighters
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
            fighters = dedup(fighters + self._in_support(prep))
        return self._fight(fighters, targets)

    def _in_support(self, prep: Any) -> list[str]:
        """The sides an "in support of" phrase of the same clause names."""
        verb = prep  # the verb of the clause: the one with a subject
        while verb.head.i != verb.i and not (
            verb.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in verb.children)
        ):
            verb = verb.head
        return [
            k
            for t in verb.subtree
            if t.lemma_.lower() == "support" and t.dep_ == "pobj" and t.head.lower_ == "in"
            for k in self.partners(t)
        ]

    def _fight_verb(self, verb: Any) -> list[Triple]:
        """ "X defeated Y", "X will continue to strike Y"; passive "Y was defeated by X", "Y
        was captured and killed by X" (the second passive shares the first's subject)."""
        objects = [k for c in verb.children if c.dep_ in ("dobj", "dative")
                   for k in self.actors(c) or self._owner(c)]  # fmt: skip
        passive = [k for c in verb.children if c.dep_ == "nsubjpass" for k in self.actors(c)]
        shared = verb.dep_ == "conj" and verb.tag_ == "VBN" and not objects
        if shared and not passive and not any(c.dep_ in SUBJECTS for c in verb.children):
            passive = [k for c in verb.head.children if c.dep_ == "nsubjpass"
                       for k in self.actors(c)]  # fmt: skip
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

    def _action(self, noun: Any) -> list[Triple]:
        """ "X enabled the defeat of Y", "X's destruction of Y", "the defeat of Y by X"."""
        targets = [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for k in self.fought(o)]  # fmt: skip
        if not targets:
            return []
        fighters = [k for c in noun.children if c.dep_ in ("poss", "compound", "nmod")
                    for k in self.actors(c)]  # fmt: skip
        fighters += [k for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                     for o in p.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip
        if not fighters:
            fighters = self.holders(noun, strict=True)
            fighters = dedup(fighters + self._in_support(noun)) if fighters else []
        return self._fight(fighters, targets)

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
        return self._fight(self.holders(verb, groups=True), dedup(victims))

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
        return dedup(keys)

    def _from(self, prep: Any) -> list[Triple]:
        """ "X came under fire from Y" (Y fights X); "X seized the complex from Y", "X
        captured Lowtown from Y" (X fights Y)."""
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
        if head != self.from_head(prep):
            head = self.from_head(prep)
            lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in self.words.seize_verbs and self._ground(head):
            return self._fight(self.holders(head), sources)
        return []

    def from_head(self, prep: Any) -> Any:
        """The word "from" belongs to: its head, or the verb whose object is the place the
        parse hangs it on ("X captured Lowtown from Y", "X liberated Ramadi from Y")."""
        head = prep.head
        if head.dep_ == "dobj" and (
            head.pos_ == "PROPN" or head.lemma_.lower() in self.words.ground_nouns
        ):
            return head.head
        return head

    def _ground(self, verb: Any) -> bool:
        """Whether a verb of seizing takes ground or things: "X seized the complex from Y", "X
        took the town from Y"; "take" with no ground ("X took orders from Y") seizes nothing."""
        if verb.lemma_.lower() not in self.words.light_seize_verbs:
            return True
        return any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in self.words.ground_nouns)
            for c in verb.children
        )

    def _fight(self, fighters: list[str], targets: list[str]) -> list[Triple]:
        out: list[Triple] = [(FIGHTING, f, t) for f in fighters for t in targets if f != t]
        # sides that fight a common enemy together are allies ("X and Y are defeating Z"),
        # but a member is not its group's ally ("X, as part of Y, is defeating Z")
        if out:
            allies = [f for f in fighters if f not in targets]
            out += [(ALLIES, a, b) for i, a in enumerate(allies) for b in allies[i + 1 :]
                    if (a, b) not in self.members and (b, a) not in self.members]  # fmt: skip
        return out


def negated(token: Any, denials: frozenset[str] = frozenset()) -> bool:
    """The cue, or the verb it hangs on, is negated ("did not support", "no support from"),
    or the cue is a clause that a verb of denial governs ("X denied attacking Y", "X denied
    that it backed Y", "X refused to fight Y")."""
    doc = token.doc  # the columns: ``Token.children`` walks the whole subtree's span
    kids, dep, lower = columns.children(doc), columns.deps(doc), columns.lowers(doc)
    head = columns.heads(doc)[token.i]
    for t in (token.i, head):
        if any(dep[c] == "neg" or lower[c] == "no" for c in kids[t]):
            return True
    return (
        dep[token.i] in _CLAUSES
        and head != token.i
        and columns.lemma_lowers(doc)[head] in denials
        and columns.poses(doc)[head] == "VERB"
    )
