"""The divisions the text puts a place in, read from the words right after its name.

News and ACLED's notes follow a town with where it lies: "in Annaba (Annaba)", "in Dowa
(Central)", "Kota city (Kota, Rajasthan)", "near Slavne, Donetsk", "Hejneh in Deir-ez-Zor".
Those words are often no place record of their own (the same name twice merges into one
record; a bracket glued to a name stays in its label: "Colon (Colon"), so the geocoder reads
them here: each comma-separated part of the bracket, or the names after a comma or "in", that
names a first-level division (``kg.geo.admin1``) or a second-level one (the district's
province), gives a (country, province) the town's namesakes are narrowed to.
"""

from __future__ import annotations

import re

from kg.geo.admin1 import bare_name, divisions_named
from kg.geo.gazetteer import Gazetteer
from kg.geo.names import fold_name
from kg.model import Place

__all__ = ["told_within"]

WINDOW = 80  # characters read after a mention
_KIND = (
    r"(?:city|town|village|area|camp|commune|municipality|district|county|sub-county|lga"
    r"|tehsil|township|governorate|province|state|region|countryside)"
)
# optional kind word, then a bracket or a comma or "in", then what follows
_AFTER = re.compile(
    rf"^\s*(?:{_KIND}\b\s*)?(?:\((?P<bracket>[^()]{{1,{WINDOW}}})\)?|(?:,|\bin\b)\s*(?P<rest>.*))",
    re.IGNORECASE | re.DOTALL,
)
_WORD = r"[A-Z][\w'\u2019-]*"
_PARTICLE = r"(?:al|el|ez|ad|as|ash|an|de|del|la)\b"
_NAME_RUN = re.compile(rf"(?:the\s+)?((?:{_WORD})(?:[ -](?:{_WORD}|{_PARTICLE}))*)")
_KIND_WORDS = re.compile(rf"\b{_KIND}\b", re.IGNORECASE)
_MIN_LETTERS = 4  # shorter names ("TS", "FCT") are abbreviations, not division names


def told_within(place: Place, text: str, gazetteer: Gazetteer) -> frozenset[tuple[str, str]]:
    """The (ISO code, admin1 name) divisions the words after ``place``'s mentions name."""
    found: set[tuple[str, str]] = set()
    label = place.label.split("(", 1)
    for m in place.mentions:
        after = text[m.end : m.end + WINDOW]
        if len(label) > 1:  # "Colon (Colon": the bracket is in the label
            after = "(" + label[1] + after
        for name in _names_after(after):
            found.update(_divisions(name, gazetteer))
    return frozenset(found)


def _names_after(after: str) -> list[str]:
    match = _AFTER.match(after)
    if match is None:
        return []
    if match["bracket"] is not None:
        parts = match["bracket"].split(",")
    else:  # ", Donetsk", ", Kandahar province", "in Idleb countryside": two names at most
        rest = re.split(r"[.;()]", match["rest"], maxsplit=1)[0]
        parts = rest.split(",")[:2]
    names = []
    for part in parts:
        run = _NAME_RUN.match(_KIND_WORDS.sub(" ", part).strip())
        if run is not None:
            names.append(run[1])
    return names


def _divisions(name: str, gazetteer: Gazetteer) -> set[tuple[str, str]]:
    if len(fold_name(name)) < _MIN_LETTERS:
        return set()
    found = set(divisions_named(name))
    found.update((c.country_code, c.admin1) for c in gazetteer.districts(bare_name(name)))
    return found
