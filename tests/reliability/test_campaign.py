"""The kill campaign's own planning: a slow machine still gets a kill after articles."""

from __future__ import annotations

import random

from tests.reliability.campaign import Kill, later_kill


def _killed(seconds: float, articles: int) -> Kill:
    return Kill(seconds, killed=True, seconds=seconds, articles=articles)


def test_every_kill_before_the_first_article_asks_for_a_later_one() -> None:
    kills = [_killed(0.8, 0), _killed(4.5, 0), _killed(2.0, 0)]
    later = later_kill(random.Random(1), kills)
    assert later is not None
    assert later.trigger == "time"
    assert 4.5 <= later.moment <= 9.0


def test_a_kill_with_articles_stored_is_enough() -> None:
    kills = [_killed(0.8, 0), _killed(4.5, 3)]
    assert later_kill(random.Random(1), kills) is None


def test_a_run_that_finished_does_not_count_as_killed_after_articles() -> None:
    finished = Kill(9.0, killed=False, seconds=6.0, articles=10)
    later = later_kill(random.Random(1), [_killed(1.0, 0), finished])
    assert later is not None
    assert 6.0 <= later.moment <= 12.0


def test_nothing_run_yet_asks_for_nothing() -> None:
    assert later_kill(random.Random(1), []) is None
