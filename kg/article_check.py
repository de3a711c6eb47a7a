"""One parsed article through kg's rules, the RDF mapping and the SHACL gate, under the time
limit: its extraction and triples, or the ``Refusal`` that quarantines it. The same steps
whether ``kg.pipeline`` runs them in this process, ``kg.parallel`` in forked workers or
``kg.distributed`` on a Dask cluster."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.deadline import Deadline, Timeout
from kg.hashes import content_hash
from kg.ingest_report import IngestReport
from kg.model import Article, Extraction

if TYPE_CHECKING:
    from kg.extract import Extractor
    from kg.rdf.mapping import Triples
    from kg.validate import ShapesValidator

__all__ = ["Refusal", "check_article"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why an article was not loaded: the stage that refused it and what the quarantine keeps."""

    stage: str
    reason: str
    turtle: str | None = None
    shacl_report: str | None = None

    def entry(self) -> tuple[str, str, str | None, str | None]:
        return self.stage, self.reason, self.turtle, self.shacl_report


def check_article(
    doc: Any,
    article: Article,
    extractor: Extractor,
    validator: ShapesValidator,
    report: IngestReport,
    deadline: Deadline,
    pipeline: str,
) -> tuple[Extraction, Triples] | Refusal:
    """The rules, the mapping and the SHACL gate on one parsed article, under the time limit;
    ``pipeline`` is the run's fingerprint, for the article's content hash in its graph."""
    from kg.rdf.mapping import graph_of, to_triples
    from kg.validate import format_report

    stage = "extract"
    clock = time.perf_counter()

    def lap() -> float:
        nonlocal clock
        now, before = time.perf_counter(), clock
        clock = now
        return now - before

    try:
        with deadline.article():
            try:
                extraction = extractor.extract_doc(doc, article)
            except Exception as exc:  # a rule tripping on one text must not stop the batch
                log.debug("extraction failed for %s", article.id, exc_info=True)
                return Refusal("extract", f"{type(exc).__name__}: {exc}")
            finally:
                report.times["extract"] += lap()
            stage = "map"
            try:
                digest = content_hash(article, pipeline)
                triples = to_triples(extraction, extractor.model_name, digest)
            except (KeyError, ValueError) as exc:  # records that do not fit together
                log.debug("mapping failed for %s", article.id, exc_info=True)
                return Refusal("map", f"cannot be mapped to RDF: {type(exc).__name__}: {exc}")
            finally:
                report.times["map"] += lap()
            stage = "validate"
            result = validator.validate(triples)
            report.times["validate"] += lap()
            if not result.conforms:
                reason = f"does not conform to the shapes ({result.violations} violations)"
                turtle = graph_of(triples).serialize(format="turtle")
                return Refusal("validate", reason, turtle, format_report(result))
            return extraction, triples
    except Timeout:
        report.times[stage] += lap()
        reason = (
            f"took more than the {deadline.seconds:g}-second limit per article (in {stage}); "
            "pass a larger --max-seconds, or 0 for no limit"
        )
        return Refusal("timeout", reason)
