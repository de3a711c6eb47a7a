"""What a killed writer leaves behind (lock files, its last snapshot, a half-made checkpoint)
does not stop the next reader or writer, and the next writer cleans it up.

The store layer alone, in a small child process (no model): fast and deterministic.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.store import open_store
from kg.store.embedded import READ_LOCK, SNAPSHOTS, WRITE_LOCK
from tests.reliability.campaign import kg_env, leftovers, start_ready

G = "https://example.org/g"
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")

# Opens the store (argv[1]) as the writer, writes argv[2] graphs of 50 triples one
# transaction each, says "ready" and waits to be killed.
WRITER = """
import sys, time
from rdflib import Literal, URIRef
from kg.errors import StoreError
from kg.store import open_store
store = open_store(sys.argv[1])
store.snapshot_interval = 0.0  # a snapshot after every write, like a long ingest's last one
for g in range(int(sys.argv[2])):
    store.replace_graph(f"https://example.org/g{g}", [
        (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(i))
        for i in range(50)
    ])
print("ready", flush=True)
time.sleep(600)
"""


def _killed_writer(path: Path, graphs: int) -> None:
    """A child process that wrote ``graphs`` graphs, killed with SIGKILL while it holds the
    store open."""
    proc = start_ready(WRITER, str(path), str(graphs))
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)


def test_a_killed_writer_leaves_every_committed_write(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "store"
    _killed_writer(store, 5)
    assert (store / SNAPSHOTS / "current").exists()  # it died holding the store
    assert leftovers(store)
    with caplog.at_level(logging.WARNING), open_store(store, read_only=True) as db:
        assert db.triple_count() == 5 * 50  # read from the database, not a snapshot
        assert sorted(db.graph_names()) == sorted(f"{G}{g}" for g in range(5))
    assert "another kg process" not in caplog.text  # its locks died with it
    with open_store(store) as db:  # a writer is not refused either
        db.replace_graph(f"{G}5", [(S, P, Literal(1))])
        assert db.triple_count() == 5 * 50 + 1
    assert leftovers(store) == []  # its snapshot was removed with the new writer's
    assert not (store / SNAPSHOTS / "current").exists()


def test_half_made_snapshots_are_ignored_and_removed(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store) as db:
        db.replace_graph(G, [(S, P, Literal(i)) for i in range(3)])
    snaps = store / SNAPSHOTS
    # what a writer killed inside _snapshot leaves: RocksDB's checkpoint folder before its
    # rename, a lock whose snapshot never came, a pointer to a snapshot that is gone
    (snaps / "00000000000000000001.tmp").mkdir()
    (snaps / "00000000000000000001.tmp" / "MANIFEST-000001").write_bytes(b"\0" * 10)
    (snaps / "00000000000000000002.lock").touch()
    (snaps / "current").write_text("00000000000000000003", encoding="ascii")
    (snaps / "current.tmp").write_text("00000000000000000001", encoding="ascii")
    with open_store(store, read_only=True) as db:
        assert db.triple_count() == 3
    with open_store(store) as db:
        assert db.triple_count() == 3
    assert leftovers(store) == []
    assert sorted(p.name for p in snaps.iterdir()) == []
    assert (store / WRITE_LOCK).exists() and (store / READ_LOCK).exists()


def test_a_damaged_database_is_a_store_error_that_says_what_to_do(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store) as db:
        db.replace_graph(G, [(S, P, Literal(1))])
    (store / "oxigraph" / "CURRENT").write_text("garbage\n", encoding="ascii")
    for read_only in (True, False, True):  # a failed open releases its locks
        with pytest.raises(StoreError, match=r"is damaged .*Corruption.*move it aside"):
            open_store(store, read_only=read_only)
    result = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--store", str(store), "ASK {}"],
        env=kg_env(), capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("Error: the store at ") and "Traceback" not in result.stderr
