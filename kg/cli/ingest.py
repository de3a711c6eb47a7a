"""``kg ingest``: the CLI face of ``kg.pipeline.ingest``."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import click

from kg.cli import (
    check_workers,
    max_seconds_option,
    model_option,
    quarantine_option,
    scheduler_option,
    store_option,
    workers_option,
)
from kg.ingest_report import IngestReport, Progress
from kg.pipeline import OPTIMIZE_AFTER, IngestOptions
from kg.pipeline import ingest as run_ingest
from kg.sources import PROBLEM_KINDS

LISTED = 20  # unreadable inputs and quarantined articles listed one by one without --verbose


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@store_option
@quarantine_option
@model_option
@click.option(
    "--batch-size", default=64, show_default=True, type=click.IntRange(1),
    help="Articles written to the store at once (all or nothing).",
)  # fmt: skip
@click.option(
    "--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(1),
    help="Largest article (file, stdin or JSON line) accepted, in bytes.",
)  # fmt: skip
@max_seconds_option
@workers_option
@scheduler_option
@click.option("--strict", is_flag=True, help="Exit 3 if an article is quarantined (now, or "
              "earlier and unchanged since), 1 if an input is unreadable.")  # fmt: skip
@click.option("--force", is_flag=True, help="Process every article, also those unchanged since "
              "they were loaded or quarantined (same text and metadata, same kg, model and "
              "shapes), which are skipped otherwise.")  # fmt: skip
@click.option("--verbose", "-v", is_flag=True, help="List every unreadable input and "
              "quarantined article in the summary, not only the first 20.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.option(
    "--optimize-after", default=OPTIMIZE_AFTER, show_default=True, type=click.IntRange(0),
    help="Compact the embedded store (as `kg optimize` does) at the end of a run once at least "
    "this many triples, and a quarter of the store's, were loaded since its last compaction; "
    "0: never.",
)  # fmt: skip
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    store: Path | str,
    quarantine_dir: Path | None,
    model: str | None,
    batch_size: int,
    max_bytes: int,
    max_seconds: float,
    workers: int,
    scheduler: str | None,
    strict: bool,
    force: bool,
    verbose: bool,
    quiet: bool,
    optimize_after: int,
) -> None:
    """Read articles, extract actors, places and events, validate and load them.

    PATHS are .txt/.md files (one article each, the file name is its id), folders (read
    recursively), JSON Lines files (.jsonl: one {"id", "text", ...} object a line) or - for
    stdin. Each article's graph is checked against the SHACL shapes before loading; one that
    fails, or whose extraction fails or takes longer than --max-seconds, is quarantined (see
    `kg quarantine list`). Inputs that cannot be read are counted and listed; the batch goes
    on. An article already loaded (or quarantined) from the same content by the same kg,
    model and shapes is skipped before it is parsed: re-ingesting an unchanged corpus is
    quick, and --force processes everything again. Exit code 0 when at least one article was
    read, 1 when none could be; with --strict, 3 when an article is quarantined and 1 when an
    input could not be read.
    A run after which many triples were loaded since the last compaction (--optimize-after,
    and a quarter of the store) ends by compacting the embedded store, so that queries read
    fewer, larger tables.

    \b
    Example:
      kg ingest seeds/ --store kg-store
      kg ingest articles.jsonl --strict --max-seconds 30
      kg ingest articles.jsonl --workers 2
      kg ingest seeds/ --store http://localhost:7878   # an Oxigraph server
      kg ingest articles.jsonl --scheduler tcp://127.0.0.1:8786
    """
    check_workers(workers, scheduler)
    options = IngestOptions(
        model=model, batch_size=batch_size, max_bytes=max_bytes, max_seconds=max_seconds,
        strict=strict, force=force, workers=workers, quarantine=quarantine_dir,
        scheduler=scheduler or None, optimize_after=optimize_after,
    )  # fmt: skip
    report = run_with_summary(
        lambda progress: run_ingest(list(paths), store, options, progress),
        store, quiet=quiet, verbose=verbose, quarantine=quarantine_dir,
    )  # fmt: skip
    ctx.exit(report.exit_code)


def run_with_summary(
    run: Callable[[Progress], IngestReport],
    store: Path | str,
    *,
    quiet: bool,
    verbose: bool,
    quarantine: Path | None = None,
) -> IngestReport:
    """``run`` with a progress line on a terminal, then the summary on stderr."""
    show = not quiet
    tty = sys.stderr.isatty()

    def progress(report: IngestReport) -> None:
        if show and tty:
            line = f"\r{report.read} articles read, {report.loaded} loaded"
            click.echo(line + _unchanged(report), nl=False, err=True)

    report = run(progress)
    if show:
        if tty:
            click.echo("", err=True)
        limit = None if verbose else LISTED
        click.echo(summary(report, store, limit, quarantine=quarantine), err=True)
    return report


def summary(
    report: IngestReport,
    store: Path | str,
    limit: int | None = LISTED,
    *,
    quarantine: Path | None = None,
) -> str:
    """The counts, then the unreadable inputs and quarantined articles by kind with their
    reasons (the first ``limit`` of each; None for all the report kept). ``quarantine``: the
    ``--quarantine`` folder given, if any, repeated in the hint to list them."""
    lines = [
        f"Ingested into {store} with {report.model} in {report.seconds:.1f} s:",
        f"  articles: {report.read} read, {report.loaded} loaded{_unchanged(report)}, "
        f"{report.quarantined_count} quarantined, {report.unreadable_count} unreadable inputs",
        f"  extracted: {len(report.actors)} actors, {len(report.places)} places, "
        f"{report.events} events, {report.triples} triples ({report.store_triples} in the store)",
        "  time: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.times.items()),
    ]
    if report.skipped.skipped:
        kinds = ", ".join(
            f"{n} {k or 'without extension'}" for k, n in sorted(report.skipped.skipped.items())
        )
        lines.append(f"  not articles, skipped: {kinds}")
    if report.problem_kinds:
        lines.append("  unreadable: " + _tally(report.problem_kinds, PROBLEM_KINDS))
        shown = [f"    {p.origin}: {p.reason}" for p in report.problems]
        lines += _capped(shown, report.unreadable_count, limit, "inputs")
    if report.quarantined_stages:
        lines.append("  quarantined: " + _tally(report.quarantined_stages, {}))
        shown = [
            f"    {e.article_id} ({e.stage}): {e.reason}; see {e.folder}"
            for e in report.quarantined
        ]
        lines += _capped(shown, report.quarantined_count, limit, "articles")
    if report.quarantined_stages or report.still_quarantined:
        where = f"--store {store}" + (f" --quarantine {quarantine}" if quarantine else "")
        lines.append(f"  `kg quarantine list {where}` lists them; `retry` runs them again")
    return "\n".join(lines)


def _unchanged(report: IngestReport) -> str:
    """``, 480 unchanged, 3 unchanged still quarantined``: the articles skipped unchanged,
    each part only when there are any."""
    text = f", {report.unchanged} unchanged" if report.unchanged else ""
    if report.still_quarantined:
        text += f", {report.still_quarantined} unchanged still quarantined"
    return text


def _tally(counts: Counter[str], labels: dict[str, str]) -> str:
    """``2 not UTF-8, 1 binary``: most frequent first."""
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{n} {labels.get(kind, kind)}" for kind, n in ranked)


def _capped(lines: list[str], total: int, limit: int | None, what: str) -> list[str]:
    shown = lines if limit is None else lines[:limit]
    if (rest := total - len(shown)) > 0:
        hint = "--verbose lists them" if len(shown) < len(lines) else "see the log (--debug)"
        shown = [*shown, f"    ... and {rest} more {what} ({hint})"]
    return shown
