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
    """The rules alone: places keep their name keys (tests/geo tests the geocoding)."""
    from kg.extract import Extractor

    return Extractor(geocode=False)


@pytest.fixture(scope="session")
def geo_extractor(extractor: Any) -> Any:
    """The same model and rules, with GeoNames geocoding, as ``kg ingest`` runs them."""
    import copy

    from kg.geo.gazetteer import default_gazetteer
    from kg.geo.geocode import Geocoder

    geocoding = copy.copy(extractor)
    geocoding.geocoder = Geocoder(default_gazetteer())
    return geocoding


@pytest.fixture(scope="session")
def seed_text() -> str:
    from kg.clean import clean_text

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
