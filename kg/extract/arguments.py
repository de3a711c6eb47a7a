"""An event's arguments from the dependency parse: who acted (the subject, a possessive, a
"by" phrase, the subject of a light verb such as "launched an offensive", of the clause a
phrase hangs from), who was acted on (the object, "against", "at"), who said it for a
statement, and where (the most specific places in the trigger's own clause)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns, parse_tree
from kg.extract.allegiance import sent_sides
from kg.extract.argument_actors import ArgumentActors
from kg.extract.argument_parts import (
    between_of_verb,
    names_doer,
    takers,
    told_apart,
)
from kg.extract.clauses import headline_passive_at, shared_agent
from kg.extract.drafts import Draft, dedup, walk_from
from kg.extract.event_places import event_places
from kg.extract.found import Mentions
from kg.extract.incoming import against_objects, fire_roles
from kg.extract.lexicon import Lexicon
from kg.extract.machines import machine_agent, machine_firers, shared_owner
from kg.extract.other_side import other_side
from kg.extract.parse_tree import Tree
from kg.extract.reporters import (
    teller_tokens,
)
from kg.extract.state_roles import load_state_words
from kg.extract.trigger_args import misread_gerund, modifier_agent

# prepositions whose object was acted on ("fired at", "against", "on") or, for "between", acted
_ROLE_PREPOSITIONS = frozenset({"against", "on", "at", "to", "from", "between", "with"})
# events done to someone: a passive participle after a noun names the victim ("member killed")
_VICTIM_CLASSES = frozenset(
    {"kill", "violence", "attack", "sexual-violence", "abduction-forced-disappearance", "arrests"}
)
# explosives a victim can go over, and the ways onto them: "stepped on a landmine"
_EXPLOSIVE_CLASSES = frozenset({"remote-explosive-landmine-ied"})
_ONTO = frozenset({"over", "on", "onto", "into"})


class Arguments:
    """Built once per model with the lexicon's word lists, run on every trigger."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.who = ArgumentActors(lexicon)  # the actors a word names
        self.light_verbs = lexicon.word_set("modality", "light_verbs")
        self.ending_nouns = lexicon.word_set("modality", "ending_nouns")
        self.answer_nouns = lexicon.word_set("modality", "answer_nouns")
        self.claim_verbs = lexicon.word_set("modality", "claim_verbs")
        self.claim_nouns = lexicon.word_set("modality", "claim_nouns")
        self.doer_verbs = lexicon.word_set("modality", "doer_verbs")
        self.engaged = lexicon.word_set("modality", "engaged_verbs")
        self.object_control = lexicon.word_set("modality", "object_control")
        self.receiving = lexicon.word_set("modality", "receiving_verbs")
        self.dying = lexicon.word_set("modality", "dying_verbs")
        self.taking = lexicon.word_set("modality", "taking_from_verbs")
        self.reporting = lexicon.word_set("modality", "reporting_verbs")
        self.act_objects = lexicon.word_set("modality", "act_object_verbs")
        self.path_verbs = lexicon.word_set("modality", "path_verbs")
        self.machines = load_state_words().machine_nouns
        self.firing = load_state_words().firing_verbs
        self.carrying = lexicon.word_set("modality", "carrying_verbs")
        self.sending = lexicon.word_set("modality", "sending_verbs")
        self.siding = lexicon.word_set("events", "siding_verbs")  # "pitting X against Y"
        # verbs whose object does what the infinitive tells: "urged the regime to stop",
        # "sent troops to fight"
        self.controlling = self.object_control | self.sending
        self.countries = {iso: c.name for iso, c in lexicon.country_by_iso.items()}

    def fill(
        self,
        d: Draft,
        head: Token,
        mentions: Mentions,
        triggers: set[int],
        previous_agents: list[str],
    ) -> None:
        stop = triggers - {head.i}
        if d.event_class == "statement":
            d.agents = self.who.statement_speaker(head, mentions, stop)
            return
        sent_start, sent_end = columns.sentence_of(head.doc, head.i)
        # "killing 12 soldiers, an officer and residents said": the tellers are no target
        stop |= teller_tokens(head.doc, sent_start, sent_end, self.reporting) - {head.i}
        doc = head.doc
        tree = parse_tree.tree(doc)
        subject, objects = self._roles(tree, head.i, d.event_class)
        d.claimed = bool(subject) and subject == self._claimant(tree, head.i)
        if head.pos_ == "VERB" and head.lemma_.lower() in self.dying:
            subject, objects = [], objects + subject  # "two soldiers died": the dead
        elif self._went_over(head, d.event_class):
            subject, objects = [], objects + subject  # "their truck drove over a mine"
        agents = dedup(
            k
            for s in subject
            for k in self.who.actors(doc, s, mentions, stop, previous_agents, subject=True)
        )
        targets = dedup(k for o in objects for k in self.who.actors(doc, o, mentions, stop, []))
        if d.event_class == "territory-loss":
            agents, targets = targets, agents
        agents = agents or modifier_agent(head, mentions)  # "a U.S. strike", "a Taliban attack"
        agents = agents or machine_agent(head, mentions, self.machines)  # "Russian missiles"
        agents = agents or shared_owner(head, mentions)  # "Israeli air and artillery strikes"
        agents = agents or dedup(  # "the missiles Russia launched"
            k
            for s in machine_firers(head, self.machines, self.firing)
            for k in self.who.actors(doc, s, mentions, stop, previous_agents, subject=True)
        )
        if d.event_class != "territory-loss":  # "a Ukrainian strike killed two soldiers"
            targets = other_side(head, objects, agents, targets, mentions, stop, self.countries)
        if head.lemma_.lower() in self.sending:  # "Turkey deployed troops": its own men
            sender = any(c.dep_ == "nsubj" for c in head.children)
            agents, targets = sent_sides(agents, targets, mentions, sender)
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
        if shared:  # "gunmen shot dead a militia commander": one actor on both sides
            d.both_sides = told_apart(doc, subject, objects, shared, mentions, stop)
        d.agents = [a for a in agents if a not in targets or a in d.both_sides]
        d.targets = targets
        # "held a protest in Lowtown": the place of the act the verb takes as object
        told = head.lemma_.lower() in self.act_objects
        objects_told = {c.i for c in head.children if c.dep_ == "dobj"} if told else set()
        d.places = self.places(doc, head.i, mentions, stop - objects_told, triggers)

    def _went_over(self, head: Token, event_class: str) -> bool:
        """ "A patrol drove over a buried explosive", "a herder stepped on a mine": who goes
        over or onto an explosive is its victim, not who laid it (``path_verbs``)."""
        prep = head.head
        return (
            event_class in _EXPLOSIVE_CLASSES
            and head.dep_ == "pobj"
            and prep.lower_ in _ONTO
            and prep.head.lemma_.lower() in self.path_verbs
        )

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
            elif dep == "npadvmod" and pos[child] == "NUM" and pos[head] == "VERB":
                objects.append(child)  # "shot down 25 of 30 drones", read as a measure
            elif dep == "prep" and lower[child] in _ROLE_PREPOSITIONS:
                pobjs = [c for c in kids[child] if deps[c] == "pobj"]
                if lower[child] == "between":
                    subjects += pobjs
                elif lower[child] != "to" or t.raw_lemma[head] in ("lose", "fall"):
                    objects += pobjs  # "lost the town to the rebels": swapped later
            elif dep == "prep" and lower[child] == "by" and pos[head] == "NOUN":
                subjects += [c for c in kids[child] if deps[c] == "pobj"]  # "attacks by X"
            elif dep == "prep" and lower[child] == "of" and pos[head] == "NOUN":
                objects += [c for c in kids[child] if deps[c] == "pobj"]
            elif dep in ("acl", "xcomp") and t.lemma[child] in self.siding:
                # "fighting pitting the army against rebels": the two sides it sets apart
                subjects += [c for c in kids[child] if deps[c] == "dobj"]
                subjects += [o for c in kids[child] if deps[c] == "prep" and lower[c] == "against"
                             for o in kids[c] if deps[o] == "pobj"]  # fmt: skip
            elif dep == "acl" and pos[head] == "NOUN":  # "a bomb planted by the Taliban"
                for agent in (c for c in kids[child] if deps[c] == "agent"):
                    subjects += [c for c in kids[agent] if deps[c] == "pobj"]
        if pos[head] == "NOUN" and any(
            deps[c] == "prep" and lower[c] == "by" and any(names_doer(t, o) for o in kids[c])
            for c in kids[head]
        ):  # "his arrest by police", "their abduction by gunmen": the possessive underwent it
            owners = [c for c in kids[head] if deps[c] == "poss"]
            subjects = [s for s in subjects if s not in owners]
            objects += owners
        if not subjects:
            # "fighting erupted between X and Y": the sides the verb of the trigger's onset takes
            subjects = between_of_verb(t, head, self.siding)
        if not subjects:
            # "2 were killed and 1 was wounded by a drone": the last passive's "by" phrase
            subjects = shared_agent(t, head)
        if any(deps[c] == "agent" for c in kids[head]) or headline_passive_at(t, head):
            # "Police officer shot dead by gunmen", "5 members shot dead": a headline's passive
            # without its auxiliary
            objects += [c for c in kids[head] if deps[c] == "nsubj"]
            subjects = [s for s in subjects if deps[s] != "nsubj"]
        # not "strikes killed 20 people", a past tense the parser reads as a participle
        victim_verb = (
            event_class in _VICTIM_CLASSES
            and t.tag[head] == "VBN"
            and not any(deps[c] == "dobj" for c in kids[head])
        )
        if victim_verb and deps[head] == "acl" and pos[t.head[head]] in ("NOUN", "PROPN"):
            objects.append(t.head[head])  # "suspected gang member killed at slum": the victim
            if not subjects:
                return subjects, objects
        if not objects and pos[head] == "VERB":
            # "shot and killed a fighter": the coordinated verbs share the object
            for conj in (c for c in kids[head] if deps[c] == "conj" and pos[c] == "VERB"):
                objects += [c for c in kids[conj] if deps[c] == "dobj"]
        # "struck a vehicle carrying SDF fighters": those it carried were hit
        objects += [c for o in objects if t.pos[o] == "NOUN" for c in self._carried(t, o)]
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
                return [], objects + takers(t, taker)
            subjects = self._inherited_subject(t, head)
            verb = t.head[subjects[0]] if subjects else head
            if subjects and t.lemma[verb] in self.dying:
                # "120 people died in attacks": those who died were the ones attacked ("did
                # not die in the attack": neither its agent nor its target)
                died = not any(t.dep[c] == "neg" for c in t.kids[verb])
                return [], objects + subjects if died else objects
        return subjects, objects

    def _carried(self, t: Tree, noun: int) -> list[int]:
        """The objects of a verb of carrying that describes ``noun`` ("a vehicle carrying
        fighters": the fighters; ``carrying_verbs``)."""
        return [
            c
            for verb in t.kids[noun]
            if t.dep[verb] == "acl" and t.lemma[verb] in self.carrying
            for c in t.kids[verb]
            if t.dep[c] == "dobj"
        ]

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

    def _claimant(self, t: Tree, i: int) -> list[int]:
        """Who claimed the act ``i`` names: "X claimed an attack", "the attack was claimed by
        X", "X claimed (took) responsibility for the attack" (``claim_verbs``, ``claim_nouns``);
        who did it, told as a claim is: "the attack was carried out by X" (``doer_verbs``)."""
        dep, head = t.dep, t.head
        if dep[i] == "pobj" and t.lower[head[i]] == "for" and dep[head[i]] == "prep":
            noun = head[head[i]]
            if t.lemma[noun] not in self.claim_nouns or dep[noun] != "dobj":
                return []
            i = noun  # the claim noun's verb, whichever: "took responsibility for"
        elif not self._claiming(dep[i], t.lemma[head[i]]):
            return []
        verb = head[i]
        if dep[i] == "nsubjpass":
            return [c for a in t.kids[verb] if dep[a] == "agent" for c in t.kids[a]
                    if dep[c] == "pobj"]  # fmt: skip
        return [c for c in t.kids[verb] if dep[c] == "nsubj"]

    def _claiming(self, dep: str, verb: str) -> bool:
        """Whether a noun of dependency ``dep`` under ``verb`` names an act its verb tells
        who did: "claimed the attack", "the attack was claimed (carried out) by"."""
        if dep == "nsubjpass" and verb in self.doer_verbs:
            return True
        return dep in ("dobj", "nsubjpass") and verb in self.claim_verbs

    def _inherited_subject(self, t: Tree, i: int) -> list[int]:
        dep, head = t.dep, t.head
        claimant = self._claimant(t, i)
        if claimant:
            return claimant
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
            if dep[i] == "conj" and any(dep[c] == "mark" for c in t.kids[i]):
                # "said that forces acted ..., and that 17 officers were hurt": told apart
                return []
            infinitive = dep[i] in ("xcomp", "advcl") and any(
                dep[c] == "aux" and t.lower[c] == "to" for c in t.kids[i]
            )
            i = head[i]
            if t.lemma[i] in self.ending_nouns | self.answer_nouns and t.pos[i] == "NOUN":
                # "the UN called for an end to the attacks": not the UN's attacks; "jets
                # struck in retaliation for a rocket attack": not the jets' attack
                return []
            if infinitive and t.lemma[i] in self.controlling:
                # "press the regime to cease airstrikes": the regime's, not the presser's;
                # "sent troops to fight rebels": the troops fight, not the sender
                controllers = [c for c in t.kids[i] if dep[c] == "dobj"]
                if controllers:
                    return controllers
            # "forces were engaged in fighting with rebels": a side, as the passive tells
            own = (
                ("nsubj", "poss", "nsubjpass") if t.lemma[i] in self.engaged else ("nsubj", "poss")
            )
            subjects = [c for c in t.kids[i] if dep[c] in own]
            if subjects:
                return subjects
        return []

    def places(
        self, doc: Doc, head: int, mentions: Mentions, stop: set[int], triggers: set[int]
    ) -> list[str]:
        """The places of the event at token ``head`` (``event_places``)."""
        return event_places(doc, head, mentions, stop, triggers, self.taking, self.reporting)
