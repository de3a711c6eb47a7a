"""The town an institution is named after (kg/extract/institution_towns.py), on the real
model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.institution_towns import InstitutionTowns
from kg.extract.lexicon import load

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Gunmen attacked the Lowtown police station on Monday.", "Lowtown"),
        ("Students of the University of Lowtown marched on Monday.", "Lowtown"),
        ("Residents of Lowtown fled on Monday.", "Lowtown"),
    ],
)
def test_an_institutions_name_gives_its_town(extractor: Any, text: str, town: str) -> None:
    doc = extractor.nlp(text)
    towns = [span.text for span, _, _ in InstitutionTowns(load(), {}).towns(doc)]
    assert towns == [town]


def test_an_outlet_its_owner_holds_names_no_town(extractor: Any) -> None:
    doc = extractor.nlp("The group said on its Sauti radio station that it attacked the base.")
    assert InstitutionTowns(load(), {}).towns(doc) == []


def test_a_residents_town_runs_over_hyphens_only_at_a_particle(extractor: Any) -> None:
    """ "residents of X": over "-upon-", not over "-Lowtown-" (no particle: "Jean-Marie-Bosco"
    is no town's name either)."""
    towns = extractor.mentions.place_names.institution_towns
    doc = extractor.nlp("Residents of Upton-Lowtown-Marsh protested against the closure.")
    assert "Upton-Lowtown-Marsh" not in [span.text for span, _, _ in towns.towns(doc)]
    doc = extractor.nlp("Residents of Stratford-upon-Avon protested against the closure.")
    assert "Stratford-upon-Avon" in [span.text for span, _, _ in towns.towns(doc)]
