"""The report's map: country borders from Natural Earth (``kg/data/countries.json``, shipped
with kg, see kg/data/README.md), first-level subdivisions' borders (``kg/data/admin1.json``)
on a regional map, and one marker per place with events, as inline SVG.

The projection is equirectangular with the longitude scaled by the cosine of the view's middle
latitude (shapes look right at the scale of a country or a region). The view is the events'
bounding box with a margin, at least ``MIN_SPAN`` degrees wide; the whole world when no event
has a point.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from kg.errors import ResourceError
from kg.report.data import Event
from kg.resources import data_dir

__all__ = ["Marker", "map_svg", "markers"]

WIDTH = 860.0
MIN_SPAN = 8.0  # degrees
MARGIN = 1.5  # degrees around the events
ADMIN1_SPAN = 60.0  # degrees of longitude: a wider map shows no subdivisions (clutter)


@dataclass(frozen=True)
class Marker:
    latitude: float
    longitude: float
    place: str
    country: str
    events: tuple[str, ...]  # event IRIs


@dataclass(frozen=True)
class View:
    west: float
    south: float
    east: float
    north: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians(max(-70.0, min(70.0, (self.south + self.north) / 2))))

    @property
    def scale(self) -> float:
        return WIDTH / ((self.east - self.west) * self.kx)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def xy(self, longitude: float, latitude: float) -> tuple[float, float]:
        return (
            (longitude - self.west) * self.kx * self.scale,
            (self.north - latitude) * self.scale,
        )


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """(name, rings of (longitude, latitude)) for every country of the shipped base map."""
    path = data_dir() / "countries.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(path, f"cannot read the base map: {exc}; reinstall kg") from exc
    out = []
    for country in data["countries"]:
        out.append((country["name"], tuple(_decode(encoded) for encoded in country["rings"])))
    return tuple(out)


@lru_cache(maxsize=1)
def admin1_lines() -> tuple[tuple[tuple[float, float], ...], ...]:
    """The borders between first-level subdivisions (provinces, governorates...), as lines."""
    path = data_dir() / "admin1.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(path, f"cannot read the subdivisions: {exc}; reinstall kg") from exc
    return tuple(_decode(line) for lines in data["lines"].values() for line in lines)


def _decode(encoded: Sequence[int]) -> tuple[tuple[float, float], ...]:
    x = y = 0
    points = []
    for i in range(0, len(encoded), 2):
        x += encoded[i]
        y += encoded[i + 1]
        points.append((x / 100, y / 100))
    return tuple(points)


def markers(events: Iterable[Event]) -> list[Marker]:
    """One marker per point (rounded to 1/1000 degree), its events in report order."""
    groups: dict[tuple[float, float], list[Event]] = {}
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        key = (round(event.latitude, 3), round(event.longitude, 3))
        groups.setdefault(key, []).append(event)
    out = [
        Marker(lat, lon, group[0].place, group[0].country, tuple(e.iri for e in group))
        for (lat, lon), group in groups.items()
    ]
    return sorted(out, key=lambda m: (-len(m.events), m.place, m.latitude, m.longitude))


def view_of(points: Sequence[Marker]) -> View:
    if not points:
        return View(-180.0, -60.0, 180.0, 84.0)
    west = min(m.longitude for m in points) - MARGIN
    east = max(m.longitude for m in points) + MARGIN
    south = min(m.latitude for m in points) - MARGIN
    north = max(m.latitude for m in points) + MARGIN
    if east - west < MIN_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    kx = math.cos(math.radians(max(-70.0, min(70.0, (south + north) / 2))))
    min_height = (east - west) * kx * 0.45  # not flatter than 2.2 : 1
    if north - south < min_height:
        middle = (north + south) / 2
        south, north = middle - min_height / 2, middle + min_height / 2
    max_height = (east - west) * kx * 0.7  # not taller than 1 : 0.7
    if north - south > max_height:
        middle = (east + west) / 2
        half = (north - south) / kx / 0.7 / 2
        west, east = middle - half, middle + half
    return View(max(-180.0, west), max(-85.0, south), min(180.0, east), min(85.0, north))


def _intersects(ring: Sequence[tuple[float, float]], view: View) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return not (
        max(xs) < view.west or min(xs) > view.east or max(ys) < view.south or min(ys) > view.north
    )


def _path(rings: Iterable[Sequence[tuple[float, float]]], view: View) -> str:
    parts = []
    for ring in rings:
        points = []
        last = None
        for lon, lat in ring:
            x, y = view.xy(lon, lat)
            here = f"{x:.1f} {y:.1f}"
            if here != last:
                points.append(here)
                last = here
        if len(points) >= 3:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _lines(lines: Iterable[Sequence[tuple[float, float]]], view: View) -> str:
    parts = []
    for line in lines:
        points = [f"{x:.1f} {y:.1f}" for x, y in (view.xy(lon, lat) for lon, lat in line)]
        parts.append("M" + "L".join(points))
    return "".join(parts)


def _label(name: str, rings: Sequence[Sequence[tuple[float, float]]], view: View) -> list[str]:
    """The country's name in the middle of its largest ring's box (the part in view), if it fits."""
    boxes = [
        (min(p[0] for p in r), min(p[1] for p in r), max(p[0] for p in r), max(p[1] for p in r))
        for r in rings
    ]
    west, south, east, north = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
    west, east = max(west, view.west), min(east, view.east)  # the part in view
    south, north = max(south, view.south), min(north, view.north)
    x, y = view.xy((west + east) / 2, (south + north) / 2)
    (x1, _), (x2, _) = view.xy(west, 0), view.xy(east, 0)
    if x2 - x1 < 6 * len(name) or not (0 < x < WIDTH and 0 < y < view.height):
        return []
    return [
        f'<text class="label" x="{x:.1f}" y="{y:.1f}" text-anchor="middle">{escape(name)}</text>'
    ]


def map_svg(points: Sequence[Marker], titles: dict[str, str]) -> str:
    """The map: countries in view, then markers (area by number of events) with a tooltip."""
    view = view_of(points)
    out = [
        f'<svg id="map" class="chart" viewBox="0 0 {WIDTH:.0f} {view.height:.0f}" '
        f'role="img" aria-label="Events on a map" data-west="{view.west:.4f}" '
        f'data-south="{view.south:.4f}" data-east="{view.east:.4f}" '
        f'data-north="{view.north:.4f}">',
        f'<rect class="sea" width="{WIDTH:.0f}" height="{view.height:.0f}"/>',
    ]
    labels = []
    for name, rings in countries():
        shown = [ring for ring in rings if _intersects(ring, view)]
        if shown:
            out.append(
                f'<path class="country" data-name="{escape(name)}" d="{_path(shown, view)}">'
                f"<title>{escape(name)}</title></path>"
            )
            labels += _label(name, shown, view)
    if view.east - view.west <= ADMIN1_SPAN:
        shown_lines = [line for line in admin1_lines() if _intersects(line, view)]
        if shown_lines:
            out.append(f'<path class="admin1" d="{_lines(shown_lines, view)}"/>')
    out += labels
    most = max((len(m.events) for m in points), default=1)
    for m in points:
        x, y = view.xy(m.longitude, m.latitude)
        radius = (4 + 10 * math.sqrt(len(m.events) / most)) * (0.6 if len(points) > 100 else 1)
        names = "\n".join(titles.get(iri, iri) for iri in m.events[:12])
        more = f"\n… {len(m.events) - 12} more" if len(m.events) > 12 else ""
        out.append(
            f'<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" '
            f'data-lat="{m.latitude}" data-lon="{m.longitude}" data-place="{escape(m.place)}" '
            f'data-count="{len(m.events)}"><title>{escape(m.place)}: {len(m.events)} '
            f"event{'s' if len(m.events) != 1 else ''}\n{escape(names)}{escape(more)}</title>"
            "</circle>"
        )
    out.append("</svg>")
    return "\n".join(out)
