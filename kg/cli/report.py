"""``kg report``: the CLI face of ``kg.report``."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli import store_option
from kg.cli.output import replaced_atomically


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from kg.report import date_bound

    if value is None:
        return None
    try:
        date_bound(value, end=False)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    return value


def _where(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    from kg.report import WHERE_KEYS

    found: dict[str, tuple[str, ...]] = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or key not in WHERE_KEYS or not value.strip():
            raise click.BadParameter(
                f"{item!r}: use KEY=VALUE with KEY one of {', '.join(WHERE_KEYS)} "
                "(e.g. country=SY, actor=rebels, type=armed-clash)",
                ctx,
                param,
            )
        found[key] = (*found.get(key, ()), value.strip())
    return found


@click.command("report")
@click.option(
    "-o", "--output", required=True, metavar="FILE",
    help="The HTML file to write (replaced only once complete); - for stdout.",
)  # fmt: skip
@click.option("--from", "date_from", callback=_date, metavar="DATE",
              help="Only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).")  # fmt: skip
@click.option("--to", "date_to", callback=_date, metavar="DATE",
              help="Only events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).")  # fmt: skip
@click.option(
    "--where", "where", multiple=True, callback=_where, metavar="KEY=VALUE",
    help="country=CC (ISO code), actor=NAME (part of a name, any case) or type=TYPE "
    "(name or id); repeat a key for any of its values.",
)  # fmt: skip
@click.option(
    "--limit", default=5000, show_default=True, type=click.IntRange(1),
    help="Rows of the events table (the map, timeline and network count every event).",
)  # fmt: skip
@store_option
def report(
    output: str,
    date_from: str | None,
    date_to: str | None,
    where: dict[str, tuple[str, ...]],
    limit: int,
    store: Path | str,
) -> None:
    """Write one self-contained HTML report: a map, a timeline, who fought whom, and tables.

    Works offline (the base map ships with kg); the same store and filters give the same file.
    Dated filters leave out undated events.

    \b
    Examples:
      kg ingest seeds/ && kg report -o report.html
      kg report -o clashes.html --where country=SY --where type=armed-clash
    """
    from kg.report import Filters, build_report
    from kg.store import open_store

    filters = Filters(
        date_from=date_from,
        date_to=date_to,
        countries=where.get("country", ()),
        actors=where.get("actor", ()),
        types=where.get("type", ()),
    )
    with open_store(store, read_only=True) as db:
        html = build_report(db, filters, limit)
    if output == "-":
        click.echo(html, nl=False)
        return
    target = Path(output)
    with replaced_atomically(output) as out:
        out.write(html.encode("utf-8"))
    click.echo(f"Wrote {target}", err=True)
