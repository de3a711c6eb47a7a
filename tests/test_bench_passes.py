"""bench/passes.py times the rules' passes: a pass's time includes what it calls, once."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import passes


def _busy(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_a_pass_counts_its_calls_and_its_cpu_time() -> None:
    timers = passes.Timers()
    timed = timers.wrap("busy", _busy)
    timed(0.01)
    timed(0.01)
    assert timers.calls["busy"] == 2
    assert 0.02 <= timers.seconds["busy"] < 0.5


def test_a_recursive_pass_is_timed_once_per_outermost_call() -> None:
    timers = passes.Timers()

    def depth(n: int) -> int:
        _busy(0.005)
        return 0 if n == 0 else 1 + timed(n - 1)

    timed = timers.wrap("depth", depth)
    assert timed(3) == 3  # the wrapped function still answers
    assert timers.calls["depth"] == 4
    # four calls of 5 ms each, nested: 20 ms counted once, not 5 + 10 + 15 + 20
    assert 0.02 <= timers.seconds["depth"] < 0.045


def test_reset_forgets_the_last_run() -> None:
    timers = passes.Timers()
    timers.wrap("busy", _busy)(0.001)
    timers.reset()
    assert not timers.seconds and not timers.calls
