"""The side an event's victims are on when the words give none: "a Ukrainian drone strike
killed two soldiers" names the striker's country, and the soldiers, whose country the
article's default would make the same, are on the other side (or one the text does not tell),
not the striker's own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Token

from kg.extract import columns
from kg.extract.drafts import dedup, walk_from
from kg.extract.found import Mentions

__all__ = ["other_side"]


def other_side(
    head: Token,
    objects: Iterable[int],
    agents: list[str],
    targets: list[str],
    mentions: Mentions,
    stop: set[int],
    country_names: Mapping[str, str],
) -> list[str]:
    """The targets of the event ``head`` triggers once the words of those acted on
    (``objects``) that bear an agent's actor only by the article's default country
    (``Found.assumed_country``), where the sentence tells that agent's country in words of its
    own ("Ukrainian"), name the same people of no country: "Military Forces", not "Military
    Forces of Ukraine" striking itself."""
    if not set(agents) & set(targets):
        return targets
    doc = head.doc
    start, end = columns.sentence_of(doc, head.i)
    told = (f for f in mentions.found if start <= f.start < end and f.key in agents)
    told_keys = {f.key for f in told if not f.assumed_country}
    renamed: dict[str, str] = {}
    for token in objects:
        for i in walk_from(doc, token, stop):
            f = mentions.at(i)
            if f is None or f.start != i or f.kind != "actor" or f.key not in told_keys:
                continue
            if not f.assumed_country or f.actor_type is None:
                continue
            label = _without_country(f.label, country_names.get(f.country, ""))
            if label == f.label:
                continue
            old = f.key
            renamed[old] = mentions.retype_one(f, label, f.actor_type)
            f.country, f.assumed_country = "", False
    return dedup(renamed.get(k, k) for k in targets)


def _without_country(label: str, name: str) -> str:
    """ "Military Forces of Ukraine" -> "Military Forces"; "Civilians (Ukraine)" ->
    "Civilians"; the label as it is for no country's name."""
    if not name:
        return label
    for suffix in (f" of {name}", f" ({name})"):
        if label.endswith(suffix):
            return label.removesuffix(suffix)
    return label
