"""``kg ingest --scheduler tcp://HOST:PORT``: the per-article work on a Dask cluster's
workers, the store in this process.

    with connect("tcp://10.0.0.5:8786") as cluster:      # needs ``pip install 'kg[dask]'``
        cluster.load(articles, max_seconds, cluster.fingerprint.digest, report, keep)

The unit of work is ``kg.worker``'s: ``check_batch(Job(articles, max_seconds, pipeline))``
parses a batch of ``BATCH`` articles with the model, runs the rules, the RDF mapping and the
SHACL gate on each under the per-article time limit, and returns their graphs as N-Triples (or
their refusals). Here one Dask task runs it per batch, on any worker; this process reads the
inputs, skips unchanged articles, keeps input order, and alone writes the store and the
quarantine, exactly as with ``--workers``. Never more than ``IN_FLIGHT`` batches per worker
thread are submitted ahead of the one being collected, so a corpus of any size streams.

On a worker, the model, the lexicons and the shapes are loaded by the first task and kept for
the life of the worker process (``_prepare``, keyed by the model and the pipeline fingerprint);
a lock runs one batch at a time per process (start workers with ``--nthreads 1``, one process
per core: threads would share one model and gain nothing). Dask runs tasks in threads, where
no ``SIGALRM`` arrives: ``kg.deadline`` then interrupts an article from a timer thread.

The content hashes (``kg.hashes``) are those of the workers' kg, model and shapes: at the
start, every worker computes its pipeline fingerprint, they must agree, and the run uses it
(the client's own may differ, e.g. the model's files installed at another time). A worker that
joins later with another fingerprint fails its first task, and the run stops with the reason.

Failures: a task that raises, or whose worker died (Dask itself reruns a task whose worker
was lost, up to ``distributed.scheduler.allowed-failures`` times, then reports
``KilledWorker``), is submitted again once; a batch that fails twice is split into its
articles, and an article that fails alone is quarantined at stage ``worker`` with the error.
A lost scheduler stops the run (a ``ClusterError``, once the client's connection attempts
have timed out: ``distributed.comm.timeouts.connect``, 30 s by default): what was written
stays, and the same command completes it.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.article_check import Refusal
from kg.errors import ClusterError, KgError
from kg.hashes import Fingerprint, fingerprint
from kg.ingest_report import IngestReport
from kg.model import Article
from kg.parallel import chunks, deliver
from kg.worker import BatchResult, Job, Outcome, check_batch, worker_state

if TYPE_CHECKING:
    from kg.store import InputTriple

log = logging.getLogger(__name__)

BATCH = 16  # articles per task: ~1.5 s of work, against a few ms of Dask overhead per task
IN_FLIGHT = 2  # tasks submitted per worker thread ahead of the one being collected
WAIT_FOR_WORKERS = 60.0  # seconds to wait for a first worker to join the scheduler
LOST = "what was loaded stays, and the same command completes the rest (it skips what is loaded)"
REASON_CHARS = 300  # of a failed task's error, in a quarantine reason


class WorkerSetupError(Exception):
    """Raised on a worker that cannot run kg as the run asks (another fingerprint, no model):
    it stops the run rather than quarantine every article. One string, so it pickles."""


class TaskFailed(Exception):
    """What a task that raised sends back: the error's type and message as one string, without
    the original exception and its traceback, which may not pickle (a ``RecursionError``'s
    thousand frames) or not be importable where this process unpickles it."""


# -- the workers' side ---------------------------------------------------------------------------

_LOCK = threading.Lock()  # one batch at a time per worker process
_LOADED: tuple[str | None, str] | None = None  # (model, fingerprint) of the loaded state


def worker_fingerprint(model: str | None) -> tuple[str, str]:
    """This worker's pipeline fingerprint (digest, model label) for ``model``: run on every
    worker at the start (``Client.run``), in a few milliseconds, without loading the model."""
    found = fingerprint(model)
    return found.digest, found.model


def check_on_worker(job: Job, model: str | None) -> BatchResult:
    """A Dask task: ``check_batch(job)`` with this worker's model, loaded by the first task."""
    with _LOCK:
        _prepare(model, job.pipeline)
        try:
            return check_batch(job)
        except Exception as exc:
            log.warning("a batch failed on this worker", exc_info=True)
            raise TaskFailed(f"{type(exc).__name__}: {exc}"[:REASON_CHARS]) from None


def _prepare(model: str | None, pipeline: str) -> None:
    """Load the model, lexicons and shapes for ``check_batch``, once per worker process (again
    only if a run asks for another model or fingerprint)."""
    global _LOADED
    if (model, pipeline) == _LOADED:
        return
    mine = fingerprint(model)
    if mine.digest != pipeline:
        raise WorkerSetupError(
            f"a worker's kg, model ({mine.model}) or shapes differ from those of the workers"
            " the run started with (another pipeline fingerprint); install the same kg, model"
            " and shapes on every worker (KG_MODEL, KG_SHAPES_DIR and KG_ONTOLOGY_DIR alike)"
        )
    from kg.extract import Extractor
    from kg.validate import ShapesValidator

    worker_state(None, None)
    _LOADED = None
    try:
        extractor, validator = Extractor(model), ShapesValidator()
    except KgError as exc:  # no model, broken shapes: say it once, not per article
        raise WorkerSetupError(f"a worker cannot load kg: {exc}") from None
    worker_state(extractor, validator)
    _LOADED = (model, pipeline)
    log.info("loaded %s for pipeline %s", extractor.model_name, pipeline[:12])


# -- this process's side -----------------------------------------------------------------------

Keep = Callable[[Article, "Iterable[InputTriple] | Refusal"], None]


@dataclass(slots=True)
class _Task:
    articles: tuple[Article, ...]
    future: Any = None  # a distributed.Future of a BatchResult
    result: BatchResult | None = None  # set when known without the cluster (a refusal)
    tries: int = 0


@contextmanager
def connect(address: str, model: str | None = None) -> Iterator[Cluster]:
    """A client of the Dask scheduler at ``address``, once a worker has joined and the
    workers agree on their pipeline fingerprint; closed at the end of the block."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            address, "--scheduler needs Dask: pip install 'kg[dask]' (dask[distributed])"
        ) from None
    factory: Any = Client  # distributed's API is not fully typed
    try:
        client = factory(address, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(
            address,
            f"cannot reach its scheduler ({exc}); start one with `dask scheduler` and workers "
            f"with `dask worker {address} --nthreads 1`, or check the address",
        ) from None
    try:
        yield Cluster(client, address, model, _agreed_fingerprint(client, address, model))
    finally:
        client.close()


def _agreed_fingerprint(client: Any, address: str, model: str | None) -> Fingerprint:
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except TimeoutError:
        raise ClusterError(
            address,
            f"no worker joined its scheduler within {WAIT_FOR_WORKERS:g} s; start some with "
            f"`dask worker {address} --nthreads 1`",
        ) from None
    try:
        found: dict[str, tuple[str, str]] = client.run(worker_fingerprint, model)
    except Exception as exc:  # kg is not importable there, or a worker failed
        raise ClusterError(
            address,
            f"its workers cannot run kg ({type(exc).__name__}: {exc}); install kg and its "
            "model on every worker",
        ) from None
    if len(set(found.values())) > 1:
        kinds = "; ".join(f"{w}: {label} {digest[:12]}" for w, (digest, label) in found.items())
        raise ClusterError(
            address,
            f"its workers run different kg versions, models or shapes ({kinds}); install the "
            "same kg, model and shapes on every worker",
        )
    digest, label = next(iter(found.values()))
    return Fingerprint(digest, label)


@dataclass(slots=True)
class Cluster:
    """A connected cluster: ``fingerprint`` is its workers', for the run's content hashes."""

    client: Any  # distributed.Client
    address: str
    model: str | None
    fingerprint: Fingerprint

    def load(
        self,
        articles: Iterable[Article],
        max_seconds: float,
        pipeline: str,
        report: IngestReport,
        keep: Keep,
    ) -> None:
        """``kg.pipeline._run``'s loop on the cluster: each article, in input order, goes to
        ``keep`` with its graph's triples or its refusal."""
        deliver(self.check(articles, max_seconds, pipeline, report), report, keep)

    def check(
        self, articles: Iterable[Article], max_seconds: float, pipeline: str, report: IngestReport
    ) -> Generator[tuple[Article, Outcome], None, None]:
        """Each article with its outcome, in input order; the workers' stage times are added
        to ``report.times``. Tasks still in flight are cancelled if the caller stops."""
        pending: deque[_Task] = deque()
        submit = self._submitter(max_seconds, pipeline)
        try:
            for chunk in chunks(articles, BATCH):
                pending.append(submit(_Task(chunk)))
                while len(pending) > self._in_flight():
                    yield from self._collect(pending, submit, report)
            while pending:
                yield from self._collect(pending, submit, report)
        except (OSError, CancelledError) as exc:  # the scheduler is gone (or unreachable)
            pending.clear()
            raise ClusterError(
                self.address, f"the run lost its scheduler ({exc}); {LOST}"
            ) from None
        finally:
            futures = [task.future for task in pending if task.future is not None]
            if futures:
                self.client.cancel(futures)

    def _submitter(self, max_seconds: float, pipeline: str) -> Callable[[_Task], _Task]:
        def submit(task: _Task) -> _Task:
            job = Job(task.articles, max_seconds, pipeline)
            task.future = self.client.submit(  # a task tried again runs before new ones
                check_on_worker, job, self.model, pure=False, priority=min(task.tries, 1)
            )
            return task

        return submit

    def _in_flight(self) -> int:
        threads: int = sum(self.client.nthreads().values())
        return max(2, IN_FLIGHT * threads)

    def _collect(
        self, pending: deque[_Task], submit: Callable[[_Task], _Task], report: IngestReport
    ) -> Iterator[tuple[Article, Outcome]]:
        """The outcomes of the first pending task, waiting for it; a failed task is put back
        at the head, resubmitted or split (``_again``), and nothing is yielded this time."""
        task = pending.popleft()
        result = task.result
        if result is None:
            try:
                result = task.future.result()
            except WorkerSetupError as exc:
                raise ClusterError(self.address, str(exc)) from None
            except (OSError, CancelledError):  # the scheduler, not the task (see ``check``)
                raise
            except Exception as exc:  # the task raised, or its workers died (KilledWorker)
                pending.extendleft(reversed(_again(task, exc, submit)))
                return
            task.future = None
        for stage, seconds in result.times.items():
            report.times[stage] += seconds
        yield from zip(task.articles, result.outcomes, strict=True)


def _again(task: _Task, exc: Exception, submit: Callable[[_Task], _Task]) -> list[_Task]:
    """What to do after ``task`` failed: submit it again once; then each article alone; an
    article that fails alone is refused (stage ``worker``, as for a dead ``--workers`` one)."""
    error = str(exc) if isinstance(exc, TaskFailed) else f"{type(exc).__name__}: {exc}"
    error = error[:REASON_CHARS]
    ids = ", ".join(a.id for a in task.articles[:3]) + (", ..." if len(task.articles) > 3 else "")
    log.warning("a Dask task failed (%s) for %s; trying again", error, ids)
    if task.tries == 0:
        return [submit(_Task(task.articles, tries=1))]
    if len(task.articles) > 1:
        return [submit(_Task((article,), tries=1)) for article in task.articles]
    refusal = Refusal(
        "worker",
        f"its Dask task failed on the cluster, again when run alone ({error}); "
        "`kg quarantine retry` runs it again",
    )
    return [_Task(task.articles, result=BatchResult((refusal,), {}), tries=task.tries)]
