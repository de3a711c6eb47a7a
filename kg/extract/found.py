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
    # the whole noun phrase that refers to it ("the Foreign Secretary Boris Johnson", "the
    # Assad regime"), token offsets; the text's mention, while the label stays the name
    anchor: tuple[int, int] | None = None
    # the phrase adds words of its own (a title, a head noun), not a mere determiner: the name
    # inside it is a mention too, nested in the phrase's ("Boris Johnson")
    nested: bool = False
    reference: bool = False  # a phrase that refers to it by a role ("the Foreign Secretary")
    # state forces acting outside their country ("Turkish forces shelled Aqibah in Syria"): of
    # type External/Other while the rules read them, as ACLED codes them in these events; the
    # key and label stay the state's, so that one actor is one node (kg.model.Actor.external)
    external: bool = False
    state: str = ""  # ISO code of the state a state's forces or government found by name belong to

    @property
    def extents(self) -> tuple[tuple[int, int], ...]:
        """Token offsets of the text's mentions: the noun phrase, and the name nested in it."""
        if self.anchor is None:
            return ((self.start, self.end),)
        return (self.anchor, (self.start, self.end)) if self.nested else (self.anchor,)
