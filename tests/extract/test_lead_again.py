"""The lead's attack told again by the side it hit ("they had repelled the attack") or by its
scene ("the assault on the camp in Hightown"), not a second event (kg/extract/lead_again.py,
kg/extract/retold.py), on the real model. Made-up stories."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import acled_events, extract

pytestmark = pytest.mark.model

_LEAD = (
    "LOWTOWN, March 4 (Reuters) - Militants attacked a military camp in central Kenya on "
    "Tuesday, killing at least 30 soldiers, two security sources said.\n\n"
)


def _fights(extractor: Any, text: str) -> list[str]:
    return [e.trigger.text for e in acled_events(extractor, text) if e.event_type != "statement"]


def test_the_defenders_account_of_the_attack_is_the_attack(extractor: Any) -> None:
    text = _LEAD + (
        "Kenya's armed forces said in a statement that they had repelled the attack and killed "
        "several terrorists."
    )
    assert _fights(extractor, text) == ["attacked"]


def test_an_attack_of_its_own_the_defenders_repelled_stays(extractor: Any) -> None:
    """ "repelled an attack on their positions near Upton": another attack, its own place."""
    text = _LEAD + (
        "Kenyan troops said they had repelled an attack on their positions near the town of "
        "Upton on Tuesday."
    )
    assert _fights(extractor, text) == ["attacked", "repelled"]


def test_a_claim_naming_the_lead_s_scene_gives_the_lead_its_town(extractor: Any) -> None:
    text = _LEAD + (
        "The Lowland Front claimed responsibility for the assault on the camp in Hightown, "
        "near the border with Uganda, in a statement."
    )
    events = [e for e in extract(extractor, text).events if e.event_type != "statement"]
    assert [e.trigger.text for e in events] == ["attacked"]
    assert events[0].places[0] == "hightown"


def test_an_assault_on_something_else_stays_its_own(extractor: Any) -> None:
    """ "the assault on the convoy": not what the lead hit (its camp)."""
    text = _LEAD + (
        "The Lowland Front claimed responsibility for the assault on the convoy in Hightown, "
        "in a statement."
    )
    assert _fights(extractor, text) == ["attacked", "assault"]


def test_the_leads_target_attacked_again_on_a_day_of_its_own_is_the_lead(
    extractor: Any,
) -> None:
    text = (
        "LOWTOWN, March 6 (Reuters) - Militants killed 14 soldiers in an attack on an army post "
        "in Lowland, Kenya, the army said on Wednesday.\n\n"
        "Hundreds of fighters on motorcycles attacked the post at Hightown on Monday. Two "
        "police sources said the attack was carried out by the Lowtown Front."
    )
    events = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 6))).events
    (attack,) = [e for e in events if e.event_type != "statement"]
    assert attack.counts.fatalities == 14
    assert attack.time is not None and attack.time.date == dt.date(2024, 3, 4)
    assert attack.agents == ("lowtown-front-ke",)


def test_an_act_besides_the_leads_target_attacked_again_stays_its_own(extractor: Any) -> None:
    """ "stormed the village and hurled a grenade": the grenade is an act besides the raid."""
    text = (
        "Ten people were killed when militia from the Lowtown clan raided Hightown village in "
        "Lowland, Kenya. The county commissioner said the militia stormed the village at night "
        "and hurled a rocket-propelled grenade at the villagers."
    )
    events = extractor.extract_one(Article("t", text)).events
    assert len([e for e in events if e.event_type != "statement"]) == 2


def test_acts_are_counted_by_sentence_without_statements(extractor: Any) -> None:
    from types import SimpleNamespace

    from kg.extract.lead_again import acts_by_sentence

    doc = extractor.nlp("Rebels stormed the village and burned a school. The army said so.")
    first, second = list(doc.sents)
    events: Any = [
        SimpleNamespace(sentence=first, event_class="attack"),
        SimpleNamespace(sentence=first, event_class="looting-property-destruction"),
        SimpleNamespace(sentence=second, event_class="statement"),
    ]
    acts = acts_by_sentence(events)
    assert acts[first.start] == 2 and acts[second.start] == 0
