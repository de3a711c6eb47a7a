"""What one ingest did (``IngestReport``): counts, what was refused and why, and where the
time went, by stage. A report keeps at most ``KEEP`` problems and quarantine entries for the
summary; all are counted."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.quarantine import Entry
from kg.sources import Problem, ReadStats

__all__ = ["KEEP", "STAGES", "IngestReport", "Progress", "timed"]

log = logging.getLogger(__name__)

# setup: model, shapes, GeoNames, hashes; parse: the model's nlp.pipe; extract: kg's rules
STAGES = ("setup", "read", "parse", "extract", "map", "validate", "load", "compact")
KEEP = 10_000  # problems and quarantine entries a report keeps for its summary (all are counted)


@dataclass(slots=True)
class IngestReport:
    """What one ingest did: counts, what was refused and why, and where the time went."""

    read: int = 0
    loaded: int = 0
    unchanged: int = 0  # skipped: the store holds their graph from the same content and kg
    still_quarantined: int = 0  # skipped: refused by the same kg, and still in the quarantine
    quarantined: list[Entry] = field(default_factory=list)  # the first KEEP
    problems: list[Problem] = field(default_factory=list)  # the first KEEP
    quarantined_stages: Counter[str] = field(default_factory=Counter)  # all, by stage
    problem_kinds: Counter[str] = field(default_factory=Counter)  # all, by Problem.kind
    skipped: ReadStats = field(default_factory=ReadStats)  # files in folders that are not articles
    actors: set[str] = field(default_factory=set)  # distinct keys, not one per article
    places: set[str] = field(default_factory=set)
    events: int = 0
    triples: int = 0
    store_triples: int = 0
    seconds: float = 0.0
    times: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    model: str = ""
    strict: bool = False

    @property
    def quarantined_count(self) -> int:
        return sum(self.quarantined_stages.values())

    @property
    def unreadable_count(self) -> int:
        return sum(self.problem_kinds.values())

    @property
    def exit_code(self) -> int:
        """1 when no article could be read; else 0, or with ``strict`` 3 when an article was
        quarantined (by this run, or earlier and skipped unchanged) and 1 when an input could
        not be read."""
        if self.read == 0:
            return 1
        if self.strict and (self.quarantined_count or self.still_quarantined):
            return 3
        if self.strict and self.unreadable_count:
            return 1
        return 0

    def add_problem(self, problem: Problem) -> None:
        log.info("unreadable %s: %s", problem.origin, problem.reason)
        self.problem_kinds[problem.kind] += 1
        if len(self.problems) < KEEP:
            self.problems.append(problem)

    def add_quarantined(self, entry: Entry) -> None:
        log.info("quarantined %s (%s): %s", entry.article_id, entry.stage, entry.reason)
        self.quarantined_stages[entry.stage] += 1
        if len(self.quarantined) < KEEP:
            self.quarantined.append(entry)


Progress = Callable[[IngestReport], None]


def timed(items: Iterator[Any], report: IngestReport, stage: str) -> Iterator[Any]:
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
