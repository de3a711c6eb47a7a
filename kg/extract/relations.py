"""Relations between actors: who fights whom, and who is allied with whom.

Two sources, each traceable to one sentence:

- events (``Extraction.events``): in an event of a violent type (``relations.toml``:
  battles, explosions/remote violence, violence against civilians, riots...) each agent
  fights against each target; in a clash both ways. Two agents of one violent event ("X and
  Y attacked Z") are allies, except in a clash without a target, which is ambiguous
  ("clashes between X and Y" are opponents, "X, including Y, advanced" are not), and
  agents named as alternatives ("X or Y militants": one of them did it, from the event or
  from the sentence's cues). The relation keeps the event's key.
- statements, over spaCy's dependency parse of each sentence (:mod:`kg.extract.statements`):
  "X, backed by Y", "Y-backed X", "X, allied with Y", "X supports Y", "in support of / in
  coordination with / with the aid of Y", "a joint operation of X and Y" make allies; "X
  defeated Y", "their fight against Y", "X conducted strikes against Y", "X seized the
  complex from Y" make X fight against Y, and so do "Y came under fire from X", "Y was killed
  in a raid by X", "support for Y in its fight against X" (told from the other side), "Y's
  defences against X" (both ways); "X dealt Y a blow", "X inflicted a defeat on Y", "the
  defeat of Y by X", "X destroyed the scourge of Y", "X, as part of G, defeated Y" (G fights
  too). Negated or denied cues ("did not support", "X denied attacking Y", "X refused to back
  Y") give nothing. A pronoun's actor (:mod:`kg.extract.coref`) counts as named: "their" in
  "X and Y in their fight" names both.
  Who acts in a clause is found by :mod:`kg.extract.sides`; a subject acts with the sides
  named "together with", "along with" or "alongside" it ("X, together with Y, fought Z": Y
  fights Z too), and "clashes between X and Y", "X was at war with Y" make each fight the
  other; see :mod:`kg.extract.statement_cues` for the rest ("attacks by X on Y", "X
  repelled an attack by Y", "X and Y are allies", "X accused Y of shelling Z"),
  :mod:`kg.extract.alliance_cues` for alliances told by what passes between sides ("X
  supplied weapons to Y", "X and its allies", "X joined forces with Y") and
  :mod:`kg.extract.fight_cues` for fights told through what a side suffers or holds ("rebels
  besieged by X", "X retook territory held by Y", "X's war with Y", "X is Y's enemy").

What is no relation: support or cooperation in peace ("X and Y work together to find a
solution", "X supports the people of Y"): a statement makes allies only in a sentence with a
word of war (``[allies] war_words``) or when one side is an armed group or named as forces
("the army", "Coalition aircraft"); an alliance of one person (allies are sides: a minister
who voices support for a government, or a soldier who trains partners, speaks or acts for a
side, whose alliance it is), or of civilians (no side: "traders supporting the militias",
"the government and the people of X in their fight"); joining someone ("X joined Y for
talks", membership), supporting an operation ("a soldier supporting Operation Z"), reporting
or condemning a fight ("X condemned the attacks against Y": X does not fight), an event or
partners owned by a side ("his death will degrade Y", "our partners pushed Y back": the owner
does not fight).

Direction: fighting-against is directed, the source is the side that used violence (an
event's agent, the subject of "fight"); a clash gives both directions, as both sides fight.
Allies-of is symmetric; its source and target are in the order of the text and carry no
meaning. An actor only fought in a sentence is nobody's ally there (a phrase the parse
attaches to the enemy, "strikes against ISIL targets ... in support of the SDF", must not
ally the two), unless its partner fights its attacker ("in support of X, Y struck Z
fighters firing on X"). Both ends are actors named in the relation's sentence (an actor kg only
implies, such as the unnamed perpetrator of an attack, has no mention and takes part in no
relation; one an event's rules took from another sentence takes none there), and never the
same actor. An event's agent named only as the source of the news ("a report by X
describes attacks", "according to X", "the monitor said", not a side's claim: "X said it
carried out the attack"), as one who accuses or condemns ("X accused Y of shelling Z"), or
only as the side fought ("airstrikes against X killed Y") fights no one there
(:mod:`kg.extract.idle`); civilians and persons an event's clash targets do not fight back
("the army killed X in a raid": an event typed a clash says nothing of X firing); a group is
no ally of its own members ("fighters of X"). Where an event makes
one side fight another that the sentence's words make its ally ("X took the town from Y
with the aid of Z"), or ally with one the words make it fight ("fighting between X and Y
killed 20"), the words win.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from kg.extract import columns
from kg.extract.char_spans import char_span
from kg.extract.fight_cues import FightStatements
from kg.extract.idle import described, fought, head_word, member, reports
from kg.extract.relation_words import RelationWords, load_words
from kg.extract.urged import demands
from kg.model import ActorType, Event, Extraction, Relation, RelationKind, Span

__all__ = ["RelationWords", "find_relations", "load_words"]

FIGHTING = RelationKind.FIGHTING_AGAINST
ALLIES = RelationKind.ALLIES_OF
_ARMED = frozenset({ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA})
_SOURCES = frozenset({ActorType.ORGANISATION, ActorType.MEDIA})  # "X said": a source
# a clash's target that does not fight back
_UNARMED = frozenset({ActorType.CIVILIANS, ActorType.PERSON})
_ALTERNATIVE_GAP = 8  # characters at most between two alternatives ("X or Y", "X, or Y")


def find_relations(
    doc: Any, extraction: Extraction, words: RelationWords | None = None
) -> tuple[Relation, ...]:
    """The relations an article states, from its events and its parse (``doc``)."""
    words = words or load_words()
    named = {a.key: a.mentions for a in extraction.actors if a.mentions}
    # persons and civilians are no one's allies: a person speaks or acts for a side, and
    # civilians are no side ("the government and the people of X in their fight")
    people = frozenset(
        a.key for a in extraction.actors if a.actor_type in (ActorType.PERSON, ActorType.CIVILIANS)
    )
    found = _Found(named, people)
    types = {a.key: a.actor_type for a in extraction.actors}
    unarmed = frozenset(k for k, t in types.items() if t in _UNARMED)
    finder = FightStatements(doc, extraction, words)
    found.members = functools.partial(member, doc, named, finder.actor_at, words)
    found.alias = described(doc, named, finder.actor_at)
    for event in extraction.events:
        idle = {  # named only as the source of the news, as the side fought, or as one who
            a  # demands that the fight stop ("X urged Y to cease airstrikes")
            for a in event.agents
            if reports(doc, named.get(a, ()), event, words, types.get(a) in _SOURCES)
            or fought(doc, named.get(a, ()), event, words)
            or demands(doc, named.get(a, ()), event, words)
        }
        found.extend(
            r
            for r in _from_event(event, words, unarmed)
            if not (r.source in idle or (r.kind is ALLIES and r.target in idle))
            and not (
                r.kind is ALLIES and _alternatives(columns.doc_text(doc), named, r.source, r.target)
            )
        )

    def armed(key: str, sentence: Span) -> bool:
        """The actor is an armed group, or named in the sentence as forces ("the army",
        "Coalition aircraft")."""
        return types.get(key) in _ARMED or any(
            sentence.start <= m.start < sentence.end and _forces(doc, m, words)
            for m in named.get(key, ())
        )

    for start, end in columns.sentence_bounds(doc):
        stated = finder.sentence(doc[start:end])
        if stated:
            span = _trimmed(doc, start, end)
            at_war = not words.war_words.isdisjoint(columns.lemma_lowers(doc)[start:end])
            for kind, source, target in stated:
                if kind is ALLIES and not (at_war or armed(source, span) or armed(target, span)):
                    continue  # "X and Y work together to find a solution": no alliance
                if kind is ALLIES and _alternatives(columns.doc_text(doc), named, source, target):
                    continue  # "X or Y fighters attacked": one of them did
                found.add(Relation(kind, source, target, span))
    return found.relations()


class _Found:
    """Relations in the order found, without repeats: one per kind, pair and sentence (for
    allies, the pair in either order); the first found wins, so an event's comes first."""

    def __init__(
        self, named: dict[str, tuple[Span, ...]], people: frozenset[str] = frozenset()
    ) -> None:
        self.named = named  # actor key -> its mentions
        self.starts: dict[str, list[int]] = {}  # actor key -> its mentions' starts, sorted
        self.people = people  # keys of the persons and civilians: no one's allies
        self.seen: set[tuple[RelationKind, str, str, int]] = set()
        self.found: list[Relation] = []
        # (source, target, sentence) -> one side is the other's members ("fighters of X")
        self.members: Callable[[str, str, Span], bool] = lambda a, b, s: False
        # (sentence start, key) -> the actor that key's generic mention describes there
        self.alias: dict[tuple[int, str], str] = {}

    def add(self, r: Relation) -> None:
        at = r.sentence.start
        source, target = self.alias.get((at, r.source)), self.alias.get((at, r.target))
        if source or target:  # "X, a rebel group fighting Y": X fights Y
            r = replace(r, source=source or r.source, target=target or r.target)
        if r.source == r.target or not (self._in(r.source, r) and self._in(r.target, r)):
            return
        if r.kind is ALLIES and {r.source, r.target} & self.people:
            return
        key = (r.kind, r.source, r.target, r.sentence.start)
        if key in self.seen:
            return
        self.seen.add(key)
        if r.kind is ALLIES:
            self.seen.add((r.kind, r.target, r.source, r.sentence.start))
        self.found.append(r)

    def _in(self, key: str, r: Relation) -> bool:
        """The actor is named in the relation's sentence (by a name, a pronoun or a noun)."""
        starts = self.starts.get(key)
        if starts is None:  # sorted once a key: a scan of them per relation was quadratic
            starts = self.starts[key] = sorted(m.start for m in self.named.get(key, ()))
        i = bisect_left(starts, r.sentence.start)
        return i < len(starts) and starts[i] < r.sentence.end

    def extend(self, relations: Iterable[Relation]) -> None:
        for r in relations:
            self.add(r)

    def relations(self) -> tuple[Relation, ...]:
        """The relations, less the allies of a side that is only fought in its sentence by
        someone its partner does not fight: a phrase misattached to the enemy ("strikes
        against ISIL targets ... in support of the SDF") must not make the enemy an ally;
        less an event's fight between two sides the sentence's words make allies ("X took
        the town from Y with the aid of Z": Z is no target of X), an event's alliance between
        two sides the words make fight ("fighting between X and Y killed 20 people"), and
        the alliance of a group with its own members ("fighters of X and X attacked Y")."""

        def pair(r: Relation) -> tuple[int, frozenset[str]]:
            return r.sentence.start, frozenset((r.source, r.target))

        stated = {(r.kind, *pair(r)) for r in self.found if r.event is None}
        kept = [
            r
            for r in self.found
            if not (
                r.event is not None
                and (
                    (r.kind is FIGHTING and (ALLIES, *pair(r)) in stated)
                    or (r.kind is ALLIES and (FIGHTING, *pair(r)) in stated)
                )
            )
            and not (r.kind is ALLIES and self.members(r.source, r.target, r.sentence))
        ]
        fights = {(r.sentence.start, r.source, r.target) for r in kept if r.kind is FIGHTING}
        fighting = {(at, source) for at, source, _ in fights}

        def misread(r: Relation) -> bool:
            """One side of the alliance is only fought in the sentence, and the other does
            not fight its attacker (the two share no enemy)."""
            at = r.sentence.start
            for side, other in ((r.source, r.target), (r.target, r.source)):
                attackers = {s for a, s, t in fights if a == at and t == side}
                if (
                    attackers
                    and (at, side) not in fighting
                    and not any((at, other, c) in fights for c in attackers)
                ):
                    return True
            return False

        return tuple(r for r in kept if r.kind is FIGHTING or not misread(r))


def _from_event(
    event: Event, words: RelationWords, unarmed: frozenset[str] = frozenset()
) -> Iterator[Relation]:
    if not words.violent(event.event_type):
        return
    key, sentence = event.key, event.sentence
    for agent in event.agents:
        for target in event.targets:
            yield Relation(FIGHTING, agent, target, sentence, key)
            if event.event_type in words.mutual_types and target not in unarmed:
                yield Relation(FIGHTING, target, agent, sentence, key)  # civilians fight no one
    # "X and Y attacked Z": allies. A clash with agents and no target is ambiguous: "clashes
    # between X and Y" (opponents) or "X, including Y, advanced" (allies): no relation.
    if event.event_type in words.mutual_types and not event.targets:
        return
    for i, first in enumerate(event.agents):
        for second in event.agents[i + 1 :]:
            yield Relation(ALLIES, first, second, sentence, key)


def _alternatives(text: str, named: dict[str, tuple[Span, ...]], first: str, second: str) -> bool:
    """ "presumed JNIM or ISGS militants": two agents named as alternatives (who acted is not
    known), no allies. Only the second's mentions starting or ending within
    ``_ALTERNATIVE_GAP`` characters of one of the first's are read (bisected: a long article
    names two actors a hundred times each)."""
    seconds = named.get(second, ())
    by_start = sorted(seconds, key=lambda b: b.start)
    by_end = sorted(seconds, key=lambda b: b.end)
    starts = [b.start for b in by_start]
    ends = [b.end for b in by_end]
    for a in named.get(first, ()):
        after = by_start[
            bisect_left(starts, a.end) : bisect_right(starts, a.end + _ALTERNATIVE_GAP)
        ]
        before = by_end[bisect_left(ends, a.start - _ALTERNATIVE_GAP) : bisect_right(ends, a.start)]
        if any(_or_between(text, a, b) for b in (*after, *before)):
            return True
    return False


def _or_between(text: str, a: Span, b: Span) -> bool:
    """Whether only "or" (or "and/or") and commas stand between two mentions."""
    left, right = (a, b) if a.end <= b.start else (b, a)
    return 0 <= right.start - left.end <= _ALTERNATIVE_GAP and text[left.end : right.start].strip(
        " ,"
    ).lower() in ("or", "and/or")


def _forces(doc: Any, mention: Span, words: RelationWords) -> bool:
    """The mention's head noun is one of forces or fighters ("Iraqi forces", "the army"), or
    the mention names whose forces a noun of forces is ("Coalition aircraft", "Kurdish
    fighters", where the mention is only the modifier)."""
    span = char_span(doc, mention.start, mention.end)
    if span is None or len(span) == 0:
        return False
    head = head_word(span)
    owner = head.head if head.dep_ in ("compound", "amod", "nmod", "poss") else head
    # a name keeps its plural as its lemma: "Iraqi Security Forces" -> "forces"
    lemmas = {t.lemma_.lower() for t in (head, owner)}
    return not words.people_nouns.isdisjoint(lemmas | {w[:-1] for w in lemmas if w.endswith("s")})


def _trimmed(doc: Any, start: int, end: int) -> Span:
    """The sentence as an event's ``sentence`` gives it (trailing white space cut), so both
    point at the same sentence node in the graph."""
    is_space = columns.is_spaces(doc)
    while end > start and is_space[end - 1]:
        end -= 1
    sent = doc[start:end]
    return Span(sent.start_char, sent.end_char, columns.span_text(doc, start, end))
