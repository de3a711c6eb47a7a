"""Fixtures for ``kg serve``: the golden store and one server on it for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.golden_store import build_golden_store
from tests.serve.running import Server, start_server, stop_server


@pytest.fixture(scope="session")
def golden_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_golden_store(tmp_path_factory.mktemp("serve") / "store")


@pytest.fixture(scope="session")
def server(golden_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``kg serve`` on the golden store, with a time limit no test query comes near."""
    log = tmp_path_factory.mktemp("serve-log") / "stderr.txt"
    running = start_server(golden_store, log, "--timeout", "120")
    try:
        yield running
    finally:
        stop_server(running.process)
