"""An account of a happening told before, quoted or told under a verb of saying, with no day,
place or figure of its own, is that happening told again, and names its missing doer
(kg/extract/accounts.py), on the real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model

_POST = (
    "LOWTOWN, March 4 (Reuters) - Militants killed 14 soldiers in an attack on an army post "
    "in Lowland, Kenya, the army said on Wednesday.\n\n"
    "The Lowtown Front claimed a separate ambush on a police convoy near Hightown on Sunday, "
    "saying it had killed six policemen.\n\n"
)
_CLASH = (
    "LOWTOWN, March 4 (AP) - Kenyan soldiers clashed with fighters of the Lowtown Front near "
    "Hightown, Kenya, on Sunday, both sides said.\n\n"
)
_STRIKE = (
    "LOWTOWN, March 4 (Reuters) - A drone strike hit a farm near Hightown, Kenya, on Tuesday, "
    "killing four men, a security source said. It was not clear who carried out the "
    "strike.\n\n"
)


def _violent(extractor: Any, text: str) -> list[Any]:
    return [e for e in acled_events(extractor, text) if e.event_type != "statement"]


def test_a_residents_quote_of_the_fight_is_the_lead_not_a_second_clash(extractor: Any) -> None:
    quote = '"The soldiers fought for hours but they were outnumbered," a resident of Lowtown said.'
    before = _violent(extractor, _POST)
    after = _violent(extractor, _POST + quote)
    assert _violent(extractor, quote)  # told alone, the quote is a fight of its own
    assert [e.event_type for e in after] == [e.event_type for e in before]
    assert after[0].counts.fatalities == 14
    assert "military-forces-of-kenya" not in after[0].agents  # the soldiers were hit


def test_a_sides_spokesman_telling_the_clash_is_the_clash(extractor: Any) -> None:
    account = (
        "A spokesman for the Lowtown Front said its forces had repulsed an attack on their "
        "base and killed five soldiers."
    )
    (clash,) = _violent(extractor, _CLASH + account)
    assert clash.counts.fatalities == 5


def test_a_ministrys_account_of_the_strike_names_its_doer(extractor: Any) -> None:
    account = (
        "The Kenyan defence ministry said in a statement that its forces had targeted "
        '"smuggling hideouts" in the area.'
    )
    (strike,) = _violent(extractor, _STRIKE + account)
    assert strike.event_type == "air-drone-strike"
    assert strike.agents == ("military-forces-of-kenya",)


@pytest.mark.parametrize(
    "account",
    [
        # a place of its own
        "The Lowtown Front said its forces had attacked an army base in Midtown.",
        # another act
        "The Lowtown Front said its forces had also attacked an army base.",
    ],
)
def test_an_account_of_its_own_place_or_act_stays_its_own(extractor: Any, account: str) -> None:
    assert len(_violent(extractor, _CLASH + account)) == 2
