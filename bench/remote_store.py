"""The remote store against the embedded one: ``kg ingest`` of a corpus into each, alternating.

    python bench/corpus.py --articles 150 --out /tmp/corpus-150.jsonl
    python bench/remote_store.py /tmp/corpus-150.jsonl --rounds 2

Each round ingests the corpus into a new embedded store, then into a new ``oxigraph serve``
(the ``oxigraph`` package, started on 127.0.0.1 and stopped by its pid), then again into each
(every article unchanged: the content-hash skip). It prints the wall time, kg's CPU time
(``os.wait4``), the summary's ``load`` time and, for the server, its CPU time (``/proc``);
then the store writes alone: the corpus's graphs (read back from the embedded store) written
in batches of 64 into a new store of each kind. CPU times are the figures to compare on a
busy machine; wall times swing with the load.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kg.store.embedded import EmbeddedStore  # noqa: E402
from kg.store.remote import RemoteStore  # noqa: E402
from tests.store.oxigraph_server import OxigraphServer  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
BATCH = 64


def server_cpu(pid: int | None) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kg(*args: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and the summary's load seconds of one ``kg`` run."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "kg", *args], env=ENV,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stderr is not None
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(err)
    found = re.search(r"load ([0-9.]+) s", err)
    load = float(found[1]) if found else float("nan")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime, load


def ingests(corpus: str, tmp: Path) -> None:
    wall, cpu, load = kg("ingest", corpus, "--store", str(tmp / "embedded"))
    print(f"embedded  ingest: {wall:6.1f} s wall, kg {cpu:5.1f} s CPU, load {load:5.2f} s")
    server = OxigraphServer(tmp / "oxigraph")
    server.start()
    try:
        args = ("ingest", corpus, "--store", server.url, "--quarantine", str(tmp / "quarantine"))
        for what in ("ingest", "again"):
            before = server_cpu(server.pid)
            wall, cpu, load = kg(*args)
            spent = server_cpu(server.pid) - before
            print(f"remote    {what}: {wall:6.1f} s wall, kg {cpu:5.1f} s CPU, load {load:5.2f} s,"
                  f" server {spent:5.2f} s CPU")  # fmt: skip
    finally:
        server.kill()
    wall, cpu, load = kg("ingest", corpus, "--store", str(tmp / "embedded"))
    print(f"embedded  again:  {wall:6.1f} s wall, kg {cpu:5.1f} s CPU")


def writes(tmp: Path) -> None:
    db = ox.Store.read_only(str(tmp / "embedded" / "oxigraph"))
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in db.quads_for_pattern(None, None, None, None):
        if isinstance(quad.graph_name, ox.NamedNode) and not quad.graph_name.value.endswith(
            "/ontology"
        ):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    del db
    names = sorted(graphs)
    triples = sum(map(len, graphs.values()))

    def write(store: EmbeddedStore | RemoteStore) -> tuple[float, float]:
        cpu, started = time.process_time(), time.perf_counter()
        for i in range(0, len(names), BATCH):
            store.replace_graphs({n: graphs[n] for n in names[i : i + BATCH]})
        return time.perf_counter() - started, time.process_time() - cpu

    with EmbeddedStore(tmp / "writes-embedded") as store:
        wall, cpu = write(store)
    print(f"embedded  writes: {len(names)} graphs, {triples} triples: {wall:5.2f} s wall, "
          f"{cpu:4.2f} s CPU, {len(names) / wall:4.0f} articles/s")  # fmt: skip
    server = OxigraphServer(tmp / "writes-oxigraph")
    server.start()
    try:
        with RemoteStore(server.url) as remote:
            before = server_cpu(server.pid)
            wall, cpu = write(remote)
            spent = server_cpu(server.pid) - before
    finally:
        server.kill()
    print(f"remote    writes: {len(names)} graphs, {triples} triples: {wall:5.2f} s wall, "
          f"kg {cpu:4.2f} s CPU, server {spent:4.2f} s CPU, "
          f"{len(names) / wall:4.0f} articles/s")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    for round_ in range(args.rounds):
        print(f"-- round {round_ + 1}", flush=True)
        tmp = Path(tempfile.mkdtemp(prefix="kg-remote-bench-"))
        try:
            ingests(args.corpus, tmp)
            writes(tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
