"""Fixtures for ``kg report``: the golden store, and reports of it written by the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.invoke import run
from tests.golden_store import build_golden_store

MakeReport = Callable[..., Path]


@pytest.fixture(scope="session")
def golden_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_golden_store(tmp_path_factory.mktemp("report") / "store")


@pytest.fixture(scope="session")
def make_report(golden_store: Path, tmp_path_factory: pytest.TempPathFactory) -> MakeReport:
    """``kg report`` on the golden store with extra options; the path of the HTML file."""
    made: dict[tuple[str, ...], Path] = {}

    def make(*options: str) -> Path:
        if options not in made:
            target = tmp_path_factory.mktemp("html") / "report.html"
            outcome = run("report", "--store", str(golden_store), "-o", str(target), *options)
            assert outcome.code == 0, outcome.stderr
            made[options] = target
        return made[options]

    return make
