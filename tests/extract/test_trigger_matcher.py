"""The trigger index (kg/extract/trigger_matcher.py) finds what spaCy's Matcher finds with the
same patterns, on the seed article and on made-up headlines, openings and multi-word triggers."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.matcher import Matcher
from spacy.tokens import Span
from spacy.util import filter_spans

from kg.extract.lexicon import Trigger
from kg.extract.lexicon import load as load_lexicon
from kg.extract.trigger_matcher import TriggerMatcher, patterns

pytestmark = pytest.mark.model

TEXTS = [
    "Clashes erupted in Hama.\nClash between rival groups in Idlib\nAttack on a base.",
    "March 3 attack on the town\nShelling hit the town. Protesters gathered on Friday.",
    "Strike in Kut\nRaid on Homs\n\nAirstrikes killed 4 people on March 3.",
    "Gunmen opened fire on a bus, and the army took control of the village.",
    "Rebels were trying to recapture the town; police fired tear gas at protesters.",
    "A convoy was hit by an IED.",
    "Drones struck a car; a drone strike hit a truck and rocket fire hit a bus.",
]


def _reference(nlp: Any, triggers: tuple[Trigger, ...]) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for number, trigger in enumerate(triggers):
        matcher.add(str(number), patterns(trigger))
    return matcher


def _kept(doc: Any, matches: list[tuple[str, int, int]]) -> list[tuple[int, int, str]]:
    spans = filter_spans([Span(doc, s, e, label=label) for label, s, e in matches])
    return [(s.start, s.end, s.label_) for s in spans]


@pytest.mark.parametrize("which", [*range(len(TEXTS)), "seed"])
def test_the_index_agrees_with_spacys_matcher(
    extractor: Any, seed_text: str, which: int | str
) -> None:
    nlp = extractor.nlp
    triggers = load_lexicon().triggers
    doc = nlp(seed_text if which == "seed" else TEXTS[int(which)])
    reference = _reference(nlp, triggers)
    expected = [(nlp.vocab.strings[key], s, e) for key, s, e in reference(doc)]
    found = [(str(n), s, e) for n, s, e in TriggerMatcher(triggers)(doc)]
    assert found, "no trigger in the text: the comparison would prove nothing"
    assert sorted(found) == sorted(expected)
    assert _kept(doc, found) == _kept(doc, expected)  # ties between triggers resolved alike


def test_a_capitalised_opening_matches_unless_it_is_a_date(extractor: Any) -> None:
    triggers = (Trigger(("clash",), "ANY", "armed-clash"), Trigger(("march",), "ANY", "protest"))
    matcher = TriggerMatcher(triggers)
    headline = extractor.nlp("Clash between rival groups")  # lemma "Clash", kept by the model
    assert headline[0].lemma_ == "Clash"
    assert matcher(headline) == [(0, 0, 1)]
    dated = extractor.nlp("March 3 clashes in the town")  # "March" opens it, but in a DATE
    assert dated[0].lemma_ == "March" and dated[0].ent_type_ == "DATE"
    assert matcher(dated) == [(0, 2, 3)]


def test_a_multi_word_trigger_needs_every_lemma_in_order(extractor: Any) -> None:
    triggers = (Trigger(("open", "fire"), "VERB", "attack"),)
    matcher = TriggerMatcher(triggers)
    assert [(s, e) for _, s, e in matcher(extractor.nlp("Gunmen opened fire on a bus."))] == [
        (1, 3)
    ]
    assert matcher(extractor.nlp("Gunmen opened the fire door.")) == []


def test_a_trigger_in_capitals_matches_every_lemma_in_capitals(extractor: Any) -> None:
    triggers = (Trigger(("ied",), "NOUN", "ied"), Trigger(("roadside", "bomb"), "NOUN", "ied"))
    matcher = TriggerMatcher(triggers)
    doc = extractor.nlp("A convoy was hit by an IED.")
    assert doc[6].lemma_ == "IED"  # the model keeps an acronym's capitals in its lemma
    assert matcher(doc) == [(0, 6, 7)]


def test_a_noun_trigger_of_several_words_ends_in_no_verb(extractor: Any) -> None:
    triggers = (Trigger(("drone", "strike"), "NOUN", "air-drone-strike"),)
    matcher = TriggerMatcher(triggers)
    struck = extractor.nlp("Two drones struck a car near Lowtown.")
    assert struck[2].pos_ == "VERB"  # the drones' verb, no noun of a strike
    assert matcher(struck) == []
    assert [(s, e) for _, s, e in matcher(extractor.nlp("A drone strike hit a car."))] == [(1, 3)]
