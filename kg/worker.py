"""The unit of work of worker processes, forked (``kg.parallel``) or on a Dask cluster
(``kg.distributed``): ``check_batch(job)`` parses a batch of articles with this process's
model, then runs the rules, the RDF mapping and the SHACL gate on each article under the
per-article time limit (``kg.article_check.check_article``, the code ``--workers 1`` runs), and
returns a picklable ``BatchResult``: per article ``Checked`` (its graph as N-Quads) or the
refusal that quarantines it, and the seconds spent per stage.

``check_batch`` runs in any process that called ``worker_state`` with its own model and shapes
(e.g. from a Dask worker plugin). The time limit needs the process's main thread
(``SIGALRM``); executors that run tasks in threads get a warning and no limit. A forked worker
starts with ``init_worker``: it ignores Ctrl-C, dies with its parent (on Linux) and opens its
own connection to the GeoNames index.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.article_check import Refusal, check_article
from kg.deadline import Deadline
from kg.ingest_report import IngestReport, timed
from kg.model import Article
from kg.rdf.iris import graph as graph_iri
from kg.store.ntriples import Rendered, render_nquads
from kg.store.oxterms import ox_iri

if TYPE_CHECKING:
    from kg.extract import Extractor
    from kg.validate import ShapesValidator

__all__ = [
    "WORKER_STAGES",
    "BatchResult",
    "Checked",
    "Job",
    "Outcome",
    "check_batch",
    "init_worker",
    "worker_state",
]

WORKER_STAGES = ("parse", "extract", "map", "validate", "load")  # times workers report, added up
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True, slots=True)
class Checked:
    """An article that passed: its triples as N-Quads in its graph (``graph_iri``, that
    graph's ``<iri>``: the one ``kg.pipeline`` stores it in), and what the report counts. So
    this process only forwards the text to the store: no line rewritten, none counted."""

    nquads: bytes
    graph_iri: str
    triples: int  # also the lines of ``nquads``
    events: int
    actors: tuple[str, ...]
    places: tuple[str, ...]
    blank: bool = False  # the graph has blank nodes

    def graph(self) -> Rendered:
        """The graph as the store writes it (its N-Quads, neither parsed nor rewritten here)."""
        return Rendered(self.nquads, self.blank, self.graph_iri, self.triples)


Outcome = Checked | Refusal


@dataclass(frozen=True, slots=True)
class Job:
    """One call's work: the articles, in input order, the limit per article, and the run's
    pipeline fingerprint (``kg.hashes``) for the content hash each graph carries."""

    articles: tuple[Article, ...]
    max_seconds: float
    pipeline: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    """One outcome per article of the job, in its order, and the seconds spent per stage."""

    outcomes: tuple[Outcome, ...]
    times: dict[str, float]


@dataclass(slots=True)
class _State:
    extractor: Extractor
    validator: ShapesValidator


_STATE: _State | None = None  # the model and shapes of this process, for check_batch


def check_batch(job: Job) -> BatchResult:
    """Parse, extract, map and validate ``job.articles`` with this process's model (loaded
    before the workers were forked; see ``worker_state``)."""
    from kg.extract import ExtractionFailed

    state = _STATE
    if state is None:
        raise RuntimeError("kg.worker.check_batch needs worker_state() in this process first")
    report = IngestReport()
    found: dict[int, Outcome] = {}  # by id() of the article: parse yields refusals early
    with Deadline(job.max_seconds) as deadline:
        for parsed in timed(state.extractor.parse(job.articles), report, "parse"):
            if isinstance(parsed, ExtractionFailed):  # longer than the model accepts
                found[id(parsed.article)] = Refusal("extract", parsed.reason)
                continue
            doc, article = parsed
            outcome = check_article(
                doc, article, state.extractor, state.validator, report, deadline, job.pipeline
            )
            if isinstance(outcome, Refusal):
                found[id(article)] = outcome
                continue
            extraction, graph = outcome
            started = time.perf_counter()
            rendered = render_nquads(graph, ox_iri(str(graph_iri(article.id))))
            report.times["load"] += time.perf_counter() - started
            found[id(article)] = Checked(
                nquads=rendered.text,
                graph_iri=rendered.graph,
                blank=rendered.blank,
                triples=len(rendered),
                events=len(extraction.events),
                actors=tuple(a.key for a in extraction.actors),
                places=tuple(p.key for p in extraction.places),
            )
    outcomes = tuple(found[id(article)] for article in job.articles)
    return BatchResult(outcomes, {k: report.times[k] for k in WORKER_STAGES})


def worker_state(extractor: Extractor | None, validator: ShapesValidator | None) -> None:
    """Make ``extractor`` and ``validator`` this process's, for ``check_batch`` here and in
    the workers forked from it (None, None: forget them)."""
    global _STATE
    _STATE = None if extractor is None or validator is None else _State(extractor, validator)


def init_worker(parent: int) -> None:
    """In each worker, at its start: ignore Ctrl-C, die with the parent, own SQLite."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # forked while the parent held Ctrl-C
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent(parent)
    state = _STATE
    if state is not None and state.extractor.geocoder is not None:
        from kg.geo.gazetteer import Gazetteer
        from kg.geo.geocode import Geocoder

        gazetteer = Gazetteer(state.extractor.geocoder.gazetteer.path)
        state.extractor.geocoder = Geocoder(gazetteer)


def _die_with_parent(parent: int) -> None:
    """On Linux, have the kernel kill this worker when the parent dies (then it cannot keep
    the store's lock files open); elsewhere a worker may outlive a parent killed by SIGKILL."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)
