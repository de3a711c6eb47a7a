"""Run each query in its own process, under a time limit, a few at a time.

pyoxigraph (0.5) has no way to cancel a running query: ``Store.query`` takes no timeout and
evaluation runs in Rust until it ends. So each query runs in a child process
(:func:`kg.serve.worker.evaluate`) that is killed when the time is up. Children are forked
from a fork server started with the endpoint, which has pyoxigraph, rdflib and kg's store
already imported: a child starts in a few milliseconds, and never inherits the HTTP server's
threads. The child writes the whole answer to a file before the server sends a byte, so an
answer is either complete (200, with its length) or an error status with a message, never a
200 cut short by the time limit.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from multiprocessing import forkserver
from pathlib import Path
from types import TracebackType
from typing import Self

from kg.serve.protocol import QueryRequest, uses_service
from kg.serve.worker import Job, Reply, evaluate, over_memory

_PRELOAD = ["kg.serve.worker", "kg.store.embedded", "kg.store.oxterms"]
_ALARM_MARGIN = 5  # a child outlives its time limit by this many seconds at most, orphaned
#: MB of data a query's process may allocate by default (``--max-memory``)
DEFAULT_MAX_MEMORY = 2048


@dataclass(frozen=True, slots=True)
class Answer:
    """What to send back: ``body`` (a file the caller must ``discard``) on success, else
    ``message`` (plain text)."""

    status: int
    content_type: str = ""
    message: str = ""
    body: Path | None = None

    def discard(self) -> None:
        if self.body is not None:
            self.body.unlink(missing_ok=True)


class QueryRunner:
    """Evaluate queries on the store at ``store``: at most ``workers`` at once, each stopped
    after ``timeout`` seconds (0 for no limit) counted from its arrival, waiting included, or
    when its process needs more than ``max_memory`` MB of data (0 for no limit)."""

    def __init__(
        self,
        store: Path,
        *,
        timeout: float = 30.0,
        workers: int = 2,
        allow_service: bool = False,
        max_memory: int = DEFAULT_MAX_MEMORY,
    ) -> None:
        self.store = store.absolute()  # the query processes may not share our cwd
        self.timeout = timeout
        self.max_memory = max_memory
        self.workers = workers
        self.allow_service = allow_service
        self._slots = threading.BoundedSemaphore(workers)
        self._context = multiprocessing.get_context("forkserver")
        self._active: set[multiprocessing.process.BaseProcess] = set()
        self._lock = threading.Lock()
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def start(self) -> Self:
        """Start the fork server (before any thread of the HTTP server) and the answers' folder."""
        self._context.set_forkserver_preload(_PRELOAD)
        forkserver.ensure_running()
        self._tmp = tempfile.TemporaryDirectory(prefix="kg-serve-")
        return self

    def run(self, request: QueryRequest) -> Answer:
        """Evaluate ``request``; the answer's body, if any, is a file in the runner's folder."""
        if not self.allow_service and uses_service(request.query):
            return Answer(
                403,
                message="SERVICE (a federated query) is disabled: this endpoint does not query "
                "other endpoints; start kg serve with --allow-service to allow it",
            )
        started = time.monotonic()
        deadline = started + self.timeout if self.timeout else None
        if not self._slots.acquire(timeout=_remaining(deadline)):
            return Answer(
                503,
                message=f"busy: all {self.workers} query processes (--workers) stayed in use past "
                f"the {self.timeout:g} s limit; try again later, or start kg serve with more "
                "--workers",
            )
        try:
            return self._evaluate(request, deadline)
        finally:
            self._slots.release()

    def _evaluate(self, request: QueryRequest, deadline: float | None) -> Answer:
        if self._tmp is None:
            raise RuntimeError("QueryRunner.start() was not called")
        fd, out = tempfile.mkstemp(dir=self._tmp.name, suffix=".answer")
        os.close(fd)
        alarm = math.ceil(self.timeout) + _ALARM_MARGIN if self.timeout else 0
        job = Job(
            str(self.store),
            request.query,
            request.accept,
            request.formats,
            out,
            alarm,
            request.dataset,
            self.max_memory * 2**20,
        )
        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(target=evaluate, args=(job, sender), daemon=True)
        answer = Answer(500, message="the query process did not start")
        with self._lock:
            self._active.add(process)
        try:
            process.start()
        except OSError as exc:  # out of processes or memory; the fork server gone
            answer = Answer(503, message=f"cannot start a process for the query: {exc}")
        else:
            sender.close()  # the child's end: the receiver sees EOF if the child dies
            answer = self._wait(process, receiver, deadline, Path(out))
        finally:
            sender.close()
            receiver.close()
            if process.is_alive():
                process.kill()
            with contextlib.suppress(ValueError, AssertionError):  # never started
                process.join()
            with self._lock:
                self._active.discard(process)
            if answer.body is None:
                Path(out).unlink(missing_ok=True)
        return answer

    def _wait(
        self,
        process: multiprocessing.process.BaseProcess,
        receiver: multiprocessing.connection.Connection,
        deadline: float | None,
        out: Path,
    ) -> Answer:
        if not receiver.poll(_remaining(deadline)):
            process.kill()
            return Answer(
                503,
                message=f"the query ran longer than the {self.timeout:g} s limit and was "
                "stopped; make it narrower (a LIMIT, more specific patterns) or start kg "
                "serve with a longer --timeout",
            )
        try:
            reply: Reply = receiver.recv()
        except (EOFError, OSError):  # the child died before it could answer
            process.join(1.0)
            if self.max_memory and process.exitcode == -signal.SIGABRT:
                # pyoxigraph's Rust code aborts when an allocation fails past the limit
                return Answer(503, message=over_memory(self.max_memory * 2**20))
            return Answer(500, message=f"the query process {_death(process.exitcode)}")
        if reply.status != 200:
            return Answer(reply.status, message=reply.message)
        return Answer(200, content_type=reply.content_type, body=out)

    def close(self) -> None:
        """Stop the queries still running and remove their answers; safe to call twice."""
        with self._lock:
            running = list(self._active)
        for process in running:
            with contextlib.suppress(ValueError, AttributeError):
                process.kill()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _remaining(deadline: float | None) -> float | None:
    return None if deadline is None else max(0.0, deadline - time.monotonic())


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"was killed by {name}{hint} before it answered"
    return f"ended (exit code {code}) before it answered"
