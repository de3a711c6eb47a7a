"""A wire story's dateline and byline (kg/extract/datelines.py): the lead is a sentence of its
own, the town a place, the day the reference of relative days, the agency and the author no
actors. Made-up stories; real towns and agencies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import spacy

from kg.extract.datelines import (
    NOTIONAL_YEAR,
    agency,
    credit_tokens,
    filed_day,
    find_dateline,
    reporting_date,
)
from kg.model import Article
from tests.extract.extracted import actor_labels

LEAD = "Gunmen attacked a village on Sunday, killing 12 people, police said."


@pytest.mark.parametrize(
    ("text", "place", "region", "date", "agency_"),
    [
        ("LOWTOWN, Ruritania, March 3 (Reuters) - Rebels", "LOWTOWN", "Ruritania", "March 3",
         "Reuters"),
        ("LOWTOWN, Ruritania (Reuters) - Rebels", "LOWTOWN", "Ruritania", None, "Reuters"),
        ("KYIV, Oct 7 (AP) -- Rebels", "KYIV", None, "Oct 7", "AP"),
        ("GAZA CITY, 3 March (AFP) \u2014 Rebels", "GAZA CITY", None, "3 March", "AFP"),
        ("SAN'A, Yemen, Oct. 7 (Xinhua) -- Rebels", "SAN'A", "Yemen", "Oct. 7", "Xinhua"),
        ("WASHINGTON \u2014 Rebels", "WASHINGTON", None, None, None),
        ("LOWTOWN, Calif. (AP) \u2013 Rebels", "LOWTOWN", "Calif.", None, "AP"),
        ("LOWTOWN, Ruritania, March 3, 2024 (Reuters)-Rebels", "LOWTOWN", "Ruritania",
         "March 3, 2024", "Reuters"),
        ("Lowtown, Ruritania (AA) - Rebels", "Lowtown", "Ruritania", None, "AA"),
        ("Gaza City, March 3 (AFP) - Rebels", "Gaza City", None, "March 3", "AFP"),
        # after a headline, a byline and a time stamp
        ("Rebels take Lowtown\nBy Jane Lowe\n\nUpdated 14:05 GMT\nLOWTOWN (Reuters) - Rebels",
         "LOWTOWN", None, None, "Reuters"),
        # a byline on the dateline's line
        ("By Jane Lowe LOWTOWN, Ruritania (Reuters) - Rebels", "LOWTOWN", "Ruritania", None,
         "Reuters"),
        ("By Jane A. Lowe and Ali Hill Lowtown, Ruritania (AA) - Rebels", "Lowtown", "Ruritania",
         None, "AA"),
        # a story filed from two towns: the first is its town
        ("LOWTOWN/HIGH TOWN, March 3 (Reuters) - Rebels", "LOWTOWN", None, "March 3", "Reuters"),
    ],
)  # fmt: skip
def test_a_dateline_is_found(
    text: str, place: str, region: str | None, date: str | None, agency_: str | None
) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert text[slice(*dateline.place)] == place
    assert (text[slice(*dateline.region)] if dateline.region else None) == region
    assert (text[slice(*dateline.date)] if dateline.date else None) == date
    assert (text[slice(*dateline.agency)] if dateline.agency else None) == agency_
    assert text[dateline.lead :] == "Rebels"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked Lowtown - the army said.",
        "EXCLUSIVE - Rebels attacked Lowtown.",
        "UPDATE 2-Rebels attack Lowtown",
        "NATO-led forces attacked Lowtown.",
        "Lowtown, Ruritania - Rebels attacked.",  # a town in capitalised words needs an agency
        "AFP - Rebels attacked Lowtown.",  # an agency in the town's stead
        "Lowtown Police (LP) said the rebels attacked.",
        "One\nTwo\nThree\nFour\nLOWTOWN (Reuters) - Rebels",  # too far down to be a dateline
        "Rebels attacked LOWTOWN (Reuters) - the army said.",  # not where a line starts
        "BY JANE LOWE LOWTOWN (Reuters) - Rebels",  # a byline in capitals is no town
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("LOWTOWN, March 3 (Reuters) - Rebels", dt.date(2024, 3, 5), dt.date(2024, 3, 3)),
        # the latest such day before the publication
        ("LOWTOWN, Dec 30 (Reuters) - Rebels", dt.date(2024, 1, 2), dt.date(2023, 12, 30)),
        # no year, no publication: no day
        ("LOWTOWN, March 3 (Reuters) - Rebels", None, None),
        ("LOWTOWN, March 3, 2024 (Reuters) - Rebels", None, dt.date(2024, 3, 3)),
        ("LOWTOWN (Reuters) - Rebels", dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
        ("LOWTOWN/UPTON, March 3 (Reuters) - Rebels", dt.date(2024, 3, 5), dt.date(2024, 3, 3)),
        ("Rebels attacked Lowtown.", dt.date(2024, 3, 5), dt.date(2024, 3, 5)),
    ],
)
def test_the_reporting_date_is_the_datelines(
    text: str, published: dt.date | None, expected: dt.date | None
) -> None:
    assert reporting_date(text, published) == expected


def test_credits_are_the_agency_and_the_byline() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Rebels take Lowtown\nBy Jane Lowe and Ali Hill\nLOWTOWN (Reuters) - Rebels came.")
    assert {doc[i].text for i in credit_tokens(doc)} == {
        "Jane", "Lowe", "and", "Ali", "Hill", "(", "Reuters", ")"
    }  # fmt: skip
    assert agency(doc.text) == "Reuters"
    # a byline on the dateline's line
    doc = nlp("By Jane Lowe LOWTOWN (Reuters) - Rebels came.")
    assert {doc[i].text for i in credit_tokens(doc)} == {"Jane", "Lowe", "(", "Reuters", ")"}
    # a sentence starting "By" is no byline
    assert credit_tokens(nlp("By Sunday the rebels had left Lowtown.\nThey came back.")) == set()


def test_a_doc_s_dateline_is_found_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import datelines

    calls: list[str] = []

    def counted(text: str) -> datelines.Dateline | None:
        calls.append(text)
        return find_dateline(text)

    monkeypatch.setattr(datelines, "find_dateline", counted)
    doc = spacy.blank("en")("LOWTOWN, Ruritania (Reuters) - Rebels came.")
    assert {doc[i].text for i in datelines.filed_from(doc)} == {"LOWTOWN", ",", "Ruritania"}
    assert {doc[i].text for i in credit_tokens(doc)} == {"(", "Reuters", ")"}
    assert calls == [doc.text]  # the town and the credits read one dateline
    other = spacy.blank("en")("Rebels came to Lowtown.")
    assert datelines.filed_from(other) == set() and credit_tokens(other) == set()
    assert len(calls) == 2  # each Doc its own


@pytest.mark.model
def test_the_lead_is_read_as_without_its_dateline(extractor: Any) -> None:
    """Regression: after "LOWTOWN, Ruritania, March 3 (Reuters) -" the parser read the
    dateline as the lead's start and "Gunmen" as a name, and the attack's agent was the
    police who told it."""
    bare = extractor.extract_one(Article("t", LEAD))
    wired = extractor.extract_one(Article("t", f"LOWTOWN, Ruritania, March 3 (Reuters) - {LEAD}"))

    def roles(extraction: Any) -> list[tuple[str, set[str], set[str]]]:
        return [
            (e.event_type, actor_labels(extraction, e.agents), actor_labels(extraction, e.targets))
            for e in extraction.events
        ]

    assert roles(wired) == roles(bare)
    assert roles(wired)[0][0] == "attack"
    assert "Reuters" not in {a.label for a in wired.actors}
    assert wired.article.source == "Reuters"
    assert len(wired.sentences) == len(bare.sentences) + 1
    place = next(p for p in wired.places if p.key == "lowtown")
    # its mentions point into the article's text (and the town with its country is one)
    assert "LOWTOWN" in [m.text for m in place.mentions]
    assert all(wired.article.text[m.start : m.end] == m.text for m in place.mentions)


@pytest.mark.model
def test_the_input_s_source_stands(extractor: Any) -> None:
    text = f"LOWTOWN (AFP) - {LEAD}"
    assert extractor.extract_one(Article("t", text, source="Lowtown Post")).article.source == (
        "Lowtown Post"
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        f"Gunmen kill 12\nBy Jane Lowe\nLOWTOWN (Reuters) - {LEAD}",
        f"Gunmen kill 12\nBy Jane Lowe LOWTOWN (Reuters) - {LEAD}",
    ],
)
def test_a_byline_names_no_actor(extractor: Any, text: str) -> None:
    labels = {a.label for a in extractor.extract_one(Article("t", text)).actors}
    assert not labels & {"Jane Lowe", "Reuters"}


@pytest.mark.model
def test_relative_days_count_from_the_dateline(extractor: Any) -> None:
    text = "LOWTOWN, March 3 (Reuters) - Gunmen attacked a village yesterday, police said."
    # published two days after it was filed (an update)
    extraction = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 5)))
    attack = next(e for e in extraction.events if e.event_type == "attack")
    assert attack.time is not None and attack.time.date == dt.date(2024, 3, 2)


@pytest.mark.model
def test_an_all_capitals_dateline_town_is_geocoded(geo_extractor: Any) -> None:
    """The town the story was filed from is where its events are, when they have no place
    of their own."""
    text = "KADUNA, Nigeria (AP) \u2014 Gunmen abducted 30 students from a school, police said."
    extraction = geo_extractor.extract_one(Article("t", text))
    town = next(p for p in extraction.places if "KADUNA" in [m.text for m in p.mentions])
    assert town.geo is not None and town.geo.name == "Kaduna" and town.geo.country_code == "NG"
    abduction = next(e for e in extraction.events if e.event_type != "statement")
    assert abduction.location == town.key


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "key"),
    [
        # filed from another country: the text tells the country of its people
        ("NAIROBI, Kenya (Reuters) - Al Shabaab fighters attacked a military base in southern "
         "Somalia on Monday, killing 10 soldiers.", "military-forces-of-somalia"),
        ("CAIRO (AP) - Thousands of Sudanese rallied in the capital on Wednesday, demanding "
         "that the army hand over power.", "protesters-sudan"),
        # the dateline alone tells it
        (f"GUSAU, Nigeria (Reuters) - {LEAD}", "civilians-nigeria"),
    ],
)  # fmt: skip
def test_where_a_story_was_filed_tells_its_country_last(
    geo_extractor: Any, text: str, key: str
) -> None:
    keys = {a.key for a in geo_extractor.extract_one(Article("t", text)).actors}
    assert key in keys


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LOWTOWN, March 3 (Reuters) - Rebels", dt.date(NOTIONAL_YEAR, 3, 3)),
        ("LOWTOWN, 29 Feb (AFP) - Rebels", dt.date(NOTIONAL_YEAR, 2, 29)),
        ("LOWTOWN (Reuters) - Rebels", None),
        ("Rebels attacked Lowtown on March 3.", None),
    ],
)
def test_the_filed_day_has_the_datelines_day_and_month(text: str, expected: dt.date | None) -> None:
    """With no year known, the dateline still tells how long ago "November" was."""
    assert filed_day(text) == expected


@pytest.mark.model
def test_a_lead_after_two_towns_is_dated_by_its_own_day(extractor: Any) -> None:
    # the bug: "YEREVAN/BAKU, Sept 15" was no dateline, so its day, in the lead's sentence,
    # dated the lead's act instead of the lead's "on Tuesday"
    text = (
        "LOWTOWN/UPTON, March 7 (Reuters) - Lowland said on Tuesday that 20 of its soldiers "
        "were killed when Upland forces shelled border posts overnight."
    )
    events = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 7))).events
    (shelling,) = [e for e in events if e.event_type == "shelling-artillery-missile-attack"]
    assert shelling.time is not None and shelling.time.date == dt.date(2024, 3, 5)
