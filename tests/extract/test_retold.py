"""A definite mention of the lead's happening inside another clause, its means named again, and
acts told as part of a battle told before are no new events (kg/extract/retold.py, with the
words that point back in kg/extract/pointed_back.py), on the real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model

_ATTACK = "Gunmen attacked the village of Lowtown, Kenya, on Monday, killing nine people. "
_AMBUSH = (
    "Militants ambushed a Kenyan army convoy near Lowtown, Kenya, on Sunday, killing six "
    "soldiers, the army said. "
)


def _types(extractor: Any, text: str) -> list[str]:
    return [e.event_type for e in acled_events(extractor, text)]


@pytest.mark.parametrize(
    "after",
    [
        "Police did not say who was behind the attack.",
        "The Lowtown Liberation Front claimed responsibility for the attack in a video.",
        "A farmer who survived the attack said the gunmen arrived at dawn.",
    ],
)
def test_the_attack_named_again_inside_a_clause_is_the_leads(extractor: Any, after: str) -> None:
    assert _types(extractor, _ATTACK + after) == ["attack"]


def test_an_attack_with_its_own_target_is_another(extractor: Any) -> None:
    """ "the attack on the police station" names whom it was on: not the lead's again."""
    text = _ATTACK + "The group later claimed the attack on a police station in Hightown."
    assert len(acled_events(extractor, text)) == 2


def test_another_happening_opened_is_not_folded(extractor: Any) -> None:
    text = _AMBUSH + "Separately, Kenyan troops killed four militants in the fighting."
    assert len(acled_events(extractor, text)) == 2


def test_the_means_named_again_are_the_leads(extractor: Any) -> None:
    text = (
        "Rebels shelled a camp near Lowtown, Kenya, on Monday, killing 20 civilians. "
        "The shells hit the market of the camp, a medic said."
    )
    (event,) = acled_events(extractor, text)
    assert event.counts.fatalities == 20


def test_an_act_in_the_counter_attack_is_part_of_the_battle(extractor: Any) -> None:
    text = _AMBUSH + "Troops killed about 15 assailants in the counter-attack, it said."
    assert _types(extractor, text) == ["armed-clash"]


def test_an_act_in_a_fight_of_its_own_stands(extractor: Any) -> None:
    """No "the": "in an attack" tells another fight."""
    text = _AMBUSH + "On Tuesday, troops killed 15 militants in an attack on their camp."
    assert len(acled_events(extractor, text)) == 2


def test_the_of_another_noun_points_back_to_no_fight(extractor: Any) -> None:
    """ "in heavy clashes with the army": "the" is the army's, the clashes are not named
    again."""
    text = (
        "Rebels captured the town of Lowtown, Kenya, on Friday. Scores of militiamen were killed"
        " in heavy clashes with the Kenyan army."
    )
    assert "armed-clash" in _types(extractor, text)


def test_a_surrender_after_a_capture_is_part_of_it(extractor: Any) -> None:
    text = (
        "Rebels of the Lowtown Liberation Front captured an army base near Lowtown, Kenya, on "
        "Friday after two days of fighting. Twelve soldiers surrendered, the group said."
    )
    assert "agreement" not in _types(extractor, text)


def test_a_surrender_with_no_battle_before_is_an_agreement(extractor: Any) -> None:
    text = (
        "Twelve rebels of the Lowtown Liberation Front surrendered to the army in Lowtown, Kenya."
    )
    assert _types(extractor, text) == ["agreement"]


_BASE = (
    "Lowland Front militants attacked an army base in Lowtown, Kenya, on Monday, killing"
    " 12 soldiers. "
)


def test_the_doers_told_again_by_their_kind_detail_the_lead(extractor: Any) -> None:
    """Regression: "The fighters detonated a car bomb ... before storming it" made two more
    events, unidentified men's, the second with its doers as their own target."""
    text = _BASE + "The fighters detonated a car bomb at the gate of the base before storming it."
    assert len(acled_events(extractor, text)) == 1


def test_the_lead_s_targets_fighting_back_stay_their_own(extractor: Any) -> None:
    text = _BASE + "The soldiers fired at the attackers, an officer said."
    assert len(acled_events(extractor, text)) == 2


def test_men_named_by_their_kind_elsewhere_are_another_happening(extractor: Any) -> None:
    text = _BASE + "The fighters detonated a car bomb in Hightown, Kenya, on Monday."
    assert len(acled_events(extractor, text)) == 2


_CLAIM = "The Lowland Front claimed responsibility for the attack in a statement, saying its"


def test_the_claimant_s_account_of_the_attack_is_the_attack(extractor: Any) -> None:
    """Regression: "..., saying its fighters had killed 30 soldiers and seized weapons" was
    a seizure of weapons of its own, placed at the claim's radio station."""
    text = _BASE + _CLAIM + " fighters had killed 30 soldiers and seized weapons."
    assert len(acled_events(extractor, text)) == 1


def test_an_account_placed_elsewhere_is_another_happening(extractor: Any) -> None:
    text = _BASE + _CLAIM + " fighters had also seized weapons in Hightown, Kenya."
    assert len(acled_events(extractor, text)) == 2


_PARTY = (
    "Gunmen opened fire at a wedding in the northern Nigerian state of Lowland on Sunday, "
    "killing nine people, police said. "
)


def test_the_attackers_shooting_again_at_a_town_detail_the_attack(extractor: Any) -> None:
    """Regression: "The attackers arrived at the event in the town of X and began shooting at
    the guests" was a second attack, unidentified men's, on the lead's victims."""
    text = _PARTY + "The attackers arrived at the house in the town of Hightown and began shooting."
    events = acled_events(extractor, text)
    assert len(events) == 1
    assert "hightown" in events[0].places


def test_the_attackers_killing_more_at_a_town_are_another_attack(extractor: Any) -> None:
    text = _PARTY + "The attackers later killed three farmers in the town of Hightown."
    assert len(acled_events(extractor, text)) == 2


def test_the_attackers_also_shooting_at_a_town_are_another_attack(extractor: Any) -> None:
    text = _PARTY + "The attackers also shot at the guests of a bar in the town of Hightown."
    assert len(acled_events(extractor, text)) == 2


def test_an_act_on_another_day_told_is_another_act(extractor: Any) -> None:
    # no publication date: "Jan. 1" and "Jan. 3" resolve to no date, and are not the same day
    text = (
        "A U.S. strike on Jan. 1 hit two militant vehicles near Lowtown, Ruritania, an "
        "official said. And, a Jan. 3 U.S. strike hit the headquarters compound itself, he "
        "added."
    )
    strikes = [e for e in acled_events(extractor, text) if e.trigger.text == "strike"]
    assert len(strikes) == 2


def test_a_fight_told_by_the_ground_taken_before_is_that_battle(extractor: Any) -> None:
    # "the Syrians who fought to free Lowtown" tell the rebels' capture again, no riot
    text = (
        "Rebel forces captured the town of Lowtown, Ruritania, from the militants on Sunday. "
        "I want to congratulate the Ruritanians who fought to free Lowtown."
    )
    assert _types(extractor, text) == ["non-state-actor-overtakes-territory"]


def test_a_fight_for_other_ground_is_another_battle(extractor: Any) -> None:
    text = (
        "Rebel forces captured the town of Lowtown, Ruritania, from the militants on Sunday. "
        "Soldiers fought to retake the town of Hightown on Sunday."
    )
    assert len(acled_events(extractor, text)) == 2
