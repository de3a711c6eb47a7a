"""Start and stop ``kg serve`` as users run it: a child process on 127.0.0.1, on a free port
(``--port 0``, read back from its first line), stopped by its pid."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_READY = re.compile(r"SPARQL endpoint at (http://127\.0\.0\.1:\d+)/sparql")


@dataclass
class Server:
    """A running ``kg serve``: its base URL (no trailing slash), process and stderr log."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def endpoint(self) -> str:
        return f"{self.url}/sparql"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def settled_log_length(self, quiet: float = 0.5, limit: float = 10.0) -> int:
        """The log's number of lines once no line has come for ``quiet`` seconds: the earlier
        requests' lines are written after their answers are sent, so one read at once may
        come before some of them, which a test's own lines would then be confused with (CI
        saw a GET and a HEAD of earlier tests arrive among them)."""
        deadline = time.monotonic() + limit
        length, since = len(self.log_text().splitlines()), time.monotonic()
        while time.monotonic() - since < quiet and time.monotonic() < deadline:
            time.sleep(0.05)
            now = len(self.log_text().splitlines())
            if now != length:
                length, since = now, time.monotonic()
        return length

    def log_lines_after(
        self, before: int, count: int, containing: str = " /sparql ", limit: float = 30.0
    ) -> list[str]:
        """The lines with ``containing`` among the log's lines after its first ``before``, once
        there are ``count`` of them (a request's line is written just after its answer is sent,
        so a line of an earlier request, e.g. the start-up check's ``GET /``, may come late)."""
        deadline = time.monotonic() + limit
        while True:
            lines = [x for x in self.log_text().splitlines()[before:] if containing in x]
            if len(lines) >= count:
                return lines
            if time.monotonic() > deadline:
                pytest.fail(f"expected {count} new log lines with {containing!r}, got {lines}")
            time.sleep(0.05)


def start_server(store: Path, log: Path, *options: str) -> Server:
    """Start ``kg serve --port 0`` on ``store``, wait until it answers, return it."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    with log.open("wb") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
        )
    try:
        url = _wait_ready(process, log)
    except BaseException:
        stop_server(process)
        raise
    return Server(url, process, log)


def _wait_ready(process: subprocess.Popen[bytes], log: Path, limit: float = 120.0) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        match = _READY.search(log.read_text(encoding="utf-8", errors="replace"))
        if match:
            try:
                with urllib.request.urlopen(match[1] + "/", timeout=10) as response:
                    if response.status == 200:
                        return match[1]
            except (urllib.error.URLError, ConnectionError):
                pass
        if process.poll() is not None:
            pytest.fail(f"kg serve exited with {process.returncode}: {log.read_text()}")
        time.sleep(0.1)
    pytest.fail(f"kg serve did not answer within {limit:g} s: {log.read_text()}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM by pid, then SIGKILL if it has not stopped within 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux ``/proc``)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found
