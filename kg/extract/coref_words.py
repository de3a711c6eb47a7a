"""The word lists of the coreference rules (:mod:`kg.extract.coref`,
:mod:`kg.extract.antecedents`), read from ``kg/data/coref.toml`` (``[pronouns]``, ``[nouns]``,
``[coalition_by_country]``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ResourceError
from kg.extract.lexicon import read_toml
from kg.model import ActorType
from kg.resources import data_dir

__all__ = ["CorefWords", "load_coref_words"]


@dataclass(frozen=True, slots=True)
class CorefWords:
    pronouns: dict[str, str]  # pronoun -> "person", "speaker" or "group"
    possessed: frozenset[str]  # what a possessive pronoun must own to name an actor
    partners: frozenset[str]  # "our partners": the phrase is an actor of its own
    forces: frozenset[str]  # "our forces": the phrase is a mention of the pronoun's actor
    enemy: frozenset[str]
    coalition: frozenset[str]
    speech_verbs: frozenset[str]
    places: dict[str, str]  # "city" -> "settlement", "area" -> "any", "country" -> "country"
    speaker_types: frozenset[ActorType]
    # country (ISO code) -> the gazetteer's key of the coalition a bare "the Coalition" means
    coalition_by_country: dict[str, str] = field(default_factory=dict)

    # every tail of each ``enemy`` phrase ("terrorist group", "group"): a noun that is none
    # of these ends no enemy phrase
    enemy_heads: frozenset[str] = frozenset()
    held: frozenset[str] = frozenset()  # possessed in the plural only: "their positions"


@functools.cache
def load_coref_words(path: Path | None = None) -> CorefWords:
    path = path or data_dir() / "coref.toml"
    data = read_toml(path)
    try:
        pronouns = {str(w).lower(): kind for kind, words in data["pronouns"].items()
                    if kind in ("person", "speaker", "group") for w in words}  # fmt: skip
        nouns = data["nouns"]
        enemy = [str(w).lower() for w in nouns["enemy"]]
        return CorefWords(
            pronouns=pronouns,
            possessed=frozenset(str(w).lower() for w in data["pronouns"]["possessed"]),
            held=frozenset(str(w).lower() for w in data["pronouns"]["held"]),
            partners=frozenset(str(w).lower() for w in data["pronouns"]["partners"]),
            forces=frozenset(str(w).lower() for w in data["pronouns"]["forces"]),
            enemy=frozenset(enemy),
            enemy_heads=frozenset(
                p.split(" ", i)[-1] for p in enemy for i in range(p.count(" ") + 1)
            ),
            coalition=frozenset(str(w).lower() for w in nouns["coalition"]),
            speech_verbs=frozenset(str(w).lower() for w in nouns["speech_verbs"]),
            places={
                str(w).lower(): kind
                for kind in ("settlement", "any", "country")
                for w in nouns[f"{kind}_places"]
            },
            speaker_types=frozenset(ActorType(t) for t in nouns["speaker_types"]),
            coalition_by_country={
                str(iso).upper(): str(key) for iso, key in data["coalition_by_country"].items()
            },
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(path, f"missing or malformed list {exc}") from exc
