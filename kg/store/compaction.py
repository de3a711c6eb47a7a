"""When ``kg ingest`` compacts the embedded store: the triples loaded since its last compaction.

Compaction (``EmbeddedStore.optimize``) rewrites the whole database, so its cost grows with
the store, not with the run that triggers it. Compacting after every run that loaded many
triples would make a store fed by daily ingests pay for all of its past on every one of
them: quadratic in the corpus. So the store keeps, in a small file beside its database, how
many triples were loaded since it was last compacted, and ``kg ingest`` compacts only when
that count reaches both the user's floor (``--optimize-after``) and ``SHARE`` of the store:
each compaction then rewrites at most ``1 / SHARE`` triples for every triple loaded since the
one before, a constant cost per triple however large the store grows. Any compaction,
``kg optimize`` included, starts the count again.

The count is advisory: a missing or unreadable file counts as zero (a store written by an
older kg, or copied without it), and losing it costs at most one compaction too few or too
many.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["COUNT_FILE", "SHARE", "due", "loaded_since", "note_loaded", "reset"]

COUNT_FILE = "kg-compaction.json"
SHARE = 0.25  # of the store's triples, loaded since the last compaction, before the next


def loaded_since(root: Path) -> int:
    """The triples loaded into the store at ``root`` since it was last compacted."""
    try:
        value = json.loads((root / COUNT_FILE).read_text(encoding="utf-8"))["loaded_since"]
    except (OSError, ValueError, KeyError, TypeError):
        return 0
    return value if isinstance(value, int) and value >= 0 else 0


def note_loaded(root: Path, triples: int) -> int:
    """Add ``triples`` loaded by a run to the count; returns the new count."""
    total = loaded_since(root) + max(triples, 0)
    _write(root, total)
    return total


def reset(root: Path) -> None:
    """The store was just compacted: nothing is loaded since."""
    _write(root, 0)


def due(loaded: int, store_triples: int, floor: int) -> bool:
    """Whether ``loaded`` triples since the last compaction call for one in a store of
    ``store_triples``: at least ``floor`` of them (0: never) and at least ``SHARE`` of the
    store."""
    return floor > 0 and loaded >= floor and loaded >= SHARE * store_triples


def _write(root: Path, count: int) -> None:
    """Write the count atomically (a killed process leaves the old file or the new one)."""
    path = root / COUNT_FILE
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps({"loaded_since": count}) + "\n", encoding="utf-8")
    os.replace(part, path)
