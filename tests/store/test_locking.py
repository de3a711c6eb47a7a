"""Two processes on one store: one writer at a time; readers during a write read a snapshot."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreLockedError
from kg.store import open_store
from kg.store.embedded import SNAPSHOTS, EmbeddedStore

G = URIRef("https://example.org/g")
S = URIRef("https://example.org/s")
P = URIRef("https://example.org/p")

# Opens the store (argv[1]) as writer or reader (argv[2]), writes argv[3] triples as a writer,
# says "ready", and holds the store until stdin closes.
HOLDER = """
import sys
from rdflib import Literal, URIRef
from kg.store import open_store
path, mode, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open_store(path, read_only=(mode == "reader")) as store:
    if n:
        store.replace_graph("https://example.org/g", [
            (URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(i))
            for i in range(n)
        ])
    print("ready", store.triple_count(), flush=True)
    sys.stdin.read()
"""


@contextmanager
def holding(path: Path, mode: str, triples: int = 0) -> Iterator[int]:
    """Another process holding the store; yields the triple count it saw."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), mode, str(triples)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdin is not None
    line = proc.stdout.readline()
    if not line.startswith("ready"):
        proc.kill()
        raise AssertionError(f"holder failed: {line}{proc.communicate()[1]}")
    try:
        yield int(line.split()[1])
    finally:
        _out, err = proc.communicate(timeout=30)  # closes stdin: the holder lets go
        assert proc.returncode == 0, err


def fill(path: Path, n: int) -> None:
    with open_store(path) as store:
        store.replace_graph(G, [(S, P, Literal(i)) for i in range(n)])


def test_second_writer_in_another_process_is_refused(tmp_path: Path) -> None:
    with holding(tmp_path / "s", "writer"):
        started = time.monotonic()
        with pytest.raises(StoreLockedError, match="in use by another kg process"):
            open_store(tmp_path / "s")
        assert time.monotonic() - started < 2  # refused at once, not after a timeout


def test_second_writer_in_the_same_process_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "s"), pytest.raises(StoreLockedError):
        open_store(tmp_path / "s")


def test_writer_can_open_after_the_first_one_closed(tmp_path: Path) -> None:
    with holding(tmp_path / "s", "writer", triples=3):
        pass
    with open_store(tmp_path / "s") as store:
        assert store.triple_count() == 3


def test_reader_during_a_write_reads_the_writers_snapshot(tmp_path: Path) -> None:
    fill(tmp_path / "s", 2)
    # the writer snapshotted at open (2 triples); its write came less than
    # snapshot_interval later, so readers still see the state it opened
    with (
        holding(tmp_path / "s", "writer", triples=5),
        open_store(tmp_path / "s", read_only=True) as reader,
    ):
        assert reader.triple_count() == 2
        assert reader.query("ASK { ?s ?p 1 }").boolean is True
    with open_store(tmp_path / "s", read_only=True) as reader:
        assert reader.triple_count() == 5


def test_reader_sees_new_snapshots_while_the_writer_writes(tmp_path: Path) -> None:
    writer = EmbeddedStore(tmp_path / "s", snapshot_interval=0.0)
    try:
        writer.replace_graph(G, [(S, P, Literal(1))])
        with EmbeddedStore(tmp_path / "s", read_only=True) as reader:
            assert reader.triple_count() == 1
        writer.replace_graph(G, [(S, P, Literal(1)), (S, P, Literal(2))])
        with EmbeddedStore(tmp_path / "s", read_only=True) as reader:
            assert reader.triple_count() == 2
            # a snapshot in use is kept while the writer moves on
            writer.replace_graph(G, [(S, P, Literal(3))])
            assert reader.triple_count() == 2
        writer.replace_graph(G, [(S, P, Literal(4))])
        snapshots = [p for p in (tmp_path / "s" / SNAPSHOTS).iterdir() if p.is_dir()]
        assert len(snapshots) == 1  # old ones are pruned once nobody reads them
    finally:
        writer.close()
    assert not [p for p in (tmp_path / "s" / SNAPSHOTS).iterdir() if p.is_dir()]


def test_reader_in_another_process_during_a_write(tmp_path: Path) -> None:
    fill(tmp_path / "s", 4)
    with open_store(tmp_path / "s") as writer:
        writer.replace_graph(G, [(S, P, Literal(i)) for i in range(6)])
        with holding(tmp_path / "s", "reader") as seen:
            assert seen == 4


def test_readers_share_and_writer_waits_for_them(tmp_path: Path) -> None:
    fill(tmp_path / "s", 1)
    with holding(tmp_path / "s", "reader"), open_store(tmp_path / "s", read_only=True) as r:
        assert r.triple_count() == 1
        with pytest.raises(StoreLockedError):
            EmbeddedStore(tmp_path / "s", lock_timeout=0.3)
    with open_store(tmp_path / "s") as writer:  # the readers are gone
        assert writer.triple_count() == 1


def test_reader_without_any_snapshot_gives_up_with_store_locked(tmp_path: Path) -> None:
    fill(tmp_path / "s", 1)
    with open_store(tmp_path / "s"):
        (tmp_path / "s" / SNAPSHOTS / "current").unlink()
        with pytest.raises(StoreLockedError):
            EmbeddedStore(tmp_path / "s", read_only=True, lock_timeout=0.3)


def test_a_stream_of_overlapping_readers_does_not_starve_a_writer(tmp_path: Path) -> None:
    """Readers opened every 0.25 s, each held 1 s: the read lock is never free. A writer
    waiting for it gets in once the readers already in have gone (readers arriving meanwhile
    yield to it, then read its snapshot); without the turn lock it timed out."""
    fill(tmp_path / "s", 1)
    errors: list[BaseException] = []
    seen: list[int] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            with open_store(tmp_path / "s", read_only=True) as store:
                seen.append(store.triple_count())
                time.sleep(1.0)
        except BaseException as exc:  # reported by the test
            errors.append(exc)

    def relay() -> None:
        while not stop.is_set():
            threading.Thread(target=reader, daemon=True).start()
            time.sleep(0.25)

    threads = [threading.Thread(target=relay, daemon=True)]
    threads[0].start()
    try:
        time.sleep(1.2)  # four readers in at any moment from now on
        with EmbeddedStore(tmp_path / "s", lock_timeout=4.0) as writer:
            writer.replace_graph(G, [(S, P, Literal(i)) for i in range(3)])
            time.sleep(1.0)  # readers arriving now read the writer's snapshot
    finally:
        stop.set()
        threads[0].join(5)
    time.sleep(1.5)  # the last readers close
    assert not errors
    assert len(seen) >= 8 and set(seen) <= {1, 3}
