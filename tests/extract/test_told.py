"""The words a sentence tells of an event (kg/extract/told.py), on the real model's parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.told import told_in_passing, unstruck_lemmas, without_grievance, without_sources

pytestmark = pytest.mark.model

PROTEST = frozenset({"protest", "demonstrate", "rally"})


def test_a_protests_grievance_is_not_what_it_tells(extractor: Any) -> None:
    sent = next(extractor.nlp("Residents protested against the bombing of the market.").sents)
    words = {sent.doc[i].lower_ for i in without_grievance(sent, PROTEST)}
    assert "protested" in words and "bombing" not in words


def test_aircraft_hit_and_words_a_prefix_negates_are_not_told(extractor: Any) -> None:
    sent = next(extractor.nlp("Rebels fired anti-aircraft guns at a helicopter.").sents)
    told = unstruck_lemmas(sent.doc, range(sent.start, sent.end))
    assert "aircraft" not in told and "gun" in told
    plain = next(extractor.nlp("A helicopter bombed the rebels' base.").sents)
    assert "helicopter" in unstruck_lemmas(plain.doc, range(plain.start, plain.end))


def test_riot_naming_the_polices_kit_is_not_told_but_a_riot_is(extractor: Any) -> None:
    sent = next(extractor.nlp("Riot police fired tear gas in Lowtown.").sents)
    assert "riot" not in unstruck_lemmas(sent.doc, range(sent.start, sent.end))
    sent = next(extractor.nlp("A riot broke out in Lowtown.").sents)
    told = unstruck_lemmas(sent.doc, range(sent.start, sent.end))
    assert {"riot", "break", "broke", "lowtown"} <= told


def test_aircraft_a_participle_calls_damaged_are_not_told(extractor: Any) -> None:
    sent = next(extractor.nlp("The shelling of the airport left two damaged planes.").sents)
    told = unstruck_lemmas(sent.doc, range(sent.start, sent.end))
    assert "plane" not in told and "shelling" in told


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Villagers rioted in Lowtown after police shot a trader.", "shot", True),
        ("Villagers rioted in Lowtown after police shot a trader.", "rioted", False),
        ("A week after troops stormed the camp, the rebels said two men were abducted.",
         "stormed", True),
        ("A week after troops stormed the camp, the rebels said two men were abducted.",
         "abducted", False),
        ("Two traders were detained before the governor's rally in Lowtown.", "rally", True),
        ("Rebels took the town following heavy clashes with the army.", "clashes", True),
        ("Rebels took the town following heavy clashes with the army.", "took", False),
    ],
)  # fmt: skip
def test_what_dates_another_happening_is_told_in_passing(
    extractor: Any, text: str, word: str, expected: bool
) -> None:
    token = next(t for t in extractor.nlp(text) if t.text == word)
    assert told_in_passing(token) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a village near Lowtown, according to vigilantes.",
        "Gunmen attacked a village near Lowtown, vigilantes said.",
    ],
)
def test_a_source_is_not_what_a_sentence_tells(extractor: Any, text: str) -> None:
    sent = next(extractor.nlp(text).sents)
    told = without_sources(sent.doc, range(sent.start, sent.end), frozenset({"say"}), 1)
    words = {sent.doc[i].lower_ for i in told}
    assert "vigilantes" not in words and {"gunmen", "attacked", "village"} <= words
