"""Where each war is fought (``kg/data/fronts.toml``): the provinces of a country where its
fighting is ("Donetsk", "Luhansk" for Ukraine's since 2014), for choosing among a village's
namesakes.

A monitor's report of fighting often names a village and nothing else ("explosions near
Lowtivka"): no province, no other place. A reader of war news takes the village at the front,
not its namesake in a quiet province; so does the geocoder, when the article tells fighting
(one of its events is of a ``fighting`` type) and names no province of the country
(:func:`front_divisions`; the weight is ``kg.geo.choice.FRONT_BONUS``). A front counts for
an article published since it opened (an undated article: every front). A village of that
country outside its fronts, near no place resolved surely, is left off the map rather than put
there (:func:`off_front`): the report names a village at the front the gazetteer lacks."""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from kg.errors import ResourceError
from kg.geo.admin1 import admin1_names, divisions_named
from kg.geo.choice import SMALL_TOWN, Context, Located, stray
from kg.geo.gazetteer import Candidate
from kg.model import Extraction
from kg.resources import data_dir

__all__ = ["Front", "front_divisions", "fronts", "off_front"]


@dataclass(frozen=True, slots=True)
class Front:
    since: dt.date
    divisions: frozenset[tuple[str, str]]  # (ISO code, GeoNames admin1 name)


@functools.cache
def fronts() -> tuple[frozenset[str], tuple[Front, ...]]:
    """The event types that tell fighting, and the fronts; a ``ResourceError`` for a malformed
    file or a name that is no division of its country."""
    path = data_dir() / "fronts.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        fighting = frozenset(str(t) for t in data["fighting"])
        rows = [
            (str(f["country"]), f["since"], [str(n) for n in f["where"]]) for f in data["front"]
        ]
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(path, f"missing or malformed 'fighting' or [[front]] ({exc})") from exc
    own = {(cc, name) for (cc, _), name in admin1_names().items()}
    found: list[Front] = []
    for cc, since, names in rows:
        if not isinstance(since, dt.date) or isinstance(since, dt.datetime):
            raise ResourceError(path, f"front of {cc}: 'since' must be a date (2014-04-06)")
        divisions: set[tuple[str, str]] = set()
        for name in names:
            # GeoNames' own name ("Gao": too short for the loose index), else as news spells it
            named = {(cc, name)} & own or {d for d in divisions_named(name) if d[0] == cc}
            if not named:
                raise ResourceError(path, f"{name!r} is no division of {cc}")
            divisions |= named
        found.append(Front(since, frozenset(divisions)))
    return fighting, tuple(found)


def front_divisions(
    extraction: Extraction, named: dict[str, frozenset[str]]
) -> frozenset[tuple[str, str]]:
    """The front divisions that count for the article: none unless one of its events is
    fighting, none of a front opened after it was published, and none of a country whose
    divisions the article names (``named``: ISO code -> admin1 names; the text says where,
    ``kg.geo.choice.Context.divisions``)."""
    fighting, all_fronts = fronts()
    if not any(e.event_type in fighting for e in extraction.events):
        return frozenset()
    published = extraction.article.published
    day = published.date() if isinstance(published, dt.datetime) else published
    return frozenset(
        d
        for front in all_fronts
        if day is None or front.since <= day
        for d in front.divisions
        if not named.get(d[0])
    )


def off_front(c: Candidate, context: Context, anchors: Sequence[Located]) -> bool:
    """Whether a village (below ``SMALL_TOWN``) lies outside the fronts of its country's war
    in a report of that war's fighting naming none of its provinces (``Context.fronts``), and
    near no place resolved surely (``stray``; no such place: none near). The report names a
    village at the front that the gazetteer lacks, and its namesake in a quiet province is
    a wrong point on an analyst's map: "explosions near Lowtivka" is no village 500 km away."""
    if c.population >= SMALL_TOWN or context.at_front(c):
        return False
    if not any(cc == c.country_code for cc, _ in context.fronts):
        return False
    return not any(a.latitude is not None for a in anchors) or stray(c, anchors)
