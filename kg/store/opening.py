"""Opening the embedded store's database (:mod:`kg.store.embedded`, whose docstring tells the
protocol): the writer's and the readers' locks, and the checkpoints readers open while a
writer has the database."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError, StoreLockedError
from kg.store.locks import PENDING, flock, pending, prune_snapshots

log = logging.getLogger(__name__)

DB_DIR = "oxigraph"
WRITE_LOCK = "oxigraph.write.lock"
READ_LOCK = "oxigraph.read.lock"
TURN_LOCK = "oxigraph.turn.lock"
SNAPSHOTS = "oxigraph.snapshots"


class Opening:
    """The locks one open store holds (their descriptors) and the writer's checkpoints."""

    def __init__(self, path: Path, lock_timeout: float) -> None:
        self.path = path
        self.lock_timeout = lock_timeout
        self.last_snapshot = 0.0  # time.monotonic() of the writer's latest checkpoint
        self._fds: list[int] = []

    def writer(self) -> ox.Store:
        """The database opened for writing, both locks held, an unfinished bulk write removed
        (:func:`kg.store.writes.recover`) and a first checkpoint taken for readers."""
        root = self.path
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root} is a file, not a store directory; pass another --store")
        try:
            (root / DB_DIR).mkdir(parents=True, exist_ok=True)
            write_fd = flock(root / WRITE_LOCK, fcntl.LOCK_EX, create=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the store at {root} ({exc.strerror or exc}); "
                "pass a writable directory with --store"
            ) from exc
        if write_fd is None:
            raise StoreLockedError(root)
        self._fds.append(write_fd)
        # readers seeing the turn lock taken let the read lock go (readers only probe it)
        turn_fd = flock(root / TURN_LOCK, fcntl.LOCK_EX, create=True, timeout=self.lock_timeout)
        try:
            read_fd = flock(root / READ_LOCK, fcntl.LOCK_EX, create=True, timeout=self.lock_timeout)
        finally:
            if turn_fd is not None:
                os.close(turn_fd)
        if read_fd is None:  # readers did not finish in time
            self.release()
            raise StoreLockedError(root)
        self._fds.append(read_fd)
        try:
            store = ox.Store(str(root / DB_DIR))
        except (OSError, RuntimeError) as exc:  # RocksDB's Corruption is a RuntimeError
            self.release()
            if isinstance(exc, OSError) and "lock" in str(exc).lower():
                raise StoreLockedError(root) from exc
            raise _cannot_open(root, exc) from exc
        from kg.store.writes import recover

        try:
            recover(root, store)
        except StoreError:
            del store
            self.release()
            raise
        self.snapshot(store)
        return store

    def reader(self) -> ox.Store:
        """The database opened read-only under the shared read lock, or the writer's latest
        checkpoint while a writer has it."""
        root = self.path
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root} is a file, not a store directory; pass another --store")
        if not (root / DB_DIR / "CURRENT").is_file():
            raise StoreError(f"no store at {root}: run `kg ingest` first, or pass --store")
        deadline = time.monotonic() + self.lock_timeout
        while True:
            if _writer_waiting(root) and time.monotonic() < deadline:
                time.sleep(0.02)  # let the writer in; then read its snapshot
                continue
            try:
                fd = flock(root / READ_LOCK, fcntl.LOCK_SH, create=True)
            except OSError:  # no lock file and none can be made: a read-only copy
                fd = -1
            if fd is not None:
                if fd >= 0:
                    self._fds.append(fd)
                if not pending(root):
                    return self._read_only(root / DB_DIR)
                self.release()  # a killed writer's unfinished batch: remove it first
                self._recover_as_writer()
                continue
            snapshot = self._lock_snapshot()
            if snapshot is not None:
                log.warning(
                    "another kg process is writing %s; reading its snapshot of %s",
                    root,
                    time.strftime("%H:%M:%S", time.localtime(snapshot.stat().st_mtime)),
                )
                return self._read_only(snapshot)
            if time.monotonic() >= deadline:
                raise StoreLockedError(root)
            time.sleep(0.05)

    def _recover_as_writer(self) -> None:
        """Open the store as a writer, which removes an unfinished bulk write, and close it."""
        other = Opening(self.path, self.lock_timeout)
        try:
            store = other.writer()
        except StoreLockedError:  # a writer came first: it recovers, we read its snapshot
            return
        except StoreError as exc:
            raise StoreError(
                f"the store at {self.path} holds a batch that a killed `kg ingest` did not "
                f"finish ({PENDING}) and cannot be opened for writing to remove it ({exc}); "
                "run `kg ingest` on it where it is writable"
            ) from exc
        del store  # pyoxigraph closes RocksDB when the object goes
        other.close_writer()
        if pending(self.path):
            raise StoreError(f"could not remove the unfinished batch of {self.path / PENDING}")

    def _lock_snapshot(self) -> Path | None:
        """Lock the writer's current snapshot (shared) and return it; None when there is none."""
        snaps = self.path / SNAPSHOTS
        try:
            name = (snaps / "current").read_text(encoding="ascii").strip()
            fd = flock(snaps / f"{name}.lock", fcntl.LOCK_SH, create=False, timeout=1.0)
        except OSError:  # no snapshot yet, or the writer just removed it
            return None
        if fd is None:
            return None
        if not (snaps / name / "CURRENT").is_file():
            os.close(fd)
            return None
        self._fds.append(fd)
        return snaps / name

    def _read_only(self, db: Path) -> ox.Store:
        try:
            return ox.Store.read_only(str(db))
        except (OSError, RuntimeError) as exc:
            self.release()
            raise _cannot_open(self.path, exc) from exc

    def snapshot(self, store: ox.Store) -> None:
        """Checkpoint the database for readers, and remove checkpoints nobody reads."""
        snaps = self.path / SNAPSHOTS
        started = time.monotonic()
        try:
            snaps.mkdir(exist_ok=True)
            name = f"{time.time_ns():020d}"
            (snaps / f"{name}.lock").touch()
            store.backup(str(snaps / name))
            (snaps / "current.tmp").write_text(name, encoding="ascii")
            os.replace(snaps / "current.tmp", snaps / "current")
        except OSError as exc:  # readers will wait; the write itself succeeded
            log.warning("could not snapshot the store for readers: %s", exc)
            return
        self.last_snapshot = time.monotonic()
        log.debug("snapshot %s in %.3f s", name, self.last_snapshot - started)
        prune_snapshots(snaps, keep=name)

    def close_writer(self) -> None:
        """After the writer's database is closed: its checkpoints go, and its locks."""
        snaps = self.path / SNAPSHOTS
        (snaps / "current").unlink(missing_ok=True)
        prune_snapshots(snaps, keep=None)
        self.release()

    def release(self) -> None:
        while self._fds:
            os.close(self._fds.pop())


def _writer_waiting(root: Path) -> bool:
    """Whether a writer holds the turn lock, waiting for the readers to let it in."""
    try:
        fd = flock(root / TURN_LOCK, fcntl.LOCK_SH, create=False)
    except OSError:  # no turn lock: no writer has waited on this store
        return False
    if fd is None:
        return True
    os.close(fd)
    return False


def _cannot_open(root: Path, exc: Exception) -> StoreError:
    message = " ".join(str(exc).split())
    if isinstance(exc, RuntimeError):  # the files are there but RocksDB cannot use them
        return StoreError(
            f"the store at {root} is damaged ({message}); move it aside and run `kg ingest` "
            "again into a new --store"
        )
    return StoreError(f"cannot open the store at {root}: {message}")
