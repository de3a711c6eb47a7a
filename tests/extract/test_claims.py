"""Claims of responsibility, on the real model: the claimant of an act is its agent, a claim
that points back at an act told before gives that act its claimant, and one that points at
nothing told makes no event (kg/extract/arguments.py, kg/extract/folding.py). Made-up
sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract import bare_claims
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the Lowtown Front claimed an attack on a police station in Lowtown, Kenya.",
        "On Monday, the Lowtown Front claimed responsibility for the bombing of a police "
        "station in Lowtown, Kenya.",
        "On Monday, the Lowtown Front took responsibility for an attack on a police station in "
        "Lowtown, Kenya.",
        "On Monday, an attack on a police station in Lowtown, Kenya, was claimed by the "
        "Lowtown Front.",
    ],
)
def test_the_claimant_of_an_act_is_its_agent(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)


def test_a_claim_of_an_act_told_before_names_its_unnamed_agent(extractor: Any) -> None:
    text = (
        "On Monday, gunmen attacked a police station in Lowtown, Kenya. The Lowtown Front "
        "later claimed responsibility for the attack."
    )
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)
    assert event.places  # the attack told first, not the claim's placeless one


def test_a_claim_does_not_replace_a_named_agent(extractor: Any) -> None:
    text = (
        "On Monday, soldiers attacked a rebel camp in Lowtown, Kenya. The Lowtown Front "
        "claimed responsibility for the attack."
    )
    (event,) = acled_events(extractor, text)
    assert "lowtown-front-ke" not in event.agents


def test_a_claim_of_an_act_told_nowhere_makes_no_event(extractor: Any) -> None:
    text = "On Monday, the Lowtown Front claimed responsibility for the attack."
    assert acled_events(extractor, text) == []


def test_a_claimed_attack_told_again_with_its_place_names_its_unnamed_agent(
    extractor: Any,
) -> None:
    """Regression: "in Lowtown" made the claimed attack another one, and the lead kept its
    unnamed militants."""
    lead = "Militants stormed a police station in Lowtown, Kenya, on Monday, killing seven police."
    (event,) = acled_events(
        extractor, f"{lead}\n\nThe attack in Lowtown was claimed by the Lowtown Front."
    )
    assert event.agents == ("lowtown-front-ke",)
    elsewhere = acled_events(
        extractor, f"{lead}\n\nThe attack in Hightown was claimed by the Lowtown Front."
    )
    assert len(elsewhere) == 2


@pytest.mark.parametrize(
    "claim",
    [
        "The Lowtown Front claimed responsibility in a statement on its news agency.",
        "The Lowtown Front, an armed group, later took responsibility.",
    ],
)
def test_a_claim_naming_no_act_names_the_agent_of_the_act_before(
    extractor: Any, claim: str
) -> None:
    """Regression: the claim named no act, and the bombing stayed an unidentified group's."""
    lead = "A suicide bomber blew himself up in a mosque in Lowtown, Kenya, killing 19 people."
    (event,) = acled_events(extractor, f"{lead}\n\n{claim}")
    assert event.agents == ("lowtown-front-ke",)


def test_a_claim_made_by_no_one_names_no_agent(extractor: Any) -> None:
    text = (
        "Gunmen attacked a police post in Lowtown, Kenya, killing two police. No group"
        " claimed responsibility, and the Lowtown Front did not claim responsibility."
    )
    (event,) = acled_events(extractor, text)
    assert "lowtown-front-ke" not in event.agents


def test_a_claim_saying_what_it_did_names_the_agent_of_the_act_before(extractor: Any) -> None:
    lead = "A suicide bomber blew himself up in a mosque in Lowtown, Kenya, killing 19 people."
    claim = (
        "The Lowtown Front claimed responsibility in a statement, saying one of its fighters"
        " had targeted apostates."
    )
    events = acled_events(extractor, f"{lead}\n\n{claim}")
    assert events[0].agents == ("lowtown-front-ke",)


def test_a_bare_claim_is_looked_for_only_at_verbs_of_claiming(
    extractor: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """kg/extract/bare_claims.py reads each later word's part of speech and lemma on the token
    columns: only a verb of claiming is asked for its claimant (a Token made for it alone)."""
    text = (
        "On Monday, gunmen attacked a police station in Lowtown, Kenya. Residents fled to "
        "nearby villages. The Lowtown Front claimed responsibility in a statement."
    )
    asked: list[str] = []
    claimant = bare_claims._claimant

    def counted(verb: Any, *args: Any) -> str | None:
        asked.append(verb.lemma_.lower())
        return claimant(verb, *args)

    monkeypatch.setattr(bare_claims, "_claimant", counted)
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)
    assert asked == ["claim"]


@pytest.mark.parametrize(
    "said",
    [
        "Two police sources said the attack was carried out by the Lowtown Front.",
        "The attack was perpetrated by the Lowtown Front, officials said.",
    ],
)
def test_an_act_told_before_carried_out_by_a_group_has_it_for_its_unnamed_agent(
    extractor: Any, said: str
) -> None:
    text = (
        "On Monday, gunmen killed six policemen in an attack on a police station in Lowtown, "
        f"Kenya. {said}"
    )
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-front-ke",)


def test_an_act_carried_out_in_the_morning_names_no_agent(extractor: Any) -> None:
    text = (
        "On Monday, gunmen killed six policemen in an attack on a police station in Lowtown, "
        "Kenya. The attack was carried out in the morning."
    )
    (event,) = acled_events(extractor, text)
    assert "lowtown-front-ke" not in event.agents
