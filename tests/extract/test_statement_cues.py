"""Relation cues of kg/extract/statement_cues.py and the event filters of relations.py, on
the real model; invented sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article, RelationKind

FIGHTING, ALLIES = RelationKind.FIGHTING_AGAINST, RelationKind.ALLIES_OF
ARMY, PESHMERGA, IS = "military-forces-of-iraq", "peshmerga", "islamic-state"


def _found(extractor: Any, text: str) -> set[tuple[RelationKind, str, str]]:
    extraction = extractor.extract_one(Article("t", text))
    return {(r.kind, r.source, r.target) for r in extraction.relations}


def _allied(found: set[tuple[RelationKind, str, str]], a: str, b: str) -> bool:
    return (ALLIES, a, b) in found or (ALLIES, b, a) in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Attacks by the Islamic State on the Peshmerga have increased.",
        "The United Nations condemned the offensive by the Islamic State against the Peshmerga.",
        "The Islamic State claimed responsibility for the attack on the Peshmerga.",
        "The offensive against the Peshmerga was launched by the Islamic State.",
    ],
)
def test_the_agent_of_a_fight_noun_fights_its_target(extractor: Any, text: str) -> None:
    found = _found(extractor, text)
    assert (FIGHTING, IS, PESHMERGA) in found
    assert not any(s == "united-nations" for _, s, _ in found)


@pytest.mark.model
def test_who_condemns_a_fight_named_by_a_passive_does_not_wage_it(extractor: Any) -> None:
    text = "The offensive against the Peshmerga was condemned by the United Nations."
    assert not any(s == "united-nations" for _, s, _ in _found(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Heavy fighting broke out between the Peshmerga and the Islamic State.",
        "The Peshmerga and the Islamic State exchanged fire near Sinjar.",
        "The Peshmerga defended the town against the Islamic State.",
        "The Peshmerga repelled an attack by the Islamic State.",
        "The Peshmerga held off an attack by the Islamic State.",
    ],
)
def test_fights_waged_both_ways(extractor: Any, text: str) -> None:
    found = _found(extractor, text)
    assert (FIGHTING, PESHMERGA, IS) in found
    assert (FIGHTING, IS, PESHMERGA) in found


@pytest.mark.model
def test_trading_words_is_no_fight(extractor: Any) -> None:
    text = "The Peshmerga and the Islamic State exchanged prisoners near Sinjar."
    assert not any(k is FIGHTING for k, _, _ in _found(extractor, text))


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Iraqi army and the Peshmerga are allies.",
        "The Peshmerga is the Iraqi army's closest ally.",
        "The Peshmerga fought the Islamic State on behalf of the Iraqi army.",
    ],
)
def test_nouns_and_phrases_of_alliance(extractor: Any, text: str) -> None:
    found = _found(extractor, text)
    assert _allied(found, ARMY, PESHMERGA)
    assert (FIGHTING, PESHMERGA, ARMY) not in found


@pytest.mark.model
def test_inflicting_losses_is_a_fight(extractor: Any) -> None:
    text = "The Peshmerga inflicted heavy losses on the Islamic State."
    assert (FIGHTING, PESHMERGA, IS) in _found(extractor, text)


@pytest.mark.model
def test_the_accused_acts_not_the_accuser(extractor: Any) -> None:
    found = _found(extractor, "The Peshmerga accused the Islamic State of attacking civilians.")
    assert (FIGHTING, IS, "civilians-iraq") in found
    assert not any(s == PESHMERGA for _, s, _ in found)


@pytest.mark.model
def test_receiving_weapons_is_no_fight(extractor: Any) -> None:
    text = "The Peshmerga, who fight the Islamic State, received weapons from the coalition."
    assert not any(s == "coalition" for k, s, _ in _found(extractor, text) if k is FIGHTING)
    text = "The Peshmerga came under fire from the Islamic State."
    assert (FIGHTING, IS, PESHMERGA) in _found(extractor, text)


@pytest.mark.model
def test_sides_fighting_each_other_are_no_allies(extractor: Any) -> None:
    text = "The fighting between the Iraqi army and the Peshmerga killed 20 people."
    found = _found(extractor, text)
    assert (FIGHTING, ARMY, PESHMERGA) in found
    assert not _allied(found, ARMY, PESHMERGA)
    assert not any(s.startswith("civilians") for k, s, _ in found if k is FIGHTING)


@pytest.mark.model
def test_the_side_fought_is_no_attacker(extractor: Any) -> None:
    text = "A series of Peshmerga airstrikes against Islamic State operatives killed 20 militants."
    assert not any(s == IS for k, s, _ in _found(extractor, text) if k is FIGHTING)


@pytest.mark.model
def test_a_supporter_in_a_fight_fights_too(extractor: Any) -> None:
    text = "The coalition has supported the Peshmerga in its efforts to defeat the Islamic State."
    found = _found(extractor, text)
    assert (FIGHTING, PESHMERGA, IS) in found
    assert (FIGHTING, "us-led-coalition", IS) in found  # the Peshmerga's: Iraq's coalition


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The Peshmerga pushed the Islamic State out of Sinjar.",
        "The Peshmerga forced the Islamic State back.",
        "The Islamic State's crimes against the Peshmerga shocked the world.",
    ],
)
def test_driving_off_and_crimes(extractor: Any, text: str) -> None:
    found = _found(extractor, text)
    assert (FIGHTING, PESHMERGA, IS) in found or (FIGHTING, IS, PESHMERGA) in found


@pytest.mark.model
def test_pushing_someone_to_act_is_no_fight(extractor: Any) -> None:
    text = "The coalition pushed the Iraqi army to negotiate with the Peshmerga."
    assert not any(k is FIGHTING for k, _, _ in _found(extractor, text))


@pytest.mark.model
def test_who_plays_a_role_in_a_fight_fights(extractor: Any) -> None:
    text = "The coalition can play a role in the Peshmerga's efforts to destroy the Islamic State."
    found = _found(extractor, text)
    assert (FIGHTING, PESHMERGA, IS) in found
    assert (FIGHTING, "us-led-coalition", IS) in found  # the Peshmerga's: Iraq's coalition


@pytest.mark.model
def test_a_generic_description_of_a_named_actor_is_that_actor(extractor: Any) -> None:
    text = "The Free Syrian Army, a rebel group fighting the Syrian army, captured the town."
    found = _found(extractor, text)
    assert (FIGHTING, "free-syrian-army", "military-forces-of-syria") in found
    assert not any("rebels" in s or "rebels" in t for _, s, t in found)


@pytest.mark.model
def test_a_subjectless_fight_is_the_speaker_s(extractor: Any) -> None:
    text = (
        "The United Nations is sending aid. Defeating the Islamic State will take time but"
        " it is a fight we must win."
    )
    assert (FIGHTING, "united-nations", IS) in _found(extractor, text)


@pytest.mark.model
def test_a_fight_in_quotation_marks_is_no_fight(extractor: Any) -> None:
    text = 'The Syrian army\'s "war" on the Islamic State is a sham.'
    assert not any(k is FIGHTING for k, _, _ in _found(extractor, text))
    text = "The Syrian army's so-called war on the Islamic State is a sham."
    assert not any(k is FIGHTING for k, _, _ in _found(extractor, text))
    text = "The Syrian army's war on the Islamic State is no sham."
    assert (FIGHTING, "military-forces-of-syria", IS) in _found(extractor, text)


@pytest.mark.model
def test_the_author_of_a_report_named_with_its_short_name_fights_no_one(extractor: Any) -> None:
    text = (
        "The report by the UN Independent Commission of Inquiry (CoI) on Syria makes grim"
        " reading: it details deliberate attacks against civilians."
    )
    assert not any(s == "united-nations" for _, s, _ in _found(extractor, text))


@pytest.mark.model
def test_two_sides_that_clashed_fight_each_other(extractor: Any) -> None:
    found = _found(extractor, "The Peshmerga and the Islamic State clashed near Sinjar.")
    assert {(FIGHTING, PESHMERGA, IS), (FIGHTING, IS, PESHMERGA)} <= found
    text = "The Peshmerga and the Iraqi army clashed with the Islamic State near Sinjar."
    found = _found(extractor, text)
    assert (FIGHTING, PESHMERGA, ARMY) not in found
    assert (FIGHTING, ARMY, PESHMERGA) not in found


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The al Qaeda affiliate JNIM attacked an army base near Gao, Mali, on Monday.",
        "The al Qaeda affiliate JNIM (Group for the Support of Islam and Muslims) claimed the"
        " attack on an army base near Gao, Mali.",
    ],
)
def test_the_owner_of_an_affiliate_noun_before_a_group_is_its_ally(
    extractor: Any, text: str
) -> None:
    """ "the Y affiliate X": X allies with Y, though Y is no agent of X's act."""
    assert _allied(_found(extractor, text), "jnim", "al-qaeda")
