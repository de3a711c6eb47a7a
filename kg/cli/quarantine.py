"""``kg quarantine list|show|retry|drop``: the CLI face of ``kg.quarantine`` and
``kg.pipeline.retry``."""

from __future__ import annotations

import json
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
from kg.errors import StoreError
from kg.quarantine import Entry, Quarantine

START = 600  # characters of the article ``show`` prints
REASON_WIDTH = 70  # characters of a reason in the table (the JSON has it whole)


@click.group("quarantine")
def quarantine_group() -> None:
    """List, inspect, retry or drop the articles kg ingest did not load.

    An article whose extraction fails, whose graph does not conform to the shapes, or which
    takes longer than --max-seconds is kept in <store>/quarantine/ (--quarantine DIR; for a
    remote store ./kg-quarantine/) with its reason. Fix the
    cause (shapes, rules, a newer kg), then retry: articles that now load leave the
    quarantine, the others stay with their new reason.

    \b
    Example:
      kg ingest seeds/ && kg quarantine list
      kg quarantine show 000_1329f68f670b4001
      kg quarantine retry --all
    """


@quarantine_group.command("list")
@store_option
@quarantine_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="A table, or JSON (one object per entry, with the folder).",
)  # fmt: skip
def list_entries(store: Path | str, quarantine_dir: Path | None, fmt: str) -> None:
    """List the quarantined articles: id, stage, reason, origin.

    \b
    Example:
      kg ingest seeds/ && kg quarantine list --format json
    """
    entries = list(_quarantine(store, quarantine_dir).entries())
    if fmt == "json":
        rows = [
            {"id": e.article_id, "stage": e.stage, "reason": e.reason, "origin": e.origin,
             "folder": str(e.folder)}
            for e in entries
        ]  # fmt: skip
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not entries:
        click.echo(f"The quarantine of {store} is empty.", err=True)
        return
    click.echo(_table(entries))
    click.echo(f"{len(entries)} quarantined; `kg quarantine show ID` for one.", err=True)


@quarantine_group.command("show")
@click.argument("article_id", metavar="ID")
@store_option
@quarantine_option
def show(article_id: str, store: Path | str, quarantine_dir: Path | None) -> None:
    """Show one quarantined article: its entry, the validation report if any, its start.

    \b
    Example:
      kg ingest seeds/ && kg quarantine show 000_1329f68f670b4001
    """
    quarantine = _quarantine(store, quarantine_dir)
    entry = quarantine.require([article_id])[0]
    article = quarantine.article(entry)
    lines = [
        f"id:     {entry.article_id}",
        f"origin: {entry.origin}",
        f"stage:  {entry.stage}",
        f"reason: {entry.reason}",
        f"folder: {entry.folder}",
    ]
    report = quarantine.report(entry)
    if report is not None:
        lines += ["", "validation report:", report.rstrip("\n")]
    start = article.text[:START] + (" [...]" if len(article.text) > START else "")
    lines += ["", f"article ({len(article.text):,} characters):", start]
    click.echo("\n".join(lines))


@quarantine_group.command("retry")
@click.argument("article_ids", nargs=-1, metavar="[ID]...")
@click.option("--all", "everything", is_flag=True, help="Retry every quarantined article.")
@store_option
@quarantine_option
@model_option
@max_seconds_option
@workers_option
@scheduler_option
@click.option("--strict", is_flag=True, help="Exit 3 if an article stays quarantined.")
@click.option("--verbose", "-v", is_flag=True, help="List every article still quarantined.")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on stderr.")
@click.pass_context
def retry(
    ctx: click.Context,
    article_ids: tuple[str, ...],
    everything: bool,
    store: Path | str,
    quarantine_dir: Path | None,
    model: str | None,
    max_seconds: float,
    workers: int,
    scheduler: str | None,
    strict: bool,
    verbose: bool,
    quiet: bool,
) -> None:
    """Run quarantined articles through the pipeline again (after fixing what refused them).

    Articles that now load leave the quarantine; the others stay, with their new reason.
    Exit codes as for kg ingest.

    \b
    Example:
      kg ingest seeds/ && kg quarantine retry --all
      kg quarantine retry --all --workers 2
    """
    from kg.cli.ingest import run_with_summary
    from kg.pipeline import IngestOptions
    from kg.pipeline import retry as run_retry

    _choose(article_ids, everything, "retry")
    check_workers(workers, scheduler)
    quarantine = _quarantine(store, quarantine_dir)
    ids = None if everything else [e.article_id for e in quarantine.require(article_ids)]
    if everything and next(quarantine.entries(), None) is None:
        click.echo(f"The quarantine of {store} is empty; nothing to retry.", err=True)
        return
    options = IngestOptions(
        model=model, max_seconds=max_seconds, strict=strict, quarantine=quarantine_dir,
        workers=workers, scheduler=scheduler or None,
    )  # fmt: skip
    report = run_with_summary(
        lambda progress: run_retry(store, ids, options, progress),
        store, quiet=quiet, verbose=verbose, quarantine=quarantine_dir,
    )  # fmt: skip
    ctx.exit(report.exit_code)


@quarantine_group.command("drop")
@click.argument("article_ids", nargs=-1, metavar="[ID]...")
@click.option("--all", "everything", is_flag=True, help="Drop every quarantined article.")
@store_option
@quarantine_option
def drop(
    article_ids: tuple[str, ...], everything: bool, store: Path | str, quarantine_dir: Path | None
) -> None:
    """Delete quarantined articles for good (their input files are not touched).

    \b
    Example:
      kg ingest seeds/ && kg quarantine drop --all
    """
    _choose(article_ids, everything, "drop")
    quarantine = _quarantine(store, quarantine_dir)
    with quarantine.writing():
        entries = list(quarantine.entries()) if everything else quarantine.require(article_ids)
        for entry in entries:
            quarantine.drop(entry)
    click.echo(f"Dropped {len(entries)} quarantined article(s).", err=True)


def _quarantine(store: Path | str, given: Path | None) -> Quarantine:
    """The quarantine of ``store``: ``given`` (--quarantine), else its default folder."""
    from kg.store import quarantine_dir

    if given is None and isinstance(store, Path) and not store.is_dir():
        raise StoreError(f"no store at {store}; run `kg ingest` first or pass --store")
    return Quarantine(quarantine_dir(store, given))


def _choose(article_ids: tuple[str, ...], everything: bool, verb: str) -> None:
    if everything and article_ids:
        raise click.UsageError(f"give IDs or --all, not both, to {verb}")
    if not everything and not article_ids:
        raise click.UsageError(f"give the IDs to {verb} (`kg quarantine list`), or --all")


def _table(entries: list[Entry]) -> str:
    rows = [("ID", "STAGE", "REASON", "ORIGIN")]
    for e in entries:
        reason = _cell(e.reason)
        reason = reason if len(reason) <= REASON_WIDTH else reason[: REASON_WIDTH - 1] + "…"
        rows.append((_cell(e.article_id), e.stage, reason, _cell(e.origin)))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        for row in rows
    )


def _cell(text: str) -> str:
    """One line: whitespace runs (newlines, tabs) and control characters become one space."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
