"""One type per place among an article's mentions, and what contains what ("Tarinkot city,
Urozgan", "Syria's southern province of Qunaitera", "the towns of A and B in the province of
C"), for the mention finder (:mod:`kg.extract.mentions`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from spacy.tokens import Doc

from kg.extract import columns, parse_tree
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


def settle_places(doc: Doc, found: list[Found], place_nouns: Mapping[str, PlaceType]) -> None:
    """One type per place (the most telling mention wins) and what contains what."""
    places = [f for f in found if f.kind == "place"]
    best: dict[str, PlaceType] = {}
    for f in places:
        assert f.place_type is not None
        if best.get(f.key, PlaceType.OTHER) == PlaceType.OTHER:
            best[f.key] = f.place_type
    # "Tarinkot city, Urozgan", "Wadi al-Rabi (Aljfara)", "in Kabul, Afghanistan": what
    # follows a place after a comma or in brackets is the region it lies in, unless the two
    # are members of a list ("in Hama, Homs and Idlib")
    by_end = {f.end: f for f in places}
    by_start = {f.start: f for f in places}
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
            if _listed(doc, inner, f, by_start, by_end, best):
                continue
            regions.setdefault(inner.key, f.key)
            if best[f.key] in (PlaceType.OTHER, PlaceType.TOWN):
                best[f.key] = (
                    PlaceType.DISTRICT if best[f.key] == PlaceType.TOWN else (PlaceType.PROVINCE)
                )
    told_in = _told_in(doc, places, by_start, place_nouns)
    for f in places:
        f.place_type = best[f.key]
        if f.key in told_in and f.place_type is PlaceType.OTHER:
            f.place_type = told_in[f.key][1]  # "Lowtown, a suburb of Upton": a town's part
    for f in places:
        inside = told_in[f.key][0] if f.key in told_in else None
        f.within = _container(doc, f, by_start, place_nouns) or regions.get(f.key) or inside
    break_cycles(places)


def _told_in(
    doc: Doc, places: list[Found], by_start: dict[int, Found], place_nouns: Mapping[str, PlaceType]
) -> dict[str, tuple[str, PlaceType]]:
    """The places an apposition puts in another: "Lowtown, a suburb of Upton", "in Lowtown,
    the main town of Upton district" (place key -> the other's key, and the kind of place its
    noun says: a suburb a town's part, "a district of" a district)."""
    lower, lemma = columns.lowers(doc), columns.lemmas(doc)
    out: dict[str, tuple[str, PlaceType]] = {}
    for f in places:
        i = f.end
        if i + 2 >= len(doc) or lower[i] != "," or lower[i + 1] not in ("a", "an", "the"):
            continue
        i += 2
        while i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
        if i + 2 < len(doc) and lemma[i] in place_nouns and lower[i + 1] == "of":
            outer = by_start.get(i + 2 + (lower[i + 2] == "the"))
            if outer is not None and outer.key != f.key:
                out.setdefault(f.key, (outer.key, place_nouns[lemma[i]]))
    return out


def _listed(
    doc: Doc,
    inner: Found,
    outer: Found,
    by_start: dict[int, Found],
    by_end: dict[int, Found],
    types: dict[str, PlaceType],
) -> bool:
    """Two places a comma separates are members of one list, not a place and its region: a
    country first ("Iran, Saudi Arabia", "Ruritania, Lowtown, Freedonia"); places before
    more places that "and" or "or" ends ("Qamenas, Sarmin and Talamenes", "the Arabian Gulf,
    Gulf of Oman, North Arabian Sea and the Red Sea"), unless the second is a country after a
    smaller place ("Kabul, Afghanistan and Quetta, Pakistan"); or both amid more places a
    comma separates ("Saudi Arabia, Emirates, Turkey, Lebanon"; a chain "Sarmada, Idlib,
    Syria" has none before its first)."""
    if doc[outer.start - 1].text != ",":
        return False  # "Wadi al-Rabi (Aljfara)", "Lowtown-Hightown": no list
    kinds = types[inner.key], types[outer.key]
    if kinds[0] is PlaceType.COUNTRY:
        return True  # a country lies in no place named after it
    lower = columns.lowers(doc)
    before = inner.start - 1
    amid = before > 0 and lower[before] == "," and before in by_end
    end, joined, more = outer.end, False, False
    while end < len(doc):  # the places listed after the second
        j = end + (lower[end] == ",")
        conjunction = j < len(doc) and lower[j] in ("and", "or")
        j += conjunction
        j += j < len(doc) and lower[j] == "the"
        if j == end or j not in by_start:
            break
        end, more, joined = by_start[j].end, True, joined or conjunction
    if not more:
        return False  # "Raqqah, Syria, Nov. 6", "Mosul, Iraq, and buried in ..."
    return amid or (joined and kinds[1] is not PlaceType.COUNTRY)


# words between a place and the "in" of its container: "A and B in C", "A, B, all in C", "A
# (Lowton) in C"
_SKIPPED = frozenset({"and", ",", "the", "of", "all", "(", ")"})


def _container(
    doc: Doc, place: Found, by_start: dict[int, Found], place_nouns: Collection[str]
) -> str | None:
    # "Syria's southern province of Qunaitera"
    t = parse_tree.tree(doc)
    root = place.end - 1
    if t.dep[root] == "pobj" and t.lower[t.head[root]] == "of":
        for child in t.kids[t.head[t.head[root]]]:
            if t.dep[child] == "poss" and child in by_start:
                owner = by_start[child]
                if _PLACE_RANK[owner.place_type or PlaceType.OTHER] > 0:
                    return owner.key
    # "Um Batneh and Bir Ajam in Qunaitera", "the towns of A and B in the province of C",
    # "the villages of A and B, all in C", "the Lowtown (Lowton) area of Upton district"
    lower, lemma = t.lower, t.lemma
    i = place.end
    while i < len(doc) and i < place.end + 12:
        if i in by_start and lower[i] != "in":
            i = by_start[i].end
            continue
        if lower[i] == "of" and i > place.end and lemma[i - 1] in place_nouns:
            pass  # "the Lowtown area of Upton": the area lies in Upton
        elif lower[i] in _SKIPPED or lemma[i] in place_nouns:
            i += 1
            continue
        if lower[i] in ("in", "of"):
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
