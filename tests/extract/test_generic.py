"""Actors named by a common noun (kg/extract/generic.py), on sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article


def _labels(extractor: Any, text: str) -> dict[str, list[str]]:
    extraction = extractor.extract_one(Article("t", text))
    return {a.label: [m.text for m in a.mentions] for a in extraction.actors}


@pytest.mark.model
def test_a_fighter_among_aircraft_is_no_actor(extractor: Any) -> None:
    text = "Planes struck the bridge using bomber, fighter and remotely piloted aircraft."
    mentions = [m for ms in _labels(extractor, text).values() for m in ms]
    assert "fighter" not in mentions


@pytest.mark.model
def test_fighters_beside_gunmen_stay_actors(extractor: Any) -> None:
    text = "Fighters and gunmen attacked the village on Monday."
    mentions = [m for ms in _labels(extractor, text).values() for m in ms]
    assert "Fighters" in mentions
