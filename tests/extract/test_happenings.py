"""Where an article turns from one happening to another (kg/extract/happenings.py), and what
the turn stops carrying between sentences; invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.extract.happenings import Happenings
from kg.extract.lexicon import load as load_lexicon
from kg.model import Article

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2024, 3, 5)


def _second_sentence_breaks(extractor: Any, text: str) -> bool:
    doc = extractor.nlp(text)
    second = list(doc.sents)[1].start
    happenings = Happenings(load_lexicon())
    assert happenings.continues(doc, 0, second) is (second not in happenings.breaks(doc))
    return second in happenings.breaks(doc)


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("Gunmen attacked Lowtown on Sunday. Separately, police arrested two men.", True),
        ("Gunmen attacked Lowtown on Sunday. In another incident, a bomb hit a bus.", True),
        ("Gunmen attacked Lowtown on Sunday. Soldiers killed 30 bandits on Monday.", True),
        ("Gunmen attacked Lowtown on Sunday. Soldiers repelled them on Sunday night.", False),
        ("Gunmen attacked Lowtown on Sunday. Police dispersed the attackers.", False),
        ("Gunmen attacked Lowtown. Soldiers killed 30 bandits on Monday.", False),
        # a past week or month after a day told: another happening; this week is not past
        ("Crowds rallied in Lowtown on Tuesday. A student died in custody last week.", True),
        # a month named is no past period told from the day ("in June" resolves anywhere)
        ("Crowds rallied in Lowtown on Tuesday. Such rallies began in March.", False),
        ("Crowds rallied in Lowtown on Tuesday. Two students were shot last month.", True),
        ("Crowds rallied in Lowtown on Tuesday. It was the largest rally this week.", False),
        ("Crowds rallied in Lowtown. A student died in custody last week.", False),
    ],
)
def test_a_sentence_opens_another_happening_by_its_opener_or_another_day(
    extractor: Any, text: str, opens: bool
) -> None:
    assert _second_sentence_breaks(extractor, text) is opens


def test_a_happenings_stretch_runs_from_one_turn_to_the_next(extractor: Any) -> None:
    text = (
        "Gunmen attacked Lowtown on Sunday. The attackers fled. Separately, jets struck"
        " Hightown. Two died."
    )
    doc = extractor.nlp(text)
    starts = [s.start for s in doc.sents]
    happenings = Happenings(load_lexicon())
    assert happenings.stretch(doc, starts[1]) == (0, starts[2])
    assert happenings.stretch(doc, starts[3]) == (starts[2], len(doc))


def _types(extractor: Any, text: str) -> dict[str, str]:
    events = extractor.extract_one(Article("t", text, published=PUBLISHED)).events
    return {e.trigger.text: e.event_type for e in events}


def test_a_fight_on_another_day_does_not_make_an_attack_a_clash(extractor: Any) -> None:
    """Regression: the army's fight on the next day made the gunmen's attack a clash."""
    first = "Gunmen attacked Lowtown village on Sunday, killing 12 people."
    later = " The army said it had killed 30 bandits on Monday."
    same_day = " Soldiers then fought the gunmen in the village."
    assert _types(extractor, first + later)["attacked"] == "attack"
    assert _types(extractor, first + same_day)["attacked"] == "armed-clash"


def test_the_next_sentence_refines_only_its_own_happening(extractor: Any) -> None:
    blocked = "Protesters blocked the main road in Lowtown on Sunday."
    assert _types(extractor, blocked + " Police dispersed them with tear gas.")["blocked"] == (
        "protest-with-intervention"
    )
    other = blocked + " Separately, police fired tear gas at looters in Hightown."
    assert _types(extractor, other)["blocked"] == "peaceful-protest"


def test_a_death_told_of_last_week_does_not_retype_a_protest_of_the_day(extractor: Any) -> None:
    """ "Protesters rallied on Tuesday. X died in custody last week after her arrest by the
    police": the death is what the rally was about, no police violence at the rally."""
    text = (
        "Protesters rallied in Lowtown on Tuesday. Jane Roe died in custody last week after her "
        "arrest by the morality police."
    )
    assert _types(extractor, text)["rallied"] == "peaceful-protest"
