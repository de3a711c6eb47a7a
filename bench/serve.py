"""What one query costs through ``kg serve``, against ``kg query`` on the same store.

    python bench/serve.py --store kg-store [--runs 30]

Starts ``kg serve --port 0 --quiet`` on the store and sends ``--runs`` sequential GETs of a
small SELECT; reports the median and best wall time per request and the CPU per query of
the query processes (the ``cutime`` + ``cstime`` the fork server gains, as it reaps them) and
of the server. Then runs ``kg query`` with the same query five times (wall, and CPU from
``os.wait4``). Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY = "SELECT ?e ?label WHERE { ?e a sem:Event ; rdfs:label ?label } LIMIT 10"
_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, children: bool = False) -> float:
    """utime + stime of ``pid`` (or of its reaped children) from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    first = 13 if children else 11  # cutime, cstime / utime, stime (0-based after the name)
    return (int(fields[first]) + int(fields[first + 1])) / _TICK


def start(store: Path, log: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0"]
    with log.open("wb") as err:
        server = subprocess.Popen([*command, "--quiet"], stderr=err, env=env)
    for _ in range(1200):
        found = re.search(r"(http://127\.0\.0\.1:\d+)/sparql", log.read_text())
        if found:
            return server, found[1]
        if server.poll() is not None:
            sys.exit(f"kg serve exited: {log.read_text()}")
        time.sleep(0.1)
    server.kill()
    sys.exit("kg serve did not start in 120 s")


def get(url: str) -> float:
    started = time.perf_counter()
    params = urllib.parse.urlencode({"query": QUERY})
    with urllib.request.urlopen(f"{url}/sparql?{params}", timeout=120) as response:
        json.load(response)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with tempfile.TemporaryDirectory() as tmp:
        server, url = start(args.store, Path(tmp) / "stderr.txt", env)
        try:
            get(url)  # the first query warms the page cache
            pids = subprocess.check_output(["pgrep", "-P", str(server.pid), "-f", "forkserver"])
            forkserver = int(pids.split()[0])
            before = cpu_seconds(forkserver, children=True), cpu_seconds(server.pid)
            walls = [get(url) for _ in range(args.runs)]
            after = cpu_seconds(forkserver, children=True), cpu_seconds(server.pid)
        finally:
            server.terminate()
            server.wait(30)
    child, parent = ((a - b) / args.runs * 1000 for a, b in zip(after, before, strict=True))
    print(
        f"kg serve: {statistics.median(walls) * 1000:.0f} ms median, {min(walls) * 1000:.0f} ms "
        f"best per request ({args.runs} runs); CPU per query {child:.0f} ms in its process, "
        f"{parent:.0f} ms in the server"
    )
    walls, cpus = [], []
    for _ in range(5):
        started = time.perf_counter()
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kg",
                "query",
                "--store",
                str(args.store),
                "--format",
                "json",
                QUERY,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            sys.exit(f"kg query failed (wait status {status})")
        walls.append(time.perf_counter() - started)
        cpus.append(usage.ru_utime + usage.ru_stime)
    print(
        f"kg query: {statistics.median(walls) * 1000:.0f} ms median wall, "
        f"{statistics.median(cpus) * 1000:.0f} ms median CPU (5 runs, process start included)"
    )


if __name__ == "__main__":
    main()
