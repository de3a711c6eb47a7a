"""A per-article time limit (``kg ingest --max-seconds``).

    with Deadline(30) as deadline:        # installed once for a run, or for a batch
        with deadline.article():          # armed around one article's work
            ...                           # raises Timeout when the time is up

When the time is up, ``Timeout`` interrupts the article at the next Python step. A single
call into C (one regex, one matcher pass, a ``time.sleep`` in a thread) is not interrupted
midway. In the main thread of a Unix process (``kg ingest``, a forked ``--workers`` process)
the timer is ``SIGALRM``. In any other thread (a Dask worker runs its tasks in threads, where
no signal arrives) a timer thread raises ``Timeout`` in the article's thread instead, with
CPython's ``PyThreadState_SetAsyncExc``: the same interruption, at the same kind of step.
Where neither is available the limit is not enforced, and a warning says so.
"""

from __future__ import annotations

import ctypes
import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

log = logging.getLogger(__name__)

# CPython's way to raise an exception in another thread (None elsewhere, e.g. PyPy)
_SET_ASYNC_EXC: Any = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)


class Timeout(BaseException):
    """Raised by the timer inside one article's work; a BaseException so that no rule's
    ``except Exception`` swallows it."""


class Deadline:
    """A per-article time limit, installed for a whole run or batch (see module doc)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.enabled = seconds > 0
        main = threading.current_thread() is threading.main_thread()
        self._by_signal = self.enabled and main and hasattr(signal, "setitimer")
        if self.enabled and not self._by_signal and _SET_ASYNC_EXC is None:
            log.warning("no per-article time limit here: it needs SIGALRM or CPython")
            self.enabled = False
        self._armed = False
        self._previous: Any = None

    def __enter__(self) -> Deadline:
        if self._by_signal:
            self._previous = signal.signal(signal.SIGALRM, self._fire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._by_signal:
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
        elif self._by_signal:
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            try:
                yield
            finally:
                self._armed = False
                signal.setitimer(signal.ITIMER_REAL, 0)
        else:
            with _ThreadTimer(self.seconds):
                yield


class _ThreadTimer:
    """Raise ``Timeout`` in the thread that entered it once ``seconds`` have passed, unless it
    has left by then. A lock orders the two: once the thread has left, no ``Timeout`` is set,
    and one set but not yet raised (the thread was between two steps) is withdrawn."""

    def __init__(self, seconds: float) -> None:
        self._target = threading.get_ident()
        self._lock = threading.Lock()
        self._armed = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> None:
        self._armed = True
        self._timer.start()

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._armed = False
            _SET_ASYNC_EXC(ctypes.c_ulong(self._target), None)  # withdraw one not raised yet

    def _fire(self) -> None:
        with self._lock:
            if self._armed:
                self._armed = False
                _SET_ASYNC_EXC(ctypes.c_ulong(self._target), ctypes.py_object(Timeout))
