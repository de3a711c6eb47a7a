"""A real ``oxigraph serve`` (the ``oxigraph`` package, in the ``test`` extra) for remote-store
tests: on 127.0.0.1 and a free port, stopped by its process id, also when a test fails."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def oxigraph_binary() -> str:
    """The ``oxigraph`` command beside this Python, or on PATH; fails in CI when missing."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        message = "the oxigraph server is not installed (pip install -e '.[test]')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class OxigraphServer:
    """``oxigraph serve --location LOCATION --bind 127.0.0.1:PORT``; ``start``, ``kill``."""

    def __init__(self, location: Path, port: int | None = None) -> None:
        self.location = location
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.pid: int | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30.0) -> None:
        self._process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.pid = self._process.pid
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self._process.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"oxigraph serve did not listen on {self.port} in {timeout} s")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Stop the server by its pid and wait for it (no-op when it is not running)."""
        if self._process is None or self.pid is None:
            return
        if self._process.poll() is None:
            os.kill(self.pid, sig)
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.pid, signal.SIGKILL)
                self._process.wait(timeout=10)
        self._process = None
        self.pid = None


@contextmanager
def oxigraph_server(location: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(location)
    server.start()
    try:
        yield server
    finally:
        server.kill(signal.SIGTERM)
