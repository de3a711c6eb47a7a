"""``kg ingest``, ``kg query`` and ``kg export`` over a real ``oxigraph serve``, with the real
model: the seeds give the same graphs as in the embedded store, also when the server dies
mid-run and the ingest is run again; re-ingesting skips what is unchanged, replaces the rest."""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from rdflib.compare import isomorphic

from kg.errors import StoreWriteError
from kg.ingest_report import IngestReport
from kg.pipeline import IngestOptions, ingest
from tests.cli.invoke import run
from tests.conftest import SEEDS
from tests.store.oxigraph_server import OxigraphServer
from tests.store.sample import parse_dataset

pytestmark = pytest.mark.model

ARTICLES = sorted(p.stem for p in SEEDS.glob("*.txt"))


def quads(store: str | Path) -> Dataset:
    done = run("export", "--store", str(store), "--format", "nq")
    assert done.code == 0, done.stderr
    return parse_dataset(done.stdout.encode("utf-8"), "nquads")


def same_graphs(ours: Dataset, theirs: Dataset) -> None:
    names = {g.identifier for g in theirs.graphs() if len(g)}
    assert {g.identifier for g in ours.graphs() if len(g)} == names
    for name in names:
        assert isomorphic(ours.graph(name), theirs.graph(name)), name


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("embedded") / "store"
    assert ingest([str(SEEDS)], path).loaded == len(ARTICLES)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    running = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "db")
    running.start()
    try:
        yield running
    finally:
        running.kill(signal.SIGTERM)


@pytest.fixture(scope="module")
def remote(
    server: OxigraphServer,
    embedded: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch_module: pytest.MonkeyPatch,
) -> str:
    """The seeds ingested into the server, which is killed after the first batch of two and
    restarted (same location and port) before the ingest is run again."""
    monkeypatch_module.setenv("KG_STORE_RETRIES", "1")
    monkeypatch_module.setenv("KG_STORE_BACKOFF", "0.05")
    options = IngestOptions(batch_size=2, quarantine=tmp_path_factory.mktemp("quarantine"))

    def kill_after_the_first_batch(report: IngestReport) -> None:
        if report.loaded == 2 and server.pid is not None:
            server.kill()

    with pytest.raises(StoreWriteError) as caught:
        ingest([str(SEEDS)], server.url, options, kill_after_the_first_batch)
    assert caught.value.unwritten == ARTICLES[2:4]
    message = str(caught.value)
    assert f"not written: {ARTICLES[2]}, {ARTICLES[3]} (the articles after them" in message
    assert "run the same command again" in message
    server.start()
    report = ingest([str(SEEDS)], server.url, options)
    assert (report.unchanged, report.loaded, report.quarantined_count) == (2, 7, 0)
    return server.url


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_seeds_give_the_same_graphs_as_in_the_embedded_store(
    remote: str, embedded: Path
) -> None:
    same_graphs(quads(remote), quads(embedded))


def test_reingest_skips_unchanged_and_replaces_a_changed_article(
    remote: str, embedded: Path, tmp_path: Path
) -> None:
    quarantine = tmp_path / "quarantine"
    report = ingest([str(SEEDS)], remote, IngestOptions(quarantine=quarantine))
    assert (report.read, report.unchanged, report.loaded) == (9, 9, 0)
    before = report.store_triples
    assert before == sum(len(g) for g in quads(embedded).graphs())
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    first = folder / f"{ARTICLES[0]}.txt"
    text = first.read_text(encoding="utf-8")
    first.write_text(text[: text.index(". ", 300) + 1], encoding="utf-8")
    report = ingest([str(folder)], remote, IngestOptions(quarantine=quarantine))
    assert (report.unchanged, report.loaded) == (8, 1)
    assert report.store_triples < before  # the long seed's graph was replaced by a short one
    done = run("query", "--store", remote, "--format", "csv", "--named", "article-events",
               "--param", f"article={ARTICLES[0]}")  # fmt: skip
    short = first.read_text(encoding="utf-8")
    assert all(row.split(",")[1] in short for row in done.stdout.splitlines()[1:])
    assert ingest([str(SEEDS)], remote, IngestOptions(quarantine=quarantine)).loaded == 1


@pytest.mark.parametrize(
    "args",
    [
        ("--named", "timeline", "--format", "csv"),
        ("--named", "events-at-place", "--param", "place=Hama", "--format", "tsv"),
        ("--named", "article-events", "--param", f"article={ARTICLES[1]}"),
        ("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a sem:Event }", "--format", "json"),
        ("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a sem:Event ; rdfs:label ?l }", "--format",
         "nt"),
    ],
)  # fmt: skip
def test_kg_query_answers_as_on_the_embedded_store(
    remote: str, embedded: Path, args: tuple[str, ...]
) -> None:
    ours = run("query", *args, "--store", remote)
    theirs = run("query", *args, "--store", str(embedded))
    assert ours.code == theirs.code == 0, ours.stderr
    if "nt" in args:
        assert sorted(ours.stdout.splitlines()) == sorted(theirs.stdout.splitlines())
    else:
        assert ours.stdout == theirs.stdout
    assert len(ours.stdout) > 100


def test_kg_export_of_one_article_is_the_same(remote: str, embedded: Path) -> None:
    for fmt in ("turtle", "nt"):
        ours = run("export", "--store", remote, "--article", ARTICLES[2], "--format", fmt)
        theirs = run("export", "--store", str(embedded), "--article", ARTICLES[2], "--format", fmt)
        assert ours.code == 0, ours.stderr
        assert ours.stdout == theirs.stdout, fmt


def test_kg_quarantine_uses_the_local_folder(remote: str, tmp_path: Path) -> None:
    done = run("quarantine", "list", "--store", remote, "--quarantine", str(tmp_path / "q"))
    assert done.code == 0
    assert f"The quarantine of {remote} is empty" in done.stderr
