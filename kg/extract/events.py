"""Events: trigger words and phrases, their arguments, types, figures and sources.

A trigger from ``kg/data/triggers.tsv`` anchors each event. Its arguments come from the
dependency parse: who acted (the subject, a possessive, a "by" phrase, the subject of a light
verb such as "launched an offensive"), who was acted on (the object, "against"), where (the most
specific places in the trigger's own clause), when (a date in the clause, else the article's
reference date), how many (figures counted by a nearby death, injury or flight word) and
according to whom (a speaker in the sentence or the last one before it). Triggers under a
negation, a modal or an intention verb ("trying to recapture") did not happen and are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract import dates
from kg.extract.lexicon import Lexicon, Trigger
from kg.extract.mentions import Found, Mentions, place_rank
from kg.extract.numbers import parse_number
from kg.extract.subtypes import refine
from kg.model import ActorType, DatePrecision, PlaceType

_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
_PRONOUNS = frozenset({"they", "it", "he", "she", "which", "who", "them", "we"})
_ARMED = frozenset({ActorType.STATE_FORCES, ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA,
                    ActorType.IDENTITY_MILITIA, ActorType.EXTERNAL_OTHER})  # fmt: skip
_NOT_FIGHTERS = frozenset({ActorType.MEDIA, ActorType.ORGANISATION})
_PROTEST_FAMILY = frozenset(
    {"peaceful-protest", "protest-with-intervention", "violent-demonstration", "protest-block",
     "labour-strike"}
)  # fmt: skip
_RIOT_ACTS = frozenset(
    {"attack", "violence", "looting-property-destruction", "kill", "armed-clash"}
)
_INTRANSITIVE_DEATH = frozenset({"die", "perish", "flee", "displace", "drown", "succumb"})
_UNARMED = frozenset({ActorType.CIVILIANS, ActorType.PROTESTERS, ActorType.RIOTERS})
_FIGHTING = frozenset({"armed-clash", "attack", "bombard", "territory", "territory-loss"})
_SHORT_SPAN = re.compile(r"^(?:just\s+)?(?P<n>a|an|one|\w+)\s+(?P<unit>days?|weeks?)$", re.I)


@dataclass(slots=True)
class Draft:
    """An event while it is being put together (token offsets into the Doc)."""

    event_class: str
    trigger: Span
    sentence: Span
    agents: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    time: Span | None = None
    date: dt.date | None = None
    precision: DatePrecision = DatePrecision.DAY
    time_inherited: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    reported_by: list[str] = field(default_factory=list)
    confidence: float = 0.5


class EventFinder:
    """Built once per model, run on every Doc."""

    def __init__(self, nlp: Any, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.matcher = Matcher(nlp.vocab)
        for number, trigger in enumerate(lexicon.triggers):
            pattern: list[dict[str, Any]] = [{"LEMMA": lemma} for lemma in trigger.lemmas]
            if trigger.pos == "VERB":
                pattern[0]["POS"] = "VERB"
            elif trigger.pos == "NOUN":
                pattern[0]["POS"] = {"IN": ["NOUN", "PROPN"]}
            self.matcher.add(f"{number}", [pattern])
        words = lexicon.words
        self.irrealis = lexicon.word_set("modality", "irrealis_verbs")
        self.modals = lexicon.word_set("modality", "modal_auxiliaries")
        self.light_verbs = lexicon.word_set("modality", "light_verbs")
        self.report_nouns = lexicon.word_set("modality", "report_nouns")
        self.air_words = lexicon.word_set("events", "air_words")
        self.civilian_objects = lexicon.word_set("events", "civilian_objects")
        self.discovery_words = lexicon.word_set("events", "discovery_words")
        self.protest_words = lexicon.word_set("events", "protest_words")
        self.labour_words = lexicon.word_set("events", "labour_words")
        self.follow_up = lexicon.word_set("events", "follow_up_words")
        counts = words["counts"]
        self.people = frozenset(counts["people_nouns"]) | frozenset(words["actors"]["generic"])
        self.count_nouns = {n: "fatalities" for n in counts["fatality_nouns"]} | {
            n: "injuries" for n in counts["injury_nouns"]
        }
        self.count_verbs = (
            {v: "fatalities" for v in counts["fatality_verbs"]}
            | {v: "injuries" for v in counts["injury_verbs"]}
            | {v: "displaced" for v in counts["displacement_verbs"]}
            | {v: "arrested" for v in counts["arrest_verbs"]}
        )
        self.abroad = frozenset(counts["abroad_words"])

    # -- the whole document ---------------------------------------------------------------------

    def find(
        self, doc: Doc, mentions: Mentions, published: dt.date | None
    ) -> tuple[list[Draft], dict[str, ActorType]]:
        actor_types = {f.key: f.actor_type for f in mentions.found if f.actor_type is not None}
        reference, reference_span = self._reference_date(doc, published)
        drafts: list[Draft] = []
        source: list[str] = []
        previous_agents: list[str] = []
        by_sentence = self._triggers(doc, mentions)
        for sent in doc.sents:
            found = self._sentence(sent, by_sentence.get(sent.start, []), mentions, previous_agents)
            speakers = self._speakers(sent, found, mentions, source)
            if speakers:
                source = speakers
            for d in found:
                self._when(d, sent, found, published, reference, reference_span)
                if d.event_class != "statement":
                    d.reported_by = list(source)
                    previous_agents = d.agents or previous_agents
            drafts += found
        _explicit_fatalities(doc, drafts)
        finished = [self._finish(d, actor_types) for d in drafts]
        return _dedupe([d for d in finished if d is not None]), actor_types

    def _reference_date(
        self, doc: Doc, published: dt.date | None
    ) -> tuple[dt.date | None, Span | None]:
        """The date the article's events are told relative to: its first day-level date."""
        for ent in doc.ents:
            if ent.label_ != "DATE" or dates.is_relative_to_event(ent.text):
                continue
            resolved = dates.resolve(ent.text, published)
            if resolved is not None and resolved.precision == DatePrecision.DAY:
                return resolved.date, ent
            if resolved is None and published is None and _looks_like_day(ent.text):
                return None, ent
        return published, None

    # -- one sentence ---------------------------------------------------------------------------

    def _triggers(self, doc: Doc, mentions: Mentions) -> dict[int, list[tuple[Span, Trigger]]]:
        """Trigger matches, longest first where they overlap, grouped by sentence start."""
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        out: dict[int, list[tuple[Span, Trigger]]] = {}
        for span in sorted(filter_spans(spans), key=lambda s: s.start):
            if any(mentions.at(i) is not None for i in range(span.start, span.end)):
                continue  # "Free Syrian Army", a place named "Raid": names, not triggers
            trigger = self.lex.triggers[int(span.label_)]
            out.setdefault(span.sent.start, []).append((span, trigger))
        return out

    def _sentence(
        self,
        sent: Span,
        triggers: list[tuple[Span, Trigger]],
        mentions: Mentions,
        previous_agents: list[str],
    ) -> list[Draft]:
        drafts = []
        trigger_tokens = {span.root.i for span, _ in triggers}
        for span, trigger in triggers:
            head = span[0]
            if self._irrealis(head):
                continue
            d = Draft(trigger.event_class, span, sent)
            self._arguments(d, head, mentions, trigger_tokens, previous_agents)
            drafts.append(d)
        self._counts(sent, drafts, mentions)
        _clash_participants(drafts)
        drafts = self._fold_into_protest(drafts, mentions)
        return _fold_killings(drafts)

    def _fold_into_protest(self, drafts: list[Draft], mentions: Mentions) -> list[Draft]:
        """Protesters who burn tyres or attack a police station riot: one protest event, made
        violent by the refinement cues, not a protest and an attack."""
        protest = next((d for d in drafts if d.event_class in _PROTEST_FAMILY), None)
        if protest is None:
            return drafts
        kept = []
        for d in drafts:
            armed = any(
                (f := mentions.at_key(a)) is not None and f.actor_type in _ARMED for a in d.agents
            )
            if d.event_class in _RIOT_ACTS and not armed:
                for name, value in d.counts.items():
                    protest.counts.setdefault(name, value)
                continue
            kept.append(d)
        return kept

    def _irrealis(self, token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "neg":
                return True
            if child.dep_ == "aux" and child.lower_ in self.modals:
                return True
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "nsubjpass"):
            governor = token.head.head if token.dep_ == "pobj" else token.head
            # "demanding the arrest of", "protest against the killing": a topic, not an event
            if governor.lemma_.lower() in self.irrealis or token.head.lower_ in self.irrealis:
                return True
        head = token
        while head.dep_ in ("xcomp", "conj") and head.head is not head:
            head = head.head
            if head.lemma_.lower() in self.irrealis:
                return True
            if any(c.dep_ == "neg" for c in head.children):
                return True
        return False

    # -- arguments ------------------------------------------------------------------------------

    def _arguments(
        self,
        d: Draft,
        head: Token,
        mentions: Mentions,
        triggers: set[int],
        previous_agents: list[str],
    ) -> None:
        stop = triggers - {head.i}
        if d.event_class == "statement":
            d.agents = self._statement_speaker(head, mentions, stop)
            return
        subject, objects = self._roles(head)
        agents = _dedup(
            k for s in subject for k in self._actors(s, mentions, stop, previous_agents)
        )
        targets = _dedup(k for o in objects for k in self._actors(o, mentions, stop, []))
        if d.event_class == "territory-loss":
            agents, targets = targets, agents
        d.agents = [a for a in agents if a not in targets]
        d.targets = targets
        d.places = self._places(head, mentions, stop)

    def _roles(self, head: Token) -> tuple[list[Token], list[Token]]:
        """The tokens heading who acted and who was acted on."""
        subjects: list[Token] = []
        objects: list[Token] = []
        for child in head.children:
            dep = child.dep_
            if dep == "nsubj" or dep == "poss":
                subjects.append(child)
            elif dep == "agent":
                subjects += [c for c in child.children if c.dep_ == "pobj"]
            elif dep in ("dobj", "nsubjpass"):
                objects.append(child)
            elif dep == "prep" and child.lower_ in (
                "against",
                "on",
                "to",
                "from",
                "between",
                "with",
            ):
                pobjs = [c for c in child.children if c.dep_ == "pobj"]
                if child.lower_ == "between":
                    subjects += pobjs
                elif child.lower_ != "to" or head.lemma_ in ("lose", "fall"):
                    objects += pobjs  # "lost the town to the rebels": swapped later
            elif dep == "prep" and child.lower_ == "of" and head.pos_ == "NOUN":
                objects += [c for c in child.children if c.dep_ == "pobj"]
        if any(c.dep_ == "agent" for c in head.children):
            # "Police officer shot dead by gunmen": a headline's passive without its auxiliary
            objects += [c for c in head.children if c.dep_ == "nsubj"]
            subjects = [s for s in subjects if s.dep_ != "nsubj"]
        if not subjects:
            subjects = self._inherited_subject(head)
        return subjects, objects

    def _inherited_subject(self, head: Token) -> list[Token]:
        token = head
        for _ in range(6):
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
                return [token.head]  # "groups, including X, advanced in ..."
            # "launched an offensive": the light verb's subject; "after taking control": the
            # subject of the clause the phrase hangs from
            light = token.dep_ == "dobj" and token.head.lemma_.lower() in self.light_verbs
            if not light and token.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj"):
                return []
            token = token.head
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
            if subjects:
                return subjects
        return []

    def _actors(
        self, token: Token, mentions: Mentions, stop: set[int], previous: list[str]
    ) -> list[str]:
        if token.lower_ in _PRONOUNS:
            return self._antecedent(token, mentions, previous)
        keys = []
        for t in _walk(token, stop):
            found = mentions.at(t.i)
            if found is not None and found.kind == "actor" and found.key not in keys:
                keys.append(found.key)
        return keys

    def _antecedent(self, pronoun: Token, mentions: Mentions, previous: list[str]) -> list[str]:
        sent = pronoun.sent
        for i in range(pronoun.i - 1, sent.start - 1, -1):
            found = mentions.at(i)
            if (
                found is not None
                and found.kind == "actor"
                and found.actor_type not in _NOT_FIGHTERS
            ):
                return [found.key]
        return list(previous[:1])

    def _statement_speaker(self, head: Token, mentions: Mentions, stop: set[int]) -> list[str]:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:  # "X advanced ..., activists said": the subject nearest the verb speaks
            return self._actors(max(subjects, key=lambda c: c.i), mentions, stop, [])
        # "..., the Syrian Observatory for Human Rights said": the name just before the verb
        i = head.i - 1
        while i >= head.sent.start and (head.doc[i].is_punct or head.doc[i].pos_ == "ADV"):
            i -= 1
        found = mentions.at(i) if i >= head.sent.start else None
        return [found.key] if found is not None and found.kind == "actor" else []

    def _places(self, head: Token, mentions: Mentions, stop: set[int]) -> list[str]:
        scopes = [head]
        token = head
        while (
            token.dep_ in _CLAUSE_DEPS | {"conj", "pcomp", "pobj", "prep"}
            and token.head is not token
        ):
            token = token.head
            scopes.append(token)
        subject_tokens = {
            t.i for c in head.children if c.dep_ in ("nsubj", "poss") for t in c.subtree
        }
        for scope in scopes:
            depths: dict[str, tuple[int, int]] = {}  # key -> (rank, depth of its shallowest token)
            for t, depth in _walk_depth(scope, stop | ({head.i} if scope is not head else set())):
                found = mentions.at(t.i)
                if found is None or found.kind != "place" or t.i in subject_tokens:
                    continue
                rank = place_rank(found.place_type or PlaceType.OTHER)
                depths[found.key] = min(depths.get(found.key, (rank, depth)), (rank, depth))
            best = [(r, dp, k) for k, (r, dp) in depths.items()]
            if best:
                rank = min(b[0] for b in best)
                depth = min(b[1] for b in best if b[0] == rank)
                return _dedup(k for r, dp, k in best if r == rank and dp <= depth)
        # nothing in its clauses: the most specific places of the sentence, else the country
        in_sentence = [
            f for i in range(head.sent.start, head.sent.end)
            if (f := mentions.at(i)) is not None and f.kind == "place" and f.start == i
        ]  # fmt: skip
        if in_sentence:
            rank = min(place_rank(f.place_type or PlaceType.OTHER) for f in in_sentence)
            return _dedup(
                f.key for f in in_sentence if place_rank(f.place_type or PlaceType.OTHER) == rank
            )
        return [mentions.main_place] if mentions.main_place else []

    # -- figures --------------------------------------------------------------------------------

    def _counts(self, sent: Span, drafts: list[Draft], mentions: Mentions) -> None:
        abroad = any(t.lemma_.lower() in self.abroad or t.lower_ in self.abroad for t in sent)
        counted: set[int] = set()
        for span in _number_spans(sent):
            value = parse_number(span.text)
            if value is None:
                continue
            kind, verb = self._count_kind(span, abroad)
            if kind is None:
                continue
            counted.add(span.root.head.i if span.root.dep_ == "nummod" else span.root.i)
            self._add_count(drafts, verb or span.root, kind, value)
        # "shot and killed a civilian", "a Lamu chief and his assistant were hacked to death"
        for token in sent:
            if token.i in counted or not self._one_person(token):
                continue
            kind, verb = self._count_kind(sent.doc[token.i : token.i + 1], abroad)
            if kind is not None:
                self._add_count(drafts, verb or token, kind, 1)

    def _one_person(self, token: Token) -> bool:
        """A singular person noun with no figure of its own ("a man", "the chief")."""
        if token.tag_ != "NN" or token.lemma_.lower() not in self.people:
            return False
        return not any(c.dep_ in ("nummod", "quantmod") for c in token.children)

    def _add_count(self, drafts: list[Draft], token: Token, kind: str, value: int) -> None:
        host = self._host(token, drafts)
        if host is not None:
            host.counts[kind] = host.counts.get(kind, 0) + value

    def _count_kind(self, span: Span, abroad: bool) -> tuple[str | None, Token | None]:
        root = span.root
        noun = root.head if root.dep_ in ("nummod", "quantmod", "compound") else root
        lemma = noun.lemma_.lower()
        if lemma in self.count_nouns:
            return self.count_nouns[lemma], None
        if noun is not root and lemma not in self.people:
            return None, None
        token = noun
        for _ in range(4):
            dep = token.dep_
            if (dep == "pobj" and token.head.lower_ == "by") or dep == "agent":
                return None, None  # "killed by two armed men": the killers, not the dead
            if dep in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "prep"):
                token = token.head
            else:
                break
            verb_lemma = token.lemma_.lower()
            if dep == "nsubj" and token.pos_ == "VERB" and verb_lemma not in _INTRANSITIVE_DEATH:
                return None, None  # "a mob kills a robber": the subject acts
            if token.pos_ == "VERB" and _to_death(token):
                return "fatalities", token  # "shot dead", "hacked to death"
            if token.pos_ in ("VERB", "ADJ") and verb_lemma in self.count_verbs:
                kind = self.count_verbs[verb_lemma]
                if verb_lemma == "flee" and abroad:
                    kind = "refugees"
                return kind, token
        return None, None

    def _host(self, token: Token, drafts: list[Draft]) -> Draft | None:
        candidates = [d for d in drafts if d.event_class != "statement"]
        if not candidates:
            return None
        for d in candidates:
            if d.trigger.start <= token.i < d.trigger.end:
                return d
        return min(candidates, key=lambda d: abs(d.trigger.start - token.i))

    # -- sources and time -----------------------------------------------------------------------

    def _speakers(
        self, sent: Span, drafts: list[Draft], mentions: Mentions, previous: list[str]
    ) -> list[str]:
        speakers: list[str] = []
        for d in drafts:
            if d.event_class == "statement":
                if d.agents:
                    speakers += d.agents
                elif any(c.dep_ == "nsubj" and c.lemma_.lower() in self.report_nouns
                         for c in d.trigger[0].children):  # fmt: skip
                    speakers += previous  # "the report said"
        for token in sent:
            if token.lower_ == "according":
                for to in token.children:
                    for pobj in to.children:
                        speakers += self._actors(pobj, mentions, set(), [])
        return _dedup(speakers)

    def _when(
        self,
        d: Draft,
        sent: Span,
        drafts: list[Draft],
        published: dt.date | None,
        reference: dt.date | None,
        reference_span: Span | None,
    ) -> None:
        others = {x.trigger.root.i for x in drafts if x is not d}
        head = d.trigger[0]
        in_scope = {t.i for t in _walk(head, others)}
        if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.i not in others:
            # "the clashes have been raging since late last month": the verb's date is theirs
            in_scope |= {t.i for t in _walk(head.head, others | {head.i})}
        sent_dates = [e for e in sent.ents if e.label_ == "DATE"]
        own = [e for e in sent_dates if e.root.i in in_scope]
        if own:
            span = own[0]
            match = _SHORT_SPAN.match(span.text.strip())
            if match and any(c.dep_ == "mark" and c.lower_ == "after" for c in head.children):
                base = _date_of(sent_dates, span, published, reference)
                text = f"{match.group('n')} {match.group('unit')} earlier"
                d.time, d.time_inherited = span, False
                self._resolve(d, text, base)
                return
            d.time = span
            base = reference if dates.is_relative_to_event(span.text) else published
            self._resolve(d, span.text, base)
            return
        if reference_span is not None or reference is not None:
            d.time = reference_span
            d.time_inherited = True
            d.date = reference
            d.precision = DatePrecision.WEEK

    def _resolve(self, d: Draft, text: str, base: dt.date | None) -> None:
        resolved = dates.resolve(text, base)
        if resolved is not None:
            d.date, d.precision = resolved.date, resolved.precision

    # -- typing and clean-up --------------------------------------------------------------------

    def _finish(self, d: Draft, types: dict[str, ActorType]) -> Draft | None:
        cls = d.event_class
        d.agents = [a for a in d.agents if types.get(a) not in _NOT_FIGHTERS or cls == "statement"]
        d.targets = [t for t in d.targets if types.get(t) not in _NOT_FIGHTERS]
        lemmas = frozenset(t.lemma_.lower() for t in d.sentence) | frozenset(
            t.lower_ for t in d.sentence
        )
        if cls in ("territory", "territory-loss"):
            if cls == "territory-loss" and not d.agents:
                return None
            state = any(types.get(a) == ActorType.STATE_FORCES for a in d.agents)
            d.event_class = (
                "government-regains-territory" if state else "non-state-actor-overtakes-territory"
            )
        elif cls in ("attack", "kill", "found-body", "violence"):
            if cls == "found-body" and not lemmas & self.discovery_words:
                return None
            if cls == "kill" and not d.counts and not d.targets:
                return None
            armed_target = any(types.get(t) in _ARMED for t in d.targets)
            civilian_target = any(types.get(t) == ActorType.CIVILIANS for t in d.targets)
            soft_target = bool(lemmas & self.civilian_objects)
            d.event_class = (
                "attack"
                if civilian_target or (not armed_target and (soft_target or cls != "attack"))
                else "armed-clash"
            )
            unarmed = d.agents and all(types.get(a) in _UNARMED for a in d.agents)
            if unarmed and d.event_class == "armed-clash":
                # students, residents, supporters fighting: a riot, not a battle
                protest = bool(lemmas & self.protest_words)
                d.event_class = "violent-demonstration" if protest else "mob-violence"
        elif cls == "bombard":
            d.event_class = (
                "air-drone-strike"
                if lemmas & self.air_words
                else "shelling-artillery-missile-attack"
            )
        elif cls == "protest-block":
            if not lemmas & self.protest_words:
                return None
            d.event_class = "peaceful-protest"
        elif cls == "labour-strike":
            d.event_class = "peaceful-protest" if lemmas & self.labour_words else "bombard"
            if d.event_class == "bombard":
                d.event_class = (
                    "air-drone-strike"
                    if lemmas & self.air_words
                    else "shelling-artillery-missile-attack"
                )
        elif cls == "conflict":
            if not d.counts:
                return None
            d.event_class = "armed-conflict"
        elif cls == "statement" and not d.agents:
            return None
        # the sentence and the next one: "Protesters blocked the road. Police dispersed them."
        window = _with_follow_up(d.sentence, self.follow_up)
        window_lemmas = frozenset(t.lemma_.lower() for t in window) | frozenset(
            t.lower_ for t in window
        )
        d.event_class = refine(d.event_class, window_lemmas, window.text)
        d.confidence = _confidence(d)
        return d


def _fold_killings(drafts: list[Draft]) -> list[Draft]:
    """ "shelled X, killing 2": the killing is the shelling's, not an event of its own."""
    hosts = [d for d in drafts if d.event_class not in ("kill", "statement", "conflict")]
    if not hosts:
        return drafts
    kept = []
    for d in drafts:
        if d.event_class != "kill":
            kept.append(d)
            continue
        host = _ancestor_host(d, hosts) or min(
            hosts, key=lambda h: abs(h.trigger.start - d.trigger.start)
        )
        for name, value in d.counts.items():
            host.counts.setdefault(name, value)
        host.targets = _dedup([*host.targets, *(t for t in d.targets if t not in host.agents)])
    return kept


def _clash_participants(drafts: list[Draft]) -> None:
    """ "The clashes ... when the rebels unleashed an offensive against government troops":
    a clash that names no side is fought by the sides of the sentence's other fighting."""
    for d in drafts:
        if d.event_class != "armed-clash" or d.agents or d.targets:
            continue
        others = [
            o for o in drafts
            if o is not d and o.event_class in _FIGHTING and (o.agents or o.targets)
        ]  # fmt: skip
        if others:
            nearest = min(others, key=lambda o: abs(o.trigger.start - d.trigger.start))
            d.agents = _dedup([*nearest.agents, *nearest.targets])


def _ancestor_host(d: Draft, hosts: list[Draft]) -> Draft | None:
    by_token = {h.trigger[0].i: h for h in hosts}
    token = d.trigger[0]
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if token.i in by_token:
            return by_token[token.i]
    return None


def _confidence(d: Draft) -> float:
    score = 0.55 if d.trigger[0].pos_ == "VERB" else 0.45
    score += 0.05 * (d.sentence.start == 0)  # the lead sentence tells the main event
    score += 0.1 * bool(d.agents) + 0.1 * bool(d.places) + 0.05 * bool(d.targets)
    score += 0.1 * (d.date is not None and not d.time_inherited) + 0.05 * bool(d.reported_by)
    return round(min(score, 0.95), 2)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """The same event told twice in one article (same type, agents and places) is one event."""
    kept: list[Draft] = []
    for d in drafts:
        twin = next(
            (k for k in kept
             if k.event_class == d.event_class and set(k.agents) == set(d.agents)
             and set(k.places) == set(d.places) and d.places
             and (k.date == d.date or k.time_inherited or d.time_inherited)),
            None,
        )  # fmt: skip
        if twin is None:
            kept.append(d)
            continue
        twin.targets = _dedup([*twin.targets, *d.targets])
        twin.reported_by = _dedup([*twin.reported_by, *d.reported_by])
        for name, value in d.counts.items():
            twin.counts.setdefault(name, value)
        if twin.time_inherited and not d.time_inherited:
            twin.time, twin.date, twin.precision = d.time, d.date, d.precision
            twin.time_inherited = False
    return kept


def _walk(token: Token, stop: set[int]) -> list[Token]:
    return [t for t, _ in _walk_depth(token, stop)]


def _walk_depth(token: Token, stop: set[int]) -> list[tuple[Token, int]]:
    """The token and its dependents, not entering nested clauses, other triggers, or modifiers
    such as "Al Qaeda-linked"."""
    out = []
    todo = [(token, 0)]
    while todo:
        t, depth = todo.pop()
        out.append((t, depth))
        for child in t.children:
            if child.i in stop or child.dep_ in _CLAUSE_DEPS:
                continue
            if child.dep_ == "amod" and child.pos_ == "VERB":
                continue
            if child.dep_ == "prep" and child.lower_ == "according":
                continue
            todo.append((child, depth if child.dep_ in ("conj", "cc", "appos") else depth + 1))
    return out


_NUMBER = r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CODED = re.compile(rf"\bfatalit(?:y|ies)\s+(?:were\s+|was\s+)?coded\s+as\s+{_NUMBER}", re.I)
_STATED = re.compile(rf"(?<!reported )(?<!claimed )\b{_NUMBER}\s+fatalit(?:y|ies)\b", re.I)
_NONE = re.compile(
    r"\b(?:no|nor|without(?: any)?)\s+(?:reported\s+|known\s+|confirmed\s+)?"
    r"(?:fatalities|casualties|deaths|injuries or fatalities|injuries nor fatalities)\b"
    r"|\bno (?:one|body) (?:was|were) (?:killed|hurt|injured)\b"
    r"|\bno reports? of (?:fatalities|casualties|deaths)\b",
    re.I,
)
_NON_VIOLENT = frozenset({"statement", "displacement", "conflict", "peaceful-protest"})


def _explicit_fatalities(doc: Doc, drafts: list[Draft]) -> None:
    """What the text says of the dead outright wins over figures read off verbs:
    "No fatalities were reported", "1 fatality", "Fatalities coded as 0 (... reported 3)"."""
    violent = [d for d in drafts if d.event_class not in _NON_VIOLENT]
    for sent in doc.sents:
        text = sent.text
        coded = _CODED.search(text)
        stated = coded or _STATED.search(text)
        if stated is not None:
            value = parse_number(stated.group(1))
        elif _NONE.search(text):
            value = 0
        else:
            continue
        if value is None:
            continue
        here = [d for d in violent if d.sentence.start == sent.start]
        before = [d for d in violent if d.sentence.start < sent.start]
        target = here[:1] or before[-1:]
        if not target:
            continue
        if coded is not None or stated is not None:  # the total: no other figure adds to it
            for d in violent:
                d.counts.pop("fatalities", None)
        target[0].counts["fatalities"] = value


def _with_follow_up(sentence: Span, follow_up: frozenset[str]) -> Span:
    """The sentence, and the next one when it goes on about the same crowd or its police."""
    doc = sentence.doc
    if sentence.end >= len(doc):
        return sentence
    following = doc[sentence.end].sent
    if any(t.lemma_.lower() in follow_up for t in following):
        return doc[sentence.start : following.end]
    return sentence


def _to_death(verb: Token) -> bool:
    for child in verb.children:
        if child.lower_ == "dead" or (
            child.lower_ == "to" and any(c.lower_ == "death" for c in child.children)
        ):
            return True
    return False


def _number_spans(sent: Span) -> list[Span]:
    spans = [e for e in sent.ents if e.label_ == "CARDINAL"]
    taken = {i for e in sent.ents for i in range(e.start, e.end)}
    spans += [sent.doc[t.i : t.i + 1] for t in sent if t.like_num and t.i not in taken]
    return spans


def _date_of(
    sent_dates: list[Span], exclude: Span, published: dt.date | None, reference: dt.date | None
) -> dt.date | None:
    for e in sent_dates:
        if e is not exclude:
            resolved = dates.resolve(e.text, published)
            if resolved is not None:
                return resolved.date
    return reference


def _looks_like_day(text: str) -> bool:
    t = text.lower()
    return any(day in t for day in dates.WEEKDAYS) or "yesterday" in t or "today" in t


def _dedup(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


__all__ = ["Draft", "EventFinder", "Found", "PlaceType"]
