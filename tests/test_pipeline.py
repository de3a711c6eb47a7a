"""``kg.pipeline.ingest`` end to end on the real model: load, replace, quarantine, report."""

from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import pytest

import kg.ingest_report
import kg.pipeline
from kg.deadline import Deadline, Timeout
from kg.errors import StoreError
from kg.extract import Extractor
from kg.ingest_report import IngestReport
from kg.pipeline import IngestOptions, ingest, retry
from kg.quarantine import Entry, Quarantine
from kg.rdf.iris import graph as graph_iri
from kg.sources import Problem
from kg.store import open_store
from tests.conftest import SEED_ARTICLE, SEEDS

pytestmark = pytest.mark.model

SEED_ID = SEED_ARTICLE.stem


def _count(store_path: Path) -> int:
    with open_store(store_path, read_only=True) as store:
        return store.triple_count()


def _has_graph(store_path: Path, article_id: str) -> bool:
    with open_store(store_path, read_only=True) as store:
        return store.has_graph(str(graph_iri(article_id)))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    store = tmp_path_factory.mktemp("pipeline") / "store"
    return store, ingest([str(SEEDS)], store)


def test_every_seed_is_loaded(seeded: tuple[Path, IngestReport]) -> None:
    store, report = seeded
    seeds = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert report.read == report.loaded == len(seeds) >= 6
    assert report.exit_code == 0
    assert not report.quarantined and not report.problems
    assert report.events > 20 and len(report.actors) > 10 and len(report.places) > 10
    for article_id in seeds:
        assert _has_graph(store, article_id)
    assert report.store_triples == _count(store) > report.triples  # + ontology and taxonomy
    # every stage is timed, setup (model, shapes, GeoNames index) included, and they add up
    assert list(report.times) == [
        "setup", "read", "parse", "extract", "map", "validate", "load", "compact"
    ]  # fmt: skip
    assert report.times["compact"] == 0  # nine articles: far below OPTIMIZE_AFTER
    assert report.times["parse"] > 0 and report.times["extract"] > 0
    assert report.times["setup"] > 0 and sum(report.times.values()) <= report.seconds


def test_ingesting_again_changes_nothing(seeded: tuple[Path, IngestReport]) -> None:
    store, first = seeded
    again = ingest([str(SEEDS)], store)  # skipped by their content hashes (tests/test_rehash.py)
    assert again.loaded == 0 and again.unchanged == first.loaded == again.read
    assert again.store_triples == first.store_triples == _count(store)
    forced = ingest([str(SEEDS)], store, IngestOptions(force=True))
    assert forced.loaded == first.loaded and forced.unchanged == 0
    assert forced.store_triples == first.store_triples == _count(store)


def test_a_changed_article_replaces_its_old_graph(tmp_path: Path) -> None:
    article = tmp_path / "in" / "report.txt"
    article.parent.mkdir()
    article.write_text("Rebels captured the town of Rawadi in Qunaitera on Saturday.\n")
    store = tmp_path / "store"
    ingest([str(article.parent)], store)
    article.write_text("Government troops shelled the village of Kafr Nabl in Idlib.\n")
    ingest([str(article.parent)], store)
    with open_store(store, read_only=True) as s:
        labels = {
            str(row[0])
            for row in s.query(
                "SELECT ?l WHERE { GRAPH ?g { ?p a sem:Place ; rdfs:label|skos:altLabel ?l } }"
            ).rows
        }
    assert "Kafr Nabl" in labels and "Rawadi" not in labels


def test_an_article_failing_the_shapes_is_quarantined_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shapes = tmp_path / "shapes"
    shapes.mkdir()
    strict = (
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix schema: <https://schema.org/> .\n"
        "<urn:x:headline> a sh:NodeShape ; sh:targetClass schema:NewsArticle ;\n"
        "  sh:property [ sh:path schema:headline ; sh:minCount 1 ;\n"
        '    sh:message "needs a headline" ] .\n'
    )
    (shapes / "strict.ttl").write_text(strict)
    monkeypatch.setenv("KG_SHAPES_DIR", str(shapes))
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(SEED_ARTICLE, source)
    store = tmp_path / "store"
    report = ingest([str(source)], store, IngestOptions(strict=True))
    assert report.exit_code == 3  # --strict; without it a run that read articles exits 0
    assert report.loaded == 0 and report.quarantined_stages == {"validate": 1}
    (entry,) = report.quarantined
    assert entry.article_id == SEED_ID and entry.stage == "validate"
    assert not _has_graph(store, SEED_ID)
    assert "needs a headline" in (entry.folder / "report.txt").read_text()
    assert (entry.folder / "graph.ttl").stat().st_size > 1000
    meta = json.loads((entry.folder / "entry.json").read_text())
    assert meta["id"] == SEED_ID
    # once it passes, loading it releases the quarantine entry
    monkeypatch.delenv("KG_SHAPES_DIR")
    report = ingest([str(source)], store)
    assert report.loaded == 1 and report.exit_code == 0
    assert not entry.folder.exists()
    assert _has_graph(store, SEED_ID)


def test_an_extraction_failure_is_quarantined_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor.extract_doc

    def flaky(self: Extractor, doc: Any, article: Any) -> Any:
        if article.id == "bad":
            raise ValueError("rule tripped")
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    source = tmp_path / "in"
    source.mkdir()
    (source / "bad.txt").write_text("Gunmen attacked a market in Kano on Friday.\n")
    (source / "good.txt").write_text("Police arrested 12 protesters in Nairobi on Monday.\n")
    report = ingest([str(source)], tmp_path / "store")
    assert report.loaded == 1 and report.exit_code == 0
    (entry,) = report.quarantined
    assert entry.article_id == "bad" and entry.stage == "extract"
    assert "rule tripped" in entry.reason


def test_unreadable_inputs_are_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "empty.txt").write_text("   \n")
    (source / "ok.txt").write_text("Militants shelled the town of Halfaya in Hama.\n")
    report = ingest([str(source), str(tmp_path / "missing.txt")], tmp_path / "store")
    assert report.loaded == 1
    assert len(report.problems) == 2
    assert report.problem_kinds == {"empty": 1, "missing-path": 1}
    assert report.exit_code == 0  # articles were read; --strict makes it 1


def test_a_mapping_failure_is_quarantined_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.rdf.mapping

    original = kg.rdf.mapping.to_triples

    def broken(extraction: Any, model_name: str = "unknown", digest: str | None = None) -> Any:
        if extraction.article.id == "bad":
            raise KeyError("an actor key with no actor")
        return original(extraction, model_name, digest)

    monkeypatch.setattr(kg.rdf.mapping, "to_triples", broken)
    source = tmp_path / "in"
    source.mkdir()
    (source / "bad.txt").write_text("Gunmen attacked a market in Kano on Friday.\n")
    (source / "good.txt").write_text("Police arrested 12 protesters in Nairobi on Monday.\n")
    report = ingest([str(source)], tmp_path / "store")
    assert report.loaded == 1 and report.exit_code == 0
    (entry,) = report.quarantined
    assert entry.article_id == "bad" and entry.stage == "map"
    assert "an actor key with no actor" in entry.reason


def _two_articles(tmp_path: Path) -> Path:
    source = tmp_path / "in"
    source.mkdir()
    (source / "bad.txt").write_text("Gunmen attacked a market in Kano on Friday.\n")
    (source / "good.txt").write_text("Police arrested 12 protesters in Nairobi on Monday.\n")
    return source


def test_an_article_over_the_time_limit_is_quarantined_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor.extract_doc

    def slow(self: Extractor, doc: Any, article: Any) -> Any:
        if article.id == "bad":
            time.sleep(3600)  # interrupted by the limit, or the test hangs
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", slow)
    store = tmp_path / "store"
    report = ingest([str(_two_articles(tmp_path))], store, IngestOptions(max_seconds=3))
    assert report.loaded == 1 and report.exit_code == 0
    (entry,) = report.quarantined
    assert entry.article_id == "bad" and entry.stage == "timeout"
    assert "3-second limit" in entry.reason and "(in extract)" in entry.reason
    assert "--max-seconds" in entry.reason
    assert _has_graph(store, "good") and not _has_graph(store, "bad")
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL  # the run's handler is gone


def test_retry_loads_what_now_passes_and_keeps_the_rest_with_the_new_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Extractor.extract_doc
    error = ["rule tripped"]

    def flaky(self: Extractor, doc: Any, article: Any) -> Any:
        if article.id == "bad" and error:
            raise ValueError(error[0])
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    store = tmp_path / "store"
    first = ingest([str(_two_articles(tmp_path))], store)
    assert first.loaded == 1 and first.quarantined_count == 1
    error[0] = "still tripping"
    again = retry(store)
    assert again.read == 1 and again.loaded == 0 and again.exit_code == 0
    (entry,) = Quarantine(store / "quarantine").entries()
    assert entry.article_id == "bad" and "still tripping" in entry.reason
    assert retry(store, ["bad"], IngestOptions(strict=True)).exit_code == 3
    error.clear()  # the rules are fixed
    fixed = retry(store, ["bad"])
    assert fixed.loaded == 1 and fixed.exit_code == 0
    assert list(Quarantine(store / "quarantine").entries()) == []
    assert _has_graph(store, "bad") and _has_graph(store, "good")
    with pytest.raises(StoreError, match="kg quarantine list"):
        retry(store, ["bad"])


# --- no model needed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("read", "quarantined", "unreadable", "lenient", "strict"),
    [
        (3, 0, 0, 0, 0),
        (3, 1, 0, 0, 3),
        (3, 0, 2, 0, 1),
        (3, 1, 2, 0, 3),
        (0, 0, 2, 1, 1),
        (0, 0, 0, 1, 1),
    ],
)
def test_exit_code_lenient_and_strict(
    read: int, quarantined: int, unreadable: int, lenient: int, strict: bool
) -> None:
    for is_strict, expected in ((False, lenient), (True, strict)):
        report = IngestReport(read=read, strict=is_strict)
        report.quarantined_stages["validate"] = quarantined
        report.problem_kinds["binary"] = unreadable
        assert report.exit_code == expected, is_strict


def test_a_report_counts_every_refusal_and_keeps_a_bounded_list(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(kg.ingest_report, "KEEP", 3)
    report = IngestReport()
    for n in range(10):
        report.add_problem(Problem(f"in.jsonl:{n}", "is not valid JSON", "bad-json"))
        report.add_quarantined(Entry(f"a{n}", "x", "validate", "r", tmp_path))
    assert report.unreadable_count == report.quarantined_count == 10
    assert len(report.problems) == len(report.quarantined) == 3
    assert report.problem_kinds == {"bad-json": 10}


def test_the_deadline_interrupts_an_article_and_then_stays_quiet() -> None:
    with Deadline(0.05) as deadline:
        with pytest.raises(Timeout), deadline.article():
            time.sleep(30)
        with deadline.article():
            pass  # finished in time: the timer is off
        time.sleep(0.1)  # no late alarm
    with Deadline(0) as off, off.article():  # 0: no limit, no timer
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_an_article_longer_than_the_model_accepts_is_quarantined_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.extract.nlp import load_model

    real = load_model

    def short_model(name: str | None = None) -> Any:
        nlp = real(name)
        nlp.max_length = 300
        return nlp

    monkeypatch.setattr("kg.extract.load_model", short_model)
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = "Rebels shelled Hama on 3 March 2015, killing 2 civilians."
    (inputs / "good.txt").write_text(good, encoding="utf-8")
    (inputs / "long.txt").write_text("Police arrested 3 people in Kabul. " * 20, encoding="utf-8")
    report = ingest([str(inputs)], tmp_path / "store")
    assert report.loaded == 1
    [entry] = report.quarantined
    assert entry.article_id == "long" and entry.stage == "extract"
    assert "more than the model's limit of 300" in entry.reason


@pytest.mark.parametrize(("after", "compacted"), [(1, True), (0, False), (10**9, False)])
def test_a_large_run_ends_by_compacting_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int, compacted: bool
) -> None:
    """A run that loaded at least ``optimize_after`` triples compacts the embedded store
    (``kg optimize``), and says how long it took; 0 never does, nor does a smaller run."""
    calls = _spy_on_optimize(monkeypatch)
    store = tmp_path / "store"
    report = ingest([str(SEED_ARTICLE)], store, IngestOptions(optimize_after=after))
    assert report.loaded == 1
    assert calls == ([store] if compacted else [])
    assert (report.times["compact"] > 0) is compacted
    assert _count(store) == report.store_triples  # every triple still there


def test_a_run_collects_young_garbage_less_often_and_puts_the_setting_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """During a run the collector's young generation waits for ``GC_YOUNG`` allocations (the
    model's and the rules' short-lived containers are freed by reference counting); after
    it, the process's own thresholds are back, also when the run fails."""
    import gc

    before = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    ingest([str(SEED_ARTICLE)], tmp_path / "s", progress=lambda _: seen.append(gc.get_threshold()))
    assert seen and all(t[0] >= kg.pipeline.GC_YOUNG and t[2] == before[2] for t in seen)
    assert gc.get_threshold() == before

    def fail(*_: Any) -> None:
        raise StoreError("the disk is full")

    monkeypatch.setattr(kg.pipeline, "_compact", fail)  # at the end of the run
    with pytest.raises(StoreError):
        ingest([str(SEED_ARTICLE)], tmp_path / "t")
    assert gc.get_threshold() == before


def test_the_batch_so_far_is_written_while_the_model_parses_the_last_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the input ends, the model still holds its last batch of articles: the articles
    checked so far are handed to the store then, beside that parse, so the write waited for
    at the end holds only the last ones. Every article is loaded all the same."""
    from kg.store.embedded import EmbeddedStore

    real_init, real_write = Extractor.__init__, EmbeddedStore.write_behind
    sizes: list[int] = []

    def small_batches(self: Extractor, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        self.batch_size = 2  # the model parses 2 articles at a time

    def spy(self: EmbeddedStore, graphs: Any) -> Any:
        sizes.append(len(graphs))
        return real_write(self, graphs)

    monkeypatch.setattr(Extractor, "__init__", small_batches)
    monkeypatch.setattr(EmbeddedStore, "write_behind", spy)
    report = ingest([str(SEEDS)], tmp_path / "s", IngestOptions(batch_size=100))
    assert report.loaded == report.read == 9
    assert len(sizes) == 2 and sum(sizes) == 9 and sizes[1] <= 2, sizes


def test_a_small_run_into_a_large_store_adds_to_the_count_instead_of_compacting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compaction rewrites the whole store, so a run compacts only once the triples loaded
    since the last compaction reach a quarter of the store (kg.store.compaction): a small run
    into a large store adds its triples to the count, and a later run that brings the count
    to a quarter compacts and starts it again."""
    from kg.store import compaction

    calls = _spy_on_optimize(monkeypatch)
    store = tmp_path / "store"
    options = IngestOptions(optimize_after=1)
    first = ingest([str(SEEDS)], store, options)  # into an empty store: compacts
    assert calls == [store] and compaction.loaded_since(store) == 0
    small = tmp_path / "small.txt"
    small.write_text("Gunmen attacked a police station in Kismayo on Monday.\n", encoding="utf-8")
    second = ingest([str(small)], store, options)
    assert 0 < second.triples < compaction.SHARE * first.store_triples
    assert calls == [store] and second.times["compact"] == 0
    assert compaction.loaded_since(store) == second.triples
    # a share one small run stays under and two pass (not exactly two runs' worth: the float
    # product can round above the count)
    monkeypatch.setattr(compaction, "SHARE", second.triples * 1.5 / second.store_triples)
    third = ingest([str(small)], store, IngestOptions(optimize_after=1, force=True))
    assert calls == [store, store] and third.times["compact"] > 0  # 2 small runs: the share
    assert compaction.loaded_since(store) == 0


def _spy_on_optimize(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The stores compacted from now on, in order (they are still compacted)."""
    from kg.store.embedded import EmbeddedStore

    calls: list[Path] = []
    original = EmbeddedStore.optimize

    def spy(self: EmbeddedStore) -> None:
        calls.append(self.path)
        original(self)

    monkeypatch.setattr(EmbeddedStore, "optimize", spy)
    return calls
