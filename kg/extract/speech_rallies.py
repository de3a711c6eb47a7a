"""A rally told as where someone spoke ("said X, the head of the union, at a rally in the
south of the city"): the day's protest in that town, not a protest of its own with the
speaker as its crowd."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.extract.drafts import Draft, absorb
from kg.extract.protest_fold import PROTEST_FAMILY
from kg.extract.reranking import protests_apart

__all__ = ["rallies_spoken_at"]

_AT = frozenset({"at", "to"})  # "said at a rally", "spoke to a rally"
_ADDRESSED = frozenset({"dobj", "dative"})  # "told a rally", "addressed a meeting"


def rallies_spoken_at(
    events: list[Draft], gatherings: frozenset[str], town_apart: Callable[[str], bool]
) -> list[Draft]:
    """Protests whose trigger is a gathering where a statement of its sentence was said, with
    another protest of the article on no day apart from it (a protest of no date may be it),
    at a place of the rally's and at no town apart: folded into that protest."""
    spoken = {e.trigger.root.i for e in events if e.event_class == "statement"}
    dropped: set[int] = set()
    for e in events:
        root = e.trigger.root
        if e.event_class not in PROTEST_FAMILY or root.lemma_.lower() not in gatherings:
            continue
        verb = _spoken_at(root)
        if verb is None or verb.i not in spoken:
            continue
        host = next(
            (
                o
                for o in events
                if o is not e
                and id(o) not in dropped
                and o.event_class in PROTEST_FAMILY
                and set(o.places) & set(e.places)  # a place told of both
                and not protests_apart(e, o, town_apart)
            ),
            None,
        )
        if host is not None:
            absorb(host, e)
            dropped.add(id(e))
    return [e for e in events if id(e) not in dropped]


def _spoken_at(gathering: Token) -> Token | None:
    """The verb a gathering is where something was said at or to ("said at a rally", "told a
    rally"), else None."""
    if gathering.dep_ in _ADDRESSED:
        return gathering.head
    prep = gathering.head
    if gathering.dep_ == "pobj" and prep.lower_ in _AT and prep.dep_ == "prep":
        return prep.head
    return None
