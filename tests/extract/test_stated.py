"""What the text states of the dead outright (kg/extract/stated.py): the sentences looked at."""

from __future__ import annotations

import random
from typing import Any

import pytest

from kg.extract.stated import _holds_cue
from kg.model import Article


def test_a_sentence_holds_a_cue_as_a_scan_of_every_cue_says() -> None:
    # cues start at increasing characters and may overlap (a short cue inside a long one's
    # characters ends first); the look-up from the sentence's first character gives what
    # the scan of all of them gave, for every sentence bounds
    rng = random.Random(3)
    for _ in range(200):
        starts = sorted(rng.sample(range(120), rng.randint(0, 12)))
        cues = [(a, a + rng.randint(1, 15)) for a in starts]
        for first in range(0, 130, 3):
            for last in range(first, 140, 4):
                expected = any(first <= a and b <= last for a, b in cues)
                assert _holds_cue(cues, starts, first, last) == expected, (cues, first, last)


@pytest.mark.model
def test_no_casualties_told_of_another_happening_leave_the_leads_dead(extractor: Any) -> None:
    """ "Separately, ... No casualties were reported." is the separate happening's figure,
    not the first event's that counts dead (an event noun's, "Air strikes killed", counts
    them before the stated figures are read)."""
    text = (
        "Air strikes killed seven villagers in Lowtown, Kenya, on Monday, police said. Separately,"
        " soldiers raided a camp near Midtown, the army said. No casualties were reported."
    )
    events = extractor.extract_one(Article("t", text)).events
    killing = next(e for e in events if "Lowtown" in e.sentence.text)
    raid = next(e for e in events if e.trigger.text == "raided")
    assert (killing.counts.fatalities, raid.counts.fatalities) == (7, 0)
