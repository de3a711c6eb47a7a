"""Re-ingesting skips what is unchanged, by content hash (``kg.hashes``), and only that."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kg.extract
import kg.hashes
from kg.extract import Extractor
from kg.hashes import DEFAULT_MODELS, Fingerprint, content_hash, fingerprint, model_files
from kg.ingest_report import IngestReport
from kg.model import Article
from kg.pipeline import IngestOptions, ingest, retry
from kg.quarantine import Quarantine
from kg.rdf.iris import graph as graph_iri
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.resources import shapes_dir
from kg.store import open_store
from tests.cli.invoke import run

ARTICLES = {
    "a": "Rebels captured the town of Rawadi in Qunaitera on Saturday.",
    "b": "Government troops shelled the village of Kafr Nabl in Idlib.",
    "c": "Police arrested 12 protesters in Nairobi on Monday.",
}


def _write(folder: Path, texts: dict[str, str], titles: dict[str, str] | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "in.jsonl"
    rows = [
        {"id": i, "text": t, "published": "2015-03-07", "title": (titles or {}).get(i)}
        for i, t in texts.items()
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _export(store: Path) -> list[str]:
    """The articles' quads, sorted (the ontology graph, reloaded at each run, has blank nodes)."""
    with open_store(store, read_only=True) as s:
        out = io.BytesIO()
        s.export(out, "nquads")
    ontology = f"<{ONTOLOGY_GRAPH}> ."
    lines = out.getvalue().decode("utf-8").splitlines()
    return sorted(line for line in lines if not line.endswith(ontology))


def _hashes(store: Path) -> dict[str, str]:
    with open_store(store, read_only=True) as s:
        return kg.hashes.stored_hashes(s)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles that reach the model's parse, in this test."""
    seen: list[str] = []
    original = Extractor.parse

    def spying(self: Extractor, articles: Any) -> Iterator[Any]:
        def spy() -> Iterator[Article]:
            for article in articles:
                seen.append(article.id)
                yield article

        return original(self, spy())

    monkeypatch.setattr(Extractor, "parse", spying)
    return seen


# --- the hash and the fingerprint (no model) --------------------------------------------------


def test_the_hash_covers_what_reaches_the_graph_and_the_pipeline_not_the_origin() -> None:
    base = Article("a", "text", "title", "https://x.org/a", dt.date(2015, 3, 7), "SANA", "f:1")
    digest = content_hash(base, "p")
    assert len(digest) == 64 and set(digest) <= set("0123456789abcdef")
    assert content_hash(Article("a", "text", "title", "https://x.org/a", dt.date(2015, 3, 7),
                                "SANA", "elsewhere.jsonl:9"), "p") == digest  # fmt: skip
    changed = [
        Article("b", "text", "title", "https://x.org/a", dt.date(2015, 3, 7), "SANA"),
        Article("a", "text.", "title", "https://x.org/a", dt.date(2015, 3, 7), "SANA"),
        Article("a", "text", None, "https://x.org/a", dt.date(2015, 3, 7), "SANA"),
        Article("a", "text", "title", None, dt.date(2015, 3, 7), "SANA"),
        Article("a", "text", "title", "https://x.org/a", dt.date(2015, 3, 8), "SANA"),
        Article("a", "text", "title", "https://x.org/a", dt.datetime(2015, 3, 7), "SANA"),
        Article("a", "text", "title", "https://x.org/a", dt.date(2015, 3, 7), None),
    ]
    digests = {content_hash(article, "p") for article in changed}
    assert len(digests) == len(changed) and digest not in digests
    assert content_hash(base, "q") != digest
    # fields cannot run into each other
    assert content_hash(Article("ab", "c"), "p") != content_hash(Article("a", "bc"), "p")


def test_the_fingerprint_follows_the_code_data_shapes_and_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "kg"
    (package / "data").mkdir(parents=True)
    (package / "rules.py").write_text("X = 1\n")
    (package / "data" / "lexicon.tsv").write_text("shell\tattack\n")
    (package / "__pycache__").mkdir()
    monkeypatch.setattr(kg.hashes, "_PACKAGE_DIR", package)
    shapes = tmp_path / "shapes"
    shutil.copytree(shapes_dir(), shapes)
    monkeypatch.setenv("KG_SHAPES_DIR", str(shapes))
    model = tmp_path / "model"
    model.mkdir()
    (model / "meta.json").write_text('{"lang": "en", "name": "test", "version": "1.0.0"}')
    (model / "weights.bin").write_bytes(b"\0" * 10)
    monkeypatch.setenv("KG_MODEL", str(model))

    first = fingerprint()
    assert first.model == "en_test 1.0.0"
    assert fingerprint() == first  # the same kg, the same fingerprint
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"compiled")
    assert fingerprint() == first  # caches are not the code

    def changes(edit: Any) -> Fingerprint:
        before = fingerprint()
        edit()
        after = fingerprint()
        assert after.digest != before.digest, edit
        return after

    changes(lambda: (package / "rules.py").write_text("X = 2\n"))
    changes(lambda: (package / "data" / "lexicon.tsv").write_text("shell\tattack\nraid\t\n"))
    changes(lambda: (shapes / "extra.ttl").write_text("# another shapes file\n"))
    changes(lambda: (model / "weights.bin").write_bytes(b"\1" * 11))
    label = changes(lambda: (model / "meta.json").write_text('{"lang": "en", "name": "test", '
                                                             '"version": "1.0.1"}'))  # fmt: skip
    assert label.model == "en_test 1.0.1"
    assert fingerprint(model="no_such_model_here").model == "unknown model no_such_model_here"


def test_default_models_are_the_loaders() -> None:
    from kg.extract.nlp import DEFAULT_MODELS as LOADED

    assert DEFAULT_MODELS == LOADED


# --- ingest with the real model ---------------------------------------------------------------


@pytest.mark.model
def test_the_model_label_without_loading_it_is_the_loaded_models(extractor: Any) -> None:
    label, files = model_files()
    assert label == extractor.model_name and files


@pytest.mark.model
def test_an_unchanged_corpus_is_skipped_without_loading_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, store = _write(tmp_path / "in", ARTICLES), tmp_path / "store"
    first = ingest([str(source)], store)
    assert first.loaded == 3 and first.unchanged == 0
    before, hashes = _export(store), _hashes(store)
    assert set(hashes) == {str(graph_iri(i)) for i in ARTICLES}  # one hash in each graph

    def refuse(name: str | None = None) -> Any:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(kg.extract, "load_model", refuse)
    again = ingest([str(source)], store)
    assert (again.read, again.loaded, again.unchanged, again.quarantined_count) == (3, 0, 3, 0)
    assert again.model == first.model and again.exit_code == 0
    assert again.times["parse"] == again.times["extract"] == 0.0
    assert again.store_triples == first.store_triples
    assert _export(store) == before


@pytest.mark.model
def test_only_a_changed_article_is_processed_again(tmp_path: Path, parsed: list[str]) -> None:
    store = tmp_path / "store"
    ingest([str(_write(tmp_path / "in", ARTICLES))], store)
    hashes = _hashes(store)
    parsed.clear()
    changed = {**ARTICLES, "b": ARTICLES["b"].replace("Idlib", "Hama")}
    report = ingest([str(_write(tmp_path / "in", changed))], store)
    assert parsed == ["b"] and (report.loaded, report.unchanged) == (1, 2)
    after = _hashes(store)
    assert after[str(graph_iri("b"))] != hashes[str(graph_iri("b"))]
    b = str(graph_iri("b"))
    assert {k: v for k, v in after.items() if k != b} == {k: v for k, v in hashes.items() if k != b}
    parsed.clear()  # metadata reaches the graph too: a new title is a change
    report = ingest([str(_write(tmp_path / "in", changed, {"c": "Arrests"}))], store)
    assert parsed == ["c"] and (report.loaded, report.unchanged) == (1, 2)


@pytest.mark.model
def test_a_changed_fingerprint_processes_everything_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]
) -> None:
    source, store = _write(tmp_path / "in", ARTICLES), tmp_path / "store"
    ingest([str(source)], store)
    before = _hashes(store)
    shapes = tmp_path / "shapes"
    shutil.copytree(shapes_dir(), shapes)
    with (shapes / "kg.shapes.ttl").open("a", encoding="utf-8") as f:
        f.write("\n# a comment is enough: any change to the shapes used is a change\n")
    monkeypatch.setenv("KG_SHAPES_DIR", str(shapes))
    parsed.clear()
    report = ingest([str(source)], store)
    assert sorted(parsed) == sorted(ARTICLES) and (report.loaded, report.unchanged) == (3, 0)
    after = _hashes(store)
    assert set(after) == set(before) and not set(after.values()) & set(before.values())
    parsed.clear()
    report = ingest([str(source)], store)  # under the new shapes: unchanged
    assert parsed == [] and report.unchanged == 3


@pytest.mark.model
def test_force_processes_everything_and_the_summary_counts_the_unchanged(
    tmp_path: Path, parsed: list[str]
) -> None:
    source, store = _write(tmp_path / "in", ARTICLES), tmp_path / "store"
    ingest([str(source)], store)
    before = _export(store)
    done = run("ingest", str(source), "--store", str(store))
    assert done.code == 0 and "3 read, 0 loaded, 3 unchanged, 0 quarantined" in done.stderr
    assert "parse 0.00 s" in done.stderr
    parsed.clear()
    done = run("ingest", str(source), "--store", str(store), "--force")
    assert done.code == 0 and "3 read, 3 loaded, 0 quarantined" in done.stderr
    assert sorted(parsed) == sorted(ARTICLES)
    assert _export(store) == before  # the same graphs, the same hashes


@pytest.mark.model
def test_an_unchanged_quarantined_article_stays_there_unparsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]
) -> None:
    original = Extractor.extract_doc

    def flaky(self: Extractor, doc: Any, article: Article) -> Any:
        if "Nairobi" in article.text:
            raise ValueError("rule tripped")
        return original(self, doc, article)

    monkeypatch.setattr(Extractor, "extract_doc", flaky)  # code, not the fingerprint, changes
    store, folder = tmp_path / "store", tmp_path / "in"
    source = _write(folder, ARTICLES)
    first = ingest([str(source)], store)
    assert first.loaded == 2 and first.quarantined_count == 1
    (entry,) = Quarantine(store / "quarantine").entries()
    assert entry.article_id == "c" and entry.content_hash is not None
    assert json.loads((entry.folder / "entry.json").read_text())["hash"] == entry.content_hash

    parsed.clear()
    again = ingest([str(source)], store, IngestOptions(strict=True))
    assert parsed == [] and (again.unchanged, again.still_quarantined) == (2, 1)
    assert again.quarantined_count == 0 and again.exit_code == 3  # --strict: still not loaded
    assert (
        run("ingest", str(source), "--store", str(store)).stderr.count(
            "1 unchanged still quarantined"
        )
        == 1
    )
    assert retry(store).quarantined_count == 1 and parsed == ["c"]  # retry always runs it

    # a refusal by the time limit depends on the load and --max-seconds: always tried again
    meta = json.loads((entry.folder / "entry.json").read_text())
    (entry.folder / "entry.json").write_text(json.dumps({**meta, "stage": "timeout"}))
    parsed.clear()
    assert ingest([str(source)], store).quarantined_count == 1 and parsed == ["c"]

    # "c" loaded, then a refused version, then "c" as loaded again: its stale entry goes
    monkeypatch.setattr(Extractor, "extract_doc", original)
    assert ingest([str(source)], store).still_quarantined == 1  # the fix is not in kg's files
    assert retry(store).loaded == 1
    monkeypatch.setattr(Extractor, "extract_doc", flaky)
    changed = _write(folder, {**ARTICLES, "c": ARTICLES["c"] + " Nairobi."})
    assert ingest([str(changed)], store).quarantined_count == 1
    parsed.clear()
    back = ingest([str(_write(folder, ARTICLES))], store)
    assert parsed == [] and back.unchanged == 3 and back.still_quarantined == 0
    assert list(Quarantine(store / "quarantine").entries()) == []


@pytest.mark.model
def test_a_failed_write_leaves_no_hash_without_its_graph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: list[str]
) -> None:
    """The hash is a triple of the article's own graph, written by the same transaction
    (``Store.replace_graphs``: one SPARQL update, all or nothing), so a crash between
    batches leaves each article either loaded with its hash or absent and re-processed."""
    from kg.errors import StoreError
    from kg.store.embedded import EmbeddedStore

    original = EmbeddedStore._write  # under replace_graphs and write_behind
    calls = []

    def crashing(self: EmbeddedStore, db: Any, batch: Any) -> None:
        calls.append(batch.names)
        if len(calls) == 3:  # the ontology, the first batch, then the crash
            raise StoreError("disk full")
        original(self, db, batch)

    monkeypatch.setattr(EmbeddedStore, "_write", crashing)
    source, store = _write(tmp_path / "in", ARTICLES), tmp_path / "store"
    with pytest.raises(StoreError):
        ingest([str(source)], store, IngestOptions(batch_size=1))
    assert list(_hashes(store)) == [str(graph_iri("a"))]
    with open_store(store, read_only=True) as s:
        assert not s.has_graph(str(graph_iri("b")))
    monkeypatch.setattr(EmbeddedStore, "_write", original)
    parsed.clear()
    report = ingest([str(source)], store)
    assert parsed == ["b", "c"] and (report.unchanged, report.loaded) == (1, 2)


def test_exit_code_strict_counts_the_unchanged_still_quarantined() -> None:
    assert IngestReport(read=3, still_quarantined=1).exit_code == 0
    assert IngestReport(read=3, still_quarantined=1, strict=True).exit_code == 3
    assert IngestReport(read=3, unchanged=3, strict=True).exit_code == 0
