"""From trigger classes to event types: who is armed decides clash or attack, the sentence's
words refine the sub-event type, and overlapping drafts fold into one event."""

from __future__ import annotations

from kg.extract import columns
from kg.extract.class_cues import ClassCues
from kg.extract.confidence import confidence_of
from kg.extract.crowds import CROWDS, Crowds
from kg.extract.drafts import ARMED, NOT_FIGHTERS, UNARMED, Draft
from kg.extract.hits import Hits
from kg.extract.labour import LabourCues
from kg.extract.lexicon import Lexicon
from kg.extract.policed import forces_hit
from kg.extract.protest_fold import PROTEST_FAMILY, ProtestFold
from kg.extract.told import unstruck_lemmas
from kg.extract.trigger_args import (
    acted_on_lemmas,
    captives,
    forces_moved,
    freed_no_ground,
    joined_subjects,
    object_lemmas,
    ousted_from,
    place_acted_on,
    plan_foiled,
    rule_taken,
    shows,
    signed_no_agreement,
    state_side,
    subject_lemmas,
    taken_from,
    taken_lemmas,
    talks_ended,
)
from kg.extract.window import crowd_before, refined, sequel
from kg.extract.window_words import WindowWords
from kg.model import ActorType

_CALM_PROTESTS = frozenset({"peaceful-protest", "protest-with-intervention"})
# personal pronouns, as the model lemmatises them: what is handed over is people
_PERSONS = frozenset({"he", "she", "they", "him", "her", "them"})
# trigger classes that name their weapon ("rocket fire", "shelled", "airstrike")
_WEAPON_TRIGGERS = frozenset(
    {"bombard", "projectile", "shelling-artillery-missile-attack", "air-drone-strike",
     "remote-explosive-landmine-ied", "grenade", "suicide-bomb", "chemical-weapon"}
)  # fmt: skip


_REMAINS = frozenset(
    {"dead", "body", "corpse", "remains", "remain", "head", "grave", "skeleton", "behead"}
)  # fmt: skip


class Classifier:
    """Built once per lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.air_words = lexicon.word_set("events", "air_words")
        self.civilian_objects = lexicon.word_set("events", "civilian_objects")
        self.armed_objects = lexicon.word_set("events", "armed_objects")
        self.unarmed_people = lexicon.word_set("events", "unarmed_people")
        self.settlements = frozenset().union(
            *(lexicon.word_set("places", k) for k in ("town", "district"))
        )
        self.discovery_words = lexicon.word_set("events", "discovery_words")
        self.hits = Hits(lexicon)
        self.protest_words = lexicon.word_set("events", "protest_words")
        self.state_blockers = lexicon.word_set("events", "state_blockers")
        self.forces = frozenset(  # "officer", "personnel": the state's men
            noun for noun, (kind, _) in lexicon.words["actors"]["generic"].items()
            if kind == "state-forces"
        )  # fmt: skip
        self.labour = LabourCues(lexicon)
        self.follow_up = lexicon.word_set("events", "follow_up_words")
        self.sequels = lexicon.word_set("events", "sequel_adverbs")
        self.weapon_words = lexicon.word_set("events", "weapon_words")
        self.violence_words = lexicon.word_set("events", "violence_words")
        self.accident_verbs = lexicon.word_set("events", "accident_verbs")
        self.release_words = lexicon.word_set("events", "release_words")
        self.crowds = Crowds(lexicon)
        self.people_nouns = lexicon.word_set("counts", "people_nouns")
        self.ousting_verbs = lexicon.word_set("events", "ousting_verbs")
        self.marching = lexicon.word_set("events", "marching_words")
        self.bombing_nouns = lexicon.word_set("events", "bombing_nouns")
        self.bombard_words = lexicon.word_set("events", "bombard_words")
        self.ground_fire = lexicon.word_set("events", "ground_fire_words")
        self.showing_verbs = lexicon.word_set("events", "showing_verbs")
        self.showing_people = self.people_nouns | lexicon.word_set("events", "crowd_quantities")
        self.force_nouns = lexicon.word_set("events", "force_nouns")
        self.freeing_verbs = lexicon.word_set("events", "freeing_verbs")
        self.rule_words = lexicon.word_set("events", "rule_words")
        self.foiled_plans = lexicon.word_set("events", "foiled_plans")
        self.killing_disarm = lexicon.word_set("events", "killing_disarm_verbs")
        self.signed_words = lexicon.word_set("events", "signed_words")
        self.ending_verbs = lexicon.word_set("events", "ending_verbs")
        self.shut_nouns = lexicon.word_set("events", "shut_nouns")
        self.ground_nouns = frozenset().union(
            *(lexicon.word_set("places", k) for k in ("town", "district", "province")),
            lexicon.word_set("events", "ground_words"),
        )
        self.crowd_control = lexicon.word_set("events", "crowd_control_words")
        self.crowded = self.protest_words | lexicon.word_set("events", "crowded_words")
        self.protest_crowds = lexicon.word_set("events", "protest_crowds")
        self.protest_lemmas = frozenset(
            t.lemmas[0] for t in lexicon.triggers
            if t.event_class in PROTEST_FAMILY | {"protest-block", "labour-strike"}
        )  # fmt: skip
        self.saying = frozenset(
            t.lemmas[0] for t in lexicon.triggers if t.event_class == "statement"
        )  # the verbs whose subjects are sources ("residents said")
        self.cues = ClassCues(lexicon, self.protest_lemmas)  # what a draft's words tell
        self.protests = ProtestFold(
            self.protest_words, self.protest_crowds, self.crowds, self.labour, self.protest_lemmas
        )
        # "lost" ground and "claimed" responsibility tell no death
        self.fatality_verbs = lexicon.word_set("counts", "fatality_verbs") - {"lose", "claim"}
        self.windows = WindowWords(  # the window of a draft's sentence, and what it tells
            follow_up=self.follow_up, happenings=self.cues.happenings, towns=self.cues.towns,
            protest_lemmas=self.protest_lemmas, saying=self.saying,
            fatality_verbs=self.fatality_verbs, forces=self.forces,
        )  # fmt: skip

    def _at_crowd(self, d: Draft, lemmas: frozenset[str]) -> bool:
        """A crowd the sentence tells, or the one before it tells ("... protested. Police fired
        tear gas to disperse them")."""
        return bool(lemmas & self.crowded) or crowd_before(
            d.sentence, self.protest_crowds, self.cues.happenings
        )

    def finish(self, d: Draft, types: dict[str, ActorType]) -> Draft | None:
        """The draft's event type from its trigger class, its actors and its sentence's words,
        or None when the sentence tells no event after all."""
        cls = self._trigger_class(d)
        if cls is None or self._no_event(d, cls, types):
            return None
        d.agents = [a for a in d.agents if types.get(a) not in NOT_FIGHTERS or cls == "statement"]
        d.targets = [t for t in d.targets if types.get(t) not in NOT_FIGHTERS]
        lemmas = columns.words(d.sentence.doc, d.sentence.start, d.sentence.end)
        if not self._retype(d, cls, types, lemmas):
            return None
        # the sentence and the next one: "Protesters blocked the road. Police dispersed them."
        window = self.windows.window(d.sentence)
        window_lemmas, told_text = self.windows.told(d, window)
        self.crowds.by_the_sides(d, types, lemmas)
        crowded = d.event_class in PROTEST_FAMILY or any(
            types.get(k) in CROWDS for k in d.agents + d.targets
        )
        if not crowded and sequel(window, d.sentence, self.sequels):
            window = d.sentence  # "Soldiers later launched air strikes": their own weapons
            window_lemmas, told_text = self.windows.told(d, window)
        follows = crowded or cls not in _WEAPON_TRIGGERS
        before = d.event_class
        d.event_class = refined(d, "" if d.background else cls, window, window_lemmas, told_text,
                                follows=follows, fatality_verbs=self.fatality_verbs)  # fmt: skip
        if d.event_class == "excessive-force-against-protesters" and forces_hit(d, types):
            d.event_class = before  # "four policemen were killed ..., blaming the protesters"
        calm: bool | None = None  # told_calm, read once where both checks ask it
        if (
            before in _CALM_PROTESTS
            and d.event_class == "violent-demonstration"
            and window.end > d.sentence.end
            and (calm := self.cues.told_calm(d.sentence))
        ):
            # "Students marched peacefully on Tuesday. That night a mob set fire to ...": the
            # next sentence's violence is no peaceful crowd's
            d.event_class = before
            own_lemmas, own_text = self.windows.told(d, d.sentence)
            d.event_class = refined(d, "" if d.background else cls, d.sentence, own_lemmas,
                                    own_text, follows=follows,
                                    fatality_verbs=self.fatality_verbs)  # fmt: skip
        if (
            d.event_class in _CALM_PROTESTS
            and not (self.cues.told_calm(d.sentence) if calm is None else calm)
            and self.cues.violence_elsewhere(window)
        ):
            d.event_class = "violent-demonstration"
        d.confidence = confidence_of(d, cls)
        return d

    def _trigger_class(self, d: Draft) -> str | None:
        """The class of the draft's trigger, a strike's kind told and ground freed taken as
        territory; None when people, not ground, are freed ("freed the hostages")."""
        if d.event_class == "strike":
            d.event_class = self.cues.strike_kind(d)
        if d.event_class == "freeing":
            if freed_no_ground(d, self.freeing_verbs, self.ground_nouns):
                return None
            d.event_class = "territory"
        return d.event_class

    def _no_event(self, d: Draft, cls: str, types: dict[str, ActorType]) -> bool:
        """A protest word that tells no protest."""
        if cls in PROTEST_FAMILY and shows(d, self.showing_verbs, self.showing_people):
            return True  # "these actions demonstrate a disregard for the ceasefire"
        marching = d.trigger[0].lemma_.lower() in self.marching
        # "in their march toward the city, the rebels ...": forces advance; a crowd among the
        # marchers makes it a protest ("Hezbollah demonstrators marched": the group's followers)
        sides = [types.get(a) for a in d.agents]
        armed = any(t in ARMED for t in sides) and not any(t in CROWDS for t in sides)
        return cls in PROTEST_FAMILY and marching and armed

    def _retype(
        self, d: Draft, cls: str, types: dict[str, ActorType], lemmas: frozenset[str]
    ) -> bool:
        """Set the draft's event type from what the trigger acts on and its sentence's words;
        False when it tells no event."""
        objects = object_lemmas(d)
        if cls == "territory":
            objects |= taken_lemmas(d)
        if self.cues.disarmed(d, objects):
            # "seized weapons", "found an IED"; "warplanes destroyed an arms depot" is a strike
            flown = subject_lemmas(d) & self.air_words
            d.event_class = "air-drone-strike" if flown else "disrupted-weapons-use"
        elif (
            cls == "disrupted-weapons-use"
            and d.trigger[0].lemma_.lower() in self.killing_disarm
            and (d.targets or captives(d, self.people_nouns))
        ):  # "neutralised 20 assailants", "37 militants had been neutralised": killed, not held
            return self._harm(d, "kill", types, lemmas, objects)
        elif cls == "disrupted-weapons-use" and captives(d, self.people_nouns):
            d.event_class = "arrests"  # "intercepted 15 suspected members": people, not arms
        elif cls in ("territory", "territory-loss"):
            return self._ground(d, cls, types, objects)
        elif cls == "looting-property-destruction" and self.cues.position_destroyed(d, types):
            d.event_class = "armed-clash"  # "destroyed a rebel position": a fight, no looting
        elif cls in ("attack", "kill", "found-body", "violence", "death", "weapons-find"):
            return self._harm(d, cls, types, lemmas, objects)
        elif cls in ("protest-block", "crowd-force", "labour-strike"):
            return self._crowd_or_strike(d, cls, lemmas)
        elif cls == "non-violent-transfer-of-territory" and objects & self.release_words:
            d.event_class = "agreement"  # "handed over three hostages": a release, as "release"
        elif cls == "non-violent-transfer-of-territory" and objects & (
            self.people_nouns | _PERSONS
        ):
            return False  # "handed the suspects over to the police": people, not ground
        elif cls == "release":
            if not objects & self.release_words:
                return False
            d.event_class = "agreement"
        elif cls == "bombard":
            d.event_class = self._bombard_kind(d)
        elif cls == "conflict":
            if not d.counts:
                return False
            d.event_class = "armed-conflict"
        elif cls == "statement" and not d.agents:
            return False
        elif cls == "armed-clash" and plan_foiled(d, self.foiled_plans):
            return False  # "foiled a coup plot": a plan, no fighting
        elif cls == "agreement" and (
            signed_no_agreement(d, objects, self.signed_words)
            or talks_ended(d, self.ending_verbs, self.shut_nouns)
        ):
            return False  # "sign posts", "signed a petition", "suspended talks": no agreement
        elif cls == "movement":
            if not forces_moved(d, objects, self.force_nouns):
                return False  # "moved to the capital", "formed a committee": no forces
            d.event_class = "change-to-group-activity"
        return True

    def _ground(
        self, d: Draft, cls: str, types: dict[str, ActorType], objects: frozenset[str]
    ) -> bool:
        """Ground taken or lost: whose side took it, or arrests, fighting or no event."""
        if cls == "territory" and rule_taken(d, self.rule_words):
            return False  # "the junta, which seized power in 2021": a coup takes no ground
        if cls == "territory" and d.trigger[0].lemma_.lower() in self.ousting_verbs:
            # "a scare that has driven staff out": people driven out are no captives
            if not self.cues.fighters_ousted(d, types):
                return False  # "driving out the population": no fighting
            if not ousted_from(d):
                d.event_class = "armed-clash"  # "pushed back the attack": fighting, no ground
            else:
                d.event_class = (
                    "government-regains-territory"
                    if state_side(d, types, ousted=True)
                    else "non-state-actor-overtakes-territory"
                )
        elif (
            cls == "territory" and captives(d, self.people_nouns)
            and not any(types.get(t) in ARMED for t in d.targets)
        ):  # fmt: skip
            d.event_class = "arrests"  # "police captured 150 migrants": people, not ground
        elif cls == "territory" and freed_no_ground(d, self.freeing_verbs, self.ground_nouns):
            return False  # "freed the hostages": people, not ground
        elif cls == "territory" and self.cues.occupied_only(d, objects):
            return False  # "the areas occupied by the rebels", "occupied the parliament"
        else:
            if cls == "territory-loss" and (not d.agents or captives(d, self.people_nouns)):
                return False  # "We lost 12 soldiers": a toll, no ground lost
            d.event_class = (
                "government-regains-territory"
                if state_side(d, types, ousted=taken_from(d))
                else "non-state-actor-overtakes-territory"
            )
        return True

    def _harm(
        self,
        d: Draft,
        cls: str,
        types: dict[str, ActorType],
        lemmas: frozenset[str],
        objects: frozenset[str],
    ) -> bool:
        """People attacked, killed or found dead: an attack or a clash, by who is armed on
        each side, or arrests, crowd control, or no event."""
        if cls == "attack" and self.cues.raid_to_detain(d, lemmas, types):
            d.event_class = "arrests"  # "police raided the house and arrested 3", "raids to detain"
            return True
        if cls == "attack" and objects & self.crowd_control and self._at_crowd(d, lemmas):
            d.event_class = "protest-with-intervention"  # "fired tear gas at the crowd"
            return True
        if cls == "weapons-find":
            if not (
                objects & _REMAINS
                or (
                    (lemmas & _REMAINS or self.cues.death_told(d, of_body=False))
                    and not lemmas & self.weapon_words
                )
            ):
                return False
            # "a dead woman was found", "human remains were found"; the body of a fighter is
            # of a fight ("the body of a soldier of the 4th division was found")
            armed = any(types.get(t) in ARMED for t in d.targets)
            unarmed = any(types.get(t) in UNARMED for t in d.targets)
            d.event_class = "armed-clash" if armed and not unarmed else "attack"
            return True
        if cls in ("kill", "death") and not d.agents and self._accident(d, lemmas):
            return False  # "a helicopter crashed, killing four": an accident, no violence
        if cls == "death" and not (lemmas & self.violence_words or d.agents):
            # "died after consuming toxins": not political violence; "injured by traders":
            # someone hurt them
            return False
        if cls == "found-body" and not (
            lemmas & self.discovery_words or self.cues.death_told(d, of_body=True)
        ):
            return False  # "the electoral body": no victim found nor death told
        if cls in ("kill", "death") and not (d.counts or d.targets or d.agents):
            return False
        acted_on = acted_on_lemmas(d)
        # "attacked a party leader", "assaulted a prisoner": the people acted on bear no arms
        soft_target = bool(
            lemmas & self.civilian_objects
            or acted_on & self.unarmed_people
            or place_acted_on(d, self.settlements)  # "militants attacked Lowtown"
        )
        # an actor on both sides is no armed target where villages or homes are attacked
        # ("militants killed 40 during attacks on the villages"), unless the target's own
        # words name it ("gunmen killed a gang member": kg.extract.argument_parts.told_apart)
        armed_target = any(
            types.get(t) in ARMED
            for t in d.targets
            if t not in d.agents or t in d.both_sides or not soft_target
        ) or bool(acted_on & self.armed_objects)
        civilian_target = any(types.get(t) in UNARMED for t in d.targets)
        d.event_class = (
            "attack"
            if civilian_target or (not armed_target and (soft_target or cls != "attack"))
            else "armed-clash"
        )
        return True

    def _accident(self, d: Draft, lemmas: frozenset[str]) -> bool:
        """A killing a verb of accident leads to ("crashed, killing four"), in a sentence with
        no other word of violence (``accident_verbs``)."""
        head = d.trigger.root
        return (
            head.dep_ in ("advcl", "conj", "xcomp")
            and head.head.lemma_.lower() in self.accident_verbs
            and not (lemmas - {"kill"}) & self.violence_words
        )

    def _crowd_or_strike(self, d: Draft, cls: str, lemmas: frozenset[str]) -> bool:
        """Roads blocked, force used and strikes: a protest where the sentence tells one, else
        no event (a strike that tells no labour is a strike from the air or by guns)."""
        if cls == "protest-block":
            if not lemmas & self.protest_words or joined_subjects(d) & self.state_blockers:
                # "authorities ... blocked mobile internet": the state's act, no protest
                return False
            d.event_class = "peaceful-protest"
        elif cls == "crowd-force":  # "used excessive force against protesters"
            if not lemmas & self.protest_crowds:
                return False  # "against a suspect": no crowd, no protest
            d.event_class = "protest-with-intervention"  # refined by force (subtypes.toml)
        elif self.labour.says_labour(d.trigger, lemmas):
            d.event_class = "peaceful-protest"
        else:
            # "a U.S. strike hit two vehicles": a strike that names no weapon is of the kind
            # of the article's strikes ("airstrikes killed 20 ...")
            air = lemmas & self.air_words or (
                not lemmas & self.ground_fire and self.cues.article_flies(d)
            )
            d.event_class = "air-drone-strike" if air else "shelling-artillery-missile-attack"
        return True

    def _bombard_kind(self, d: Draft) -> str:
        """Bombs from the air, set off, or fired."""
        said = unstruck_lemmas(d.sentence.doc, range(d.sentence.start, d.sentence.end))
        if said & self.air_words:
            return "air-drone-strike"
        # "bombings that targeted bus stations": bombs set off, not fired
        if d.trigger.root.lemma_.lower() in self.bombing_nouns and not said & self.bombard_words:
            return "remote-explosive-landmine-ied"
        return "shelling-artillery-missile-attack"
