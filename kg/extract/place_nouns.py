"""Nouns that stand for a place the article named before them: "the city", "the area", "the
town" (``[nouns]`` ``settlement_places``, ``any_places``, ``country_places`` in
``kg/data/coref.toml``). They are read before the events (:func:`place_nouns`), so that an
event's place is found there as a named one, and by :func:`kg.extract.coref.resolve`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract import columns
from kg.extract.antecedents import window_start
from kg.extract.coref_words import CorefWords, load_coref_words
from kg.extract.found import Found
from kg.extract.main_country import acting_country
from kg.model import PlaceType

__all__ = ["place_noun", "place_nouns"]

_SETTLEMENTS = frozenset({PlaceType.TOWN, PlaceType.DISTRICT, PlaceType.OTHER})


def place_nouns(doc: Doc, found: list[Found], words: CorefWords | None = None) -> list[Found]:
    """ "the area", "the town": the places their nouns stand for (``place_noun``), found
    before the events, so that an event's place is read there as a named one ("After seizing
    the area, the troops fought off counterattacks": where the area is); ``resolve`` leaves
    them be. Not a noun inside an actor's phrase, nor for a country acting."""
    words = words or load_coref_words()
    dep, head = columns.deps(doc), columns.heads(doc)
    places = sorted(  # "Norway sent aid to the region": the state acting, not a place
        (f for f in found if f.kind == "place" and not acting_country(f, dep, head)),
        key=lambda f: f.start,
    )
    taken = {i for f in found if f.kind == "actor" for a, b in f.extents for i in range(a, b)}
    spoken = {i for f in found for a, b in f.extents for i in range(a, b)}
    out: list[Found] = []
    for i, lemma in enumerate(columns.lemma_lowers(doc)):  # no Token made for other words
        if lemma in words.places and i not in taken:
            place = place_noun(doc, doc[i], places, words, spoken)
            if place is not None:
                out.append(place)
    return out


def place_noun(
    doc: Doc, token: Token, places: list[Found], words: CorefWords, spoken: set[int]
) -> Found | None:
    """ "the city", "this area": a mention of the place named last before it (a town or
    smaller for "the city"; for "the area" not a country, where another place is named), in
    its sentence or the two before."""
    kind = words.places.get(columns.lemma_lowers(doc)[token.i])
    if kind is None:
        return None  # most nouns: no Token of their children made
    det = next((c for c in token.lefts if c.dep_ == "det"), None)
    if (
        token.pos_ != "NOUN"
        or token.tag_ != "NN"
        or token.dep_ == "compound"
        or det is None
        or det.lower_ not in ("the", "this", "that")
        or det.i != token.i - 1  # "the second-largest city", "the old city": another place
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights)  # its own name
        or any(i in spoken for i in range(det.i, token.i + 1))
    ):
        return None
    first = window_start(doc, token, 2)
    before = [f for f in places if first <= f.start and f.end <= det.i]
    if kind == "settlement":
        before = [f for f in before if f.place_type in _SETTLEMENTS]
    elif kind == "country":
        before = [f for f in before if f.place_type is PlaceType.COUNTRY]
    else:  # "Fighting in Lowtown. Ruritania's army said it sent troops to the area": the
        # town, not the country that names whose the army is; a country only with no other
        before = [f for f in before if f.place_type is not PlaceType.COUNTRY] or before
    if not before:
        return None
    # "residents of the Lowtown area in Upton ... in the area", "the town of Lowtown, in
    # Upton district ... the town": the place the same noun named
    lemmas, lowers = columns.lemma_lowers(doc), columns.lowers(doc)
    noun = lemmas[token.i]
    own = [
        f for f in before
        if (f.end < det.i and lemmas[f.end] == noun)
        or (f.start > 1 and lowers[f.start - 1] == "of" and lemmas[f.start - 2] == noun)
    ]  # fmt: skip
    last = (own or before)[-1]
    return Found("place", det.i, token.i + 1, last.key, last.label,
                 place_type=last.place_type, country=last.country, resolved=True)  # fmt: skip
