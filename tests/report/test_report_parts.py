"""The report's parts on their own: dates, the network's pairs, the timeline's periods, the
base map."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from kg.report.basemap import admin1_lines, countries, map_svg, markers, view_of
from kg.report.build_basemap import internal_lines, split_at_antimeridian
from kg.report.charts import circle_order, edges, periods
from kg.report.data import Event, date_bound


def event(n: int, **fields: object) -> Event:
    base: dict[str, object] = {
        "iri": f"e{n}", "article": "a", "begin": n, "type_id": "attack", "type_label": "Attack",
    }  # fmt: skip
    return Event(**{**base, **fields})  # type: ignore[arg-type]


def test_date_bounds() -> None:
    assert date_bound("2014", end=False) == "2014-01-01"
    assert date_bound("2014", end=True) == "2014-12-31"
    assert date_bound("2016-02", end=True) == "2016-02-29"
    assert date_bound("2014-09-27", end=True) == "2014-09-27"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        date_bound("27/09/2014", end=False)


def test_pairs_are_the_two_sides() -> None:
    pairs = edges(
        [
            event(1, agents=("A", "B"), targets=("C",)),
            event(2, agents=("C", "A")),  # a clash between the agents
            event(3, agents=("A",)),  # no other side: no pair
            event(4, agents=("A",), targets=("A",)),  # not a pair with itself
        ]
    )
    assert pairs == {("A", "C"): 2, ("B", "C"): 1}


def test_circle_order_keeps_groups_together() -> None:
    pairs = edges([event(1, agents=("A", "B")), event(2, agents=("C", "D")),
                   event(3, agents=("A", "E"))])  # fmt: skip
    assert circle_order(["A", "C", "B", "D", "E"], pairs) == ["A", "B", "E", "C", "D"]


def test_periods_by_week_or_month() -> None:
    weekly, every, counts = periods(
        [event(1, date="2014-09-01"), event(2, date="2014-09-10"), event(3)]
    )
    assert weekly and every == [dt.date(2014, 9, 1), dt.date(2014, 9, 8)]
    assert counts[(dt.date(2014, 9, 8), "attack")] == 1
    weekly, every, _ = periods([event(1, date="2014-01-31"), event(2, date="2014-12-01")])
    assert not weekly and len(every) == 12 and every[1] == dt.date(2014, 2, 1)


def test_markers_group_events_at_a_point() -> None:
    found = markers(
        [
            event(1, latitude=35.13, longitude=36.75, place="Hama"),
            event(2, latitude=35.13, longitude=36.75, place="Hama"),
            event(3, latitude=36.2, longitude=37.16, place="Aleppo"),
            event(4, place="nowhere"),
        ]
    )
    assert [(m.place, m.events) for m in found] == [("Hama", ("e1", "e2")), ("Aleppo", ("e3",))]
    view = view_of(found)
    assert view.west < 36.75 < 37.16 < view.east and view.south < 35.13 < 36.2 < view.north
    assert view_of([]).west == -180


def test_the_base_map_has_the_countries() -> None:
    names = {name for name, _ in countries()}
    assert len(names) > 200 and {"Syria", "Iraq", "Ukraine", "Mali", "Fiji"} <= names
    syria = next(rings for name, rings in countries() if name == "Syria")
    lons = [p[0] for ring in syria for p in ring]
    lats = [p[1] for ring in syria for p in ring]
    assert 35.5 < min(lons) < 36.0 and 42.0 < max(lons) < 42.5
    assert 32.2 < min(lats) < 32.5 and 37.2 < max(lats) < 37.5
    for _, rings in countries():  # no ring crosses longitude 180
        for ring in rings:
            assert all(abs(a[0] - b[0]) < 180 for a, b in itertools.pairwise(ring))


def test_only_the_borders_between_subdivisions_are_kept() -> None:
    # two squares side by side: arcs 0 (left outline), 1 (shared edge), 2 (right outline)
    topo = {
        "transform": {"scale": [1.0, 1.0], "translate": [0.0, 0.0]},
        "arcs": [
            [[1, 0], [-1, 0], [0, 1], [1, 0]],
            [[1, 0], [0, 1]],
            [[1, 1], [1, 0], [0, -1], [-1, 0]],
        ],
        "objects": {
            "xx": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]]},
                    {"type": "Polygon", "arcs": [[~1, 2]]},
                ],
            }
        },
    }
    assert internal_lines(topo) == [[100, 0, 0, 100]]


def test_a_regional_map_draws_the_provinces_and_the_world_map_does_not() -> None:
    hama = markers([event(1, latitude=35.13, longitude=36.75, place="Hama")])
    regional = map_svg(hama, {})
    assert regional.count('class="admin1"') == 1
    assert regional.split('class="admin1" d="')[1].count("M") > 10  # Syria's 14 governorates
    world = markers(
        [
            event(1, latitude=35.13, longitude=36.75, place="Hama"),
            event(2, latitude=-33.9, longitude=151.2, place="Sydney"),
        ]
    )
    assert 'class="admin1"' not in map_svg(world, {})
    # Syria's inner borders lie inside Syria's box
    inside = [
        line for line in admin1_lines() if all(35.5 < x < 42.5 and 32.2 < y < 37.5 for x, y in line)
    ]
    assert len(inside) >= 14


def test_split_at_antimeridian() -> None:
    ring = [(170.0, 60.0), (179.0, 61.0), (-179.0, 62.0), (-178.0, 60.0), (179.5, 59.0),
            (170.0, 60.0)]  # fmt: skip
    assert split_at_antimeridian(ring) == [
        [(179.5, 59.0), (170.0, 60.0), (170.0, 60.0), (179.0, 61.0)],
        [(-179.0, 62.0), (-178.0, 60.0)],
    ]


def test_only_calendar_dates_reach_the_timeline() -> None:
    from kg.report.data import _day

    assert _day("2014-09-27") == "2014-09-27"
    assert _day("2014-09-27T10:00:00Z") == "2014-09-27"
    assert _day("2014-13-45") is None and _day("") is None and _day("late last month") is None
