"""``kg export``: the CLI face of ``kg.export``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import store_option
from kg.cli.output import replaced_atomically


@click.command("export")
@click.option(
    "-o", "--output", default="-", show_default=True, metavar="FILE",
    help="Write to FILE (replaced only once the export is complete); - for stdout.",
)  # fmt: skip
@click.option(
    "--format", "fmt",
    type=click.Choice(["turtle", "nt", "nq", "trig", "jsonld", "acled-csv", "geojson"]),
    help="RDF format, or events as ACLED's CSV columns or GeoJSON points [default: from the "
    "-o file's extension, else turtle].",
)  # fmt: skip
@click.option("--article", metavar="ID", help="Export only this article's graph.")
@store_option
def export(output: str, fmt: str | None, article: str | None, store: Path | str) -> None:
    """Write the store, or one article, as RDF, with the taxonomy concepts it uses.

    Turtle and N-Triples merge all graphs into one; N-Quads, TriG and JSON-LD keep one named
    graph per article. One article (--article, ids from `kg query --named articles`) comes out
    as canonical, diff-friendly Turtle.

    For spreadsheets, R and GIS tools: acled-csv is one row per event with ACLED's columns in
    ACLED's order (event_date ... fatalities, notes = the supporting sentence) then kg's event
    and article IRIs, empty where kg does not know; geojson is a FeatureCollection of the
    events with coordinates (Point [lon, lat]; those without are counted on stderr).

    \b
    Examples:
      kg ingest seeds/ && kg export -o graph.ttl
      kg export --article 000_1329f68f670b4001 --format jsonld
      kg export --format acled-csv -o events.csv
      kg export --format geojson -o events.geojson
    """
    from kg.export import export as run_export
    from kg.store import open_store

    fmt = fmt or _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "turtle")

    with open_store(store, read_only=True) as db:
        if output == "-":
            note = run_export(db, sys.stdout.buffer, fmt, article)
            sys.stdout.flush()
            if note:
                click.echo(f"Exported {note}.", err=True)
            return
        target = Path(output)
        with replaced_atomically(output) as out:
            note = run_export(db, out, fmt, article)
    click.echo(f"Wrote {target} ({fmt}{': ' + note if note else ''})", err=True)


_SUFFIX_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nq",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".csv": "acled-csv",
    ".geojson": "geojson",
}
