"""``kg.deadline`` outside the main thread (a Dask worker runs its tasks in threads): the
timer thread interrupts the article, and an article that ends in time is never interrupted
later (``tests/test_pipeline.py`` covers the ``SIGALRM`` timer of the main thread)."""

from __future__ import annotations

import threading
import time

from kg.deadline import Deadline, Timeout


def _in_a_thread(work: dict[str, object]) -> None:
    def run() -> None:
        with Deadline(0.1) as deadline:
            work["enabled"] = deadline.enabled
            try:
                with deadline.article():
                    end = time.monotonic() + 60  # bounded: a broken timer fails, not hangs
                    while time.monotonic() < end:
                        pass
                work["first"] = "finished"
            except Timeout:
                work["first"] = "interrupted"
            for _ in range(200):  # quick articles: the timers are cancelled
                with deadline.article():
                    sum(range(100))
            time.sleep(0.3)  # no late Timeout from any of them
            work["after"] = "quiet"

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


def test_the_deadline_interrupts_an_article_in_a_thread_and_then_stays_quiet() -> None:
    work: dict[str, object] = {}
    _in_a_thread(work)
    assert work == {"enabled": True, "first": "interrupted", "after": "quiet"}


def test_no_limit_starts_no_timer_thread() -> None:
    before = threading.active_count()
    with Deadline(0) as off, off.article():
        assert not off.enabled
        assert threading.active_count() == before
