"""The article's places as neighbours: a namesake near them weighs more (:func:`near`), and
:class:`Neighbours` finds the places near a point in a band of latitudes."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

from kg.geo.choice import (
    CLOSER_BONUS,
    EARTH_RADIUS_KM,
    NEIGHBOUR_BONUS,
    NEIGHBOURHOOD_KM,
    haversine_km,
)
from kg.geo.gazetteer import Candidate

__all__ = ["Neighbours", "near"]


def near(
    scored: list[tuple[Candidate, float]], others: Neighbours, own: str = ""
) -> list[tuple[Candidate, float]]:
    """Each candidate's weight, raised when it lies within ``NEIGHBOURHOOD_KM`` of one of the
    article's other places (``others``, less the place ``own`` itself), and the more the
    nearer (``CLOSER_BONUS``): of two namesakes near the article's places, the one beside
    them ("Zzq village (Lowtown)": the Zzq a few km from Lowtown, not the one 100 km off)."""
    out = []
    for c, w in scored:
        km = others.nearest_km(c, own)
        if km is not None:
            bonus = NEIGHBOUR_BONUS + CLOSER_BONUS * (1 - km / NEIGHBOURHOOD_KM)
            w += bonus if c.exact else bonus / 2
        out.append((c, w))
    return out


# a great-circle distance is at least the earth's radius times the latitudes' difference
# (haversine: hav(d/R) = hav(dlat) + cos lat1 cos lat2 hav(dlon) >= hav(dlat)); the margin
# keeps a pair the float arithmetic puts just inside
_BAND_DEGREES = math.degrees(NEIGHBOURHOOD_KM / EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9


class Neighbours:
    """The article's places' first choices, each by its place's key, sorted by latitude: the
    candidates near a point are sought in its band of latitudes, not measured to every one
    (a 20,000-word article has a thousand places)."""

    def __init__(self, points: Iterable[tuple[str, Candidate]]) -> None:
        located = sorted(
            (
                (c.latitude, c.longitude, key, c)
                for key, c in points
                if c.latitude is not None and c.longitude is not None
            ),
            key=lambda row: row[0],
        )
        self._latitudes = [lat for lat, _, _, _ in located]
        self._rows = [(lon, key, c) for _, lon, key, c in located]

    def any_near(self, c: Candidate, own: str = "") -> bool:
        """Whether a point other than ``c`` itself and than place ``own``'s lies within
        ``NEIGHBOURHOOD_KM`` of ``c``."""
        return self.nearest_km(c, own) is not None

    def nearest_km(self, c: Candidate, own: str = "") -> float | None:
        """The distance from ``c`` to the nearest point other than ``c`` itself and than
        place ``own``'s, when one lies within ``NEIGHBOURHOOD_KM`` (else None)."""
        lat, lon = c.latitude, c.longitude
        if lat is None or lon is None:
            return None
        start = bisect.bisect_left(self._latitudes, lat - _BAND_DEGREES)
        end = bisect.bisect_right(self._latitudes, lat + _BAND_DEGREES)
        nearest: float | None = None
        for o_lat, (o_lon, key, o) in zip(
            self._latitudes[start:end], self._rows[start:end], strict=True
        ):
            if key != own and o is not c:
                km = haversine_km((lat, lon), (o_lat, o_lon))
                if km <= NEIGHBOURHOOD_KM and (nearest is None or km < nearest):
                    nearest = km
        return nearest
