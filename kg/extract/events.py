"""Events: trigger words and phrases, their arguments, types, figures and sources.

A trigger from ``kg/data/triggers.tsv`` anchors each event. Its arguments come from the
dependency parse: who acted (the subject, a possessive, a "by" phrase, the subject of a light
verb such as "launched an offensive"), who was acted on (the object, "against"), where (the most
specific places in the trigger's own clause), when (a date in the clause, else the article's
reference date: ``kg/extract/timing.py``), how many (figures counted by a nearby death, injury
or flight word) and according to whom (a speaker in the sentence or the last one before it).
Triggers under a negation, a modal or an intention verb ("trying to recapture"), in a clause
a verb of denial governs ("denied that it attacked"), or brought about by a verb of causing that
did not happen ("could lead to clashes"), did not happen and are dropped
(``kg/extract/modality.py``).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span

from kg.extract import columns, parse_tree
from kg.extract.accounts import fold_accounts
from kg.extract.anaphors import anaphors
from kg.extract.argument_parts import argument_head
from kg.extract.arguments import Arguments
from kg.extract.bare_claims import claimants_named
from kg.extract.captions import lower_captions
from kg.extract.carried_places import carry_places
from kg.extract.category_labels import labelled
from kg.extract.classify import Classifier
from kg.extract.clauses import (
    ShowcaseWords,
    abstract_object,
    describes_object,
    purpose,
    showcase,
    shown_in_showcase,
    target_of_another,
)
from kg.extract.confidence import passing_below_main
from kg.extract.continued import place_apart, told_on, town_apart
from kg.extract.date_spans import sentence_dates
from kg.extract.datelines import filed_day
from kg.extract.drafts import (
    Draft,
    is_background,
)
from kg.extract.figures import Figures, explicit_fatalities
from kg.extract.folding import (
    clash_participants,
    dedupe,
    fold_damage,
    fold_described,
    fold_instruments,
    fold_killings,
    fold_repelled,
    fold_support,
    settled,
)
from kg.extract.found import Mentions
from kg.extract.habits import HabitWords, told_as_habit
from kg.extract.headline_fold import fold_headline
from kg.extract.headline_retells import Places
from kg.extract.lexicon import Lexicon, Trigger, read_words
from kg.extract.mention_kinds import is_crowd, is_local, is_unnamed, place_key_at
from kg.extract.modality import Modality
from kg.extract.part_tolls import SpreadWords, included_places, parts_of_totals, spread
from kg.extract.pointed_back import FightWords
from kg.extract.policed import crowd_first, fold_rioters_shot
from kg.extract.raids import fold_raids
from kg.extract.reporters import pronoun_speaks, sentence_speakers
from kg.extract.reranking import (
    arrests_aside,
    attacks_met,
    captures_over_fighting,
    deaths_told_after,
    interventions_after,
    one_protest,
    seizures_in_fighting,
    weapons_told_after,
)
from kg.extract.retold import fold_retold
from kg.extract.roles import assign_roles
from kg.extract.said_days import retold_days, said_on_its_day
from kg.extract.speech_rallies import rallies_spoken_at
from kg.extract.split_triggers import SplitTriggers
from kg.extract.stance import attempt_class, kind_of_act
from kg.extract.story_days import told_days
from kg.extract.timing import (
    DayCarried,
    past_day,
    reference_date,
    when,
)
from kg.extract.told import beyond_grievance, told_in_passing
from kg.extract.toll_periods import TollWords
from kg.extract.tolls import habitual, told_over_period
from kg.extract.trigger_args import mission
from kg.extract.trigger_matcher import TriggerMatcher
from kg.extract.trigger_spans import WEAK, sentence_triggers
from kg.extract.turned_violent import fold_crowd_fighting, fold_protest_turned_violent
from kg.extract.twins import fold_aims, fold_crowd_acts, fold_settings, fold_told_inside
from kg.extract.uprooted import fold_uprooted
from kg.extract.wreckage import fold_wrecked_weapons, wreckage_told_again
from kg.model import ActorType

# fighting that an infinitive names as an aim, not as done: "an attack to capture the base"
# (unlike a protest: "a rally organised to protest", "tear gas used to disperse the crowd")
# the trigger rules a thing of words as object undoes ("fight corruption"; not a protest's
# "protested the new law": its topic)
_VIOLENT_RULES = frozenset({"armed-clash", "attack", "territory", "violence"})
_AIMS = frozenset({"territory", "armed-clash", "attack", "violence", "kill", "freeing"})
# protests told by their own words, whose object or "against" is their grievance (a protest's
# force or fighting has real targets: "used force against protesters")
_TOPICAL = frozenset({"peaceful-protest", "protest-block", "labour-strike"})
# the state's own forces: acting on a gathering, they police it (kg.extract.twins.fold_settings)
_STATE = frozenset({ActorType.STATE_FORCES})
_NONSTATE = frozenset(
    {ActorType.REBEL_GROUP, ActorType.POLITICAL_MILITIA, ActorType.IDENTITY_MILITIA}
)


class EventFinder:
    """Built once per model, run on every Doc."""

    def __init__(self, nlp: Any, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.matcher = TriggerMatcher(lexicon.triggers)
        self.split = SplitTriggers(lexicon.triggers)
        self.modality = Modality(lexicon)
        self.killing_verbs = lexicon.word_set("counts", "killing_verbs")
        # the words that qualify a place's name: "Indian Kashmir", "northern Lowland"
        self.place_qualifiers = lexicon.word_set("mentions", "place_modifiers") | frozenset(
            d.lower() for c in lexicon.countries for d in c.demonyms if " " not in d
        )
        self.report_nouns = lexicon.word_set("modality", "report_nouns")
        self.mission_words = lexicon.word_set("modality", "mission_words")
        self.pointing = lexicon.word_set("modality", "pointing_words")
        self.siding = lexicon.word_set("events", "siding_verbs")
        self.claims = (  # "X claimed responsibility in a statement"
            lexicon.word_set("modality", "claim_taking_verbs"),
            lexicon.word_set("modality", "claim_nouns"),
        )
        self.crowd_doers = lexicon.word_set("events", "crowd_doers")
        self.tolls = TollWords(
            lexicon.word_set("modality", "toll_conflicts"),
            lexicon.word_set("modality", "toll_units"),
            lexicon.word_set("modality", "toll_adverbs"),
            lexicon.word_set("modality", "habit_adverbs"),
            lexicon.word_set("modality", "claim_nouns"),
            lexicon.word_set("modality", "toll_waves"),
            lexicon.word_set("modality", "toll_people"),
            lexicon.word_set("modality", "toll_campaign_verbs"),
            lexicon.word_set("modality", "toll_count_nouns"),
        )
        self.spread = SpreadWords(
            lexicon.word_set("events", "spread_adverbs"),
            lexicon.word_set("events", "spread_prepositions"),
            lexicon.word_set("events", "spread_areas"),
            lexicon.word_set("events", "spread_widest"),
        )
        self.habits = HabitWords(
            lexicon.word_set("modality", "rule_verbs"),
            lexicon.word_set("modality", "accusing_verbs"),
            lexicon.word_set("modality", "former_words"),
            lexicon.word_set("counts", "people_nouns"),
            lexicon.word_set("counts", "displacement_verbs"),
            lexicon.word_set("mentions", "group_nouns"),
            lexicon.word_set("modality", "toll_conflicts"),
            lexicon.word_set("modality", "answer_nouns")
            | lexicon.word_set("modality", "answer_verbs"),
            lexicon.word_set("modality", "support_verbs"),
            lexicon.word_set("modality", "pressing_verbs"),
            lexicon.word_set("modality", "sending_verbs"),
            lexicon.word_set("modality", "punishing_verbs"),
            lexicon.word_set("modality", "series_adverbs"),
            lexicon.word_set("modality", "series_nouns")
            | lexicon.word_set("modality", "series_words"),
            lexicon.word_set("modality", "warring_verbs"),
            lexicon.word_set("modality", "calling_verbs"),
        )
        self.answer_nouns = lexicon.word_set("modality", "answer_nouns")
        self.province_words = lexicon.word_set("places", "province")
        self.fights = FightWords(
            lexicon.word_set("modality", "fight_nouns"),
            lexicon.word_set("modality", "yielding_verbs"),
            lexicon.word_set("modality", "claim_nouns"),
            lexicon.word_set("modality", "reporting_verbs"),
            read_words("names.toml", "places", "taken_verbs"),
            lexicon.word_set("modality", "witness_nouns"),
            lexicon.word_set("modality", "body_nouns"),
            lexicon.word_set("modality", "body_pointers"),
        )
        self.abstract = lexicon.word_set("modality", "abstract_objects")
        self.named_again = lexicon.word_set("places", "site_nouns")  # "the headquarters"
        self.kinds = (
            lexicon.word_set("modality", "path_nouns"),
            lexicon.word_set("modality", "people_pronouns"),
            lexicon.word_set("modality", "lodging_nouns"),
        )
        self.showcase = ShowcaseWords(
            lexicon.word_set("events", "showcase_nouns"),
            lexicon.word_set("events", "showcase_objects"),
            lexicon.word_set("events", "showcase_verbs"),
            lexicon.word_set("events", "showcase_holders"),
            crowds := lexicon.word_set("events", "protest_crowds")
            | lexicon.word_set("events", "crowd_doers"),
            crowds | lexicon.word_set("counts", "people_nouns"),
        )
        self.unnamed = frozenset(
            label.split(" (")[0]
            for kind, label in lexicon.words["actors"]["generic"].values()
            if kind in ("political-militia", "rebel-group", "identity-militia")
        )
        self.sites = (  # places inside a town: "the Lowtown Academy", "the Lowtown hospital"
            frozenset(lexicon.words["actors"]["facilities"]["words"])
            | lexicon.word_set("places", "school_heads")
            | lexicon.word_set("places", "institution_heads")
            | lexicon.word_set("events", "occupied_buildings")
        )
        self.figures = Figures(lexicon)
        self.arguments = Arguments(lexicon)
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
        by_sentence = sentence_triggers(doc, mentions, self.matcher, self.split, self.lex.triggers)
        carried = DayCarried(reference, reference_span)
        day_before = told_days(doc, published).before
        # "DUBAI, March 4 (Reuters) - ... since November": a long period, year or no year
        period_end = reference or filed_day(columns.doc_text(doc))
        for start, end in columns.sentence_bounds(doc):
            sent = doc[start:end]
            found = self._sentence(
                sent, by_sentence.get(sent.start, []), mentions, previous_agents, period_end
            )
            for d in found:  # "Rebels took the town. Soldiers fled, they said": the rebels
                if d.event_class == "statement" and not d.agents and pronoun_speaks(d.trigger[0]):
                    d.agents = list(source or previous_agents)
            speakers = sentence_speakers(
                sent, found, mentions, source, self.report_nouns, self.arguments.who.actors
            )
            if speakers:
                source = speakers
            sent_dates = sentence_dates(doc, start, end) if found else []
            day, day_span = carried.before(sent)
            for d in found:
                when(d, sent, sent_dates, found, published, day, day_span, day_before)
                past_day(d)
                for guest, _ in d.folded:  # dated too: it stands alone where its host goes
                    when(guest, sent, sent_dates, found, published, day, day_span, day_before)
                    past_day(guest)
                if d.event_class != "statement":
                    d.reported_by = list(source)
                    previous_agents = d.agents or previous_agents
            said_on_its_day(found)
            carried.after(sent, found)
            drafts += found
        explicit_fatalities(doc, drafts, partial(self.classifier.cues.happenings.continues, doc))
        finish = partial(self.classifier.finish, types=actor_types)
        unnamed = partial(is_unnamed, mentions, self.unnamed)
        local = partial(is_local, mentions)
        continues = partial(self.classifier.cues.happenings.continues, doc)
        events = anaphors(
            dedupe(settled(drafts, finish), self.answer_nouns),
            self.pointing,
            self.siding,
            unnamed,
            local,
        )
        retold_days(events)  # "..., the government said on Wednesday": the act's own day
        events = wreckage_told_again(events, self.pointing)
        events = labelled(
            doc,
            events,
            mentions,
            self.lex.prefixes,
            self.arguments.places,
            reference,
            reference_span,
        )
        events = arrests_aside(
            seizures_in_fighting(attacks_met(events, actor_types, self.classifier.cues.happenings))
        )
        events = weapons_told_after(events, self.classifier.cues.happenings)
        apart = partial(place_apart, doc, mentions, self.sites)
        town = partial(town_apart, doc, mentions, self.sites, self.province_words)
        events = one_protest(captures_over_fighting(events), town)
        # "said X at a rally in the south of the city": the day's protest there, no other
        events = rallies_spoken_at(events, self.classifier.protests.crowds.gatherings, town)
        events = interventions_after(events, actor_types, apart)
        events = deaths_told_after(events, actor_types)
        events = passing_below_main(events)
        events = fold_raids(fold_told_inside(fold_aims(lower_captions(events))))
        events = fold_settings(events, lambda key: actor_types.get(key) in _STATE)
        events = fold_headline(events, mentions, unnamed, self.killing_verbs, self.place_qualifiers)
        nonstate = {k for k, kind in actor_types.items() if kind in _NONSTATE}.__contains__
        events = fold_retold(events, self.pointing, self.fights, apart, local, nonstate, unnamed)
        wide = partial(spread, words=self.spread)
        key_at = partial(place_key_at, mentions)
        parts = partial(included_places, key_at=key_at)
        events = told_on(events, self.pointing, actor_types, apart, wide, local=local, parts=parts)
        agree = Places(mentions, set()).agree
        events = parts_of_totals(events, continues, apart, agree, self.spread, key_at)
        placed = lambda i: key_at(i) is not None  # noqa: E731
        events = fold_accounts(events, self.fights.reporting_verbs, unnamed, placed)
        claimants_named(doc, events, mentions, *self.claims, unnamed, continues)
        carry_places(events, mentions, self.named_again)  # "Soldiers returned fire.": where it was
        assign_roles(events, mentions, self.lex)
        events = crowd_first(events, mentions, self.crowd_doers)
        events = fold_rioters_shot(events, mentions, apart)  # the riot's crowd shot: its deaths
        # after the roles: the youths police dispersed "who were protesting" are protesters
        crowd = partial(is_crowd, mentions)
        events = fold_crowd_acts(events, crowd)
        state = lambda key: actor_types.get(key) in _STATE  # noqa: E731
        events = fold_crowd_fighting(events, apart, crowd, state)  # "They clashed with police"
        return fold_protest_turned_violent(events, apart), actor_types

    # -- one sentence ---------------------------------------------------------------------------

    def _sentence(
        self,
        sent: Span,
        triggers: list[tuple[Span, Trigger]],
        mentions: Mentions,
        previous_agents: list[str],
        reference: dt.date | None,
    ) -> list[Draft]:
        drafts = []
        tolls = 0
        # a weak trigger ("moved", "freed") does not hide a verb's arguments from its conjuncts
        trigger_tokens = {span.root.i for span, t in triggers if t.event_class not in WEAK}
        tree = parse_tree.tree(sent.doc)
        for span, trigger in triggers:
            head = span[0]
            root = span.root.i  # spaCy makes a Token on each read of a span's root
            attempt = attempt_class(tree, root, trigger.event_class, self.modality.modals)
            if attempt is None and (
                self.modality.unreal(tree, span.start) or self.modality.unreal(tree, root)
            ):
                continue  # "lynched over a sexual assault": the root of a phrase is the topic
            others = trigger_tokens - {root}
            if describes_object(tree, root, trigger.event_class, others, self.modality.light_verbs):
                continue  # "struck fighters firing on the troops": who was struck
            if target_of_another(tree, root, trigger.event_class, others):
                continue  # "a bomb hit a military convoy": what was hit
            if trigger.event_class in _VIOLENT_RULES and abstract_object(tree, root, self.abstract):
                continue  # "vowed to fight corruption", "advance a political solution"
            rest = frozenset(others)
            if told_over_period(tree, root, self.tolls, reference, rest):
                tolls += 1
                continue  # "has killed 500,000 since 2011": a toll, no one occasion
            if habitual(tree, root, self.tolls, rest):
                tolls += 1
                continue  # "frequently attacks convoys": a habit, no one occasion
            if kind_of_act(tree, root, *self.kinds):
                continue  # "the axes of advance", "those fighting ISIL"
            if told_as_habit(tree, root, self.habits):
                continue  # "has said it targets only terrorists", "who fled earlier fighting"
            if showcase(tree, root, (sent.start, sent.end), mentions, self.showcase):
                continue  # "gave a demonstration of its new drone": a showing, no protest
            if shown_in_showcase(tree, root, (sent.start, sent.end), mentions, self.showcase):
                continue  # "a demonstration of its missile defences": shown, not fired
            event_class = attempt or self.classifier.hits.at_trigger(head, trigger.event_class)
            if event_class is None:
                continue  # "hit by a car", "threw projectiles": no bombardment
            d = Draft(event_class, span, sent, background=is_background(head))
            # "an attack to capture the base", "a force set up to fight them": aims, told last
            d.aim = trigger.event_class in _AIMS and (
                purpose(head) or mission(head, self.mission_words)
            )
            self.arguments.fill(d, argument_head(span), mentions, trigger_tokens, previous_agents)
            if trigger.event_class in _TOPICAL:
                d.targets = beyond_grievance(
                    sent, d.targets, mentions, self.classifier.protest_lemmas
                )
            drafts.append(d)
        # a toll's figures are no other event's, nor the article's where only its teller is
        # left ("5,000 have been killed since 2021, a group says")
        if not tolls or any(d.event_class != "statement" for d in drafts):
            self.figures.count(sent, drafts)
        clash_participants(drafts)
        drafts = self.classifier.protests.fold(drafts, mentions)
        drafts = fold_repelled(fold_described(drafts))
        drafts = fold_wrecked_weapons(drafts, self.classifier.cues.disarm_verbs)
        drafts = fold_support(fold_instruments(drafts))
        # damage folds into the fighting of its sentence's main clauses, not into fighting told
        # in passing ("shops were destroyed following a clash": the damage is the event)
        aside = {
            id(d) for d in drafts
            if d.event_class != "looting-property-destruction" and told_in_passing(d.trigger[0])
        }  # fmt: skip
        kept = aside | {id(d) for d in fold_damage([d for d in drafts if id(d) not in aside])}
        drafts = fold_uprooted([d for d in drafts if id(d) in kept])
        return fold_killings(drafts, self.answer_nouns)


__all__ = ["Draft", "EventFinder"]
