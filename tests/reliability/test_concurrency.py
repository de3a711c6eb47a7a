"""Two kg processes on one store, through the real CLI: a second ``kg ingest`` is refused
with a clear message while the first runs, ``kg query`` and ``kg export`` read the writer's
snapshot meanwhile, and the first run's result is the same as without them.

The first ingest reads part of its input from stdin, which the test keeps open: the writer
holds the store for as long as the test needs, with no timing involved.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from rdflib import Graph

from kg.store import open_store
from kg.store.embedded import SNAPSHOTS
from tests.reliability.campaign import content_of, kg_command, kg_env, leftovers, read_content
from tests.reliability.conftest import Reference
from tests.reliability.corpus import SEEDS

pytestmark = pytest.mark.model


def _seed_store(store: Path, reference: Reference) -> int:
    """Put the reference's seed-article graphs (and the ontology) in ``store``, as a previous
    ``kg ingest seeds/`` would have; returns how many article graphs."""
    graphs = {
        name: Graph().parse(data="\n".join(lines), format="nt")
        for name, lines in reference.content.items()
        if "/graph/gen-" not in name
    }
    with open_store(store) as db:
        db.replace_graphs(graphs)
    return len(graphs) - 1


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        kg_command(*args), env=kg_env(), capture_output=True, text=True, check=False, timeout=120
    )


def test_second_ingest_is_refused_and_readers_see_the_snapshot(
    reference: Reference, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    seeded = _seed_store(store, reference)
    lines = reference.corpus.read_bytes().splitlines(keepends=True)
    first = subprocess.Popen(
        kg_command("ingest", str(SEEDS), "-", "--batch-size", "4", "--store", str(store)),
        env=kg_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert first.stdin is not None
    try:
        first.stdin.write(b"".join(lines[: len(lines) // 2]))
        first.stdin.flush()
        deadline = time.monotonic() + 120
        while not (store / SNAPSHOTS / "current").exists():  # the writer has opened the store
            assert first.poll() is None, "the first ingest stopped before opening the store"
            assert time.monotonic() < deadline, "the first ingest never opened the store"
            time.sleep(0.05)

        second = _kg("ingest", str(SEEDS), "--store", str(store))
        assert second.returncode == 1, second.stderr
        assert "in use by another kg process" in second.stderr
        assert second.stderr.startswith("Error: "), second.stderr
        assert first.poll() is None, "the first ingest must still be running"

        sparql = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        query = _kg("query", "--store", str(store), "--format", "csv", sparql)
        assert query.returncode == 0, query.stderr
        assert "snapshot" in query.stderr  # it says what it reads
        assert int(query.stdout.split()[-1]) >= seeded + 1  # the seeds and the ontology

        export = subprocess.run(
            kg_command("export", "--store", str(store), "--format", "nq"),
            env=kg_env(), capture_output=True, check=False, timeout=120,
        )  # fmt: skip
        assert export.returncode == 0, export.stderr
        snapshot = content_of(export.stdout)
        assert len(snapshot) >= seeded + 1
        for name, graph in snapshot.items():  # whole graphs of the reference, nothing else
            assert graph == reference.content.get(name), name
        assert first.poll() is None

        first.stdin.write(b"".join(lines[len(lines) // 2 :]))
        first.stdin.close()
        assert first.stderr is not None
        errors = first.stderr.read().decode("utf-8", "replace")
        first.wait(timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        for stream in (first.stdin, first.stderr):
            if stream is not None:
                stream.close()
    assert first.returncode == 0, errors
    assert read_content(store) == reference.content
    assert leftovers(store) == []


def test_second_ingest_checks_the_store_before_loading_the_model(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store):  # this process is the writer
        result = _kg("ingest", str(SEEDS), "--store", str(store), "--model", "kg_no_such_model")
    assert result.returncode == 1, result.stderr
    assert "in use by another kg process" in result.stderr
