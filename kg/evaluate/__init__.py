"""Measure kg's extraction against third-party gold: ACLED event records, CASE 2021 snippets
and Dstl re3d's entity and relation spans.

    from kg.evaluate import AcledOptions, evaluate_acled, evaluate_case2021
    from kg.evaluate.report import render_acled

    report = evaluate_acled(Path("acled_dev.csv"), AcledOptions(limit=200))
    print(render_acled(report))        # or json.dumps(report.to_json())

Modules: ``acled`` (gold notes from an ACLED CSV), ``case2021`` (the CASE 2021 task 2
snippets), ``re3d`` (re3d's entities and relations, and their scoring), ``predict`` (an
``Extraction`` reduced to what is scored), ``tally`` (ACLED scoring), ``scoring`` (P/R/F1,
rates, confusion, distances), ``names`` (place-name folding), ``report`` (targets and text
rendering). The rules are in docs/EVAL.md. Extraction streams:
each ``Extraction`` is reduced to a small ``Prediction`` at once and dropped.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from kg.errors import InputError
from kg.evaluate.acled import Note, read_notes
from kg.evaluate.case2021 import CaseReport, CaseTally, Snippet, read_snippets
from kg.evaluate.predict import Policy, Prediction, predict
from kg.evaluate.re3d import Document, Re3dPrediction, predict_re3d, read_documents
from kg.evaluate.re3d_tally import Re3dReport, Re3dTally
from kg.evaluate.tally import AcledReport, AcledTally
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from kg.extract import ExtractionFailed, Extractor

__all__ = [
    "AcledOptions",
    "AcledReport",
    "CaseReport",
    "Progress",
    "Re3dReport",
    "evaluate_acled",
    "evaluate_case2021",
    "evaluate_re3d",
    "extract_each",
    "prediction_of",
]

Progress = Callable[[int, int, float], None]  # done, total, seconds so far


class _HasArticle(Protocol):
    @property
    def article(self) -> Article: ...


T = TypeVar("T", bound=_HasArticle)


@dataclass(frozen=True, slots=True)
class AcledOptions:
    limit: int | None = None  # the first N distinct notes
    country: str | None = None  # only rows of this country (case-insensitive)
    policy: Policy = "top"
    model: str | None = None  # spaCy model; None: kg's default
    examples: int = 10  # worst examples kept
    dated: bool = True  # a note is published when ACLED first recorded its rows (timestamp)


def extract_each(
    items: Iterable[T], extractor: Extractor, progress: Progress | None = None, total: int = 0
) -> Iterator[tuple[T, Extraction | ExtractionFailed]]:
    """Each item with the extraction of its article, streaming (spaCy parses in batches)."""
    pending: deque[T] = deque()

    def articles() -> Iterator[Article]:
        for item in items:
            pending.append(item)
            yield item.article

    start = time.perf_counter()
    for done, result in enumerate(extractor.extract(articles()), start=1):
        item = pending.popleft()
        assert item.article.id == result.article.id
        if progress is not None:
            progress(done, total, time.perf_counter() - start)
        yield item, result


def prediction_of(result: Extraction | ExtractionFailed, policy: Policy) -> Prediction:
    if isinstance(result, Extraction):
        return predict(result, policy)
    return Prediction.empty(failed=result.reason)


def _extractor(model: str | None) -> Extractor:
    from kg.extract import Extractor

    return Extractor(model)


def evaluate_acled(
    path: Path,
    options: AcledOptions | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> AcledReport:
    """Run kg on each distinct note of an ACLED CSV export and score it against the rows."""
    options = options or AcledOptions()
    notes: list[Note] = read_notes(
        path, limit=options.limit, country=options.country, dated=options.dated
    )
    if not notes:
        which = f" of country {options.country!r}" if options.country else ""
        raise InputError(str(path), f"holds no notes{which}; check the file and --country")
    extractor = extractor or _extractor(options.model)
    tally = AcledTally(options.policy, options.examples)
    start = time.perf_counter()
    for note, result in extract_each(notes, extractor, progress, len(notes)):
        tally.add(note, prediction_of(result, options.policy))
    return tally.report(
        file=str(path),
        model=extractor.model_name,
        limit=options.limit,
        country=options.country,
        published="timestamp" if options.dated else None,
        seconds=round(time.perf_counter() - start, 1),
    )


def evaluate_case2021(
    path: Path,
    *,
    model: str | None = None,
    examples: int = 10,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> CaseReport:
    """Run kg on each CASE 2021 task 2 snippet and score its top ACLED sub-event type."""
    snippets: list[Snippet] = read_snippets(path)
    if not snippets:
        raise InputError(str(path), "holds no snippets")
    extractor = extractor or _extractor(model)
    tally = CaseTally(examples)
    start = time.perf_counter()
    for snippet, result in extract_each(snippets, extractor, progress, len(snippets)):
        tally.add(snippet, prediction_of(result, "top"))
    return tally.report(
        file=str(path),
        model=extractor.model_name,
        seconds=round(time.perf_counter() - start, 1),
    )


def evaluate_re3d(
    path: Path,
    *,
    model: str | None = None,
    examples: int = 10,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> Re3dReport:
    """Run kg on each re3d document and score its entity spans and its relations."""
    documents: list[Document] = read_documents(path)
    if not documents:
        raise InputError(str(path), "holds no documents")
    extractor = extractor or _extractor(model)
    tally = Re3dTally(examples)
    start = time.perf_counter()
    for document, result in extract_each(documents, extractor, progress, len(documents)):
        if isinstance(result, Extraction):
            tally.add(document, predict_re3d(result))
        else:
            tally.add(document, Re3dPrediction(frozenset(), (), failed=result.reason))
    return tally.report(
        file=str(path),
        model=extractor.model_name,
        seconds=round(time.perf_counter() - start, 1),
    )
