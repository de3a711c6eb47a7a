"""What an actor or a place of the article's mentions is, by the type it has now: a crowd, an
armed group told by no name, a town or district (split from :mod:`kg.extract.events`, whose
folds ask them)."""

from __future__ import annotations

from kg.extract.drafts import UNARMED
from kg.extract.found import Mentions
from kg.model import PlaceType

__all__ = ["is_crowd", "is_local", "is_unnamed", "place_key_at"]


def is_crowd(mentions: Mentions, key: str) -> bool:
    """Whether an actor is a crowd (civilians, protesters, rioters) by the type it has now."""
    found = mentions.at_key(key)
    implied = mentions.implied.get(key)
    kind = found.actor_type if found is not None else implied[1] if implied else None
    return kind in UNARMED


def is_unnamed(mentions: Mentions, labels: frozenset[str], key: str) -> bool:
    """Whether an actor is an armed group no name is told for ("gunmen", "militants"): its
    label is one of an armed generic noun's (``[actors.generic]``), whatever its country."""
    found = mentions.at_key(key)
    label = found.label if found is not None else mentions.implied.get(key, ("",))[0]
    return label.split(" (")[0] in labels


def is_local(mentions: Mentions, key: str) -> bool:
    """Whether a place is a town or a district (not a province, a region nor a country)."""
    found = mentions.at_key(key)
    return found is not None and found.place_type in (PlaceType.TOWN, PlaceType.DISTRICT)


def place_key_at(mentions: Mentions, i: int) -> str | None:
    """The key of the place named at token ``i``, if any."""
    found = mentions.at(i)
    return found.key if found is not None and found.kind == "place" else None
