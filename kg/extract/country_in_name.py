"""A country's name at the end of a town's ("Port of Spain", "Santiago de Cuba"): no country
named, for the mention finder (:mod:`kg.extract.mentions`).

The entity model reads "Spain" in "Port of Spain" as the country and leaves "Port" a place of
its own; the country then votes for the article's main country, and the unnamed actors of a
story from Trinidad become Spain's police. One or two capitalised words, one or two short
lower-case words joining them (spaced or hyphenated: "of", "de", "au"), and the country's
name are one town when the gazetteer puts a town of that whole name in one country
(``place_country``: ``kg.geo.lookup.sole_country``, towns of some size spelt exactly): the
words are that town's mention, of type ``TOWN``, and the country's and the first words'
mentions are dropped. "The Bank of Spain" or "the King of Spain" is no town: the country
stays named."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import columns
from kg.extract.found import Found
from kg.extract.main_country import PlaceCountry
from kg.extract.spans import place_found
from kg.model import PlaceType

__all__ = ["towns_ending_in_countries"]

MAX_JOINER_WORDS = 2  # "of", "de la"
MAX_FIRST_WORDS = 2  # "Port", "Puerto Santo"
_JOINER_CHARS = 3  # a joining word is this short ("of", "de", "au", "des")


def towns_ending_in_countries(
    doc: Doc, found: list[Found], place_country: PlaceCountry | None
) -> list[Found]:
    """``found`` with each country mention that ends a town's name made part of that town's
    mention (see the module docstring); unchanged without a gazetteer (``place_country``)."""
    if place_country is None:
        return found
    for country in [f for f in found if f.kind == "place" and f.place_type is PlaceType.COUNTRY]:
        start = _town_start(doc, found, country, place_country)
        if start is not None:
            town = place_found(doc[start : country.end], PlaceType.TOWN)
            found = [f for f in found if not (f.start < country.end and f.end > start)] + [town]
    return sorted(found, key=lambda f: f.start)


def _town_start(
    doc: Doc, found: list[Found], country: Found, place_country: PlaceCountry
) -> int | None:
    """The first token of the town's name a country's mention ends, or None."""
    texts, lowers = columns.texts(doc), columns.lowers(doc)
    i, words = country.start, 0
    while i > 0 and (texts[i - 1] == "-" or _joining(texts[i - 1])):
        i -= 1
        words += texts[i] != "-"
    if not 1 <= words <= MAX_JOINER_WORDS:
        return None
    actors = {t for f in found if f.kind == "actor" for t in range(f.start, f.end)}
    for start in range(i - 1, max(i - 1 - MAX_FIRST_WORDS, -1), -1):
        first = texts[start]
        if not first[:1].isupper() or start in actors or lowers[start] == "the":
            return None
        if place_country(columns.span_text(doc, start, country.end)):
            return start
    return None


def _joining(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) <= _JOINER_CHARS
