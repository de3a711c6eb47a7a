"""``kg ingest`` as a library call: read, extract, map, validate, load; a report per run.

    report = ingest(["seeds/"], Path("kg-store"))
    print(report.loaded, report.quarantined_count, report.exit_code)

Every article ends in exactly one place: loaded into the store (its named graph replaced, all
or nothing), quarantined with its reason (extraction, mapping or SHACL gate failure, or over
the time limit), or reported as an input problem. Loads are batched, each batch all or nothing
(``kg.store``); the embedded store writes a batch in a background thread while the next one is
parsed (``EmbeddedStore.write_behind``), and its articles count as loaded (and leave the
quarantine) once it is written. When the input ends, the batch so far is written while the model
parses its last articles, so the write the run waits for at its end is small. ``retry`` runs
quarantined articles through the same steps again. With ``IngestOptions.workers`` > 1 the parse,
rules, mapping and gate run in forked processes (``kg.parallel``), with
``IngestOptions.scheduler`` on a Dask cluster's workers (``kg.distributed``); this process
still reads, keeps input order and alone writes.

Unchanged articles are skipped as they are read, before the model sees them (``kg.hashes``):
one whose content hash, under this run's fingerprint of kg, its model and shapes, is the
hash stored in its graph (``unchanged``), or in its quarantine entry (``still_quarantined``;
``kg quarantine retry`` runs it again). ``IngestOptions.force`` processes everything. The
model is loaded when the first article to parse arrives: a run with nothing new never loads
it (the store is opened first all the same, so a second writer is refused at once).

Memory stays bounded on any corpus: articles are streamed one at a time (``kg.sources``) and
parsed in small batches; a report (``kg.ingest_report``) keeps counters, the distinct actor and
place keys seen (they grow with the names in the corpus, not with its size) and at most ``KEEP``
problems and quarantine entries for the summary (all are counted; the quarantine folder holds
every entry).
Outside this module, ``kg.sources`` remembers each id read, to refuse duplicates.

Time limit (``IngestOptions.max_seconds``): the rules, the RDF mapping and the SHACL check of
one article run under a ``SIGALRM`` timer; when it fires, a private exception interrupts the
article at the next Python step and the article is quarantined (stage ``timeout``). A single
call into C (one regex, one matcher pass) is not interrupted midway. The spaCy parse runs in
batches before the timer and is bounded by the size limit (``max_bytes``). Outside the main
thread (a Dask worker) a timer thread interrupts the article instead (``kg.deadline``).
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

from kg.article_check import Refusal, check_article
from kg.deadline import Deadline
from kg.hashes import Known, content_hash, fingerprint
from kg.ingest_report import IngestReport, Progress, timed
from kg.model import Article, Extraction
from kg.quarantine import Quarantine
from kg.sources import Problem, read_articles
from kg.store import compaction, quarantine_dir

if TYPE_CHECKING:
    from kg.distributed import Cluster
    from kg.extract import Extractor
    from kg.rdf.mapping import Triples
    from kg.store import InputTriple, Store
    from kg.validate import ShapesValidator

log = logging.getLogger(__name__)

OPTIMIZE_AFTER = 200_000  # triples loaded since the last compaction before the next (and SHARE)
GC_YOUNG = 20_000  # allocations between young-generation collections (_fewer_collections)


@dataclass(frozen=True, slots=True)
class IngestOptions:
    model: str | None = None
    batch_size: int = 64  # articles per store write (all or nothing)
    max_bytes: int = 5_000_000
    max_seconds: float = 120.0  # per article: rules, mapping, validation; 0 = no limit
    strict: bool = False  # exit code 3 or 1 when an article is quarantined or unreadable
    force: bool = False  # process unchanged articles too (kg.hashes)
    stdin: IO[Any] | None = None
    workers: int = 1  # processes for parse, rules, mapping and validation (kg/parallel.py)
    quarantine: Path | None = None  # default: kg.store.quarantine_dir (<store>/quarantine)
    scheduler: str | None = None  # a Dask scheduler's address: the same on its workers
    # compact the embedded store once this many triples, and a quarter of the store, were loaded
    # since its last compaction (0: never): what write batches leave costs every later query
    # (bench/PERF.md); kg.store.compaction
    optimize_after: int = OPTIMIZE_AFTER


_T = TypeVar("_T")
_Read = Callable[[IngestReport], Iterator[Article]]


def ingest(
    paths: Sequence[str],
    store_path: Path | str,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest articles from ``paths`` (files, folders, ``-``) into the store at ``store_path``."""
    options = options or IngestOptions()
    return _run(lambda report: _articles(paths, options, report), store_path, options, progress)


def retry(
    store_path: Path | str,
    article_ids: Sequence[str] | None = None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Run quarantined articles (``article_ids``, or all) through the pipeline again, changed
    or not: those that load leave the quarantine, the others stay with their new reason."""
    options = options or IngestOptions()
    quarantine = Quarantine(quarantine_dir(store_path, options.quarantine))
    everything = article_ids is None
    entries = list(quarantine.entries()) if everything else quarantine.require(article_ids or ())

    def read(report: IngestReport) -> Iterator[Article]:
        for entry in entries:
            report.read += 1
            yield quarantine.article(entry)

    return _run(read, store_path, replace(options, force=True), progress)


def _run(
    read: _Read, store_path: Path | str, options: IngestOptions, progress: Progress | None
) -> IngestReport:
    from kg.rdf.iris import graph as graph_iri
    from kg.store import load_ontology, open_store

    report = IngestReport(strict=options.strict)
    started = time.perf_counter()
    quarantine = Quarantine(quarantine_dir(store_path, options.quarantine))
    cluster = _cluster(options)
    # the store first: a second writer is told at once that it is in use, before any loading
    with (
        open_store(store_path) as store,
        quarantine.writing(),
        Deadline(options.max_seconds) as d,
        cluster as dask,
        _fewer_collections(),
    ):
        pipeline = fingerprint(options.model) if dask is None else dask.fingerprint
        report.model = pipeline.model  # the loaded model's own label once there is one
        known = None if options.force else Known.read(store, quarantine, pipeline.digest)
        load_ontology(store)
        report.times["setup"] = time.perf_counter() - started
        fresh = timed(_skip_unchanged(read(report), known, report, quarantine), report, "read")
        first = next(fresh, None)  # None: nothing to parse, and the model is never loaded
        if first is None:
            report.store_triples = store.triple_count()
            report.seconds = time.perf_counter() - started
            return report
        batch: dict[str, Iterable[InputTriple]] = {}
        batch_ids: list[str] = []
        writing: list[tuple[_Write, list[str]]] = []  # the batch being written, in the background

        def settle() -> None:
            """Wait for the batch being written; then its articles count as loaded."""
            t = time.perf_counter()
            while writing:
                write, ids = writing[0]
                write.wait()  # raises the write's StoreError here, on this thread
                writing.pop()
                for article_id in ids:
                    quarantine.release(article_id)
                report.loaded += len(ids)
            report.times["load"] += time.perf_counter() - t

        def flush() -> None:
            settle()
            if not batch:
                return
            t = time.perf_counter()
            write = _write_behind(store, batch)
            writing.append((write, list(batch_ids)))
            report.times["load"] += time.perf_counter() - t
            batch.clear()
            batch_ids.clear()
            if isinstance(write, _Written):  # a store that writes at once: count it now
                settle()

        def keep(article: Article, outcome: Iterable[InputTriple] | Refusal) -> None:
            if isinstance(outcome, Refusal):
                digest = content_hash(article, pipeline.digest)
                entry = quarantine.put(article, *outcome.entry(), content_hash=digest)
                report.add_quarantined(entry)
            else:
                batch[str(graph_iri(article.id))] = outcome
                batch_ids.append(article.id)
                if len(batch) >= options.batch_size:
                    flush()
            if progress is not None:
                progress(report)

        def flush_early(report: IngestReport) -> None:
            """The input has ended, the model holds its last articles: write the batch so
            far now, beside their parse, unless a write is still running (this would wait
            for it). The last write, waited for at the end, is then smaller."""
            if batch and all(write.done() for write, _ in writing):
                t = time.perf_counter()
                flush()
                report.times["parse"] -= time.perf_counter() - t  # it ran inside the parse

        articles = chain([first], fresh)
        if dask is not None:  # the same steps on a Dask cluster's workers (kg/distributed.py)
            dask.load(articles, options.max_seconds, pipeline.digest, report, keep)
        elif options.workers > 1:  # the same steps in worker processes (kg/parallel.py)
            from kg.parallel import load_in_workers

            extractor, validator = _load_model(options, report)
            load_in_workers(articles, extractor, validator, options, pipeline.digest, report, keep)
        else:
            from kg.extract import ExtractionFailed

            extractor, validator = _load_model(options, report)
            read_before = report.times["read"]
            to_parse = _then(articles, lambda: flush_early(report))
            for parsed in timed(extractor.parse(to_parse), report, "parse"):
                if isinstance(parsed, ExtractionFailed):  # longer than the model accepts
                    keep(parsed.article, Refusal("extract", parsed.reason))
                    continue
                doc, article = parsed
                outcome = check_article(
                    doc, article, extractor, validator, report, d, pipeline.digest
                )
                if not isinstance(outcome, Refusal):
                    _count(report, *outcome)
                keep(article, outcome if isinstance(outcome, Refusal) else outcome[1])
            # the reader runs inside the model's pipe
            report.times["parse"] -= report.times["read"] - read_before
        flush()
        settle()
        report.store_triples = store.triple_count()
        _compact(store, options, report)
    report.seconds = time.perf_counter() - started
    return report


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run with the garbage collector's young generation collected every ``GC_YOUNG``
    allocations instead of 700 (the middle one every 20 of those instead of 10), then put
    the thresholds back. The model, the rules and the mapping allocate many short-lived
    containers that reference counting frees, so most of the ~1,800 young collections of a
    200-article ingest found nothing, and the ~170 older ones walked the model's objects:
    0.52 s of a 22 s run in collections, 0.18 s with these thresholds (bench/PERF.md).
    Worker processes forked by ``kg.parallel`` inherit the setting."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG), max(before[1], 20), before[2])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _compact(store: Store, options: IngestOptions, report: IngestReport) -> None:
    """Compact an embedded store once enough was loaded since its last compaction: RocksDB's
    background compaction stops with this process, and the tables the write batches left
    would cost every query (named queries up to a fifth more on a million triples:
    bench/PERF.md). Enough is ``optimize_after`` triples and a share of the store
    (``kg.store.compaction``), so that a store fed by many runs is not rewritten whole by
    each. A remote store keeps its own storage."""
    from kg.store.embedded import EmbeddedStore

    if not isinstance(store, EmbeddedStore):
        return
    since = compaction.note_loaded(store.path, report.triples)
    if compaction.due(since, report.store_triples, options.optimize_after):
        t = time.perf_counter()
        store.optimize()
        report.times["compact"] += time.perf_counter() - t


def _load_model(options: IngestOptions, report: IngestReport) -> tuple[Extractor, ShapesValidator]:
    """The model, the lexicons, the GeoNames index and the shapes, for this process."""
    loading = time.perf_counter()
    from kg.extract import Extractor
    from kg.validate import ShapesValidator

    validator = ShapesValidator()
    extractor = Extractor(options.model)
    report.model = extractor.model_name
    report.times["setup"] += time.perf_counter() - loading
    return extractor, validator


def _cluster(options: IngestOptions) -> AbstractContextManager[Cluster | None]:
    """The Dask cluster of ``options.scheduler`` (connected on entering), or none."""
    if options.scheduler is None:
        return nullcontext()
    from kg.distributed import connect

    return connect(options.scheduler, options.model)


class _Write(Protocol):
    def wait(self) -> None: ...

    def done(self) -> bool: ...


class _Written:
    def wait(self) -> None:
        pass

    def done(self) -> bool:
        return True


def _write_behind(store: Store, graphs: dict[str, Iterable[InputTriple]]) -> _Write:
    """Start writing ``graphs``: in the background where the store can (the embedded store's
    ``write_behind``: the bulk loader beside the next batch's parse), else now."""
    behind = getattr(store, "write_behind", None)
    if behind is not None:
        write: _Write = behind(graphs)
        return write
    store.replace_graphs(graphs)
    return _Written()


def _articles(
    paths: Sequence[str], options: IngestOptions, report: IngestReport
) -> Iterator[Article]:
    items = read_articles(
        paths, stdin=options.stdin, max_bytes=options.max_bytes, stats=report.skipped
    )
    for item in items:
        if isinstance(item, Problem):
            report.add_problem(item)
            continue
        report.read += 1
        yield item


def _skip_unchanged(
    articles: Iterator[Article], known: Known | None, report: IngestReport, quarantine: Quarantine
) -> Iterator[Article]:
    """The articles that need processing: not those ``known`` holds unchanged (see module doc).
    An unchanged loaded article's stale quarantine entry (a later version was refused, then
    the input went back to this one) is released, as loading it again would have done."""
    for article in articles:
        verdict = "new" if known is None else known.verdict(article)
        if verdict == "new":
            yield article
        elif verdict == "quarantined":
            report.still_quarantined += 1
        else:
            report.unchanged += 1
            if known is not None and article.id in known.quarantined:  # a stale entry
                quarantine.release(article.id)


def _then(items: Iterable[_T], ended: Callable[[], None]) -> Iterator[_T]:
    """``items``, then a call of ``ended`` when they run out (from whoever pulls them)."""
    yield from items
    ended()


def _count(report: IngestReport, extraction: Extraction, triples: Triples) -> None:
    report.actors.update(a.key for a in extraction.actors)
    report.places.update(p.key for p in extraction.places)
    report.events += len(extraction.events)
    report.triples += len(triples)
