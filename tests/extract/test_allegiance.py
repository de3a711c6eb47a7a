"""Whose the men a generic noun names are (kg/extract/allegiance.py), on sentences written for
the test: a demonym in the phrase tells the country, a backer's or a prefixed one does not; a
country's war machines strike abroad unless the lexicon places wars there."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.allegiance import Allegiance

pytestmark = pytest.mark.model

_DEMONYMS = {"turkish": "TR", "syrian": "SY", "russian": "RU"}


def _allegiance() -> Allegiance:
    return Allegiance(
        _DEMONYMS, frozenset({"backed"}), frozenset({"bomber"}), frozenset({"SY"}),
        frozenset({"TR", "SY", "RU"}),
    )  # fmt: skip


def test_a_demonym_tells_the_country_a_backer_does_not(extractor: Any) -> None:
    own = extractor.nlp("Syrian troops shelled Lowtown.")
    proxies = extractor.nlp("Turkish-backed fighters shelled Lowtown.")
    allegiance = _allegiance()
    assert allegiance.actor_country(own[0:2]) == "SY"
    assert allegiance.actor_country(proxies[0:4]) == ""
    assert allegiance.backed(next(t for t in proxies if t.lower_ == "fighters"))


def test_machines_strike_abroad_unless_at_war_at_home(extractor: Any) -> None:
    abroad = extractor.nlp("Russian bombers struck Lowtown.")
    home = extractor.nlp("Syrian bombers struck Lowtown.")
    allegiance = _allegiance()
    assert allegiance.arms_of(abroad[0])
    assert not allegiance.arms_of(home[0])


def test_the_men_a_country_sends_are_its_own(extractor: Any) -> None:
    allegiance = Allegiance(
        {"turkey": "TR", "turkish": "TR", "ruritania": "RR"}, frozenset(), frozenset(),
        frozenset(), frozenset({"TR", "RR"}), frozenset({"deploy", "send"}),
    )  # fmt: skip
    by_name = extractor.nlp("Turkey deployed troops to Lowtown, Ruritania.")
    by_army = extractor.nlp("The Turkish army sent soldiers to Lowtown.")
    fought = extractor.nlp("Turkey fought troops in Lowtown.")
    assert allegiance.sender(by_name[2]) == "TR"
    assert allegiance.sender(by_army[4]) == "TR"
    assert allegiance.sender(fought[2]) == ""


def test_a_deployment_abroad_is_the_deployer_s(extractor: Any) -> None:
    """Regression: the troops were the forces of the country they were sent to."""
    from kg.model import Article

    text = "Turkey deployed troops to Manbij, Syria on Sunday."
    extraction = extractor.extract_one(Article("t", text))
    deployment = next(e for e in extraction.events if e.trigger.text == "deployed")
    assert deployment.agents == ("military-forces-of-turkey",)
    assert deployment.targets == ()
    assert "military-forces-of-syria" not in {a.key for a in extraction.actors}


def test_men_sent_in_the_passive_have_no_sender(extractor: Any) -> None:
    """Regression: the state forces sent were made the doers where no sender is told."""
    from kg.model import Article

    text = "A contingent of soldiers was sent to Lowtown on Saturday night."
    extraction = extractor.extract_one(Article("t", text))
    assert all(e.agents == () for e in extraction.events)
