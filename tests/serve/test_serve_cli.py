"""``kg serve`` refusing to start, in-process (nothing is served)."""

from __future__ import annotations

import socket
from pathlib import Path

from tests.cli.invoke import run


def test_no_store(tmp_path: Path) -> None:
    outcome = run("serve", "--store", str(tmp_path / "missing"), "--port", "0")
    assert outcome.code == 1
    assert "no store at" in outcome.stderr and "kg ingest" in outcome.stderr
    assert not (tmp_path / "missing").exists()


def test_port_taken(golden_store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        outcome = run("serve", "--store", str(golden_store), "--port", str(port))
    assert outcome.code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in outcome.stderr
    assert "--port" in outcome.stderr


def test_help_has_an_example() -> None:
    outcome = run("serve", "--help")
    assert outcome.code == 0
    assert "kg serve --store" in outcome.stdout and "--timeout" in outcome.stdout
