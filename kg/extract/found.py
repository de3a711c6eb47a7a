"""A mention of an actor or a place as the extraction rules find it, before records are built."""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import ActorType, PlaceType


@dataclass(slots=True)
class Found:
    """One mention of an actor or a place (token offsets into the Doc)."""

    kind: str  # "actor" or "place"
    start: int
    end: int
    key: str
    label: str
    actor_type: ActorType | None = None
    place_type: PlaceType | None = None
    country: str = ""  # ISO code: the country an actor belongs to, or a country place's own
    within: str | None = None  # place key
    resolved: bool = False  # a pronoun or generic noun resolved to the actor: none of its names
