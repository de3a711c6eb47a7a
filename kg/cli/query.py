"""``kg query``: the CLI face of ``kg.query``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

import click

from kg.cli import store_option

if TYPE_CHECKING:
    from kg.query import NamedQuery


def _params(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    parsed: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", ctx, param)
        if name in parsed:
            raise click.BadParameter(f"{name} is given twice", ctx, param)
        parsed[name] = value
    return parsed


@click.command("query")
@click.argument("sparql", metavar="[QUERY]", required=False)
@click.option(
    "-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
    help="Read the query from FILE (- for stdin).",
)  # fmt: skip
@click.option("-n", "--named", "name", metavar="NAME", help="Run a named query (see --list).")
@click.option(
    "-p", "--param", "params", multiple=True, metavar="NAME=VALUE", callback=_params,
    help="Bind ?NAME to VALUE (a plain literal; <IRI> for an IRI). Repeatable.",
)  # fmt: skip
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and exit.")
@click.option(
    "--format", "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt", "rdfxml", "jsonld"]),
    help="Output format. Default: table for SELECT and ASK, turtle for CONSTRUCT and DESCRIBE.",
)  # fmt: skip
@click.option(
    "--limit", type=click.IntRange(min=1), metavar="N",
    help="Rows a table shows (default 1000; the rest are counted). Table only.",
)  # fmt: skip
@click.option("--all", "all_rows", is_flag=True, help="A table shows every row.")
@store_option
def query(
    sparql: str | None,
    query_file: TextIO | None,
    name: str | None,
    params: dict[str, str],
    list_queries: bool,
    fmt: str | None,
    limit: int | None,
    all_rows: bool,
    store: Path | str,
) -> None:
    """Run a SPARQL query, or a named one, on the store.

    QUERY is SPARQL 1.1 text, or - to read it from stdin. The default graph is the union of
    all article graphs; GRAPH ?g { ... } reaches one article's graph. Prefixes kg, sem,
    schema, nif, skos, prov, dcterms, rdf, rdfs, xsd, kget, kgat, kgpt (and more, see
    docs/QUERIES.md) are predeclared. Results go to stdout, the row count to stderr. A table
    shows the first 1000 rows (--limit N, --all); csv, tsv, json and xml write every row.

    \b
    Examples:
      kg ingest seeds/ && kg query --named timeline
      kg query --named events-at-place --param place=Hama --format csv
      kg query 'SELECT ?e ?label WHERE { ?e a sem:Event ; rdfs:label ?label } LIMIT 5'
    """
    import kg.query as q
    from kg.store import open_store

    if list_queries:
        _list(q.named_queries())
        return
    given = [x for x in (sparql, query_file, name) if x is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE or --named NAME (or --list)")
    if sparql == "-":
        sparql = sys.stdin.read()
    elif query_file is not None:
        sparql = query_file.read()
    if name is not None:
        q.named_query(name)  # an unknown name fails before the store is opened
    shown = _table_limit(limit, all_rows, fmt)
    with open_store(store, read_only=True) as db:
        if name is not None:
            result = q.run_named(db, name, params)
        else:
            assert sparql is not None
            result = q.run(db, sparql, params)
        out = _Tail(sys.stdout.buffer)
        rows = q.write(result, cast(BinaryIO, out), fmt, limit=shown)
        if out.last != b"\n" and sys.stdout.isatty():  # JSON and XML end without one
            out.write(b"\n")
        out.flush()
    if rows is not None:
        click.echo(_count(rows, shown), err=True)


def _table_limit(limit: int | None, all_rows: bool, fmt: str | None) -> int | None:
    """How many rows a table shows; --limit and --all are for tables only."""
    if all_rows and limit is not None:
        raise click.UsageError("give --limit N or --all, not both")
    if fmt not in (None, "table") and (all_rows or limit is not None):
        raise click.UsageError(
            f"--limit and --all are for the table; --format {fmt} writes every row "
            "(put a LIMIT in the query to write fewer)"
        )
    if all_rows:
        return None
    from kg.query import TABLE_LIMIT

    return TABLE_LIMIT if limit is None else limit


def _count(rows: int, shown: int | None) -> str:
    """The row count for stderr, and how to see the rows a table left out."""
    if shown is None or rows <= shown:
        return f"{rows} row{'' if rows == 1 else 's'}"
    return (
        f"{rows:,} rows; the table shows the first {shown:,} "
        "(--all or --limit N for more; --format csv or json for a file)"
    )


def _list(queries: dict[str, NamedQuery]) -> None:
    for named in queries.values():
        click.echo(f"{named.name}: {named.title}")
        if named.description:
            click.echo(f"    {named.description}")
        for param in named.params:
            optional = " (optional)" if param.optional else ""
            click.echo(f"    --param {param.name}=VALUE{optional}  {param.meaning}")
        example = " ".join(f"--param {p.name}=..." for p in named.params if not p.optional)
        click.echo(f"    kg query --named {named.name} {example}".rstrip())


class _Tail:
    """A binary stream that remembers the last byte written through it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.last = b"\n"

    def write(self, data: bytes) -> int:
        if data:
            self.last = data[-1:]
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()
