"""``kg ingest --workers N`` against one process: throughput, CPU and memory, same output.

    python bench/corpus.py --articles 500 --out /tmp/c500.jsonl
    python bench/workers.py /tmp/c500.jsonl --workers 1 2 --rounds 2

Runs ``python -m kg ingest CORPUS --workers N`` into a fresh store for each N, alternating
(1, 2, 1, 2 ...) so that a busy machine weighs on both alike. For each run: wall time; CPU
time of the run and its workers (``os.wait4``: the workers are reaped by the run, so their
time is in it); memory sampled from ``/proc`` every 0.5 s over the run's process tree: peak
RSS of the tree and of its largest process, and peak PSS of the tree (shared pages counted
once: what the processes cost together, since forked workers share the model). The 1-minute
load average before each run is printed: on a shared machine it explains the wall times.
Then the sorted N-Quads of the article graphs of every store are compared (the ontology
graph aside: its blank nodes differ at each load). Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ONTOLOGY = b"<https://w3id.org/kg/graph/ontology> .\n"


@dataclass
class Run:
    workers: int
    load: float
    wall: float
    cpu: float
    rss_tree_mb: float
    rss_max_process_mb: float
    pss_tree_mb: float
    processes: int
    summary: str
    cpu_by_process: list[float]  # last seen; the first is the run itself
    rss_mb_by_process: list[int]  # peak seen
    quads_sha256: str = ""


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo += [
                    int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split()
                ]
        except OSError:
            continue
    return pids


def _kb(path: str, field: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(corpus: Path, workers: int, store: Path) -> Run:
    load = os.getloadavg()[0]
    command = [sys.executable, "-m", "kg", "ingest", str(corpus), "--store", str(store)]
    started = time.perf_counter()
    child = subprocess.Popen([*command, "--workers", str(workers)], stderr=subprocess.PIPE)
    rss_tree = rss_one = pss_tree = 0
    processes = 1
    cpu_seen: dict[int, float] = {}  # CPU seconds of each process, last seen
    rss_seen: dict[int, int] = {}  # peak RSS of each process, kB
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)  # not poll(): it would reap it
        if pid:
            break
        pids = _tree(child.pid)
        processes = max(processes, len(pids))
        rss = [_kb(f"/proc/{p}/status", "VmRSS:") for p in pids]
        rss_tree, rss_one = max(rss_tree, sum(rss)), max(rss_one, *rss)
        pss_tree = max(pss_tree, sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids))
        for p, kb in zip(pids, rss, strict=True):
            cpu_seen[p] = max(cpu_seen.get(p, 0.0), _cpu(p))
            rss_seen[p] = max(rss_seen.get(p, 0), kb)
        time.sleep(0.5)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    err = child.stderr.read().decode() if child.stderr else ""
    if child.returncode != 0 or "Ingested" not in err:
        raise SystemExit(f"kg ingest failed:\n{err}")
    return Run(
        workers=workers,
        load=load,
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_tree_mb=rss_tree / 1024,
        rss_max_process_mb=rss_one / 1024,
        pss_tree_mb=pss_tree / 1024,
        processes=processes,
        summary=err.strip(),
        cpu_by_process=[round(cpu_seen[p], 1) for p in sorted(cpu_seen)],
        rss_mb_by_process=[round(rss_seen[p] / 1024) for p in sorted(rss_seen)],
    )


def quads_digest(store: Path) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "kg", "export", "--store", str(store), "--format", "nq"],
        capture_output=True,
        check=True,
    ).stdout
    quads = sorted(q for q in out.splitlines(keepends=True) if not q.endswith(ONTOLOGY))
    return hashlib.sha256(b"".join(quads)).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, help="write the runs as JSON here")
    args = parser.parse_args()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="kg-workers-") as tmp:
        for round_ in range(args.rounds):
            for n in args.workers:
                store = Path(tmp) / f"store-{n}-{round_}"
                run = measure(args.corpus, n, store)
                run.quads_sha256 = quads_digest(store)
                runs.append(run)
                print(
                    f"workers {n}: load {run.load:.2f}, wall {run.wall:.1f} s, "
                    f"CPU {run.cpu:.1f} s, RSS tree {run.rss_tree_mb:.0f} MB "
                    f"(largest process {run.rss_max_process_mb:.0f} MB), "
                    f"PSS tree {run.pss_tree_mb:.0f} MB, {run.processes} processes, "
                    f"CPU s by process {run.cpu_by_process}, "
                    f"RSS MB by process {run.rss_mb_by_process}",
                    flush=True,
                )
    print("\n| workers | load (1 min) | wall s | CPU s | RSS tree MB | largest process MB "
          "| PSS tree MB |\n|---:|---:|---:|---:|---:|---:|---:|")  # fmt: skip
    for r in runs:
        print(f"| {r.workers} | {r.load:.2f} | {r.wall:.1f} | {r.cpu:.1f} | {r.rss_tree_mb:.0f} "
              f"| {r.rss_max_process_mb:.0f} | {r.pss_tree_mb:.0f} |")  # fmt: skip
    for n in args.workers[1:]:
        base = [r.wall for r in runs if r.workers == args.workers[0]]
        this = [r.wall for r in runs if r.workers == n]
        pairs = ", ".join(f"{b / t:.2f}" for b, t in zip(base, this, strict=False))
        print(f"throughput {n} workers / {args.workers[0]}: {pairs} (each round)")
    digests = {r.quads_sha256 for r in runs}
    print("same article quads in every store:", "yes" if len(digests) == 1 else f"NO {digests}")
    if args.out:
        args.out.write_text(json.dumps([asdict(r) for r in runs], indent=1))


if __name__ == "__main__":
    main()
