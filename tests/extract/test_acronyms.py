"""Acronyms an article defines in brackets after an organisation's name."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.acronyms import is_acronym_of
from kg.model import Article
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


@pytest.mark.model
def test_an_acronym_that_begins_the_articles_longer_one_is_that_body(extractor: Any) -> None:
    """Regression: "the CJTF releases" of CJTF-OIR named Nigeria's Civilian Joint Task Force
    (the gazetteer's "CJTF")."""
    text = (
        "CJTF-OIR said Coalition aircraft struck ISIL near Lowtown, Iraq. A strike, as "
        "defined in the CJTF releases, means one or more kinetic engagements."
    )
    mentions = actor_mentions(extractor, text)
    assert "civilian-joint-task-force" not in mentions
    assert {"CJTF-OIR", "CJTF"} <= set(mentions["us-led-coalition"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram fighters attacked CJTF members in Lowtown on Monday.",
        "In Nigeria, gunmen attacked the CJTF in Lowtown on Monday.",
    ],
)
def test_the_gazetteers_acronym_stands_elsewhere(extractor: Any, text: str) -> None:
    assert "civilian-joint-task-force" in actor_mentions(extractor, text)


@pytest.mark.model
def test_a_name_the_bracketed_known_actor_is_called_by_is_that_actor(extractor: Any) -> None:
    """ "the National Liberation Army (ELN)": an acronym of another language, the gazetteer's
    actor; the name before it is that actor, and its fighters are its men (one doer)."""
    text = (
        "Fighters of Colombia's National Liberation Army (ELN) ambushed a patrol near "
        "Lowtown on Sunday."
    )
    extraction = extractor.extract_one(Article("t", text))
    ambush = next(e for e in extraction.events if e.trigger.text == "ambushed")
    assert ambush.agents == ("eln",)
