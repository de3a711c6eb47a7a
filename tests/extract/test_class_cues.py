"""What a draft's words tell of its act (kg/extract/class_cues.py; real model for the
parses)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.class_cues import ClassCues
from kg.extract.drafts import Draft
from kg.extract.lexicon import load as load_lexicon
from kg.extract.trigger_args import object_lemmas

pytestmark = pytest.mark.model


def _cues() -> ClassCues:
    return ClassCues(load_lexicon(), frozenset({"protest", "rally", "march"}))


def _draft(extractor: Any, text: str, trigger: str, event_class: str) -> Draft:
    doc = extractor.nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return Draft(event_class, doc[token.i : token.i + 1], token.sent)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Teachers struck over unpaid salaries in Lowtown.", "peaceful-protest"),
        ("Bandits struck the village of Lowtown at night.", "attack"),
    ],
)
def test_who_strikes_tells_a_protest_from_an_attack(extractor: Any, text: str, kind: str) -> None:
    assert _cues().strike_kind(_draft(extractor, text, "struck", "strike")) == kind


def test_weapons_seized_are_disarmed_and_houses_are_not(extractor: Any) -> None:
    cues = _cues()
    seized = _draft(extractor, "Police seized weapons in Lowtown.", "seized", "territory")
    assert cues.disarmed(seized, object_lemmas(seized))
    taken = _draft(extractor, "Rebels seized houses in Lowtown.", "seized", "territory")
    assert not cues.disarmed(taken, object_lemmas(taken))


def test_a_crowds_violence_told_elsewhere_makes_the_protest_violent(extractor: Any) -> None:
    cues = _cues()
    text = "Protesters marched in Lowtown on Monday. Rioters torched cars near the market."
    march = _draft(extractor, text, "marched", "peaceful-protest")
    assert cues.violence_elsewhere(march.sentence)
    calm = _draft(extractor, "Protesters marched in Lowtown on Monday.", "marched", "x")
    assert not cues.violence_elsewhere(calm.sentence)


def test_armed_men_fighting_elsewhere_leave_the_protest_calm(extractor: Any) -> None:
    cues = _cues()
    text = "Troops clashed with rebels near Upton on Sunday. Supporters rallied in Lowtown."
    rally = _draft(extractor, text, "rallied", "peaceful-protest")
    assert not cues.violence_elsewhere(rally.sentence)
    text = "Troops clashed with protesters in Lowtown on Sunday. Supporters rallied in Lowtown."
    rally = _draft(extractor, text, "rallied", "peaceful-protest")
    assert cues.violence_elsewhere(rally.sentence)  # the troops' clash was with a crowd


def test_a_crowds_violence_in_other_towns_leaves_the_protest_calm(extractor: Any) -> None:
    """Violence a paragraph tells of other towns only is another protest's: a wire story of
    unrest tells protests across a country, a paragraph each, some violent, some not."""
    cues = _cues()
    text = (
        "Protesters threw stones at police in Lowtown on Sunday. They set fire to a bus.\n\n"
        "Demonstrations also took place in Hightown on Sunday."
    )
    rally = _draft(extractor, text, "Demonstrations", "peaceful-protest")
    assert not cues.violence_elsewhere(rally.sentence)
    # a paragraph that names no town is where the one before it was: Lowtown, the rally's own
    text = "Supporters rallied in Lowtown on Sunday.\n\nLater, rioters torched cars."
    rally = _draft(extractor, text, "rallied", "peaceful-protest")
    assert cues.violence_elsewhere(rally.sentence)
    text = "Rioters torched cars in Lowtown on Sunday.\n\nSupporters rallied in Hightown."
    rally = _draft(extractor, text, "rallied", "peaceful-protest")
    assert not cues.violence_elsewhere(rally.sentence)
    # one paragraph is one scene, its towns parts of it (a day's protests across a city)
    text = "Supporters rallied in Hightown on Sunday. Rioters torched cars in Lowtown."
    rally = _draft(extractor, text, "rallied", "peaceful-protest")
    assert cues.violence_elsewhere(rally.sentence)


def test_the_next_sentence_in_another_town_does_not_refine_the_event(extractor: Any) -> None:
    """The force used on a crowd in one town stays force against protesters where the next
    sentence tells a riot in another town (kg/extract/window.py)."""
    from tests.extract.extracted import acled_events

    text = (
        "LOWTOWN, Nov 26 (Reuters) - Security forces killed at least eight protesters in the"
        " city of Sanandaj on Friday, a rights group said.\n\nProtesters set fire to a police"
        " station in Mashhad on Friday night, state media reported."
    )
    kinds = {e.counts.fatalities: e.event_type for e in acled_events(extractor, text)}
    assert kinds[8] == "excessive-force-against-protesters"
