"""Protests and what their crowds do: one protest event, not a protest and a riot's acts.

Protesters who burn tyres or attack a police station riot: their acts fold into the
protest, which the refinement cues (``kg/data/subtypes.toml``) make violent; arrests at a
protest are its intervention; what a protest's sentence tells of its setting ("protested the
release of") or of its grievance ("demanding the release of a boy who was abducted", "families
who say their sons were kidnapped held a sit-in") is no event of its own.
"""

from __future__ import annotations

from kg.extract import columns, parse_tree
from kg.extract.crowds import Crowds
from kg.extract.drafts import ARMED, Draft, absorb
from kg.extract.found import Mentions
from kg.extract.labour import LabourCues
from kg.extract.told import without_grievance
from kg.model import ActorType

__all__ = ["PROTEST_FAMILY", "ProtestFold"]

PROTEST_FAMILY = frozenset(
    {"peaceful-protest", "protest-with-intervention", "violent-demonstration", "protest-block",
     "labour-strike", "crowd-force"}
)  # fmt: skip
_RIOT_ACTS = frozenset(
    {"attack", "violence", "looting-property-destruction", "kill", "death", "armed-clash",
     "arrests"}
)  # fmt: skip
# what a protest's sentence tells of its setting, not events of their own: "protested the
# release of", "joined the protest", "mobilised to protest", "after the withdrawal of"
_PROTEST_SETTING = frozenset(
    {"change-to-group-activity", "headquarters-or-base-established", "agreement",
     "non-violent-transfer-of-territory", "release", "territory", "territory-loss",
     "disrupted-weapons-use", "weapons-find"}
)  # fmt: skip

# the acts done to a crowd that a protest may describe the victims of (no arrest: the police's)
_DONE_TO_VICTIMS = _RIOT_ACTS - {"arrests"}


class ProtestFold:
    """The lexicon's protest words and crowds, and the fold of a sentence's drafts into its
    protest."""

    def __init__(
        self,
        protest_words: frozenset[str],
        protest_crowds: frozenset[str],
        crowds: Crowds,
        labour: LabourCues,
        protest_lemmas: frozenset[str],
    ) -> None:
        self.protest_words, self.protest_crowds = protest_words, protest_crowds
        self.crowds, self.labour = crowds, labour
        self.protest_lemmas = protest_lemmas  # the protest triggers' lemmas (their grievances)

    def fold(self, drafts: list[Draft], mentions: Mentions) -> list[Draft]:
        """Protesters who burn tyres or attack a police station riot: one protest event, made
        violent by the refinement cues, not a protest and an attack."""
        # "used excessive force to disperse the protest": the dispersal is the event, the
        # force refines it (subtypes.toml), no second event of the crowd
        told = {
            o.sentence.start for o in drafts if o.event_class in PROTEST_FAMILY - {"crowd-force"}
        }
        drafts = [
            d for d in drafts if d.event_class != "crowd-force" or d.sentence.start not in told
        ]
        protest = next((d for d in drafts if self.protests(d)), None)
        if protest is None:
            return drafts
        if self.crowds.fight_among(protest.sentence) or self._only_setting(
            protest, drafts, mentions
        ):
            # "supporters threw stones at each other during the rally", "clashed at a party
            # rally": the fight is the event, the rally where it happened
            return [d for d in drafts if d is not protest]
        # "forces captured the town and marched on": no protest to fold the capture into
        marchers_armed = _armed(protest.agents, mentions)
        grievance = self._grievance(protest)
        if any(
            d.event_class in _DONE_TO_VICTIMS
            and not _by_state(d.agents, mentions)  # "police battled youths who were rioting"
            and _protest_of_victims(protest, d)
            for d in drafts
        ):
            # "men with machetes attacked protesters who were blocking a road": the attack
            # is the event, the protest who its victims were; no act of the protesters
            return [d for d in drafts if d is not protest]
        kept = []
        for d in drafts:
            armed = _armed(d.agents, mentions)
            if d.event_class in _PROTEST_SETTING and not marchers_armed:
                continue  # its figures are no protest's: "lost her life" is no lost ground
            if d.event_class == "arrests" or (d.event_class in _RIOT_ACTS and not armed):
                absorb(protest, d)
                continue
            if d.trigger.root.i in grievance or _told_of_protesters(d, protest):
                continue  # "demanding the release of a boy who was abducted": what they protest
            kept.append(d)
        return kept

    def _only_setting(self, protest: Draft, drafts: list[Draft], mentions: Mentions) -> bool:
        """Whether the protest is a gathering told only as where a crowd's violence happened
        ("supporters clashed at a party rally"), with that violence drafted beside it: done by
        people no word names armed, on no armed side."""
        return (
            protest.trigger.root.lemma_.lower() in self.crowds.gatherings
            and any(
                d is not protest
                and d.event_class in _RIOT_ACTS
                and d.agents
                and not _armed(d.agents + d.targets, mentions)
                for d in drafts
            )
            and self.crowds.gathering_only(protest.sentence)
        )

    def _grievance(self, protest: Draft) -> frozenset[int]:
        """The tokens of the protest's sentence that tell its grievance ("against", "over",
        "demanding ..."), unless they hold the protest's own trigger."""
        sent = protest.sentence
        told = set(without_grievance(sent, self.protest_lemmas, keep_conjuncts=True))
        if protest.trigger.root.i not in told:
            return frozenset()
        return frozenset(i for i in range(sent.start, sent.end) if i not in told)

    def protests(self, d: Draft) -> bool:
        """Whether a draft is a protest: roads blocked or a strike only where the sentence tells
        a protest or labour ("blocked roads to demand", not "a checkpoint to block patrols")."""
        if d.event_class not in PROTEST_FAMILY:
            return False
        words = columns.words(d.sentence.doc, d.sentence.start, d.sentence.end)
        if d.event_class == "protest-block":
            return bool(words & self.protest_words)
        if d.event_class == "crowd-force":
            return bool(words & self.protest_crowds)
        return d.event_class != "labour-strike" or self.labour.says_labour(d.trigger, words)


def _told_of_protesters(d: Draft, protest: Draft) -> bool:
    """Whether the draft is told in a relative clause of the protest's subject: "families who
    say their sons were kidnapped continued their sit-in" (who the protesters are, not what
    the sentence tells happened)."""
    tree = parse_tree.tree(d.sentence.doc)
    p = protest.trigger.root.i
    clauses = (p, tree.head[p])  # "protested", or "held a sit-in": the verb that holds it
    i = d.trigger.root.i
    for _ in range(12):
        head = tree.head[i]
        if tree.dep[i] == "relcl":
            return tree.dep[head] == "nsubj" and tree.head[head] in clauses
        if head == i:
            return False
        i = head
    return False


def _protest_of_victims(protest: Draft, d: Draft) -> bool:
    """Whether the protest is told in a relative clause of the act's object: "attacked
    protesters who were blocking a road", "fired at protesters who were ..." (who the act's
    victims were)."""
    tree = parse_tree.tree(d.sentence.doc)
    i = protest.trigger.root.i
    act = d.trigger.root.i
    for _ in range(12):
        head = tree.head[i]
        if tree.dep[i] == "relcl":
            if tree.dep[head] == "pobj" and tree.dep[tree.head[head]] == "prep":
                head = tree.head[head]  # "fired at protesters who ...": the act's preposition
            elif tree.dep[head] != "dobj":
                return False
            return tree.head[head] == act
        if head == i:
            return False
        i = head
    return False


def _by_state(keys: list[str], mentions: Mentions) -> bool:
    """Whether one of the actors is the state's forces by the type it has now."""
    return any(
        (f := mentions.at_key(k)) is not None and f.actor_type is ActorType.STATE_FORCES
        for k in keys
    )


def _armed(keys: list[str], mentions: Mentions) -> bool:
    """Whether one of the actors is armed by the type it has now."""
    return any((f := mentions.at_key(k)) is not None and f.actor_type in ARMED for k in keys)
