"""Shared fixtures. The real spaCy model is loaded once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_1329f68f670b4001.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def extractor() -> Any:
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_text() -> str:
    from kg.sources import clean_text

    return clean_text(SEED_ARTICLE.read_text(encoding="utf-8"))


def require_rapper() -> str:
    """The path of Raptor's ``rapper``; skip where it is absent, except in CI, where it fails."""
    path = shutil.which("rapper")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(
                "rapper (Debian package raptor2-utils) is not installed; .ci/run installs it"
            )
        pytest.skip("rapper (Debian package raptor2-utils) is not installed")
    return path
