"""A per-article time limit by ``SIGALRM`` (``kg ingest --max-seconds``).

    with Deadline(30) as deadline:        # installed once for a run, in the main thread
        with deadline.article():          # armed around one article's work
            ...                           # raises Timeout when the time is up

When the timer fires, ``Timeout`` interrupts the article at the next Python step. A single
call into C (one regex, one matcher pass) is not interrupted midway. The timer needs Unix and
the main thread (of this process: a forked worker's main thread will do); elsewhere the
limit is not enforced and a warning says so.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

log = logging.getLogger(__name__)


class Timeout(BaseException):
    """Raised by the timer inside one article's work; a BaseException so that no rule's
    ``except Exception`` swallows it."""


class Deadline:
    """A per-article time limit by ``SIGALRM``, installed for a whole run (see module doc)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.enabled = seconds > 0 and hasattr(signal, "setitimer")
        if self.enabled and threading.current_thread() is not threading.main_thread():
            log.warning("no per-article time limit: it needs the main thread (SIGALRM)")
            self.enabled = False
        self._armed = False
        self._previous: Any = None

    def __enter__(self) -> Deadline:
        if self.enabled:
            self._previous = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous or signal.SIG_DFL)

    def _fire(self, signum: int, frame: FrameType | None) -> None:
        if self._armed:  # a signal handled after the article ended is ignored
            self._armed = False
            raise Timeout

    @contextmanager
    def article(self) -> Iterator[None]:
        if not self.enabled:
            yield
            return
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
