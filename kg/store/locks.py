"""File locks and snapshot pruning for the embedded store (see :mod:`kg.store.embedded`)."""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from pathlib import Path

#: the marker of a bulk write in progress, naming its graphs (:mod:`kg.store.writes`)
PENDING = "oxigraph.pending"


def pending(root: Path) -> bool:
    """Whether the store at ``root`` holds a bulk write that was not finished."""
    return (root / PENDING).exists()


def flock(path: Path, mode: int, *, create: bool, timeout: float = 0.0) -> int | None:
    """Open ``path`` and flock it; the descriptor, or None if still taken after ``timeout``."""
    if create:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except PermissionError:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    else:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.02)


def prune_snapshots(snaps: Path, keep: str | None) -> None:
    """Delete snapshots other than ``keep`` that no reader holds."""
    if not snaps.is_dir():
        return
    for entry in snaps.iterdir():
        name = entry.name.removesuffix(".lock")
        if name == keep or name in ("current", "current.tmp") or entry.name.endswith(".lock"):
            continue
        try:
            fd = flock(snaps / f"{name}.lock", fcntl.LOCK_EX, create=True)
        except OSError:
            continue
        if fd is None:  # a reader is using it; a later prune removes it
            continue
        try:
            shutil.rmtree(entry, ignore_errors=True)
            (snaps / f"{name}.lock").unlink(missing_ok=True)
        finally:
            os.close(fd)
    for lock in snaps.glob("*.lock"):  # locks whose snapshot is gone
        if lock.stem != keep and not (snaps / lock.stem).exists():
            lock.unlink(missing_ok=True)
