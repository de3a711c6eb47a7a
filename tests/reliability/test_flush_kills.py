"""SIGKILL inside the store's transactions: a child process does nothing but replace a batch
of graphs (one transaction per batch, a snapshot for readers after each), so a kill at a
random moment lands inside ``replace_graphs`` or ``_snapshot`` almost every time. After each
kill the batch is whole: every graph of it holds one round's triples, the same round for all.

The store layer alone (no model), so many kills cost little; tests/reliability/test_crash.py
does the same through ``kg ingest``.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
from pathlib import Path

from kg.store import open_store
from tests.reliability.campaign import leftovers, start_ready

GRAPHS = 8
TRIPLES = 150
SEED = 5

# Opens the store (argv[1]) as the writer, says "ready", then replaces the batch of GRAPHS
# graphs with round r's triples, r = 1, 2, ... until killed. Graph 0 also has a blank node
# (a replace by DROP and INSERT), the others are replaced by a diff (DELETE and INSERT DATA).
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
        if g == 0:
            triples.append((BNode(), URIRef(ex + "round"), Literal(r)))
        batch[ex + f"g{{g}}"] = triples
    store.replace_graphs(batch)
"""  # noqa: E501


def _rounds(store: Path) -> set[int]:
    """The round each graph of the batch holds (one value when the batch is whole)."""
    rounds: set[int] = set()
    with open_store(store, read_only=True) as db:
        names = sorted(db.graph_names())
        if not names:
            return rounds
        assert names == sorted(f"https://example.org/g{g}" for g in range(GRAPHS)), names
        for g in range(GRAPHS):
            result = db.query(
                f"SELECT ?r (COUNT(*) AS ?n) WHERE {{ GRAPH <https://example.org/g{g}> "
                "{ ?s <https://example.org/round> ?r } } GROUP BY ?r"
            )
            rows = [(int(r), int(n)) for r, n in result.rows]  # type: ignore[arg-type]
            assert len(rows) == 1 and rows[0][1] == TRIPLES + (g == 0), (g, rows)
            rounds.add(rows[0][0])
    return rounds


def test_kills_inside_batch_writes_leave_whole_batches(tmp_path: Path) -> None:
    store = tmp_path / "store"
    rng = random.Random(SEED)
    start = 1
    for kill in range(8):
        proc = start_ready(WRITER, str(store), str(start))
        moment = rng.uniform(0.05, 0.6)
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err
        rounds = _rounds(store)
        where = f"seed {SEED}, kill {kill + 1} at {moment:.3f} s"
        assert len(rounds) <= 1, f"{where}: the batch is split across rounds {sorted(rounds)}"
        start = max(rounds, default=0) + 1000  # the next writer's rounds differ from these
    with open_store(store) as db:  # the writer opens, and cleans up what the kills left
        assert db.triple_count() in (0, GRAPHS * TRIPLES + 1)
    assert leftovers(store) == []
