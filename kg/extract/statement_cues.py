"""Statement patterns beyond :mod:`kg.extract.statements`, for :mod:`kg.extract.relations`:

- a clause's subject acts with the sides named "together with", "along with" or "alongside"
  it: "X, together with Y, worked to defeat Z" and "Together with Y, X attacked Z" make Y
  fight Z too (and ally with X);
- a fight both sides wage, between them: "clashes between X and Y", "the war between X and
  Y", "X was at war with Y", "X and Y fought each other" make each fight the other, and so
  do defences: "X held defensive positions against Y" (Y attacks, X fights back);
- ridding a place of someone: "X cleared the city of Y", "X worked to rid Iraq of Y" (X
  fights Y).
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
_ALONG = frozenset({"together", "along"})
_DEFENSIVE = frozenset({"defensive", "protective"})


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

    def _against(self, prep: Any) -> list[Triple]:
        found = super()._against(prep)
        if any(c.dep_ == "amod" and c.lemma_.lower() in _DEFENSIVE for c in prep.head.children):
            found += [(kind, b, a) for kind, a, b in found if (kind, b, a) not in found]
        return found

    def sentence(self, sent: Any) -> list[Triple]:
        out = super().sentence(sent)
        words = range(sent.start, sent.end)
        if len({self.actor_at[i] for i in words if i in self.actor_at}) < 2:
            return out
        lemmas = columns.lemma_lowers(sent.doc)
        for i in words:
            if lemmas[i] in ("between", "with", "other"):
                sides = self._mutual(sent.doc[i])
                out += [(FIGHTING, a, b) for a in sides for b in sides if a != b]
            elif lemmas[i] in self.words.rid_verbs and sent.doc[i].pos_ == "VERB":
                out += self._rid(sent.doc[i])
        return out

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
            if head.lemma_.lower() not in mutual:
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
        if token.lower_ == "other" and token.dep_ == "dobj":
            # "X and Y fought each other"
            if not any(c.lower_ == "each" for c in token.children):
                return []
            if head.lemma_.lower() not in self.words.fight_verbs:
                return []
            return [k for s in head.children if s.dep_ == "nsubj" for k in self.actors(s)]
        return []


def _companions(node: Any) -> Iterator[Any]:
    """The objects of "together with", "along with", "alongside" among ``node``'s children."""
    for prep in node.children:
        if prep.dep_ != "prep":
            continue
        word = prep.lower_
        if word == "with" and any(c.lower_ in _ALONG for c in prep.children if c.dep_ == "advmod"):
            yield from (o for o in prep.children if o.dep_ == "pobj")
        elif word == "alongside" or word in _ALONG:
            inner = [p for p in prep.children if p.dep_ == "prep" and p.lower_ == "with"]
            for p in [prep, *inner]:
                yield from (o for o in p.children if o.dep_ == "pobj")
