"""``kg.parallel``: ``ingest`` with worker processes gives the store and the quarantine of one
process; the time limit holds inside workers; a worker that dies loses no article.

Workers are forked from the test process, so what a test patches here runs in them too.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import signal
import time
from pathlib import Path
from typing import Any

import pytest

import kg.parallel
import kg.rdf.iris
import kg.rdf.mapping
from kg.article_check import Refusal
from kg.errors import KgError
from kg.extract import Extractor
from kg.ingest_report import IngestReport
from kg.model import Article
from kg.pipeline import IngestOptions, ingest
from kg.quarantine import Quarantine
from kg.store import open_store
from kg.validate import ShapesValidator
from kg.worker import BatchResult, Checked, Job, check_batch, worker_state
from tests.conftest import SEEDS

pytestmark = pytest.mark.model

ONTOLOGY = b"<https://w3id.org/kg/graph/ontology> .\n"  # its blank nodes differ at each load


def _corpus(tmp_path: Path) -> Path:
    """The seeds as JSON Lines, every third without a title, and two short articles."""
    lines = []
    for i, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        title = None if i % 3 == 0 else f"Seed {i}"
        lines.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "title": title})
    lines.append({"id": "bad", "text": "Gunmen attacked a market in Kano on Friday."})
    lines.append({"id": "map", "text": "Police arrested 12 protesters in Nairobi on Monday."})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return corpus


def _quads(store_path: Path) -> list[bytes]:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        store.export(out, "nquads")
    return sorted(q for q in out.getvalue().splitlines(keepends=True) if not q.endswith(ONTOLOGY))


def _quarantine(store_path: Path) -> dict[str, dict[str, str]]:
    """Every entry's files by name (its folder's path aside)."""
    entries = Quarantine(store_path / "quarantine").entries()
    return {e.article_id: {f.name: f.read_text() for f in e.folder.iterdir()} for e in entries}


def test_workers_load_the_same_quads_and_quarantine_the_same_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = tmp_path / "shapes"  # the SHACL gate refuses articles without a headline
    shapes.mkdir()
    (shapes / "strict.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "<urn:x:headline> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;\n"
        "  sh:property [ sh:path schema:headline ; sh:minCount 1 ;\n"
        '    sh:message "needs a headline" ] .\n'
    )
    monkeypatch.setenv("KG_SHAPES_DIR", str(shapes))
    extract_doc, to_triples = Extractor.extract_doc, kg.rdf.mapping.to_triples

    def flaky(self: Extractor, doc: Any, article: Article) -> Any:
        if article.id == "bad":
            raise ValueError("rule tripped")
        return extract_doc(self, doc, article)

    def broken(extraction: Any, model_name: str = "unknown", digest: str | None = None) -> Any:
        if extraction.article.id == "map":
            raise KeyError("an actor key with no actor")
        return to_triples(extraction, model_name, digest)

    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    monkeypatch.setattr(kg.rdf.mapping, "to_triples", broken)
    monkeypatch.setattr(kg.parallel, "BATCH", 2)  # several batches in flight, one part-full
    corpus = str(_corpus(tmp_path))
    one = ingest([corpus], tmp_path / "one", IngestOptions(batch_size=3))
    two = ingest([corpus], tmp_path / "two", IngestOptions(batch_size=3, workers=2))

    assert one.read == two.read == 11
    assert (one.loaded, one.quarantined_stages) == (6, {"validate": 3, "extract": 1, "map": 1})
    assert (two.loaded, two.quarantined_stages) == (one.loaded, one.quarantined_stages)
    assert [e.article_id for e in two.quarantined] == [e.article_id for e in one.quarantined]
    assert (two.actors, two.places) == (one.actors, one.places)
    assert (two.events, two.triples, two.store_triples) == (
        one.events,
        one.triples,
        one.store_triples,
    )
    assert _quads(tmp_path / "two") == _quads(tmp_path / "one")
    assert len(_quads(tmp_path / "one")) == one.triples
    entries = _quarantine(tmp_path / "two")
    assert entries == _quarantine(tmp_path / "one")
    assert (
        "needs a headline"
        in next(iter(e for e in entries.values() if "report.txt" in e))["report.txt"]
    )
    assert two.times["extract"] > 0 and two.times["validate"] > 0  # the workers' times
    assert two.times["parse"] > 0
    again = ingest([corpus], tmp_path / "two", IngestOptions(batch_size=3, workers=2))
    assert (again.read, again.unchanged, again.still_quarantined) == (11, 6, 5)  # none parsed
    assert again.loaded == again.quarantined_count == 0
    assert _quads(tmp_path / "two") == _quads(tmp_path / "one")


def test_the_time_limit_holds_inside_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor.extract_doc

    def slow(self: Extractor, doc: Any, article: Article) -> Any:
        if article.id == "bad":
            time.sleep(3600)  # interrupted by the limit, or the test hangs
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", slow)
    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        '{"id": "bad", "text": "Gunmen attacked a market in Kano on Friday."}\n'
        '{"id": "good", "text": "Police arrested 12 protesters in Nairobi on Monday."}\n'
    )
    report = ingest([str(corpus)], tmp_path / "store", IngestOptions(max_seconds=2, workers=2))
    assert report.loaded == 1
    (entry,) = report.quarantined
    assert entry.article_id == "bad" and entry.stage == "timeout"
    assert "2-second limit" in entry.reason and "(in extract)" in entry.reason
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_a_killed_worker_loses_no_article_and_one_that_always_kills_is_quarantined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor.extract_doc
    marker = tmp_path / "killed-once"

    def deadly(self: Extractor, doc: Any, article: Article) -> Any:
        if article.id == "once" and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if article.id == "always":
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", deadly)
    monkeypatch.setattr(kg.parallel, "BATCH", 2)
    ids = ["a", "once", "b", "c", "d", "always", "e", "f"]
    corpus = tmp_path / "in.jsonl"
    text = "Police arrested {} protesters in Nairobi on Monday."
    corpus.write_text("".join(json.dumps({"id": i, "text": text.format(n + 2)}) + "\n"
                              for n, i in enumerate(ids)))  # fmt: skip
    report = ingest([str(corpus)], tmp_path / "store", IngestOptions(workers=2))

    assert marker.exists()  # "once" did kill its worker
    assert report.read == 8 and report.loaded == 7
    (entry,) = report.quarantined
    assert entry.article_id == "always" and entry.stage == "worker"
    assert "died twice" in entry.reason and "kg quarantine retry" in entry.reason
    with open_store(tmp_path / "store", read_only=True) as store:
        graphs = [g for g in store.graph_names() if "/graph/ontology" not in g]
    assert sorted(g.rsplit("/", 1)[1] for g in graphs) == sorted(set(ids) - {"always"})


def test_check_batch_is_a_picklable_unit_of_work_in_input_order(extractor: Extractor) -> None:
    articles = (
        Article(id="x", text="Police arrested 12 protesters in Nairobi on Monday."),
        Article(id="long", text="Gunmen attacked a market. " * 40),
        Article(id="y", text="Gunmen attacked a market in Kano on Friday."),
    )
    job = pickle.loads(pickle.dumps(Job(articles, max_seconds=0, pipeline="test")))
    worker_state(extractor, ShapesValidator())
    limit, extractor.nlp.max_length = extractor.nlp.max_length, 500
    try:
        result = check_batch(job)
    finally:
        extractor.nlp.max_length = limit
        worker_state(None, None)
    result = pickle.loads(pickle.dumps(result))
    assert isinstance(result, BatchResult)
    x, long, y = result.outcomes
    assert isinstance(x, Checked) and isinstance(y, Checked)
    assert isinstance(long, Refusal) and long.stage == "extract"  # parse refuses it first
    assert x.events >= 1 and x.triples == len(x.graph()) > 10
    assert "https://w3id.org/kg/" in x.nquads.decode()
    # N-Quads in the article's graph, each line counted by the worker: the parent only forwards
    assert x.graph_iri == f"<{kg.rdf.iris.graph('x')}>"
    lines = x.nquads.splitlines(keepends=True)
    assert len(lines) == x.triples and all(
        q.endswith(f" {x.graph_iri} .\n".encode()) for q in lines
    )


def test_check_batch_without_worker_state_says_so() -> None:
    with pytest.raises(RuntimeError, match="worker_state"):
        check_batch(Job((), max_seconds=0, pipeline="test"))


def test_workers_need_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    outcomes = kg.parallel.check_in_workers([], None, None, 2, 0, "test", IngestReport())  # type: ignore[arg-type]
    with pytest.raises(KgError, match="--workers 1"):
        next(outcomes)
