"""SIGKILL inside bulk writes of new graphs, and inside the recovery of an unfinished one.

A child writes batches of new graphs through the bulk loader (round r: graphs r-0..r-7), so a
kill lands inside ``bulk_write`` most of the time. After each kill a reader opens the store
first (it finds the pending marker, if any, and removes the unfinished batch), then a
writer: every round's batch is there whole or not at all, and no marker is left.

Then a writer is killed while it recovers (drops a large unfinished batch): before the next
open the database holds the whole batch or none of it, and the next reader sees none of it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.store import open_store
from kg.store.embedded import DB_DIR
from kg.store.writes import PENDING
from tests.reliability.campaign import kg_env, leftovers, start_ready

GRAPHS = 8
TRIPLES = 150
SEED = 11
KILLS = 8
MAX_KILLS = 40

# Opens the store (argv[1]) as the writer, says "ready", then writes round r's batch of new
# graphs, r = argv[2], argv[2] + 1, ... until killed.
WRITER = f"""
import itertools, sys
from rdflib import BNode, Literal, URIRef
from kg.store import open_store
ex = "https://example.org/"
store = open_store(sys.argv[1])
store.snapshot_interval = 0.0
print("ready", flush=True)
for r in itertools.count(int(sys.argv[2])):
    batch = {{}}
    for g in range({GRAPHS}):
        triples = [(URIRef(ex + f"s{{i}}"), URIRef(ex + "round"), Literal(r)) for i in range({TRIPLES})]
        triples.append((BNode() if _BLANK_ else URIRef(ex + "b"), URIRef(ex + "round"), Literal(r)))
        batch[ex + f"r{{r}}-{{g}}"] = triples
    store._WRITE_(batch)
"""  # noqa: E501
# from terms (a blank node: bulk_extend), or as text in a background thread (bulk_load)
WRITES = {"terms": (True, "replace_graphs"), "text behind": (False, "write_behind")}


def _rounds(store: Path) -> dict[int, int]:
    """{round: graphs of it in the store}, each graph checked whole."""
    rounds: dict[int, int] = {}
    with open_store(store, read_only=True) as db:
        result = db.query(
            "SELECT ?g (COUNT(*) AS ?n) (MIN(?r) AS ?lo) (MAX(?r) AS ?hi) "
            "WHERE { GRAPH ?g { ?s <https://example.org/round> ?r } } GROUP BY ?g"
        )
        for g, n, lo, hi in result.rows:
            r = int(str(g).rsplit("/r", 1)[1].split("-")[0])
            assert int(n) == TRIPLES + 1 and int(lo) == int(hi) == r, (g, n, lo, hi)  # type: ignore[arg-type]
            rounds[r] = rounds.get(r, 0) + 1
    return rounds


@pytest.mark.parametrize("way", list(WRITES))
def test_kills_inside_bulk_writes_leave_whole_batches(tmp_path: Path, way: str) -> None:
    blank, write = WRITES[way]
    writer = WRITER.replace("_BLANK_", str(blank)).replace("_WRITE_", write)
    store = tmp_path / "store"
    rng = random.Random(SEED)
    start = 1
    markers = 0
    kill = 0
    # at least KILLS kills, and on until one has landed inside a bulk write (the marker was
    # there): how often one does depends on the machine's speed, not on kg
    while kill < KILLS or (markers == 0 and kill < MAX_KILLS):
        proc = start_ready(writer, str(store), str(start))
        moment = rng.uniform(0.05, 0.8)
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        markers += (store / PENDING).exists()
        rounds = _rounds(store)  # a reader first: it removes an unfinished batch
        where = f"seed {SEED}, kill {kill + 1} at {moment:.3f} s"
        assert all(n == GRAPHS for n in rounds.values()), f"{where}: partial batch {rounds}"
        assert not (store / PENDING).exists(), where
        with open_store(store) as db:  # and a writer
            assert db.triple_count() == len(rounds) * GRAPHS * (TRIPLES + 1), where
        start = max(rounds, default=start) + 1000
        kill += 1
    assert markers >= 1, f"none of {kill} kills landed inside a bulk write"
    assert leftovers(store) == []
    assert not list((store / DB_DIR).glob("bulk-*"))


# Says "opening", then opens the store (argv[1]) as the writer, which recovers the unfinished
# batch, and closes it.
RECOVERING = """
import sys
print("opening", flush=True)
from kg.store import open_store
open_store(sys.argv[1]).close()
"""

BIG = 40  # graphs in the unfinished batch
BIG_TRIPLES = 1000
EX = "https://example.org/"


def _unfinished(store: Path) -> None:
    """A committed graph, and a large batch written but not committed (its marker left)."""
    p = URIRef(EX + "p")
    with open_store(store) as db:
        db.replace_graph(EX + "kept", [(URIRef(EX + "s"), p, Literal(0))])
        db.replace_graphs(
            {
                f"{EX}b{g}": [(URIRef(f"{EX}s{i}"), p, Literal(g)) for i in range(BIG_TRIPLES)]
                for g in range(BIG)
            }
        )
    (store / PENDING).write_text("".join(f"{EX}b{g}\n" for g in range(BIG)), encoding="utf-8")


def _raw_graphs(store: Path) -> int:
    """Graphs of the unfinished batch in the database as it is, before any recovery."""
    db = ox.Store.read_only(str(store / DB_DIR))
    names = {g.value for g in db.named_graphs() if isinstance(g, ox.NamedNode)}
    assert EX + "kept" in names
    return len(names) - 1


def _recover(store: Path, kill_after: float | None) -> float:
    """Run the recovering writer, SIGKILLed ``kill_after`` seconds after it said "opening";
    the seconds from "opening" to its end."""
    proc = subprocess.Popen(
        [sys.executable, "-c", RECOVERING, str(store)],
        env=kg_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith("opening")
    started = time.monotonic()
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, -signal.SIGKILL), err
    return time.monotonic() - started


def test_kills_during_recovery_leave_the_batch_whole_or_gone(tmp_path: Path) -> None:
    store = tmp_path / "store"
    rng = random.Random(SEED)
    _unfinished(store)
    window = _recover(store, None)  # uninterrupted: imports, open, recovery
    assert _raw_graphs(store) == 0 and not (store / PENDING).exists()
    for kill in range(6):
        if not (store / PENDING).exists():
            _unfinished(store)
        moment = rng.uniform(0.0, 1.2 * window)
        _recover(store, moment)
        present = _raw_graphs(store)
        where = f"seed {SEED}, kill {kill + 1} at {moment:.3f} s of {window:.3f} s"
        assert present in (0, BIG), f"{where}: {present} of the {BIG} graphs"
        assert present == 0 or (store / PENDING).exists(), where
    with open_store(store, read_only=True) as db:
        assert sorted(db.graph_names()) == [EX + "kept"]
    assert not (store / PENDING).exists()
