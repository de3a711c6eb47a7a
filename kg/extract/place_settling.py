"""One type per place among an article's mentions, and what contains what ("Tarinkot city,
Urozgan", "Syria's southern province of Qunaitera", "the towns of A and B in the province of
C"), for the mention finder (:mod:`kg.extract.mentions`)."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.spans import break_cycles
from kg.model import PlaceType

__all__ = ["place_rank", "settle_places"]

_PLACE_RANK = {
    PlaceType.TOWN: 0,
    PlaceType.DISTRICT: 1,
    PlaceType.PROVINCE: 2,
    PlaceType.REGION: 2,
    PlaceType.COUNTRY: 3,
    PlaceType.OTHER: 1,
}


def place_rank(place_type: PlaceType) -> int:
    """Smaller is more specific: town < district < province, region < country."""
    return _PLACE_RANK[place_type]


def settle_places(doc: Doc, found: list[Found], place_nouns: Collection[str]) -> None:
    """One type per place (the most telling mention wins) and what contains what."""
    places = [f for f in found if f.kind == "place"]
    best: dict[str, PlaceType] = {}
    for f in places:
        assert f.place_type is not None
        if best.get(f.key, PlaceType.OTHER) == PlaceType.OTHER:
            best[f.key] = f.place_type
    # "Tarinkot city, Urozgan", "Wadi al-Rabi (Aljfara)", "in Kabul, Afghanistan": what
    # follows a place after a comma or in brackets is the region it lies in
    by_end = {f.end: f for f in places}
    regions: dict[str, str] = {}  # place key -> key of the region named after it
    for f in places:
        i = f.start - 1
        while i >= 0 and doc[i].text in ("(", ",", "-"):
            i -= 1
        separated = i < f.start - 1
        while i >= 0 and doc[i].lemma_.lower() in place_nouns and i + 1 not in by_end:
            i -= 1  # "Tarinkot city, Urozgan"
        if separated and i + 1 in by_end and by_end[i + 1].key != f.key:
            inner = by_end[i + 1]
            regions.setdefault(inner.key, f.key)
            if best[f.key] in (PlaceType.OTHER, PlaceType.TOWN):
                best[f.key] = (
                    PlaceType.DISTRICT if best[f.key] == PlaceType.TOWN else (PlaceType.PROVINCE)
                )
    by_start = {f.start: f for f in places}
    for f in places:
        f.place_type = best[f.key]
    for f in places:
        f.within = _container(doc, f, by_start, place_nouns) or regions.get(f.key)
    break_cycles(places)


def _container(
    doc: Doc, place: Found, by_start: dict[int, Found], place_nouns: Collection[str]
) -> str | None:
    # "Syria's southern province of Qunaitera"
    t = columns.tree(doc)
    root = place.end - 1
    if t.dep[root] == "pobj" and t.lower[t.head[root]] == "of":
        for child in t.kids[t.head[t.head[root]]]:
            if t.dep[child] == "poss" and child in by_start:
                owner = by_start[child]
                if _PLACE_RANK[owner.place_type or PlaceType.OTHER] > 0:
                    return owner.key
    # "Um Batneh and Bir Ajam in Qunaitera", "the towns of A and B in the province of C"
    lower, lemma = t.lower, t.lemma
    i = place.end
    while i < len(doc) and i < place.end + 12:
        if i in by_start and lower[i] != "in":
            i = by_start[i].end
            continue
        if lower[i] in ("and", ",", "the", "of") or lemma[i] in place_nouns:
            i += 1
            continue
        if lower[i] == "in":
            j = i + 1
            while j < len(doc) and (
                lower[j] in ("the", "of") or t.pos[j] == "ADJ" or lemma[j] in place_nouns
            ):
                j += 1
            outer = by_start.get(j)
            rank = _PLACE_RANK[place.place_type or PlaceType.OTHER]
            if outer is not None and _PLACE_RANK[outer.place_type or PlaceType.OTHER] > rank:
                return outer.key
        break
    return None
