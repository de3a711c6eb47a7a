"""The code style gates run with the suite, so `pytest` alone tells whether a change is clean."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _tool(name: str) -> str:
    path = shutil.which(name) or str(ROOT / ".venv" / "bin" / name)
    if not shutil.which(path):
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


def test_ruff_lint() -> None:
    result = subprocess.run(
        [_tool("ruff"), "check", "kg", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = subprocess.run(
        [_tool("ruff"), "format", "--check", "kg", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "kg"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
