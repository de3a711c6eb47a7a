"""One query, evaluated in a process of its own (see :mod:`kg.serve.runner`).

pyoxigraph cannot cancel a query once it runs, so each query runs in a child process that
the server kills when the time is up. The child opens the store read-only, runs the query,
writes the whole answer to a file in the negotiated format and reports back one ``Reply``.
Opening the store for each query (~20 ms) holds its read lock only while a query runs, so
``kg ingest`` can open the store between queries, and a query during an ingest reads the
writer's latest snapshot (see :mod:`kg.store.embedded`).
"""

from __future__ import annotations

import logging
import resource
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import QueryError, RequestError, StoreError, StoreLockedError
from kg.serve.protocol import negotiate
from kg.store import Dataset, open_store


@dataclass(frozen=True, slots=True)
class Job:
    """What a child needs: the store, the query, the client's formats, where to write."""

    store: str
    query: str
    accept: str
    formats: tuple[str, ...]
    out: str
    #: seconds after which the child kills itself even if the server is gone; 0 for never
    alarm: int = 0
    #: the dataset the request names, if any
    dataset: Dataset | None = None
    #: bytes of data (heap) the child may allocate; 0 for no limit
    max_memory: int = 0


@dataclass(frozen=True, slots=True)
class Reply:
    """The status to answer with; ``content_type`` on success, else ``message``."""

    status: int
    content_type: str = ""
    message: str = ""


def evaluate(job: Job, conn: Connection) -> None:
    """The child's entry point: run ``job`` and send its ``Reply`` on ``conn``."""
    if job.alarm:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)  # dies even inside pyoxigraph's code
        signal.alarm(job.alarm)
    if job.max_memory:
        limit_memory(job.max_memory)
    logging.getLogger("kg.store").setLevel(logging.ERROR)  # "reading its snapshot", per query
    try:
        reply = run(job)
    except MemoryError:
        message = over_memory(job.max_memory) if job.max_memory else "out of memory"
        reply = Reply(503 if job.max_memory else 500, message=message)
    except Exception as exc:  # anything else is kg's bug: say so rather than hang up
        reply = Reply(500, message=f"internal error: {type(exc).__name__}: {exc}")
    conn.send(reply)
    conn.close()


def limit_memory(size: int) -> None:
    """Let this process allocate at most ``size`` bytes of data (``RLIMIT_DATA``: the heap
    and private mappings, not the store's files nor the address space that threads reserve).
    Past it, an allocation in pyoxigraph's Rust code aborts the process (``SIGABRT``, which
    the runner reports as the limit), one in Python raises ``MemoryError``."""
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        size = min(size, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (size, hard))


def over_memory(size: int) -> str:
    """The message for a query stopped by its memory limit of ``size`` bytes."""
    return (
        f"the query needed more than the {size // 2**20:,} MB memory limit and was stopped; "
        "make it narrower (a LIMIT, fewer rows to sort or group) or start kg serve with a "
        "larger --max-memory"
    )


def run(job: Job) -> Reply:
    """Open the store, run the query, write the answer to ``job.out``."""
    try:
        store = open_store(job.store, read_only=True)
    except StoreLockedError as exc:
        return Reply(503, message=str(exc))
    except StoreError as exc:
        return Reply(500, message=str(exc))
    with store:
        try:
            result = store.query(job.query, dataset=job.dataset)
        except QueryError as exc:
            return Reply(400, message=str(exc))
        except StoreError as exc:
            return Reply(500, message=str(exc))
        try:
            fmt, content_type = negotiate(result.kind, job.accept, job.formats)
        except RequestError as exc:
            return Reply(exc.status, message=str(exc))
        try:
            with Path(job.out).open("wb") as out:
                result.write(out, fmt)
        except (QueryError, StoreError) as exc:
            return Reply(500, message=str(exc))
        except OSError as exc:
            return Reply(500, message=f"cannot write the answer: {exc}")
    return Reply(200, content_type=content_type)
