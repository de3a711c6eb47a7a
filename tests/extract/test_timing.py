"""The date an article's events are told against (kg/extract/timing.py), on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.extract.timing import reference_date
from kg.model import Article, DatePrecision

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 5, 10)


def test_the_reference_is_the_first_day_the_article_names(extractor: Any) -> None:
    doc = extractor.nlp("On 3 May, gunmen attacked a bus. On 4 May 2021, police arrested two.")
    day, span = reference_date(doc, PUBLISHED)
    assert day == dt.date(2021, 5, 3) and span is not None and "3 May" in span.text


def test_without_a_day_the_reference_is_the_publication_date(extractor: Any) -> None:
    doc = extractor.nlp("Gunmen attacked a bus near the town, police said.")
    assert reference_date(doc, PUBLISHED) == (PUBLISHED, None)
    assert reference_date(doc, None) == (None, None)


def test_a_weekday_without_a_publication_date_is_kept_unresolved(extractor: Any) -> None:
    doc = extractor.nlp("On Saturday, gunmen attacked a bus near the town.")
    day, span = reference_date(doc, None)
    assert day is None and span is not None and span.text.endswith("Saturday")
    assert reference_date(doc, PUBLISHED)[0] == dt.date(2021, 5, 8)  # the Saturday before


def test_a_length_of_time_is_no_date_the_event_takes_the_reference(extractor: Any) -> None:
    text = (
        "On 3 May 2021, many villages were burned and civilians displaced during a two day"
        " battle involving rebels and soldiers near the town."
    )
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    battle = next(e for e in events if e.trigger.text == "battle")
    assert battle.time is not None and battle.time.date == dt.date(2021, 5, 3)


def test_a_day_without_its_year_stays_the_events_own_words(extractor: Any) -> None:
    text = "On 2 May, rebels attacked a village. On 3 May 2021, soldiers arrested two men."
    events = extractor.extract_one(Article("t", text)).events
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.time is not None and attack.time.span.text == "2 May"
    assert attack.time.date is None


def test_a_weekday_takes_the_date_in_brackets_after_it(extractor: Any) -> None:
    text = "Traders burnt tyres in the market town on Monday [5 June]. Police dispersed them."
    events = extractor.extract_one(Article("t", text, published=dt.date(2019, 6, 25))).events
    assert {e.time.date for e in events if e.time is not None} == {dt.date(2017, 6, 5)}


@pytest.mark.parametrize(
    "text",
    [
        "On 11 February 2020 thousands of students took to the streets of the city to"
        " commemorate the 11 February 2011 revolution.",
        "On 11 February 2020 hundreds of farmers marched in the town to protest against the"
        " 2 January 2020 decree of the governor.",
    ],
)
def test_a_date_inside_another_noun_phrase_is_not_the_events(extractor: Any, text: str) -> None:
    events = extractor.extract_one(Article("t", text, published=dt.date(2020, 2, 17))).events
    assert {e.time.date for e in events if e.time is not None} == {dt.date(2020, 2, 11)}


def test_a_date_said_of_a_noun_in_the_clause_is_not_the_events(extractor: Any) -> None:
    text = (
        "Around 6 May 2020, hundreds of residents burned tyres and barricaded roads in Gao in"
        " reaction to the assassination of a local trader the day before."
    )
    events = extractor.extract_one(Article("t", text, published=dt.date(2020, 5, 11))).events
    assert {e.time.date for e in events if e.time is not None} == {dt.date(2020, 5, 6)}


def test_the_text_after_a_span_is_the_documents_text_sliced(extractor: Any) -> None:
    from kg.extract.timing import _text_after

    doc = extractor.nlp("Police  clashed on Monday [5 June]\n\nwith  protesters in Kut.\n")
    for start in range(len(doc)):
        for end in (start + 1, min(len(doc), start + 3)):
            span = doc[start:end]
            for chars in (0, 1, 7, 30, 500):
                expected = doc.text[span.start_char : span.end_char + chars]
                assert _text_after(span, chars) == expected, (span.text, chars)


@pytest.mark.parametrize(
    "text",
    [
        "The army said it had killed 30 bandits in air strikes on their hideouts on Monday.",
        "Gunmen attacked a village on Sunday. The army said it had killed 30 bandits in air"
        " strikes on their hideouts on Monday.",
    ],
)
def test_an_act_done_by_its_means_dates_the_means(extractor: Any, text: str) -> None:
    """Regression: with a day told before it, the strikes took that day, not their own."""
    published = dt.date(2024, 3, 5)
    events = extractor.extract_one(Article("t", text, published=published)).events
    strikes = next(e for e in events if e.trigger.text == "air strikes")
    assert strikes.time is not None and strikes.time.date == dt.date(2024, 3, 4)
    assert strikes.time.precision == DatePrecision.DAY


def test_a_when_clause_takes_the_date_of_the_verb_it_hangs_on(extractor: Any) -> None:
    text = (
        "Airstrikes killed 20 people in Lowtown on Monday, officials said. The war began on"
        " Oct. 7 when gunmen attacked Hightown, killing 300 people."
    )
    events = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 4))).events
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.time is not None and attack.time.date == dt.date(2023, 10, 7)


@pytest.mark.parametrize("when", ["Last year", "In 2019", "Two years ago"])
def test_an_event_dated_by_its_year_keeps_the_words_not_the_articles_date(
    extractor: Any, when: str
) -> None:
    text = f"Gunmen killed 12 villagers in Lowtown on Sunday. {when}, rebels attacked Hightown."
    events = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 4))).events
    attack = next(e for e in events if e.trigger.text == "attacked")
    assert attack.time is not None and attack.time.date is None
    assert when.split()[-1] in attack.time.span.text


def _dates(extractor: Any, text: str) -> dict[str, dt.date | None]:
    told = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 5)))
    return {e.trigger.text: e.time.date if e.time else None for e in told.events}


def test_a_sentence_with_no_date_goes_on_with_the_day_its_paragraph_told(extractor: Any) -> None:
    """ "On Friday, ... protested. Police fired tear gas ...": Friday's, not the lead's day."""
    text = (
        "Rebels attacked an army base near Lowtown on Sunday, the army said.\n\n"
        "On Friday, hundreds of traders protested in Hightown over new taxes. Police arrested"
        " 20 of them, witnesses said."
    )
    dates = _dates(extractor, text)
    assert dates["attacked"] == dt.date(2024, 3, 3)  # Sunday
    assert dates["arrested"] == dt.date(2024, 3, 1)  # Friday


def test_a_new_paragraph_goes_back_to_the_reference_day(extractor: Any) -> None:
    text = (
        "Rebels attacked an army base near Lowtown on Sunday, the army said.\n\n"
        "On Friday, hundreds of traders protested in Hightown over new taxes.\n\n"
        "Soldiers later arrested 20 rebels in Lowtown, the army said."
    )
    assert _dates(extractor, text)["arrested"] == dt.date(2024, 3, 3)


@pytest.mark.parametrize(
    ("when", "day"),
    [("on Sunday night", dt.date(2021, 5, 9)), ("last night", dt.date(2021, 5, 9))],
)
def test_a_time_that_names_its_day_dates_the_event(extractor: Any, when: str, day: dt.date) -> None:
    # the model reads "Sunday night" and "last night" as one TIME entity, no DATE
    text = f"Gunmen shot dead a village elder near the market {when}, police said."
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    shot = next(e for e in events if e.trigger.text == "shot")
    assert shot.time is not None and shot.time.date == day


def test_an_hour_alone_names_no_day(extractor: Any) -> None:
    text = "Gunmen shot dead a village elder near the market at 9 p.m., police said."
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    shot = next(e for e in events if e.trigger.text == "shot")
    assert shot.time is None or shot.time.date == PUBLISHED


def test_a_date_in_a_participle_of_the_events_people_dates_the_event(extractor: Any) -> None:
    """Regression: "on Monday" hung on "working" (the farmers', a nested clause) was not the
    attack's, which took the lead's Tuesday."""
    text = (
        "Authorities imposed a curfew in Lowtown on Tuesday after gunmen killed three people.\n\n"
        "Armed men from the hills opened fire on farmers working in rice fields near Lowtown"
        " in Hill district on Monday, killing two farmers and wounding a third, police said."
    )
    assert _dates(extractor, text)["opened fire"] == dt.date(2024, 3, 4)  # Monday


def test_an_act_blamed_on_someone_takes_the_blames_date(extractor: Any) -> None:
    """Regression: "in December 2023", hung on "blamed", left the bombing on the article's day."""
    text = (
        "Militants were blamed for a bombing at a church in Lowtown in December 2023 that"
        " killed four people."
    )
    assert _dates(extractor, text)["bombing"] == dt.date(2023, 12, 15)


def test_a_date_in_a_clause_below_the_participle_is_not_the_events(extractor: Any) -> None:
    """Regression (of the rule above): "supporting a singer who was fined on Wednesday" dated
    the rallies by the fine."""
    text = (
        "Police on Saturday arrested 40 people for taking part in rallies supporting a singer"
        " who was fined on Wednesday."
    )
    assert _dates(extractor, text)["rallies"] == dt.date(2024, 3, 2)  # Saturday


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "On Monday night," (the model's "Monday" a compound of "night") opens the sentence:
        # the beating joined to the burning took the lead's Sunday
        (
            "Two people were killed on Sunday when protesters clashed with police in Lowtown,"
            " officials said.\n\nOn Monday night, rioters burned a police station in Hightown"
            " and beat a police officer to death, the interior ministry said.",
            "beat",
        ),
        # what led to the arrests is told at their date, not the lead's Sunday
        (
            "Protesters clashed with police in Lowtown on Sunday, officials said.\n\nPolice"
            " arrested 15 people in Hightown on Monday after protesters tried to storm the"
            " city's airport.",
            "tried",
        ),
    ],
)
def test_a_later_paragraphs_day_dates_its_events(extractor: Any, text: str, trigger: str) -> None:
    assert _dates(extractor, text)[trigger] == dt.date(2024, 3, 4)  # Monday


def test_a_state_going_on_since_a_month_is_no_event_of_that_month(extractor: Any) -> None:
    """ "have been blocking universities since December": going on still, dated as if its
    clause named no date (the story's day), not 15 December."""
    text = (
        "Police fired tear gas at protesters in Lowtown on Sunday.\n\nStudents have been"
        " blocking universities across Lowland since December."
    )
    assert _dates(extractor, text)["blocking"] == dt.date(2024, 3, 3)
