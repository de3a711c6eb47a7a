"""The report's timeline (events per week or month, stacked by type) and actor network
(who fought whom, how often), as inline SVG; deterministic for the same events."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from html import escape

from kg.report.data import Event

__all__ = ["PALETTE", "edges", "network_svg", "timeline_svg", "type_colours"]

PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a",
)  # fmt: skip
WEEKS_UNTIL = 120  # days: a shorter span is shown by week, a longer one by month
MAX_NODES = 30


def type_colours(events: Sequence[Event]) -> dict[str, tuple[str, str]]:
    """Event type id -> (label, colour), the most frequent type first."""
    counts = Counter(e.type_id for e in events)
    labels = {e.type_id: e.type_label for e in events}
    order = sorted(counts, key=lambda t: (-counts[t], t))
    return {t: (labels[t], PALETTE[i % len(PALETTE)]) for i, t in enumerate(order)}


def _period(day: dt.date, weekly: bool) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if weekly else day.replace(day=1)


def _next(start: dt.date, weekly: bool) -> dt.date:
    if weekly:
        return start + dt.timedelta(days=7)
    return (start + dt.timedelta(days=32)).replace(day=1)


def periods(events: Sequence[Event]) -> tuple[bool, list[dt.date], Counter[tuple[dt.date, str]]]:
    """(weekly?, every period from the first to the last, counts by (period, type))."""
    days = [dt.date.fromisoformat(e.date) for e in events if e.date]
    if not days:
        return False, [], Counter()
    weekly = (max(days) - min(days)).days <= WEEKS_UNTIL
    counts: Counter[tuple[dt.date, str]] = Counter(
        (_period(dt.date.fromisoformat(e.date), weekly), e.type_id) for e in events if e.date
    )
    start, end = _period(min(days), weekly), _period(max(days), weekly)
    every = []
    while start <= end:
        every.append(start)
        start = _next(start, weekly)
    return weekly, every, counts


def timeline_svg(events: Sequence[Event], colours: dict[str, tuple[str, str]]) -> str:
    """Stacked bars, one per week or month; undated events are counted in the caption."""
    weekly, every, counts = periods(events)
    width, height, left, bottom = 860.0, 260.0, 40.0, 40.0
    undated = sum(1 for e in events if not e.date)
    if not every:
        return (
            f'<p class="meta" id="timeline" data-undated="{undated}">No dated events: the '
            "articles had no publication date to resolve the text's dates against "
            "(ingest JSON Lines with a published field).</p>"
        )
    out = [
        f'<svg id="timeline" class="chart" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Events by {"week" if weekly else "month"} and type" '
        f'data-unit="{"week" if weekly else "month"}" data-undated="{undated}">'
    ]
    totals = Counter[dt.date]()
    for (period, _), n in counts.items():
        totals[period] += n
    top = max(totals.values(), default=1)
    plot_w, plot_h = width - left - 10, height - bottom - 10
    step = plot_w / max(1, len(every))
    bar = max(1.0, step * 0.8)
    out.append(
        f'<line class="axis" x1="{left}" y1="{10 + plot_h}" x2="{width - 10}" y2="{10 + plot_h}"/>'
    )
    out.append(f'<text class="tick" x="{left - 4}" y="16" text-anchor="end">{top}</text>')
    label_every = max(1, math.ceil(len(every) / 12))
    for i, period in enumerate(every):
        x = left + i * step + (step - bar) / 2
        y = 10 + plot_h
        for type_id, (label, colour) in colours.items():
            n = counts.get((period, type_id), 0)
            if not n:
                continue
            h = plot_h * n / top
            y -= h
            name = f"week of {period}" if weekly else period.strftime("%Y-%m")
            out.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}" data-period="{period}" data-type="{escape(type_id)}" '
                f'data-count="{n}"><title>{escape(name)}: {n} {escape(label)}</title></rect>'
            )
        if i % label_every == 0:
            text = period.strftime("%d %b %Y") if weekly else period.strftime("%b %Y")
            middle = x + bar / 2
            anchor = "end" if middle > width - 40 else "middle"
            out.append(
                f'<text class="tick" x="{min(middle, width - 2):.1f}" '
                f'y="{height - bottom + 24:.0f}" text-anchor="{anchor}">{text}</text>'
            )
    out.append("</svg>")
    return "\n".join(out)


def edges(events: Sequence[Event]) -> Counter[tuple[str, str]]:
    """Pairs of actors on opposite sides of an event, with the number of such events.

    The sides are the agents and the targets; an event without targets whose agents are
    several (a clash between them) pairs the agents with each other. Pairs are unordered.
    """
    pairs: Counter[tuple[str, str]] = Counter()
    for event in events:
        if event.targets:
            found = {(min(a, t), max(a, t)) for a in event.agents for t in event.targets if a != t}
        else:
            found = set(itertools.combinations(sorted(set(event.agents)), 2))
        pairs.update(found)
    return pairs


def circle_order(nodes: Sequence[str], pairs: Counter[tuple[str, str]]) -> list[str]:
    """Nodes around the circle so that who fought whom sit close: connected groups one after
    the other (largest first), each walked breadth-first from its busiest actor, neighbours by
    count. ``nodes`` come busiest first, and every choice breaks ties by that order."""
    rank = {name: i for i, name in enumerate(nodes)}
    near: dict[str, list[tuple[int, int, str]]] = {name: [] for name in nodes}
    for (a, b), n in pairs.items():
        if a in rank and b in rank:
            near[a].append((-n, rank[b], b))
            near[b].append((-n, rank[a], a))
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in nodes:
        if start in seen:
            continue
        group, queue = [], [start]
        seen.add(start)
        while queue:
            name = queue.pop(0)
            group.append(name)
            for _, _, other in sorted(near[name]):
                if other not in seen:
                    seen.add(other)
                    queue.append(other)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g), rank[g[0]]))
    return [name for group in groups for name in group]


def layout(
    nodes: Sequence[str], centre: tuple[float, float], radius: float
) -> dict[str, tuple[float, float]]:
    n = max(1, len(nodes))
    return {
        name: (
            round(centre[0] + radius * math.cos(2 * math.pi * i / n - math.pi / 2), 1),
            round(centre[1] + radius * math.sin(2 * math.pi * i / n - math.pi / 2), 1),
        )
        for i, name in enumerate(nodes)
    }


def _short(name: str, most: int = 26) -> str:
    return name if len(name) <= most else name[: most - 1] + "…"


def network_svg(events: Sequence[Event]) -> str:
    """The ``MAX_NODES`` actors with most pairings on a circle; edge width by count."""
    pairs = edges(events)
    degree: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    nodes = sorted(degree, key=lambda name: (-degree[name], name))[:MAX_NODES]
    width, radius = 860.0, 240.0  # room for the names left and right
    height = 2 * radius + 60
    centre = width / 2
    where = layout(circle_order(nodes, pairs), (centre, height / 2), radius)
    out = [
        f'<svg id="network" class="chart" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        f'aria-label="Actors against actors" data-edges="{len(pairs)}">'
    ]
    most = max(pairs.values(), default=1)
    for (a, b), n in sorted(pairs.items(), key=lambda item: (item[1], item[0])):
        if a not in where or b not in where:
            continue
        (x1, y1), (x2, y2) = where[a], where[b]
        out.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{1 + 9 * n / most:.1f}" data-a="{escape(a)}" data-b="{escape(b)}" '
            f'data-count="{n}"><title>{escape(a)} vs {escape(b)}: {n} '
            f"event{'s' if n != 1 else ''}</title></line>"
        )
    top = max(degree.values(), default=1)
    for name in nodes:
        x, y = where[name]
        r = 5 + 9 * math.sqrt(degree[name] / top)
        anchor = "start" if x >= centre else "end"
        dx = r + 4 if x >= centre else -(r + 4)
        out.append(
            f'<g class="node" data-actor="{escape(name)}" data-degree="{degree[name]}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
            f"{escape(_short(name))}</text>"
            f"<title>{escape(name)}: {degree[name]} pairing(s) with others</title></g>"
        )
    out.append("</svg>")
    return "\n".join(out)
