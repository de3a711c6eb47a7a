"""``kg ingest`` as a library call: read, extract, map, validate, load; a report per run.

    report = ingest(["seeds/"], Path("kg-store"))
    print(report.loaded, report.quarantined, report.exit_code)

Every article ends in exactly one place: loaded into the store (its named graph replaced, all
or nothing), quarantined with its reason (SHACL gate or extraction failure), or reported as an
input problem. Loads are batched (one transaction per batch of articles).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rdflib import Graph

from kg.model import Article, Extraction
from kg.quarantine import Entry, Quarantine
from kg.sources import Problem, ReadStats, read_articles

log = logging.getLogger(__name__)

STAGES = ("setup", "read", "extract", "map", "validate", "load")  # setup: model, shapes, GeoNames


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, what was refused and why, and where the time went."""

    read: int = 0
    loaded: int = 0
    quarantined: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: ReadStats = field(default_factory=ReadStats)  # files in folders that are not articles
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    events: int = 0
    triples: int = 0
    store_triples: int = 0
    seconds: float = 0.0
    times: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    model: str = ""

    @property
    def exit_code(self) -> int:
        """3 when an article failed the shapes or extraction, 1 when an input could not be
        read or there was nothing to ingest, else 0."""
        if self.quarantined:
            return 3
        if self.problems or self.read == 0:
            return 1
        return 0


@dataclass(frozen=True, slots=True)
class IngestOptions:
    model: str | None = None
    batch_size: int = 64  # articles per store transaction
    max_bytes: int = 5_000_000
    stdin: IO[Any] | None = None


Progress = Callable[[IngestReport], None]


def ingest(
    paths: Sequence[str],
    store_path: Path,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest articles from ``paths`` (files, folders, ``-``) into the store at ``store_path``."""
    from kg.extract import ExtractionFailed, Extractor
    from kg.rdf.iris import graph as graph_iri
    from kg.rdf.mapping import to_graph
    from kg.store import load_ontology, open_store
    from kg.validate import ShapesValidator, format_report

    options = options or IngestOptions()
    report = IngestReport()
    started = time.perf_counter()
    validator = ShapesValidator()
    extractor = Extractor(options.model)  # the model, the lexicons, the GeoNames index
    report.model = extractor.model_name
    report.times["setup"] = time.perf_counter() - started
    quarantine = Quarantine(store_path / "quarantine")
    with open_store(store_path) as store:
        load_ontology(store)
        batch: dict[str, Graph] = {}
        batch_ids: list[str] = []

        def flush() -> None:
            if not batch:
                return
            t = time.perf_counter()
            store.replace_graphs(batch)
            report.times["load"] += time.perf_counter() - t
            for article_id in batch_ids:
                quarantine.release(article_id)
            report.loaded += len(batch)
            batch.clear()
            batch_ids.clear()

        articles = _timed(_articles(paths, options, report), report, "read")
        for item in _timed(extractor.extract(articles), report, "extract"):
            if isinstance(item, ExtractionFailed):
                entry = quarantine.put(item.article, "extract", item.reason)
                report.quarantined.append(entry)
                continue
            t = time.perf_counter()
            try:
                graph = to_graph(item, extractor.model_name)
            except (KeyError, ValueError) as exc:  # records that do not fit together
                log.debug("mapping failed for %s", item.article.id, exc_info=True)
                reason = f"cannot be mapped to RDF: {type(exc).__name__}: {exc}"
                report.quarantined.append(quarantine.put(item.article, "map", reason))
                continue
            t2 = time.perf_counter()
            result = validator.validate(graph)
            t3 = time.perf_counter()
            report.times["map"] += t2 - t
            report.times["validate"] += t3 - t2
            if not result.conforms:
                reason = f"does not conform to the shapes ({result.violations} violations)"
                turtle = graph.serialize(format="turtle")
                entry = quarantine.put(
                    item.article, "validate", reason, turtle, format_report(result)
                )
                report.quarantined.append(entry)
                continue
            _count(report, item, graph)
            batch[str(graph_iri(item.article.id))] = graph
            batch_ids.append(item.article.id)
            if len(batch) >= options.batch_size:
                flush()
            if progress is not None:
                progress(report)
        flush()
        report.times["extract"] -= report.times["read"]  # the reader runs inside the model's pipe
        report.store_triples = store.triple_count()
    report.seconds = time.perf_counter() - started
    return report


def _articles(
    paths: Sequence[str], options: IngestOptions, report: IngestReport
) -> Iterator[Article]:
    items = read_articles(
        paths, stdin=options.stdin, max_bytes=options.max_bytes, stats=report.skipped
    )
    for item in items:
        if isinstance(item, Problem):
            log.info("skipped %s: %s", item.origin, item.reason)
            report.problems.append(item)
            continue
        report.read += 1
        yield item


def _timed(items: Iterator[Any], report: IngestReport, stage: str) -> Iterator[Any]:
    """Charge the time spent producing each item to ``stage`` (generators are lazy)."""
    iterator = iter(items)
    while True:
        t = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            report.times[stage] += time.perf_counter() - t
            return
        report.times[stage] += time.perf_counter() - t
        yield item


def _count(report: IngestReport, extraction: Extraction, graph: Graph) -> None:
    report.actors.update(a.key for a in extraction.actors)
    report.places.update(p.key for p in extraction.places)
    report.events += len(extraction.events)
    report.triples += len(graph)
