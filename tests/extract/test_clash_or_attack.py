"""Armed clash or attack by what the violence is done to (kg/extract/classify.py), on the
real model, with made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people of a calling that bears no arms are civilians
        ("The river militia attacked and injured a party leader in Lowtown.", "attack"),
        ("Gunmen attacked a land developer at his property in Lowtown.", "attack"),
        ("Soldiers assaulted a correspondent of a daily newspaper in Lowtown.", "attack"),
        ("The river militia assaulted a tea seller in Lowtown.", "attack"),
        ("Prison guards assaulted a prisoner in Lowtown prison.", "attack"),
        # a town attacked names no fighters hit
        ("Militants attacked the town of Lowtown.", "attack"),
        ("Militants attacked Lowtown town, killing two.", "attack"),
        # the words of the teller are not what is attacked
        ("Militants attacked the army base in Lowtown, a local leader said.", "armed-clash"),
        # a leader of armed men is one of them; a base in a town is armed
        ("Rebels attacked a leader of the river militia in Lowtown.", "armed-clash"),
        ("Militants attacked the army base in Lowtown.", "armed-clash"),
        # a headline's participle tells of the noun before it
        ("3 Suspected River Front militants killed by national police in Lowtown.", "armed-clash"),
        ("Two traders shot dead by bandits in Lowtown.", "attack"),
        # the body of a fighter found is of a fight
        ("The body of a member of the army's 5th division was found near Lowtown.", "armed-clash"),
        ("A member of the army's 5th division was found killed near Lowtown.", "armed-clash"),
        ("The body of a woman was found near Lowtown with gunshot wounds.", "attack"),
    ],
)  # fmt: skip
def test_what_is_acted_on_decides_clash_or_attack(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected
