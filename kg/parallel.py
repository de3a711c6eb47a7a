"""``kg ingest --workers N``: the per-article work in N processes, the store in this one.

The unit of work is ``kg.worker.check_batch(job)``: a plain function over a batch of articles,
returning a picklable ``BatchResult``, so any ``concurrent.futures``-like executor can run it
(here a ``ProcessPoolExecutor``). A worker parses the batch with the model, then runs the rules,
the RDF mapping and the SHACL gate on each article under the per-article time limit
(``kg.article_check.check_article``, the code ``--workers 1`` runs), and returns per article
either ``Checked`` (its graph as N-Quads bytes in the article's named graph, their line count,
and the counts the report needs) or the refusal that quarantines it. This process reads the
inputs, sends batches, takes the results back in input order (so a run's store and quarantine do
not depend on which worker finished first), and alone writes the store and the quarantine: it
forwards the workers' text to the store as it is.

Workers are forked after the model, the lexicons and the shapes are loaded here, so they share
those pages copy-on-write and start at once; each opens its own connection to the GeoNames
index (an SQLite connection must not cross a fork). Workers ignore Ctrl-C (``SIGINT``); this
process stops them when it is interrupted, and on Linux they are killed if it dies.

A worker that dies (killed, out of memory) breaks the pool: every batch not yet returned is
run again, one at a time in a new pool; a batch that kills its worker again is run article by
article, and an article that kills its worker alone is quarantined (stage ``worker``). So no
article is lost or loaded twice; an article is refused only when it killed a worker twice.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.article_check import Refusal
from kg.errors import KgError
from kg.ingest_report import IngestReport
from kg.model import Article
from kg.pipeline import IngestOptions
from kg.worker import (
    WORKER_STAGES,
    BatchResult,
    Job,
    Outcome,
    check_batch,
    init_worker,
    worker_state,
)

if TYPE_CHECKING:
    from kg.extract import Extractor
    from kg.store import InputTriple
    from kg.validate import ShapesValidator

log = logging.getLogger(__name__)

BATCH = 16  # articles a worker parses and checks per call
IN_FLIGHT = 2  # batches sent per worker ahead of the one being collected


@dataclass(slots=True)
class _Task:
    articles: tuple[Article, ...]
    future: Future[BatchResult] | None = None
    result: BatchResult | None = None
    lost: bool = False  # its worker died: run it again alone


@dataclass(slots=True)
class _Pool:
    """A process pool that can be replaced when a worker dies."""

    workers: int
    max_seconds: float
    pipeline: str
    executor: ProcessPoolExecutor | None = None
    restarts: int = 0
    _context: multiprocessing.context.BaseContext = field(
        default_factory=lambda: multiprocessing.get_context("fork")
    )

    def submit(self, articles: tuple[Article, ...]) -> Future[BatchResult]:
        with _ctrl_c_held():
            if self.executor is None:
                self.executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=self._context,
                    initializer=init_worker,
                    initargs=(os.getpid(),),
                )
            return self.executor.submit(check_batch, Job(articles, self.max_seconds, self.pipeline))

    def run_alone(self, articles: tuple[Article, ...]) -> BatchResult | None:
        """Run one batch with nothing else in flight; None if its worker died."""
        try:
            return self.submit(articles).result()
        except BrokenProcessPool:
            self.restart()
            return None

    def restart(self) -> None:
        self.stop(kill=True)
        self.restarts += 1

    def stop(self, *, kill: bool) -> None:
        """Stop the workers: at the end of a run, once they are idle; else (``kill``) now.
        Killed first, as ``ProcessPoolExecutor`` itself does when a worker dies: its manager
        thread then closes the queue no worker reads any more, where a plain shutdown could
        wait forever for a batch to be written to a killed worker."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        with _ctrl_c_held():
            if kill:
                for process in list(getattr(executor, "_processes", {}).values()):  # no public way
                    if process.is_alive():
                        process.kill()
            executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C until the block ends: ``KeyboardInterrupt`` inside the pool's own
    bookkeeping (starting its thread, writing to its pipes) can leave it unable to stop."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def load_in_workers(
    articles: Iterable[Article],
    extractor: Extractor,
    validator: ShapesValidator,
    options: IngestOptions,
    pipeline: str,
    report: IngestReport,
    keep: Callable[[Article, Iterable[InputTriple] | Refusal], None],
) -> None:
    """``kg.pipeline._run``'s loop with ``options.workers`` processes: each article, in
    input order, goes to ``keep`` with its graph's triples or its refusal."""
    outcomes = check_in_workers(
        articles, extractor, validator, options.workers, options.max_seconds, pipeline, report
    )
    deliver(outcomes, report, keep)


def deliver(
    outcomes: Generator[tuple[Article, Outcome], None, None],
    report: IngestReport,
    keep: Callable[[Article, Iterable[InputTriple] | Refusal], None],
) -> None:
    """Each checked article, in input order, to ``keep`` with its graph's triples or its
    refusal, its counts added to ``report``; ``outcomes`` is closed at the end (its workers or
    tasks stop there), even when ``keep`` raises. Shared by --workers and kg.distributed."""
    with closing(outcomes):
        for article, outcome in outcomes:
            if isinstance(outcome, Refusal):
                keep(article, outcome)
                continue
            started = time.perf_counter()
            triples = outcome.graph()
            report.times["load"] += time.perf_counter() - started
            report.actors.update(outcome.actors)
            report.places.update(outcome.places)
            report.events += outcome.events
            report.triples += outcome.triples
            keep(article, triples)


def check_in_workers(
    articles: Iterable[Article],
    extractor: Extractor,
    validator: ShapesValidator,
    workers: int,
    max_seconds: float,
    pipeline: str,
    report: IngestReport,
) -> Generator[tuple[Article, Outcome], None, None]:
    """Each article with its outcome, in input order, checked by ``workers`` processes
    forked from this one; the workers' stage times are added to ``report.times``."""
    if "fork" not in multiprocessing.get_all_start_methods():
        raise KgError("--workers needs processes started by fork (Linux, macOS); use --workers 1")
    worker_state(extractor, validator)
    pool = _Pool(workers, max_seconds, pipeline)
    pending: deque[_Task] = deque()
    gc.freeze()  # the model's objects: the workers' collector leaves their pages shared
    finished = False
    try:
        for chunk in chunks(articles, BATCH):
            task = _Task(chunk)
            task.future = pool.submit(chunk)
            pending.append(task)
            while len(pending) > workers * IN_FLIGHT:
                yield from _collect(pending, pool, report)
        while pending:
            yield from _collect(pending, pool, report)
        finished = True
    finally:  # Ctrl-C, an error, or the caller stopped: kill the workers
        pool.stop(kill=not finished)
        gc.unfreeze()
        worker_state(None, None)


def _collect(
    pending: deque[_Task], pool: _Pool, report: IngestReport
) -> Iterator[tuple[Article, Outcome]]:
    """The outcomes of the first pending batch, waiting for it; after a worker died, every
    batch it may have taken with it is run again first (``_recover``)."""
    task = pending[0]
    if task.result is None:
        assert task.future is not None
        try:
            task.result = task.future.result()
        except BrokenProcessPool:
            _recover(pending, pool)
    pending.popleft()
    assert task.result is not None
    for stage, seconds in task.result.times.items():
        report.times[stage] += seconds
    yield from zip(task.articles, task.result.outcomes, strict=True)


def _recover(pending: deque[_Task], pool: _Pool) -> None:
    """A worker died: keep what came back, run every other pending batch again alone."""
    for task in pending:
        if task.result is None and task.future is not None and task.future.done():
            if task.future.exception() is None:
                task.result = task.future.result()
            else:
                task.lost = True
        elif task.result is None:
            task.lost = True
    lost = sum(task.lost for task in pending)
    log.warning("a worker process died; running the %d batches it may have held again", lost)
    pool.restart()
    for task in pending:
        if task.lost:
            task.result = _run_alone(task.articles, pool)
            task.lost = False


def _run_alone(articles: tuple[Article, ...], pool: _Pool) -> BatchResult:
    """Run a lost batch alone; if it kills its worker again, each of its articles alone; an
    article that kills its worker alone is refused."""
    result = pool.run_alone(articles)
    if result is not None:
        return result
    if len(articles) == 1:
        return BatchResult((_died(articles[0]),), {})
    outcomes: list[Outcome] = []
    times = dict.fromkeys(WORKER_STAGES, 0.0)
    for article in articles:
        single = pool.run_alone((article,))
        if single is None:
            single = BatchResult((_died(article),), {})
        outcomes += single.outcomes
        for stage, seconds in single.times.items():
            times[stage] += seconds
    return BatchResult(tuple(outcomes), times)


def _died(article: Article) -> Refusal:
    log.warning("article %s killed its worker process twice; quarantined", article.id)
    return Refusal(
        "worker",
        "the worker process checking it died twice (killed, e.g. out of memory); "
        "`kg quarantine retry` runs it again, alone",
    )


def chunks(articles: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)
