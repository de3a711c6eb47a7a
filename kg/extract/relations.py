"""Relations between actors: who fights whom, and who is allied with whom.

Two sources, each traceable to one sentence:

- events (``Extraction.events``): in an event of a violent type (``relations.toml``:
  battles, explosions/remote violence, violence against civilians, riots...) each agent
  fights against each target; in a clash both ways. Two agents of one violent event ("X and
  Y attacked Z") are allies, except in a clash without a target, which is ambiguous
  ("clashes between X and Y" are opponents, "X, including Y, advanced" are not). The
  relation keeps the event's key.
- statements, over spaCy's dependency parse of each sentence: "X, backed by Y", "Y-backed X",
  "X, allied with Y", "X supports Y", "in support of / in coordination with / with the aid
  of Y", "a joint operation of X and Y" make allies; "X defeated Y", "their fight against Y",
  "X conducted strikes against Y" make X fight against Y. Negated cues ("did not support")
  give nothing.

Direction: fighting-against is directed, the source is the side that used violence (an
event's agent, the subject of "fight"); a clash gives both directions, as both sides fight.
Allies-of is symmetric; its source and target are in the order of the text and carry no
meaning. An actor only fought in a sentence is nobody's ally there (a phrase the parse
attaches to the enemy, "strikes against ISIL targets ... in support of the SDF", must not
ally the two). Both ends are actors named in the text (an actor kg only implies, such as the
unnamed perpetrator of an attack, has no mention and takes part in no relation), and never
the same actor.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import ResourceError
from kg.model import Event, Extraction, Relation, RelationKind, Span
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES
from kg.resources import data_dir

__all__ = ["RelationWords", "find_relations", "load_words"]

FIGHTING = RelationKind.FIGHTING_AGAINST
ALLIES = RelationKind.ALLIES_OF
_PARENT = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_WH = frozenset({"which", "who", "that", "whom"})
# how far up the parse a clause's subject is looked for ("committed to defeating Y")
_CLIMB = frozenset(
    {"xcomp", "pcomp", "prep", "pobj", "dobj", "acomp", "advcl", "conj", "ccomp", "relcl", "acl",
     "attr", "oprd", "dative", "npadvmod", "appos", "nmod", "compound", "amod", "advmod"}
)  # fmt: skip
_MODIFIERS = ("compound", "amod", "nmod", "poss", "appos")
_MAX_CLIMB = 12


@dataclass(frozen=True, slots=True)
class RelationWords:
    """The word lists of ``kg/data/relations.toml``."""

    violent_types: frozenset[str]
    mutual_types: frozenset[str]
    ally_cues: frozenset[str]
    joint_words: frozenset[str]
    partner_prepositions: frozenset[str]
    fight_verbs: frozenset[str]
    fight_nouns: frozenset[str]
    fight_prepositions: frozenset[str]
    use_verbs: frozenset[str]

    def violent(self, event_type: str) -> bool:
        return event_type in self.violent_types or _PARENT.get(event_type) in self.violent_types


@functools.cache
def load_words(path: Path | None = None) -> RelationWords:
    path = path or data_dir() / "relations.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))

        def words(section: str, name: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data[section][name])

        return RelationWords(
            violent_types=words("events", "violent_types"),
            mutual_types=words("events", "mutual_types"),
            ally_cues=words("allies", "cue_words"),
            joint_words=words("allies", "joint_words"),
            partner_prepositions=words("allies", "partner_prepositions"),
            fight_verbs=words("fighting", "verbs"),
            fight_nouns=words("fighting", "nouns"),
            fight_prepositions=words("fighting", "prepositions"),
            use_verbs=words("fighting", "use_verbs"),
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(path, str(exc)) from exc
    except (KeyError, TypeError) as exc:
        raise ResourceError(path, f"missing or malformed list {exc}") from exc


def find_relations(
    doc: Any, extraction: Extraction, words: RelationWords | None = None
) -> tuple[Relation, ...]:
    """The relations an article states, from its events and its parse (``doc``)."""
    words = words or load_words()
    named = {a.key for a in extraction.actors if a.mentions}
    found = _Found(named)
    for event in extraction.events:
        found.extend(_from_event(event, words))
    finder = _Statements(doc, extraction, words)
    for sent in doc.sents:
        span = _trimmed(sent)
        for kind, source, target in finder.sentence(sent):
            found.add(Relation(kind, source, target, span))
    return found.relations()


class _Found:
    """Relations in the order found, without repeats: one per kind, pair and sentence (for
    allies, the pair in either order); the first found wins, so an event's comes first."""

    def __init__(self, named: set[str]) -> None:
        self.named = named
        self.seen: set[tuple[RelationKind, str, str, int]] = set()
        self.found: list[Relation] = []

    def add(self, r: Relation) -> None:
        if r.source == r.target or not {r.source, r.target} <= self.named:
            return
        key = (r.kind, r.source, r.target, r.sentence.start)
        if key in self.seen:
            return
        self.seen.add(key)
        if r.kind is ALLIES:
            self.seen.add((r.kind, r.target, r.source, r.sentence.start))
        self.found.append(r)

    def extend(self, relations: Iterable[Relation]) -> None:
        for r in relations:
            self.add(r)

    def relations(self) -> tuple[Relation, ...]:
        """The relations, less the allies of a side that is only fought in its sentence: a
        phrase misattached to the enemy ("strikes against ISIL targets ... in support of the
        SDF") must not make the enemy an ally."""
        fought: dict[int, set[str]] = {}
        fighting: dict[int, set[str]] = {}
        for r in self.found:
            if r.kind is FIGHTING:
                fought.setdefault(r.sentence.start, set()).add(r.target)
                fighting.setdefault(r.sentence.start, set()).add(r.source)
        return tuple(
            r
            for r in self.found
            if r.kind is FIGHTING
            or not {r.source, r.target}
            & (fought.get(r.sentence.start, set()) - fighting.get(r.sentence.start, set()))
        )


def _from_event(event: Event, words: RelationWords) -> Iterator[Relation]:
    if not words.violent(event.event_type):
        return
    key, sentence = event.key, event.sentence
    for agent in event.agents:
        for target in event.targets:
            yield Relation(FIGHTING, agent, target, sentence, key)
            if event.event_type in words.mutual_types:
                yield Relation(FIGHTING, target, agent, sentence, key)
    # "X and Y attacked Z": allies. A clash with agents and no target is ambiguous: "clashes
    # between X and Y" (opponents) or "X, including Y, advanced" (allies): no relation.
    if event.event_type in words.mutual_types and not event.targets:
        return
    for i, first in enumerate(event.agents):
        for second in event.agents[i + 1 :]:
            yield Relation(ALLIES, first, second, sentence, key)


def _trimmed(sent: Any) -> Span:
    """The sentence as an event's ``sentence`` gives it (trailing white space cut), so both
    point at the same sentence node in the graph."""
    while len(sent) and sent[-1].is_space:
        sent = sent[:-1]
    return Span(sent.start_char, sent.end_char, sent.text)


Triple = tuple[RelationKind, str, str]


class _Statements:
    """The relation patterns over one article's parse."""

    def __init__(self, doc: Any, extraction: Extraction, words: RelationWords) -> None:
        self.words = words
        self.actor_at: dict[int, str] = {}
        for actor in extraction.actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for token in span if span is not None else ():
                    self.actor_at.setdefault(token.i, actor.key)

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
            if token.pos_ == "VERB" and lemma in self.words.fight_verbs:
                out += self._fight_verb(token)
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
            if key is not None and key not in keys:
                keys.append(key)
        return keys

    def holders(self, token: Any, strict: bool = False) -> list[str]:
        """Who acts in ``token``'s clause: its subject, climbing from a participle, an
        infinitive or a prepositional phrase to the clause it belongs to ("X is committed to
        defeating Y"); the object of a verb of control ("pressed the regime to stop strikes");
        or the noun phrase it modifies ("The army, in coordination with Y"). ``strict``: climb
        through verbs and prepositions only, not through another noun ("X reiterated support
        for Y in the fight against Z" does not make X a fighter)."""
        t = token
        for _ in range(_MAX_CLIMB):
            subjects = [c for c in t.children if c.dep_ in _SUBJECTS]
            relative = any(s.lower_ in _WH for s in subjects) and t.dep_ == "relcl"
            if subjects and not relative:
                return [k for s in subjects for k in self.actors(s)]
            if t is not token and t.pos_ in ("NOUN", "PROPN"):
                found = self.actors(t)
                if found:
                    return found
                if strict and not relative:
                    return []
            if t.dep_ not in _CLIMB or t.head is t:
                return []
            if t.dep_ == "xcomp":  # "pressed the regime to cease": the object acts
                objects = [c for c in t.head.children if c.dep_ == "dobj"]
                if objects:
                    return [k for o in objects for k in self.actors(o)]
            t = t.head
        return []

    def partners(self, cue: Any, depth: int = 0) -> list[str]:
        """The actors a cue word leads to: its object ("supports Y"), the prefix of
        "Y-backed", or through a preposition ("backed by Y", "support of Y", "support from
        our ally Y")."""
        keys: list[str] = []
        if depth > 3:
            return keys
        for child in cue.children:
            if child.dep_ in ("dobj", "npadvmod", "attr", "oprd", "pobj", "dative"):
                keys += self.actors(child)
            elif child.dep_ in ("agent", "prep") and (
                child.lemma_.lower() in self.words.partner_prepositions
            ):
                for obj in child.children:
                    if obj.dep_ != "pobj":
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
            holders = self.actors(cue.head) or self.holders(cue.head)
        elif cue.dep_ == "pobj" and cue.head.head.pos_ in ("NOUN", "PROPN"):
            holders = self.actors(cue.head.head) or self.holders(cue.head.head)
        else:
            holders = self.holders(cue)
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
        if head.pos_ in ("NOUN", "PROPN"):
            if lemma not in self.words.fight_nouns:
                return []
            fighters = [k for c in head.children if c.dep_ in ("poss", "compound", "nmod")
                        for k in self.actors(c)]  # fmt: skip
            fighters = fighters or self.holders(head, strict=True)
        elif head.pos_ in ("VERB", "AUX"):
            objects = [c for c in head.children if c.dep_ in ("dobj", "attr")]
            if lemma not in self.words.fight_verbs | self.words.use_verbs and not any(
                o.lemma_.lower() in self.words.fight_nouns for o in objects
            ):
                return []
            fighters = self.holders(head)
        else:
            return []
        return self._fight(fighters, targets)

    def _fight_verb(self, verb: Any) -> list[Triple]:
        """ "X defeated Y", "X will continue to strike Y"; passive "Y was defeated by X"."""
        objects = [k for c in verb.children if c.dep_ in ("dobj", "dative") for k in self.actors(c)]
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
            return self._fight(agents, passive)
        if not objects:
            return []
        return self._fight(self.holders(verb), objects)

    @staticmethod
    def _fight(fighters: list[str], targets: list[str]) -> list[Triple]:
        out: list[Triple] = [(FIGHTING, f, t) for f in fighters for t in targets if f != t]
        # sides that fight a common enemy together are allies ("X and Y are defeating Z")
        if out:
            allies = [f for f in fighters if f not in targets]
            out += [(ALLIES, a, b) for i, a in enumerate(allies) for b in allies[i + 1 :]]
        return out


def _conjuncts(token: Any) -> list[Any]:
    out = [token]
    todo = [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
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
