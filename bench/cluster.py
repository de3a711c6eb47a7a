"""``kg ingest --scheduler`` on a local Dask cluster against one process and ``--workers``.

    python bench/corpus.py --articles 200 --out /tmp/c200.jsonl
    python bench/cluster.py /tmp/c200.jsonl --rounds 2      # needs pip install 'kg[dask]'

Modes, alternated round after round so that a busy machine weighs on all alike, each into a
fresh store: ``one`` (``kg ingest``), ``workers2`` (``--workers 2``), ``dask2`` (a scheduler
and 2 single-threaded Dask workers started for the run on 127.0.0.1, then
``--scheduler``: the workers load the model in their first task, as the other modes do in
the run) and ``dask2-warm`` (a second ingest into another fresh store on the
same cluster: the model already loaded). For each run: wall time of ``kg ingest``; CPU time
of ``kg ingest`` with its forked workers (``os.wait4``), and for the Dask modes also of the
Dask workers and scheduler over the run (psutil, the process trees' user + system time);
the 1-minute load average before the run. The cluster's processes run in this session, as
``--workers``'s do: Linux shares CPU between sessions (autogroups), so workers started in
sessions of their own would get more of a busy machine than the other modes. Then the sorted
N-Quads of the article graphs of every store are compared (the ontology graph aside: its
blank nodes differ at each load).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = b"<https://w3id.org/kg/graph/ontology> .\n"
MODES = ("one", "workers2", "dask2", "dask2-warm")


class LocalCluster:
    """A scheduler and ``n`` single-threaded workers (with nannies) as subprocesses."""

    def __init__(self, folder: Path, n: int, env: dict[str, str]) -> None:
        self.processes: list[subprocess.Popen[bytes]] = []
        file = folder / "scheduler.json"
        self._start(env, folder, "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                    "--port", "0", "--no-dashboard", "--scheduler-file", str(file))  # fmt: skip
        while not file.exists() or not file.read_text().strip():
            time.sleep(0.2)
        self.address = json.loads(file.read_text())["address"]
        for i in range(n):
            self._start(env, folder, "distributed.cli.dask_worker", self.address, "--nthreads",
                        "1", "--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "0",
                        "--local-directory", str(folder / f"w{i}"))  # fmt: skip
        self._wait_for(n)

    def _start(self, env: dict[str, str], folder: Path, *args: str) -> None:
        log = (folder / f"{len(self.processes)}.log").open("wb")
        command = [sys.executable, "-m", *args]
        process = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT
        )  # in this session: Linux shares CPU between sessions (autogroups), not processes
        self.processes.append(process)

    def _wait_for(self, n: int) -> None:
        from distributed import Client

        with Client(self.address) as client:
            client.wait_for_workers(n, timeout=120)

    def cpu(self) -> float:
        """User + system seconds of every process of the cluster so far."""
        total = 0.0
        for process in self.processes:
            try:
                tree = [psutil.Process(process.pid)]
                tree += tree[0].children(recursive=True)
                for p in tree:
                    times = p.cpu_times()
                    total += times.user + times.system
            except psutil.NoSuchProcess:
                continue
        return total

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.kill(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    for child in psutil.Process(process.pid).children(recursive=True):
                        child.kill()
                    process.kill()
                    process.wait()


def _ingest(corpus: str, store: Path, env: dict[str, str], *extra: str) -> tuple[float, float]:
    """Wall and CPU seconds (with forked children) of one ``kg ingest``."""
    command = [sys.executable, "-m", "kg", "ingest", corpus, "--store", str(store), *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    assert process.stderr is not None
    summary = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{summary}")
    print("   ", summary.splitlines()[1].strip(), file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime


def _quads(store: Path, env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "kg", "export", "--store", str(store), "--format", "nq", "-o", "-"],
        env=env, check=True, capture_output=True,
    ).stdout  # fmt: skip
    lines = sorted(q for q in out.splitlines(keepends=True) if not q.endswith(ONTOLOGY))
    return hashlib.sha256(b"".join(lines)).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="kg-cluster-") as tmp:
        for r in range(args.rounds):
            for mode in ("one", "workers2", "dask2"):
                load = os.getloadavg()[0]
                store = Path(tmp) / f"{mode}-{r}"
                print(f"round {r + 1} {mode} (load {load:.1f})", file=sys.stderr)
                if mode == "one":
                    wall, cpu = _ingest(args.corpus, store, env)
                    results.append({"mode": mode, "load": load, "wall": wall, "cpu": cpu,
                                    "quads": _quads(store, env)})  # fmt: skip
                    continue
                if mode == "workers2":
                    wall, cpu = _ingest(args.corpus, store, env, "--workers", "2")
                    results.append({"mode": mode, "load": load, "wall": wall, "cpu": cpu,
                                    "quads": _quads(store, env)})  # fmt: skip
                    continue
                folder = Path(tmp) / f"cluster-{r}"
                folder.mkdir()
                cluster = LocalCluster(folder, 2, env)
                try:
                    for name, extra in (("dask2", ()), ("dask2-warm", ())):
                        target = Path(tmp) / f"{name}-{r}"
                        before = cluster.cpu()
                        load = os.getloadavg()[0]
                        wall, cpu = _ingest(args.corpus, target, env, "--scheduler",
                                            cluster.address, *extra)  # fmt: skip
                        results.append({"mode": name, "load": load, "wall": wall, "cpu": cpu,
                                        "cluster_cpu": cluster.cpu() - before,
                                        "quads": _quads(target, env)})  # fmt: skip
                finally:
                    cluster.stop()
    print(json.dumps(results, indent=1))
    for row in results:
        extra = f", cluster CPU {row['cluster_cpu']:.1f} s" if "cluster_cpu" in row else ""
        print(f"{row['mode']:>10}: wall {row['wall']:.1f} s, kg ingest CPU {row['cpu']:.1f} s"
              f"{extra}, load {row['load']:.1f}, quads {str(row['quads'])[:12]}")  # fmt: skip
    same = len({row["quads"] for row in results}) == 1
    print("the same article quads in every store" if same else "THE STORES DIFFER")


if __name__ == "__main__":
    main()
