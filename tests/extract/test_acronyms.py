"""Acronyms an article defines in brackets after an organisation's name."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.acronyms import is_acronym_of
from tests.extract.extracted import actor_mentions


@pytest.mark.parametrize(
    "acronym,name,expected",
    [
        ("HNDB", "Harakat Nour al-Din Brigade", True),
        ("NAVCENT", "U.S. Naval Forces Central Command", True),
        ("SDF", "Syrian Democratic Forces", True),
        ("FBI", "Syrian Democratic Forces", False),  # no F to start with
        ("YPG", "People's Protection Units", False),  # the letters are not the name's
        ("Hq", "Headquarters", False),  # not in capitals
        ("A", "Army", False),  # one letter
    ],
)
def test_is_acronym_of(acronym: str, name: str, expected: bool) -> None:
    assert is_acronym_of(acronym, name) is expected


@pytest.mark.model
def test_a_defined_acronym_names_the_organisation_wherever_it_is_used(extractor: Any) -> None:
    text = (
        "Fighting went on near the border. The Southern Liberation Front (SLF) said it had "
        "captured two towns. SLF fighters held them."
    )
    mentions = actor_mentions(extractor, text)
    front = next(m for m in mentions.values() if "The Southern Liberation Front" in m)
    assert {"SLF", "SLF fighters"} <= set(front)
    assert [m for m in mentions.values() if "SLF" in m] == [front]  # one actor
