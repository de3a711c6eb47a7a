"""Events: trigger words and phrases, their arguments, types, figures and sources.

A trigger from ``kg/data/triggers.tsv`` anchors each event. Its arguments come from the
dependency parse: who acted (the subject, a possessive, a "by" phrase, the subject of a light
verb such as "launched an offensive"), who was acted on (the object, "against"), where (the most
specific places in the trigger's own clause), when (a date in the clause, else the article's
reference date: ``kg/extract/timing.py``), how many (figures counted by a nearby death, injury
or flight word) and according to whom (a speaker in the sentence or the last one before it).
Triggers under a negation, a modal or an intention verb ("trying to recapture") did not happen
and are dropped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract import columns
from kg.extract.captions import lower_captions
from kg.extract.classify import Classifier, passing_below_main
from kg.extract.clauses import (
    crowd_verb,
    describes_object,
    headline_passive_at,
    names_protesters,
    purpose,
    target_of_another,
)
from kg.extract.columns import Tree
from kg.extract.drafts import (
    CLAUSE_DEPS,
    NOT_FIGHTERS,
    Draft,
    dedup,
    is_background,
    walk_depth_from,
    walk_from,
)
from kg.extract.figures import Figures, explicit_fatalities
from kg.extract.folding import (
    anaphors,
    arrests_aside,
    attacks_met,
    captures_over_fighting,
    clash_participants,
    deaths_told_after,
    dedupe,
    fold_damage,
    fold_described,
    fold_instruments,
    fold_killings,
    fold_repelled,
    fold_support,
    one_protest,
    seizures_in_fighting,
)
from kg.extract.found import Mentions
from kg.extract.incoming import against_objects, fire_roles
from kg.extract.lexicon import Lexicon, Trigger
from kg.extract.mentions import acting_country
from kg.extract.place_settling import place_rank
from kg.extract.roles import assign_roles
from kg.extract.stance import attempt_class, cataphor_subjects, committed, kind_of_act
from kg.extract.timing import date_spans, past_day, reference_date, when
from kg.extract.told import told_in_passing
from kg.extract.trigger_args import misread_gerund, mission, modifier_agent
from kg.extract.trigger_matcher import TriggerMatcher
from kg.extract.wreckage import fold_wrecked_weapons, wreckage_told_again
from kg.model import ActorType, PlaceType

_PRONOUNS = frozenset({"they", "it", "he", "she", "which", "who", "them", "we"})
_PERSONAL = frozenset({"he", "she"})  # stand for a person, never for forces or a group
_PERSON_REACH = 120  # tokens back where "he" may find its person (a few sentences)
_POSSESSIVES = frozenset({"their", "its"})
# prepositions whose object was acted on ("fired at", "against", "on") or, for "between", acted
_ROLE_PREPOSITIONS = frozenset({"against", "on", "at", "to", "from", "between", "with"})
# fighting that an infinitive names as an aim, not as done: "an attack to capture the base"
# (unlike a protest: "a rally organised to protest", "tear gas used to disperse the crowd")
_AIMS = frozenset({"territory", "armed-clash", "attack", "violence", "kill"})
# trigger classes that tell an event only by their arguments (kg/data/triggers.tsv)
_WEAK = frozenset({"movement", "freeing"})
# events done to someone: a passive participle after a noun names the victim ("member killed")
_VICTIM_CLASSES = frozenset(
    {"kill", "violence", "attack", "sexual-violence", "abduction-forced-disappearance", "arrests"}
)


# the dependencies an event's place may be found up through: its clauses and phrases
_SCOPE_DEPS = CLAUSE_DEPS | {"conj", "pcomp", "pobj", "prep"}
_OPENINGS = frozenset({"(", "["})
_CLOSINGS = frozenset({")", "]"})


class EventFinder:
    """Built once per model, run on every Doc."""

    def __init__(self, nlp: Any, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.matcher = TriggerMatcher(lexicon.triggers)
        self.irrealis = lexicon.word_set("modality", "irrealis_verbs")
        self.modals = lexicon.word_set("modality", "modal_auxiliaries")
        self.light_verbs = lexicon.word_set("modality", "light_verbs")
        self.object_control = lexicon.word_set("modality", "object_control")
        self.report_nouns = lexicon.word_set("modality", "report_nouns")
        self.mission_words = lexicon.word_set("modality", "mission_words")
        self.receiving = lexicon.word_set("modality", "receiving_verbs")
        self.committed = lexicon.word_set("modality", "commitment_words")
        self.pointing = lexicon.word_set("modality", "pointing_words")
        self.kinds = (
            lexicon.word_set("modality", "path_nouns"),
            lexicon.word_set("modality", "people_pronouns"),
        )
        self.figures = Figures(lexicon)
        self.classifier = Classifier(lexicon)

    # -- the whole document ---------------------------------------------------------------------

    def find(
        self, doc: Doc, mentions: Mentions, published: dt.date | None
    ) -> tuple[list[Draft], dict[str, ActorType]]:
        actor_types = {f.key: f.actor_type for f in mentions.found if f.actor_type is not None}
        reference, reference_span = reference_date(doc, published)
        drafts: list[Draft] = []
        source: list[str] = []
        previous_agents: list[str] = []
        by_sentence = self._triggers(doc, mentions)
        for start, end in columns.sentence_bounds(doc):
            sent = doc[start:end]
            found = self._sentence(sent, by_sentence.get(sent.start, []), mentions, previous_agents)
            speakers = self._speakers(sent, found, mentions, source)
            if speakers:
                source = speakers
            sent_dates = date_spans(sent) if found else []
            for d in found:
                when(d, sent, sent_dates, found, published, reference, reference_span)
                past_day(d)
                if d.event_class != "statement":
                    d.reported_by = list(source)
                    previous_agents = d.agents or previous_agents
            drafts += found
        explicit_fatalities(doc, drafts)
        finished = [self.classifier.finish(d, actor_types) for d in drafts]
        events = anaphors(dedupe([d for d in finished if d is not None]), self.pointing)
        events = wreckage_told_again(events, self.pointing)
        events = self._labelled(doc, events, mentions, reference, reference_span)
        events = arrests_aside(seizures_in_fighting(attacks_met(events, actor_types)))
        events = one_protest(captures_over_fighting(events))
        events = deaths_told_after(events, actor_types)
        events = passing_below_main(events)
        events = lower_captions(events)
        assign_roles(events, mentions, self.lex)
        return events, actor_types

    def _labelled(
        self,
        doc: Doc,
        events: list[Draft],
        mentions: Mentions,
        reference: dt.date | None,
        reference_span: Span | None,
    ) -> list[Draft]:
        """ "Movement of forces: a convoy entered ...": a category label before a sentence
        gives its event's type (``kg/data/prefixes.tsv``)."""
        for start, end in columns.sentence_bounds(doc):
            text = columns.span_text(doc, start, end).lstrip().lower()
            if ":" not in text:
                continue  # no label can start it
            label = next((lab for lab, _ in self.lex.prefixes if text.startswith(lab + ":")), None)
            if label is None:
                continue
            sent = doc[start:end]
            event_type = dict(self.lex.prefixes)[label]
            here = [d for d in events if d.sentence.start == sent.start and d.event_class
                    not in ("statement",)]  # fmt: skip
            if here:
                here[0].event_class = event_type
                continue
            colon = next(t for t in sent if t.text == ":")
            d = Draft(event_type, doc[sent.start : colon.i], sent)
            armed = [
                f.key
                for i in range(sent.start, sent.end)
                if (f := mentions.at(i)) is not None and f.kind == "actor" and f.start == i
            ]
            d.agents = armed[:1]
            d.places = self._places(doc, colon.i, mentions, set())
            d.time, d.date, d.time_inherited = reference_span, reference, True
            d.confidence = 0.6
            events.append(d)
        return sorted(events, key=lambda d: d.trigger.start)

    # -- one sentence ---------------------------------------------------------------------------

    def _triggers(self, doc: Doc, mentions: Mentions) -> dict[int, list[tuple[Span, Trigger]]]:
        """Trigger matches, longest first where they overlap, grouped by sentence start."""
        spans = filter_spans([Span(doc, s, e, label=str(n)) for n, s, e in self.matcher(doc)])
        # verbs of movement are events only where forces move, of freeing only where ground is
        # freed: "protesters moved to the square" still tells a protest, anchored on "moved"
        strong = [s for s in spans if self.lex.triggers[int(s.label_)].event_class not in _WEAK]
        taken = {i for span in strong for i in range(span.start, span.end)}
        starts = columns.sentence_starts(doc)
        out: dict[int, list[tuple[Span, Trigger]]] = {}
        for span in sorted(spans, key=lambda s: s.start):
            trigger = self.lex.triggers[int(span.label_)]
            if any(mentions.at(i) is not None for i in range(span.start, span.end)):
                crowd = crowd_verb(span, mentions, taken)
                alone = not any(
                    starts[o.start] == starts[span.start] for o in strong if o is not span
                )
                if crowd is None and not (alone and names_protesters(span, mentions)):
                    continue  # "Free Syrian Army", a place named "Raid": names, not triggers
                span = crowd or span  # "protesters in Kut": the crowd tells its protest
            out.setdefault(starts[span.start], []).append((span, trigger))
        return out

    def _sentence(
        self,
        sent: Span,
        triggers: list[tuple[Span, Trigger]],
        mentions: Mentions,
        previous_agents: list[str],
    ) -> list[Draft]:
        drafts = []
        # a weak trigger ("moved", "freed") does not hide a verb's arguments from its conjuncts
        trigger_tokens = {span.root.i for span, t in triggers if t.event_class not in _WEAK}
        tree = columns.tree(sent.doc)
        for span, trigger in triggers:
            head = span[0]
            attempt = attempt_class(tree, span.root.i, trigger.event_class, self.modals)
            if attempt is None and (
                self._irrealis(tree, span.start) or self._irrealis(tree, span.root.i)
            ):
                continue  # "lynched over a sexual assault": the root of a phrase is the topic
            others = trigger_tokens - {span.root.i}
            if describes_object(tree, span.root.i, trigger.event_class, others, self.light_verbs):
                continue  # "struck fighters firing on the troops": who was struck
            if target_of_another(tree, span.root.i, trigger.event_class, others):
                continue  # "a bomb hit a military convoy": what was hit
            if kind_of_act(tree, span.root.i, *self.kinds):
                continue  # "the axes of advance", "those fighting ISIL"
            event_class = attempt or self.classifier.hits.at_trigger(head, trigger.event_class)
            if event_class is None:
                continue  # "hit by a car", "threw projectiles": no bombardment
            d = Draft(event_class, span, sent, background=is_background(head))
            # "an attack to capture the base", "a force set up to fight them": aims, told last
            d.aim = trigger.event_class in _AIMS and (
                purpose(head) or mission(head, self.mission_words)
            )
            self._arguments(d, _argument_head(span), mentions, trigger_tokens, previous_agents)
            drafts.append(d)
        self.figures.count(sent, drafts)
        clash_participants(drafts)
        drafts = self.classifier.fold_into_protest(drafts, mentions)
        drafts = fold_repelled(fold_described(drafts))
        drafts = fold_wrecked_weapons(drafts, self.classifier.disarm_verbs)
        drafts = fold_support(fold_instruments(drafts))
        # damage folds into the fighting of its sentence's main clauses, not into fighting told
        # in passing ("shops were destroyed following a clash": the damage is the event)
        aside = {
            id(d) for d in drafts
            if d.event_class != "looting-property-destruction" and told_in_passing(d.trigger[0])
        }  # fmt: skip
        kept = aside | {id(d) for d in fold_damage([d for d in drafts if id(d) not in aside])}
        return fold_killings([d for d in drafts if id(d) in kept])

    def _irrealis(self, t: Tree, i: int) -> bool:
        dep, lower, kids, head = t.dep, t.lower, t.kids, t.head
        for c in kids[i]:
            if dep[c] == "neg" or (dep[c] == "det" and lower[c] == "no"):
                return True  # "did not attack", "no arrests were made"
            if dep[c] == "aux" and lower[c] in self.modals:
                return True
            if dep[c] in ("amod", "compound") and t.lemma[c] in self.irrealis:
                return True  # "a planned attack", "for planning attacks"
        if t.pos[i] in ("NOUN", "PROPN") and dep[i] in ("dobj", "pobj", "nsubjpass"):
            governor = head[head[i]] if dep[i] == "pobj" else head[i]
            # "demanding the arrest of", "protest against the killing": a topic, not an event
            if t.lemma[governor] in self.irrealis or lower[head[i]] in self.irrealis:
                return True
        if dep[i] == "acl" and t.tag[i] == "VBG" and t.pos[head[i]] in ("NOUN", "PROPN"):
            return self._irrealis(t, head[i])  # "the threat of attacks targeting the base"
        while dep[i] in ("xcomp", "conj") and head[i] != i:
            i = head[i]
            if t.lemma[i] in self.irrealis or lower[i] in self.committed:
                return True  # "trying to recapture", "determined to destroy"
            if any(dep[c] == "neg" or (dep[c] == "aux" and lower[c] in self.modals)
                   for c in kids[i]):  # fmt: skip
                return True  # "we will continue to strike"
        return committed(t, i, self.committed, self.light_verbs)

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
        doc = head.doc
        subject, objects = self._roles(columns.tree(doc), head.i, d.event_class)
        agents = dedup(
            k
            for s in subject
            for k in self._actors(doc, s, mentions, stop, previous_agents, subject=True)
        )
        targets = dedup(k for o in objects for k in self._actors(doc, o, mentions, stop, []))
        if d.event_class == "territory-loss":
            agents, targets = targets, agents
        agents = agents or modifier_agent(head, mentions)  # "a U.S. strike", "a Taliban attack"
        shared = set(agents) & set(targets)
        if shared and d.event_class != "territory-loss":
            d.shared_agents = [
                f
                for s in subject
                for i in walk_from(doc, s, stop)
                if (f := mentions.at(i)) is not None and f.key in shared and f.start == i
            ]
        for token in (*subject, *objects):
            for i in walk_from(doc, token, stop):
                f = mentions.at(i)
                if f is not None and f.kind == "actor" and f.start == i:
                    d.role_mentions.setdefault(f.key, []).append(f)
        d.agents = [a for a in agents if a not in targets]
        d.targets = targets
        d.places = self._places(doc, head.i, mentions, stop)

    def _roles(self, t: Tree, head: int, event_class: str) -> tuple[list[int], list[int]]:
        """The tokens heading who acted and who was acted on."""
        deps, lower, kids, pos = t.dep, t.lower, t.kids, t.pos
        subjects: list[int] = []
        objects: list[int] = []
        for child in kids[head]:
            dep = deps[child]
            if dep == "nsubj" or dep == "poss":
                subjects.append(child)
            elif dep == "agent":
                subjects += [c for c in kids[child] if deps[c] == "pobj"]
            elif dep in ("dobj", "nsubjpass"):
                objects.append(child)
            elif dep == "prep" and lower[child] in _ROLE_PREPOSITIONS:
                pobjs = [c for c in kids[child] if deps[c] == "pobj"]
                if lower[child] == "between":
                    subjects += pobjs
                elif lower[child] != "to" or t.raw_lemma[head] in ("lose", "fall"):
                    objects += pobjs  # "lost the town to the rebels": swapped later
            elif dep == "prep" and lower[child] == "of" and pos[head] == "NOUN":
                objects += [c for c in kids[child] if deps[c] == "pobj"]
            elif dep == "acl" and pos[head] == "NOUN":  # "a bomb planted by the Taliban"
                for agent in (c for c in kids[child] if deps[c] == "agent"):
                    subjects += [c for c in kids[agent] if deps[c] == "pobj"]
        if any(deps[c] == "agent" for c in kids[head]) or headline_passive_at(t, head):
            # "Police officer shot dead by gunmen", "5 members shot dead": a headline's passive
            # without its auxiliary
            objects += [c for c in kids[head] if deps[c] == "nsubj"]
            subjects = [s for s in subjects if deps[s] != "nsubj"]
        victim_verb = event_class in _VICTIM_CLASSES and t.tag[head] == "VBN"
        if victim_verb and deps[head] == "acl" and pos[t.head[head]] in ("NOUN", "PROPN"):
            objects.append(t.head[head])  # "suspected gang member killed at slum": the victim
            if not subjects:
                return subjects, objects
        if not objects and pos[head] == "VERB":
            # "shot and killed a fighter": the coordinated verbs share the object
            for conj in (c for c in kids[head] if deps[c] == "conj" and pos[c] == "VERB"):
                objects += [c for c in kids[conj] if deps[c] == "dobj"]
        # "airstrikes against al-Qaida operatives killed 20": who the subject's fire was against
        objects += against_objects(t, subjects)
        # "came under rocket fire from the militants": the subject was fired at
        subjects, objects, fired_at = fire_roles(t, head, event_class, self.receiving, subjects,
                                                 objects)  # fmt: skip
        if fired_at:
            return subjects, objects
        if not subjects:
            taker = self._taker(t, head)
            if taker is not None:  # "civilians faced shelling": they took it, no one's named
                return [], objects + _takers(t, taker)
            subjects = self._inherited_subject(t, head)
        return subjects, objects

    def _taker(self, t: Tree, head: int) -> int | None:
        """The verb of taking ("face", "suffer", "endure": ``receiving_verbs``) whose object
        or complement the trigger is, however the parse hangs it ("faced shelling" with
        "shelling" a verb; "facing shelling and airstrikes" with "airstrikes" a conjunct of
        "facing"): its subject is the one the event befell."""
        i = head
        while t.dep[i] == "conj" and t.head[i] != i:
            i = t.head[i]
            if t.lemma[i] in self.receiving and t.pos[i] == "VERB":
                return i
        if t.dep[i] in ("dobj", "xcomp") and t.lemma[t.head[i]] in self.receiving:
            return t.head[i]
        return None

    def _inherited_subject(self, t: Tree, i: int) -> list[int]:
        dep, head = t.dep, t.head
        if misread_gerund(t, i):  # "made progress in liberating neighborhoods": the subject
            i = head[i]  # of the clause the phrase hangs from, as "in liberating them" has
        for _ in range(6):
            if dep[i] == "acl" and t.pos[head[i]] in ("NOUN", "PROPN"):
                return [head[i]]  # "groups, including X, advanced in ..."
            # "launched an offensive": the light verb's subject; "after taking control": the
            # subject of the clause the phrase hangs from
            light = dep[i] == "dobj" and t.lemma[head[i]] in self.light_verbs
            if not light and dep[i] not in ("xcomp", "advcl", "conj", "pcomp", "prep", "pobj"):
                return []
            infinitive = dep[i] in ("xcomp", "advcl") and any(
                dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[i]
            )
            i = head[i]
            if infinitive and t.lemma[i] in self.object_control:
                # "press the regime to cease airstrikes": the regime's, not the presser's
                controllers = [c for c in t.kids[i] if dep[c] == "dobj"]
                if controllers:
                    return controllers
            subjects = [c for c in t.kids[i] if dep[c] in ("nsubj", "poss")]
            if subjects:
                return subjects
        return []

    def _actors(
        self,
        doc: Doc,
        token: int,
        mentions: Mentions,
        stop: set[int],
        previous: list[str],
        subject: bool = False,
    ) -> list[str]:
        if columns.lowers(doc)[token] in _PRONOUNS:
            return self._antecedent(doc, token, mentions, previous)
        if columns.lowers(doc)[token] in _POSSESSIVES:  # "in their march ..., the rebels"
            named = cataphor_subjects(columns.tree(doc), token)
            if not named and subject:  # "militants launched their attack": the actor before
                return self._antecedent(doc, token, mentions, previous)
            return [k for s in named for k in self._actors(doc, s, mentions, stop, [])]
        keys = []
        whose = _members_of(doc, token, mentions)
        for i in walk_from(doc, token, stop):
            if i in whose:
                continue
            found = mentions.at(i)
            if found is not None and found.kind == "actor" and found.key not in keys:
                keys.append(found.key)
        return keys

    def _antecedent(
        self, doc: Doc, pronoun: int, mentions: Mentions, previous: list[str]
    ) -> list[str]:
        sent_start, _ = columns.sentence_of(doc, pronoun)
        if columns.lowers(doc)[pronoun] in _PERSONAL:  # "he said": a person, maybe told before
            for i in range(pronoun - 1, max(0, pronoun - _PERSON_REACH) - 1, -1):
                found = mentions.at(i)
                if found is not None and found.actor_type is ActorType.PERSON:
                    return [found.key]
            return []
        for i in range(pronoun - 1, sent_start - 1, -1):
            found = mentions.at(i)
            if found is not None and found.kind == "actor" and found.actor_type not in NOT_FIGHTERS:
                return [found.key]
        return list(previous[:1])

    def _statement_speaker(self, head: Token, mentions: Mentions, stop: set[int]) -> list[str]:
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:  # "X advanced ..., activists said": the subject nearest the verb speaks
            return self._actors(head.doc, max(c.i for c in subjects), mentions, stop, [])
        # "..., the Syrian Observatory for Human Rights said": the name just before the verb
        i = head.i - 1
        sent_start, _ = columns.sentence_of(head.doc, head.i)
        while i >= sent_start and (head.doc[i].is_punct or head.doc[i].pos_ == "ADV"):
            i -= 1
        found = mentions.at(i) if i >= sent_start else None
        return [found.key] if found is not None and found.kind == "actor" else []

    def _places(self, doc: Doc, head: int, mentions: Mentions, stop: set[int]) -> list[str]:
        t = columns.tree(doc)
        scopes = [head]
        token = head
        while t.dep[token] in _SCOPE_DEPS and t.head[token] != token:
            token = t.head[token]
            scopes.append(token)
        subject_tokens: set[int] = set()
        todo = [c for c in t.kids[head] if t.dep[c] in ("nsubj", "poss")]
        while todo:  # their subtrees
            i = todo.pop()
            subject_tokens.add(i)
            todo += t.kids[i]
        containers = _containers(doc, mentions)
        for scope in scopes:
            depths: dict[str, tuple[int, int]] = {}  # key -> (rank, depth of its shallowest token)
            for i, depth in walk_depth_from(
                doc, scope, stop | ({head} if scope != head else set())
            ):
                found = mentions.at(i)
                if (
                    found is None
                    or found.kind != "place"
                    or i in subject_tokens
                    or acting_country(found, t.dep, t.head)
                ):
                    continue
                rank = place_rank(found.place_type or PlaceType.OTHER)
                depths[found.key] = min(depths.get(found.key, (rank, depth)), (rank, depth))
            best = [
                (r, dp, key)
                for k, (r, dp) in depths.items()
                for key in ((containers[k], k) if k in containers else (k,))
            ]
            if best:
                rank = min(b[0] for b in best)
                depth = min(b[1] for b in best if b[0] == rank)
                return dedup(k for r, dp, k in best if r == rank and dp <= depth)
        # nothing in its clauses: the most specific places of the sentence, else the country
        named = [
            f for i in range(*columns.sentence_of(doc, head))
            if (f := mentions.at(i)) is not None and f.kind == "place" and f.start == i
        ]  # fmt: skip
        in_sentence = [f for f in named if not acting_country(f, t.dep, t.head)]
        if in_sentence:
            rank = min(place_rank(f.place_type or PlaceType.OTHER) for f in in_sentence)
            return dedup(
                key
                for f in in_sentence
                if place_rank(f.place_type or PlaceType.OTHER) == rank
                for key in ((containers[f.key], f.key) if f.key in containers else (f.key,))
            )
        acting = {f.key for f in named}  # a state acting here is not where its events are
        return [mentions.main_place] if mentions.main_place not in acting | {""} else []

    # -- sources -----------------------------------------------------------------------------

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
        lower = columns.lowers(sent.doc)
        for i in range(sent.start, sent.end):
            if lower[i] == "according":
                for to in sent.doc[i].children:
                    for pobj in to.children:
                        speakers += self._actors(sent.doc, pobj.i, mentions, set(), [])
        return dedup(speakers)


def _containers(doc: Doc, mentions: Mentions) -> dict[str, str]:
    """The places named in brackets right after another place, the bracket opening with one
    ("in Dire (Dire, Tombouctou)", "women in Lowtown [Coast Province]"; not "in Baringo (in
    Kabarnet town)"), each with that place: they tell where it lies, and an event the parse
    puts at them is at that place first."""
    out: dict[str, str] = {}
    text = columns.texts(doc)
    for i in (i for i, t in enumerate(text[1:-1], start=1) if t in _OPENINGS):
        outer, first = mentions.at(i - 1), mentions.at(i + 1)
        if outer is None or first is None:
            continue
        if outer.kind != "place" or first.kind != "place" or first.start != i + 1:
            continue
        j = i + 1
        while j < len(text) and text[j] not in _CLOSINGS:
            found = mentions.at(j)
            if found is not None and found.kind == "place" and found.key != outer.key:
                out.setdefault(found.key, outer.key)
            j += 1
    return out


def _members_of(doc: Doc, token: int, mentions: Mentions) -> set[int]:
    """ "70 members of the X tribe": members that are an actor of their own (civilians,
    tribesmen) are the argument; the group after "of" tells whose they are (no target)."""
    members = mentions.at(token)
    if doc[token].lemma_.lower() != "member" or members is None or members.kind != "actor":
        return set()
    return {
        t.i
        for of in doc[token].children
        if of.dep_ == "prep" and of.lower_ == "of"
        for t in of.subtree
    }


def _argument_head(span: Span) -> Token:
    """The token a trigger's arguments hang from: its first word, unless that word only
    modifies another word of the trigger ("air strikes", "drone strike": the strikes are what
    "the army carried out")."""
    first = span[0]
    if first.dep_ in ("compound", "amod", "nmod") and span.start <= first.head.i < span.end:
        return span.root
    return first


__all__ = ["Draft", "EventFinder"]


def _takers(t: Tree, verb: int) -> list[int]:
    """Who took what a verb of taking governs: its subject, that of the verb it is a conjunct
    of ("Rebels shelled the town and faced airstrikes"), or the noun it describes ("civilians
    facing shelling")."""
    for _ in range(3):
        found = [c for c in t.kids[verb] if t.dep[c] == "nsubj"]
        if found or t.head[verb] == verb:
            return found
        if t.dep[verb] == "acl" and t.pos[t.head[verb]] in ("NOUN", "PROPN"):
            return [t.head[verb]]
        if t.dep[verb] not in ("conj", "xcomp"):
            return []
        verb = t.head[verb]
    return []
