"""A place's country as the text states it: "the Syrian town of Dabiq", "the Iraqi city of
Tal Afar", "Syria's northern province of Idlib", "the Afghan village of X".

A country's name or demonym (``kg/data/countries.tsv``) before a kind of place and "of", right
before the place's name, says which country the place is in, whatever the rest of the article
names: "Syrian opposition forces liberated the Syrian town of Dabiq ... with support from our
ally Turkey" is about a town in Syria, not a namesake in Turkey. The geocoder then keeps the
namesakes in that country, and a place GeoNames lacks is keyed within that country.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from kg.geo.nationality import country_words
from kg.model import Span

__all__ = ["said_country"]

_KINDS = (
    "town|city|village|hamlet|settlement|suburb|neighbou?rhood|district|province|region|"
    "governorate|state|county|capital|port|port city|border town|border city|stronghold|"
    "enclave|outpost|oasis|camp"
)
_QUALITIES = (
    "northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    "south-?western|northeastern|northwestern|southeastern|southwestern|coastal|border|"
    "frontier|strategic|key|besieged|embattled|restive|remote|rebel-held|small|historic|ancient"
)
# "<country words> ['s] [qualities] <kind> of " right before the place's name
_BEFORE = re.compile(
    rf"(?P<country>[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*){{0,3}})(?:['\u2019]s)?\s+"
    rf"(?:(?:{_QUALITIES}),?\s+)*(?:{_KINDS})\s+of\s+(?:the\s+)?$"
)
_WINDOW = 80  # characters before a mention looked at


def said_country(text: str, mentions: Iterable[Span]) -> str | None:
    """The ISO code of the one country the text gives a place in the words before its
    mentions ("the Syrian town of"), or None when it gives none or two."""
    said = set()
    for m in mentions:
        window = text[max(0, m.start - _WINDOW) : m.start]
        before = _BEFORE.search(window) if _may_end_of(window) else None
        if before is None:
            continue
        words = [
            w.removesuffix("'s").removesuffix("\u2019s") for w in before.group("country").split()
        ]
        # the longest run of the last words that names a country: "the Syrian", "Saudi Arabia"
        iso = next(
            (
                code
                for n in range(len(words), 0, -1)
                if (code := _countries().get(" ".join(words[-n:]).lower())) is not None
            ),
            None,
        )
        if iso is not None:
            said.add(iso)
    return next(iter(said)) if len(said) == 1 else None


def _may_end_of(window: str) -> bool:
    """Whether ``_BEFORE`` may match the window: it ends in whitespace after "of" or "the"
    (what ``\\s`` matches, ``str.isspace`` and ``str.rstrip`` call space); most mentions
    follow "in" or a verb, and the pattern's search tries every start (speed only)."""
    if not window[-1:].isspace():
        return False
    return window.rstrip().endswith(("of", "the"))


@functools.cache
def _countries() -> dict[str, str]:
    """Each country's name, alias and demonym (lower case) -> its ISO code."""
    return {w.lower(): iso for iso, _, words in reversed(country_words()) for w in words}
