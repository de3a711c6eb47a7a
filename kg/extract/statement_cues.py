"""Statement patterns beyond :mod:`kg.extract.statements`, for :mod:`kg.extract.relations`:

- a clause's subject acts with the sides named "together with", "along with", "alongside",
  "jointly with" or "in alliance (conjunction, concert, tandem) with" it: "X, together with
  Y, worked to defeat Z", "Together with Y, X attacked Z" and "X, in alliance with Y,
  attacked Z" make Y fight Z too (and ally with X);
- a fight both sides wage, between them: "clashes between X and Y", "the war between X and
  Y", "X was at war with Y", "X and Y fought each other" make each fight the other, and so
  do defences: "X held defensive positions against Y" (Y attacks, X fights back);
- ridding a place of someone: "X cleared the city of Y", "X worked to rid Iraq of Y" (X
  fights Y);
- a fight noun's agent: "attacks by X on Y", "the offensive against Y was led by X", "X
  claimed responsibility for the attack on Y" (X fights Y; not "condemned by X");
- fights waged both ways: "fighting broke out between X and Y", "X and Y exchanged fire",
  "X defended the town against Y", "X repelled an attack by Y", "X held off a Y assault",
  "X and Y clashed";
- driving someone away: "X pushed Y out of the town", "X forced Y back" (X fights Y);
- nouns of alliance: "X and Y are allies", "X is Y's closest ally", "X, Y's affiliate";
- who is accused of a fight wages it, not the accuser: "X accused Y of shelling Z",
  "X thanked Y for fighting Z" (Y fights Z);
- a subjectless fight is the speaker's: "Defeating Y will take time, but it is a fight we
  must win" (we fight Y);
- a supporter whose clause states the support fights too: "X supported Y in its efforts to
  defeat Z" (X and Y fight Z);
- what one receives from a supplier is no fire: "X received weapons from Y"; nor is a fight
  noun in quotation marks or after "so-called" ("X's 'war' on Y is a sham").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kg.extract import columns
from kg.extract.sides import SUBJECTS, dedup
from kg.extract.statements import Statements, Triple
from kg.model import RelationKind

__all__ = ["CueStatements"]

FIGHTING = RelationKind.FIGHTING_AGAINST
ALLIES = RelationKind.ALLIES_OF
_ALONG = frozenset({"together", "along", "jointly"})
_JOINTLY = frozenset({"alliance", "conjunction", "concert", "tandem"})  # "in alliance with Y"
_DEFENSIVE = frozenset({"defensive", "protective"})
_BY = frozenset({"prep", "agent"})
_EXCHANGE = frozenset({"exchange", "trade"})
_CLASH = frozenset({"clash", "skirmish"})
_MUTUAL_VERBS = _EXCHANGE | _CLASH
_NOUNS = frozenset({"NOUN", "PROPN"})
_PART = frozenset({"role", "part"})  # "played a role in", "took part in"
_AWAY = frozenset({"out", "back", "away", "off", "from"})  # "pushed Y out of", "forced Y back"


class CueStatements(Statements):
    """The statement patterns of :class:`Statements`, and the ones above."""

    def actors(self, token: Any) -> list[str]:
        found = super().actors(token)
        if token.dep_ not in SUBJECTS or not found:
            return found
        named = super().actors
        companions = [k for node in (token, token.head) for o in _companions(node)
                      for k in named(o)]  # fmt: skip
        return dedup(found + companions)

    def holders(
        self, token: Any, strict: bool = False, speaker: bool = False, groups: bool = False
    ) -> list[str]:
        """Who acts in ``token``'s clause (:meth:`Sides.holders`), and the one accused,
        condemned or thanked for it: "X accused Y of shelling Z" (Y shells Z)."""
        return self._accused(token) or super().holders(token, strict, speaker, groups)

    def _accused(self, token: Any) -> list[str]:
        """The object of "accuse ... of", "condemn ... for", "thank ... for" when ``token``
        heads what it is accused of: "shelling" in "X accused Y of shelling Z"."""
        prep = token.head
        if token.dep_ not in ("pcomp", "pobj") or prep.lower_ not in ("of", "for"):
            return []
        verb = prep.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.words.accuse_verbs:
            return []
        return [k for o in verb.children if o.dep_ == "dobj" for k in self.actors(o)]

    def _against(self, prep: Any) -> list[Triple]:
        head = prep.head
        if head.pos_ == "VERB" and head.lemma_.lower() in self.words.defend_verbs:
            # "X defended the town against Y": Y attacks, X fights back
            found = self._fight(self.holders(head), self._objects(prep))
            defensive = True
        elif head.pos_ == "VERB" and head.lemma_.lower() in self.words.speech_verbs:
            # "X condemned the offensive by Y against Z" (the parse hangs "against" on the
            # verb): Y fights Z; X, who speaks, fights no one
            return self._fight(self._by(head), self._objects(prep))
        elif _quoted(head):  # "X's 'war' on Y is a sham": no fight
            return []
        else:
            found = self._by_against(prep) or super()._against(prep)
            defensive = any(c.dep_ == "amod" and c.lemma_.lower() in _DEFENSIVE
                            for c in head.children)  # fmt: skip
        if defensive:
            found += [(kind, b, a) for kind, a, b in found
                      if kind is FIGHTING and (kind, b, a) not in found]  # fmt: skip
        return found

    def _supported(self, fight: Any) -> list[str]:
        """The side supported in a fight (:meth:`Sides._supported`) and, where a clause
        states the support, its supporter: "X supported Y in its efforts to defeat Z" (X and
        Y fight Z; not "X's support for Y in the fight", a position); who plays a role or
        takes part in it: "X can play a role in Y's efforts to destroy Z" (X and Y)."""
        found = super()._supported(fight)
        cue = fight.head.head
        if fight.dep_ != "pobj" or fight.head.lower_ != "in" or cue.pos_ != "VERB":
            return found
        if found and cue.lemma_.lower() in self.words.ally_cues:
            return dedup(found + self.holders(cue))
        objects = [o for o in cue.children if o.dep_ == "dobj"]
        if cue.dep_ == "relcl":  # "the role X can play in ..."
            objects.append(cue.head)
        if any(o.lemma_.lower() in _PART for o in objects):
            # "X played a role in Y's efforts to destroy Z", "X took part in the offensive"
            return dedup(self.actors(fight) + self.holders(cue))
        return found

    def _from(self, prep: Any) -> list[Triple]:
        """:meth:`Statements._from`, less what one receives from a supplier: "X received
        weapons from Y" (Y arms X, not fights it)."""
        head = prep.head
        things = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "dobj"]
        if things and all(t.lemma_.lower() in self.words.supply_nouns for t in things):
            return []
        return super()._from(prep)

    def _repel(self, verb: Any) -> list[Triple]:
        """ "X repelled an attack by Y", "X fought off a Y assault": Y attacks X, and X
        fights back."""
        phrasal = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children
                                                   if c.dep_ == "prt")])  # fmt: skip
        if phrasal not in self.words.repel_verbs:
            return []
        attacks = [o for o in verb.children if o.dep_ == "dobj"
                   and o.lemma_.lower() in self.words.fight_nouns]  # fmt: skip
        attackers = [k for n in attacks for c in n.children
                     if c.dep_ in ("poss", "compound", "nmod") for k in self.actors(c)]  # fmt: skip
        attackers += [k for n in attacks for k in self._by(n)]
        defenders = self.holders(verb)
        return self._fight(attackers, defenders) + self._fight(defenders, attackers)

    def _drive(self, verb: Any) -> list[Triple]:
        """ "X pushed Y out of the town", "X pushed back Y", "X forced Y out": X fights Y
        (not "X pushed Y to negotiate")."""
        away = [c for c in verb.children if (c.dep_ == "prt" and c.lower_ in _AWAY)
                or (c.dep_ in ("prep", "advmod") and c.lower_ in _AWAY)]  # fmt: skip
        if not away:
            return []
        driven = [k for c in verb.children if c.dep_ == "dobj" for k in self.actors(c)]
        return self._fight(self.holders(verb), driven)

    def _by_against(self, prep: Any) -> list[Triple]:
        """ "attacks by X on Y", "the offensive by X against Y": the fight noun's "by" agent
        fights whoever follows "against" or "on"; "X claimed responsibility for the attack on
        Y": the claimant fights Y."""
        targets = self._objects(prep)
        noun = prep.head
        if not targets:
            return []
        if noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ in _BY:
            fighters, noun = self.actors(noun), noun.head.head  # "attacks by X on Y"
            if noun.pos_ in ("VERB", "AUX"):  # "condemned the offensive by X against Y"
                noun = next((o for o in noun.children if o.dep_ == "dobj"), noun)
        else:
            fighters = self._by(noun)
        if noun.lemma_.lower() not in self.words.fight_nouns or noun.pos_ not in _NOUNS:
            return []
        if (
            not fighters
            and noun.dep_ == "nsubjpass"  # "the offensive on Y was led by X", not "condemned by"
            and noun.head.lemma_.lower() in self.words.use_verbs
        ):
            fighters = self._by(noun.head)
        if not fighters and noun.dep_ == "pobj" and noun.head.lower_ == "for":
            claim = noun.head.head  # "claimed responsibility for the attack on Y"
            if claim.lemma_.lower() in self.words.claim_nouns:
                fighters = self.holders(claim)
        return self._fight(fighters, targets)

    def _fight_verb(self, verb: Any) -> list[Triple]:
        """:meth:`Statements._fight_verb`; and a gerund or infinitive of fighting with no
        subject of its own and none to climb to is the speaker's, where "we" is a subject in
        the sentence: "Defeating Y will take time, but it is a fight we must win"."""
        out = super()._fight_verb(verb)
        if out or verb.tag_ not in ("VBG", "VB") or any(c.dep_ in SUBJECTS for c in verb.children):
            return out
        objects = [k for c in verb.children if c.dep_ == "dobj" for k in self.actors(c)]
        if not objects:
            return out
        doc = verb.doc
        start, end = columns.sentence_of(doc, verb.i)
        speakers = [k for i in range(start, end) if doc[i].lower_ == "we"
                    and doc[i].dep_ == "nsubj" for k in self.actors(doc[i])]  # fmt: skip
        return self._fight(dedup(speakers), objects)

    def _objects(self, prep: Any) -> list[str]:
        """The actors a preposition's object names ("against Y")."""
        return [k for o in prep.children if o.dep_ == "pobj" for k in self.actors(o)]

    def _by(self, node: Any) -> list[str]:
        """The actors named "by" after ``node`` ("attacks by X", "was led by X")."""
        return [k for p in node.children if p.dep_ in _BY and p.lower_ == "by"
                for k in self._objects(p)]  # fmt: skip

    def sentence(self, sent: Any) -> list[Triple]:
        out = super().sentence(sent)
        if not self.two_sided(sent):
            return out
        doc = sent.doc
        lemmas, poses = columns.lemma_lowers(doc), columns.poses(doc)
        for i in range(sent.start, sent.end):  # a word's Token made only where a pattern starts
            lemma, pos = lemmas[i], poses[i]
            if lemma in ("between", "with", "other") or (lemma in _MUTUAL_VERBS and pos == "VERB"):
                sides = self._mutual(doc[i])
                out += [(FIGHTING, a, b) for a in sides for b in sides if a != b]
            if pos == "VERB":
                if lemma in self.words.rid_verbs:
                    out += self._rid(doc[i])
                if lemma in self.words.repel_heads:
                    out += self._repel(doc[i])
                if lemma in self.words.drive_verbs:
                    out += self._drive(doc[i])
            elif lemma in self.words.ally_nouns and pos == "NOUN":
                out += self._ally_noun(doc[i])
        return out

    def _ally_noun(self, noun: Any) -> list[Triple]:
        """ "X and Y are allies", "X is Y's closest ally", "X, Y's ally, attacked Z", "X, a Y
        affiliate", "the Y affiliate X": the sides named with the noun of alliance ally with
        its owner, or with each other."""
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            sides = [k for c in noun.head.children if c.dep_ == "nsubj" for k in self.actors(c)]
        elif noun.dep_ in ("appos", "compound"):
            sides = self.actors(noun.head)
        else:
            return []
        owning = [c for c in noun.children if c.dep_ in ("poss", "compound")]
        if noun.dep_ == "compound":  # the parser may hang the owner on the side itself
            owning += [c for c in noun.head.children
                       if c.dep_ in ("poss", "compound") and c.i < noun.i]  # fmt: skip
        owners = [k for c in owning for k in self.actors(c)]
        if owners:
            return [(ALLIES, a, b) for a in sides for b in owners if a != b]
        if noun.dep_ == "attr" and noun.tag_ == "NNS":
            return [(ALLIES, a, b) for i, a in enumerate(sides) for b in sides[i + 1 :]]
        return []

    def _rid(self, verb: Any) -> list[Triple]:
        """ "X cleared the city of Y", "X rid Iraq of Y": whoever follows "of" in the
        object's phrase is fought by the clause's subject."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(self.actors(o) for o in objects):
            return []  # "X freed dozens of civilians": the object is people, not a place
        after_of = [t for o in objects for t in o.subtree
                    if t.dep_ == "pobj" and t.head.lower_ == "of"]  # fmt: skip
        fought = [k for t in after_of for k in self.actors(t)]
        if not fought:
            return []
        return [(FIGHTING, f, k) for f in self.holders(verb) for k in dedup(fought) if f != k]

    def _mutual(self, token: Any) -> list[str]:
        """The sides of a fight both wage: "clashes between X and Y", "X was at war with
        Y", "X and Y fought each other"; none if the word is in no such phrase."""
        head = token.head
        mutual = self.words.between_nouns
        if token.lower_ == "between" and token.dep_ == "prep":
            # "clashes between X and Y", "fighting broke out between X and Y"
            if head.lemma_.lower() not in mutual and not (
                head.pos_ == "VERB"
                and any(c.dep_ == "nsubj" and c.lemma_.lower() in mutual for c in head.children)
            ):
                return []
            return [k for o in token.children if o.dep_ == "pobj" for k in self.actors(o)]
        if token.lower_ == "with" and token.dep_ == "prep":
            # "X was at war with Y", "X is in conflict with Y"
            if head.lemma_.lower() not in mutual or head.dep_ != "pobj":
                return []
            if head.head.lower_ not in ("at", "in"):
                return []
            enemies = [k for o in token.children if o.dep_ == "pobj" for k in self.actors(o)]
            return dedup(self.holders(head.head) + enemies) if enemies else []
        if token.lemma_.lower() in _CLASH:  # "X and Y clashed near Z": each fights the other
            if any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in token.children):
                return []  # "X and Y clashed with Z": X and Y fight Z (the events say so)
            sides = [k for c in token.children if c.dep_ == "nsubj" for k in self.actors(c)]
            return sides if len(sides) > 1 else []
        if token.lemma_.lower() in _EXCHANGE:
            # "X and Y exchanged fire", "X traded fire with Y"
            if not any(o.dep_ == "dobj" and o.lemma_.lower() in self.words.fire_nouns
                       for o in token.children):  # fmt: skip
                return []
            sides = [k for c in token.children if c.dep_ == "nsubj" for k in self.actors(c)]
            sides += [k for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj" for k in self.actors(o)]  # fmt: skip
            return dedup(sides)
        if token.lower_ == "other" and token.dep_ == "dobj":
            # "X and Y fought each other"
            if not any(c.lower_ == "each" for c in token.children):
                return []
            if head.lemma_.lower() not in self.words.fight_verbs:
                return []
            return [k for s in head.children if s.dep_ == "nsubj" for k in self.actors(s)]
        return []


def _quoted(word: Any) -> bool:
    """The word stands between quotation marks, or after "so-called": words the writer
    does not take at face value ("Assad's 'war' on ISIL")."""
    doc, i = word.doc, word.i
    for c in word.children:  # "so-called", or "so" "-" "called" as the parse splits it
        if c.dep_ == "amod" and (
            c.lower_ == "so-called"
            or (c.lower_ == "called" and any(g.lower_ == "so" for g in c.children))
        ):
            return True
    return bool(0 < i < len(doc) - 1 and doc[i - 1].is_quote and doc[i + 1].is_quote)


def _companions(node: Any) -> Iterator[Any]:
    """The objects of "together with", "along with", "alongside", "jointly with", "in
    alliance with", "in conjunction with", "in concert with" among ``node``'s children."""
    for prep in node.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word == "with" and any(c.lower_ in _ALONG for c in prep.children if c.dep_ == "advmod"):
            yield from (o for o in prep.children if o.dep_ == "pobj")
        elif word == "in":  # "in alliance with Y": the noun's "with"
            yield from (o for n in prep.children if n.dep_ == "pobj" and n.lower_ in _JOINTLY
                        for w in n.children if w.dep_ == "prep" and w.lower_ == "with"
                        for o in w.children if o.dep_ == "pobj")  # fmt: skip
        elif word == "alongside" or word in _ALONG:
            inner = [p for p in prep.children if p.dep_ == "prep" and p.lower_ == "with"]
            for p in [prep, *inner]:
                yield from (o for o in p.children if o.dep_ == "pobj")
