"""The word lists the relation rules read (``kg/data/relations.toml``), loaded once: the event
types that are violent or mutual, and the verbs, nouns and prepositions that tell an alliance
(``[allies]``) or a fight (``[fighting]``). :mod:`kg.extract.relations` and the modules its
rules call (:mod:`kg.extract.sides`, :mod:`kg.extract.idle`, :mod:`kg.extract.urged`, ...)
take a ``RelationWords``; the coreference and mention passes read some of its lists too.
The verbs that set two sides apart ("pit") are the event rules' list too, so they are read from
``lexicon.toml`` (``[events] siding_verbs``), their one home.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ResourceError
from kg.extract.lexicon import read_toml, read_words
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES
from kg.resources import data_dir

__all__ = ["RelationWords", "load_words"]

_PARENT = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}


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
    mutual_nouns: frozenset[str]
    victim_verbs: frozenset[str]
    seize_verbs: frozenset[str]
    light_seize_verbs: frozenset[str]
    ground_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    give_verbs: frozenset[str]
    blow_nouns: frozenset[str]
    people_nouns: frozenset[str]
    action_nouns: frozenset[str]
    war_words: frozenset[str]
    between_nouns: frozenset[str]
    rid_verbs: frozenset[str]
    report_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    ally_nouns: frozenset[str]
    defend_verbs: frozenset[str]
    fire_nouns: frozenset[str]
    accuse_verbs: frozenset[str]
    repel_verbs: frozenset[str]
    supply_nouns: frozenset[str]
    drive_verbs: frozenset[str]
    supply_verbs: frozenset[str]
    supplies: frozenset[str]
    relief_words: frozenset[str]
    enemy_nouns: frozenset[str]
    demand_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    death_verbs: frozenset[str]
    siding_verbs: frozenset[str]  # lexicon.toml: "the war pits X against Y"

    @property
    def repel_heads(self) -> frozenset[str]:
        """The verbs of ``repel_verbs`` without their particles ("hold" of "hold off")."""
        return _first_words(self.repel_verbs)  # read per sentence: built once

    def violent(self, event_type: str) -> bool:
        return event_type in self.violent_types or _PARENT.get(event_type) in self.violent_types


@functools.cache
def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(v.split()[0] for v in phrases)


@functools.cache
def load_words(path: Path | None = None) -> RelationWords:
    path = path or data_dir() / "relations.toml"
    data = read_toml(path)
    try:

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
            mutual_nouns=words("fighting", "mutual_nouns"),
            victim_verbs=words("fighting", "victim_verbs"),
            seize_verbs=words("fighting", "seize_verbs"),
            light_seize_verbs=words("fighting", "light_seize_verbs"),
            ground_nouns=words("fighting", "ground_nouns"),
            measure_nouns=words("fighting", "measure_nouns"),
            speech_verbs=words("fighting", "speech_verbs"),
            give_verbs=words("fighting", "give_verbs"),
            blow_nouns=words("fighting", "blow_nouns"),
            people_nouns=words("fighting", "people_nouns"),
            action_nouns=words("fighting", "action_nouns"),
            war_words=words("allies", "war_words"),
            between_nouns=words("fighting", "between_nouns"),
            rid_verbs=words("fighting", "rid_verbs"),
            report_nouns=words("fighting", "report_nouns"),
            claim_nouns=words("fighting", "claim_nouns"),
            ally_nouns=words("allies", "nouns"),
            defend_verbs=words("fighting", "defend_verbs"),
            fire_nouns=words("fighting", "fire_nouns"),
            accuse_verbs=words("fighting", "accuse_verbs"),
            repel_verbs=words("fighting", "repel_verbs"),
            supply_nouns=words("fighting", "supply_nouns"),
            drive_verbs=words("fighting", "drive_verbs"),
            supply_verbs=words("allies", "supply_verbs"),
            supplies=words("allies", "supplies"),
            relief_words=words("allies", "relief_words"),
            enemy_nouns=words("fighting", "enemy_nouns"),
            demand_verbs=words("fighting", "demand_verbs"),
            denial_verbs=words("fighting", "denial_verbs"),
            death_verbs=words("fighting", "death_verbs"),
            siding_verbs=read_words("lexicon.toml", "events", "siding_verbs"),
        )
    except (KeyError, TypeError) as exc:
        raise ResourceError(path, f"missing or malformed list {exc}") from exc
