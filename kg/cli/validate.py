"""``kg validate``: check RDF files, or the store, against the SHACL shapes."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click
from rdflib import Graph

from kg.cli import store_option
from kg.errors import NonConformingError
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.validate import RDF_FORMATS, ShapesValidator, format_report, graphs_to_check, read_rdf

_PARSERS = sorted(set(RDF_FORMATS.values()))


@click.command()
@click.argument(
    "files",
    nargs=-1,
    type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path),
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(_PARSERS),
    help="RDF syntax of the FILEs [default: from each extension; turtle for -].",
)
@click.option(
    "--shapes",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of SHACL shapes (*.ttl) to use instead of kg's (env KG_SHAPES_DIR).",
)
@store_option
@click.pass_context
def validate(
    ctx: click.Context,
    files: tuple[Path, ...],
    fmt: str | None,
    shapes: Path | None,
    store: Path | str,
) -> None:
    """Check RDF files, or the whole store, against kg's SHACL shapes.

    Each FILE is read by its extension (.ttl .nt .nq .trig .jsonld .rdf .xml; - is stdin).
    Triples of a file are checked as one graph, each named graph of an N-Quads or TriG file
    on its own, as kg checks each article. With no FILE, every article graph of the store
    is checked (the ontology graph is skipped).

    Violations go to stdout, one line each (focus node | path | value | message), and a
    summary to stderr. Exit status 0 when everything conforms, 3 when something does not,
    1 when a file is not valid RDF (the one-line error names FILE:LINE:COLUMN).

    \b
    Example:
      kg ingest seeds/ && kg export -o seeds.ttl && kg validate seeds.ttl
    """
    if not (ctx.obj or {}).get("debug"):
        # rdflib logs a traceback for each ill-typed literal ("many"^^xsd:integer) it parses;
        # the shapes report those as violations, one line each
        logging.getLogger("rdflib.term").setLevel(logging.ERROR)
    validator = ShapesValidator(shapes)
    checked = failed = violations = 0
    for source, graph in _graphs(files, fmt, store):
        result = validator.validate(graph)
        checked += 1
        if not result.conforms:
            failed += 1
            violations += result.violations
            click.echo(format_report(result, source))
    if failed:
        raise NonConformingError(
            f"{failed} of {_count(checked, 'graph')} checked "
            f"{'does' if failed == 1 else 'do'} not conform to the shapes "
            f"({_count(violations, 'violation')}, listed on stdout)"
        )
    click.echo(f"checked {_count(checked, 'graph')}: all conform", err=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _graphs(
    files: tuple[Path, ...], fmt: str | None, store: Path | str
) -> Iterator[tuple[str, Graph]]:
    if not files:
        yield from _store_graphs(store)
        return
    for path in files:
        if str(path) == "-":
            with click.open_file("-", "rb") as stdin:
                data = stdin.read()
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / "stdin"
                copy.write_bytes(data)
                dataset = read_rdf(copy, fmt or "turtle", source="<stdin>")
            yield from _non_empty(graphs_to_check(dataset, "<stdin>"), "<stdin>")
        else:
            yield from _non_empty(graphs_to_check(read_rdf(path, fmt), str(path)), str(path))


def _non_empty(graphs: Iterator[tuple[str, Graph]], source: str) -> Iterator[tuple[str, Graph]]:
    """The graphs of one input, with a warning when it holds none (an empty file is valid RDF
    and conforms, but it is rarely what the user meant to check)."""
    found = False
    for item in graphs:
        found = True
        yield item
    if not found:
        click.echo(f"warning: {source} holds no triples; there was nothing to check", err=True)


def _store_graphs(store: Path | str) -> Iterator[tuple[str, Graph]]:
    """Each article graph of the store, exported one at a time as N-Quads to a temporary file.

    One graph at a time keeps memory flat however large the store is; each graph is replaced
    atomically by ingest, so each export is a consistent article.
    """
    from kg.store import open_store  # here, so that checking files never loads pyoxigraph

    with open_store(store, read_only=True) as handle, tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "graph.nq"
        for name in sorted(handle.graph_names()):
            if name == str(ONTOLOGY_GRAPH):
                continue
            with dump.open("wb") as out:
                handle.export(out, fmt="nquads", graph=name)
            yield from graphs_to_check(read_rdf(dump, "nquads", source=str(store)), str(store))
