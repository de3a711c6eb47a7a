"""``kg stats``: the CLI face of ``kg.stats``."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path

import click

from kg.cli import quarantine_option, store_option
from kg.stats import Stats

TITLES = {
    "classes": "Instances by class",
    "event_types": "Events by type",
    "sub_event_types": "Events by sub-event type",
    "actor_types": "Actors by type",
    "countries": "Events by country",
    "admin1": "Events by admin region (admin1)",
    "months": "Events by month",
    "top_actors": "Most active actors (events)",
    "top_places": "Most active places (events located there)",
}
#: what a row's ``detail`` holds, per section (the csv/json column, and the table's)
DETAILS = {
    "classes": "class",
    "event_types": "",
    "sub_event_types": "event type",
    "actor_types": "inter code",
    "countries": "",
    "admin1": "country",
    "months": "",
    "top_actors": "IRI",
    "top_places": "IRI",
}


@click.command("stats")
@store_option
@quarantine_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True, help="Tables for a terminal, or JSON / CSV for programs.",
)  # fmt: skip
@click.option(
    "--top", default=10, show_default=True, type=click.IntRange(0),
    help="How many of the most active actors and places to list.",
)  # fmt: skip
def stats(store: Path | str, quarantine_dir: Path | None, fmt: str, top: int) -> None:
    """Count what the store holds: instances by class, events by type and sub-event type,
    by country, admin region and month, actors by type, the most active actors and places,
    and the quarantined articles.

    Events are placed by their kg:location (the place on the map). JSON is one object:
    {"store", "triples", "quarantined", and one list per section of {"name", "count",
    "detail"}}; CSV has one row per count: section,name,detail,count.

    \b
    Examples:
      kg ingest seeds/ && kg stats
      kg stats --top 20 --format json > stats.json
      kg stats --format csv > stats.csv
    """
    from kg.stats import collect
    from kg.store import open_store
    from kg.store import quarantine_dir as default_quarantine

    folder = default_quarantine(store, quarantine_dir)
    with open_store(store, read_only=True) as db:
        counted = collect(db, folder, top)
    if fmt == "json":
        click.echo(to_json(counted))
    elif fmt == "csv":
        click.echo(to_csv(counted), nl=False)
    else:
        click.echo(to_table(counted))


def to_json(counted: Stats) -> str:
    return json.dumps(asdict(counted), ensure_ascii=False, indent=1)


def to_csv(counted: Stats) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "name", "detail", "count"])
    writer.writerow(["total", "triples", "", counted.triples])
    writer.writerow(["total", "quarantined", "", counted.quarantined])
    for section, rows in counted.sections():
        for row in rows:
            writer.writerow([section, row.name, row.detail, row.count])
    return buffer.getvalue()


def to_table(counted: Stats) -> str:
    lines = [
        f"Store {counted.store}: {counted.triples:,} triples, "
        f"{counted.quarantined:,} quarantined articles"
    ]
    for section, rows in counted.sections():
        lines += ["", TITLES[section]]
        if not rows:
            lines.append("  (none)")
            continue
        detail = DETAILS[section]
        width = max(len(r.name) for r in rows)
        digits = max(len(f"{r.count:,}") for r in rows)
        for row in rows:
            extra = f"  {row.detail}" if detail and row.detail else ""
            lines.append(f"  {row.name:<{width}}  {row.count:>{digits},}{extra}")
    return "\n".join(lines)
