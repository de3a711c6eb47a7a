"""``kg ingest``: the CLI face of ``kg.pipeline.ingest``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli import store_option
from kg.pipeline import IngestOptions, IngestReport
from kg.pipeline import ingest as run_ingest


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--model", envvar="KG_MODEL", help="spaCy model to load (env KG_MODEL).")
@click.option(
    "--batch-size", default=64, show_default=True, type=click.IntRange(1),
    help="Articles written to the store per transaction.",
)  # fmt: skip
@click.option(
    "--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1),
    help="Largest article (file, stdin or JSON line) accepted, in bytes.",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    store: Path,
    model: str | None,
    batch_size: int,
    max_bytes: int,
    quiet: bool,
) -> None:
    """Read articles, extract actors, places and events, validate and load them.

    PATHS are .txt/.md files (one article each, the file name is its id), folders (read
    recursively), JSON Lines files (.jsonl: one {"id", "text", ...} object a line) or - for
    stdin. Each article's graph is checked against the SHACL shapes before loading; one that
    fails is quarantined (see the summary) and the exit code is 3. Exit code 1: an input
    could not be read.

    \b
    Example:
      kg ingest seeds/ --store kg-store
    """
    show = not quiet
    tty = sys.stderr.isatty()

    def progress(report: IngestReport) -> None:
        if show and tty:
            click.echo(f"\r{report.read} articles read, {report.loaded} loaded", nl=False, err=True)

    options = IngestOptions(model=model, batch_size=batch_size, max_bytes=max_bytes)
    report = run_ingest(list(paths), store, options, progress)
    if show:
        if tty:
            click.echo("", err=True)
        click.echo(summary(report, store), err=True)
    ctx.exit(report.exit_code)


def summary(report: IngestReport, store: Path) -> str:
    lines = [
        f"Ingested into {store} with {report.model} in {report.seconds:.1f} s:",
        f"  articles: {report.read} read, {report.loaded} loaded, "
        f"{len(report.quarantined)} quarantined, {len(report.problems)} unreadable inputs",
        f"  extracted: {len(report.actors)} actors, {len(report.places)} places, "
        f"{report.events} events, {report.triples} triples ({report.store_triples} in the store)",
        "  time: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.times.items()),
    ]
    if report.skipped.skipped:
        kinds = ", ".join(
            f"{n} {k or 'without extension'}" for k, n in sorted(report.skipped.skipped.items())
        )
        lines.append(f"  not articles, skipped: {kinds}")
    for problem in report.problems:
        lines.append(f"  unreadable: {problem.origin}: {problem.reason}")
    for entry in report.quarantined:
        lines.append(
            f"  quarantined: {entry.article_id} ({entry.stage}): {entry.reason}; see {entry.folder}"
        )
    return "\n".join(lines)
