"""Story58's wire stories (Libya, South Sudan, Cameroon, Niger), on the real model: people a
fight killed stay civilians when people of another paragraph protest (kg/extract/roles.py);
"neutralised" said of people tells their killing, not their arrest (classify.py); a tally
told up to now with "since" is background, for the infinitive a counted verb makes people do
("forced millions to flee") and for a conjunct in the perfect ("and 700,000 have been
displaced") (tolls.py), and it does not refine a protest told before it (window.py); armed
youths are armed men (generic_entries.py); gazetteer names of Libyan and South Sudanese
forces (kg/data/actors.tsv). Made-up sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, Event, Extraction

pytestmark = pytest.mark.model

_PUBLISHED = dt.date(2024, 2, 10)  # a Saturday


def _extract(extractor: Any, text: str) -> Extraction:
    extraction: Extraction = extractor.extract_one(Article("t", text, published=_PUBLISHED))
    return extraction


def _labels(extraction: Extraction, keys: tuple[str, ...]) -> list[str]:
    by_key = {a.key: a.label for a in extraction.actors}
    return [by_key[k] for k in keys]


def _of_type(extraction: Extraction, event_type: str) -> list[Event]:
    return [e for e in extraction.events if e.event_type == event_type]


def test_people_a_fight_killed_stay_civilians_when_others_protest(extractor: Any) -> None:
    extraction = _extract(
        extractor,
        "LOWTOWN, Feb 10 (Reuters) - Fighting between two rival armed groups erupted in "
        "Lowtown overnight, killing at least nine people including two civilians, medics said."
        "\n\nOn Thursday, dozens of people protested in the main square of Lowtown.",
    )
    (clash,) = _of_type(extraction, "armed-clash")
    assert not any(label.startswith("Protesters") for label in _labels(extraction, clash.targets))
    (protest,) = _of_type(extraction, "peaceful-protest")
    assert _labels(extraction, protest.agents)[0].startswith("Protesters")


@pytest.mark.parametrize(
    "text",
    [
        "The army said 37 militants had been neutralised in the fighting near Lowtown.",
        "Twelve fighters were neutralised near Lowtown on Monday, the army said.",
    ],
)
def test_people_neutralised_are_killed_not_arrested(extractor: Any, text: str) -> None:
    extraction = _extract(extractor, text)
    assert not _of_type(extraction, "arrests")
    assert _of_type(extraction, "armed-clash")


@pytest.mark.parametrize(
    "text",
    [
        "Attacks by armed groups have killed thousands of people in the region since 2012 "
        "and forced millions to flee their homes.",
        "More than 6,000 people have been killed since the conflict began in 2017, according "
        "to a think tank, and more than 700,000 people have been displaced.",
    ],
)
def test_a_tally_since_long_ago_is_no_displacement(extractor: Any, text: str) -> None:
    assert not _of_type(_extract(extractor, text), "displacement")


def test_a_dated_flight_an_attack_forced_is_still_told(extractor: Any) -> None:
    text = "Gunmen attacked the village of Lowtown on Monday and forced hundreds to flee."
    assert _of_type(_extract(extractor, text), "displacement")


def test_a_tally_after_a_protest_does_not_make_it_lethal(extractor: Any) -> None:
    extraction = _extract(
        extractor,
        "Hundreds of people demonstrated in Lowtown on Friday in support of the government, "
        "witnesses said.\n\nAttacks by armed groups have killed thousands of people in the "
        "region since 2012 and forced millions to flee their homes.",
    )
    assert [e.event_type for e in extraction.events if "protest" in e.event_type] == [
        "peaceful-protest"
    ]


def test_armed_youths_are_armed_men(extractor: Any) -> None:
    extraction = _extract(
        extractor,
        "Armed youths raided cattle camps near Lowtown on Friday, killing at least 27 people.",
    )
    (attack,) = _of_type(extraction, "attack")
    assert not any(label.startswith("Civilians") for label in _labels(extraction, attack.agents))
    assert attack.agents


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "JUBA, Feb 10 (AP) - The army clashed with fighters of the Sudan People's Liberation "
            "Army-In Opposition (SPLA-IO) near Lowtown on Thursday.",
            {"SPLM/A-IO"},
        ),
        (
            "TRIPOLI, Feb 10 (Reuters) - The Radaa Deterrence Force clashed with the 444th "
            "Brigade in Lowtown on Thursday.",
            {"Radaa Special Deterrence Force", "Military Forces of Libya"},
        ),
    ],
)
def test_named_forces_of_libya_and_south_sudan(extractor: Any, text: str, labels: set[str]) -> None:
    extraction = _extract(extractor, text)
    named = {a.label for a in extraction.actors}
    assert labels <= named
    assert not any(p.label == "Opposition" for p in extraction.places)


def test_armed_robbers_stay_civilians(extractor: Any) -> None:
    extraction = _extract(
        extractor, "Armed robbers shot and wounded a trader in Lowtown on Friday."
    )
    (robbers,) = [a for a in extraction.actors if "Armed robbers" in [m.text for m in a.mentions]]
    assert robbers.label.startswith("Civilians")


def test_a_crowd_the_police_clash_with_is_the_riots(extractor: Any) -> None:
    extraction = _extract(
        extractor,
        "Police clashed with rioting youth in Lowtown on Friday. The youth threw stones at "
        "the police.\n\nOn Thursday, dozens of people protested in Hightown.",
    )
    (clash,) = _of_type(extraction, "armed-clash") or _of_type(extraction, "violent-demonstration")
    assert not any(label.startswith("Civilians") for label in _labels(extraction, clash.targets))
