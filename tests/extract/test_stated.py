"""What the text states of the dead outright (kg/extract/stated.py): the sentences looked at."""

from __future__ import annotations

import random

from kg.extract.stated import _holds_cue


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
