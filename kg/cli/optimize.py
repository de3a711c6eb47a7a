"""``kg optimize``: compact the embedded store after large ingests."""

from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli import store_option
from kg.errors import StoreError


@click.command("optimize")
@store_option
def optimize(store: Path | str) -> None:
    """Compact the embedded store so that queries read fewer, larger tables.

    Each batch kg ingest writes adds tables to the database, merged later by background
    compaction, which stops when kg ingest does; queries on a store of a million triples
    as ingested may cost a fifth more than on the same store compacted (bench/PERF.md). kg
    ingest runs it once many triples, and a quarter of the store, were loaded since the last
    compaction (--optimize-after); run it after smaller ingests for the fastest queries. It
    takes seconds to half a minute a million triples, holds the store as its writer meanwhile
    (queries still read the last checkpoint), and changes no triple. A remote store keeps its
    own storage: use its server's tools.

    \b
    Example:
      kg ingest seeds/ && kg optimize
    """
    from kg.store.embedded import DB_DIR, EmbeddedStore

    if not isinstance(store, Path):
        raise StoreError(f"{store} is a remote store: it keeps its own storage (use its tools)")
    if not (store / DB_DIR).is_dir():
        raise StoreError(f"no store at {store}; run `kg ingest` first or pass --store")
    before = _size(store / DB_DIR)
    started = time.perf_counter()
    with EmbeddedStore(store) as opened:
        opened.optimize()
    after = _size(store / DB_DIR)
    click.echo(
        f"Optimized {store} in {time.perf_counter() - started:.1f} s: "
        f"{before / 1e6:,.1f} MB -> {after / 1e6:,.1f} MB.",
        err=True,
    )


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
