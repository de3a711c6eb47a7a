"""``kg.distributed``: ``kg ingest --scheduler`` on a real Dask cluster (a scheduler and two
worker processes on 127.0.0.1, started here and stopped by their process ids) loads the same
quads as one process, in input order; a failing task is retried, then its article alone is
quarantined; a worker that dies loses nothing; the time limit holds in Dask's worker threads.

The workers run ``tests/dask_faults.py`` as a preload: faults keyed by article id.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import kg.distributed
from kg.cli import cli
from kg.errors import ClusterError
from kg.ingest_report import IngestReport
from kg.pipeline import IngestOptions, ingest
from kg.store import open_store
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.model

ONTOLOGY = b"<https://w3id.org/kg/graph/ontology> .\n"  # its blank nodes differ at each load
SHORT = {
    "kano": "Gunmen attacked a market in Kano on Friday, killing 12 people, police said.",
    "nairobi": "Police arrested 12 protesters in Nairobi on Monday.",
    "aleppo": "Syrian government forces shelled rebel positions in Aleppo on Sunday.",
    "mosul": "An air strike killed four Islamic State fighters near Mosul, the coalition said.",
}


def _distributed() -> None:
    """Skip without Dask here, except in CI, which installs it (the ``test`` extra)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("dask[distributed] is not installed; the `test` extra installs it")
        pytest.skip("dask[distributed] is not installed")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop a process started here by its id: SIGTERM (a Dask worker's nanny then stops its
    worker), SIGKILL to its process group if it does not exit."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-threaded workers (each with its nanny, which restarts a
    worker that dies), all on 127.0.0.1; the scheduler's address."""
    _distributed()
    folder = tmp_path_factory.mktemp("dask")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "KG_TEST_DIED": str(folder / "died"),
    }
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, log: str) -> None:
        with (folder / log).open("wb") as out:
            command = [sys.executable, "-m", *args]
            process = subprocess.Popen(
                command, env=env, cwd=folder, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
            started.append(process)

    file = folder / "scheduler.json"
    try:
        start(
            "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
            "--no-dashboard", "--scheduler-file", str(file), log="scheduler.log",
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while not file.exists() or not file.read_text().strip():
            if time.monotonic() > deadline or started[0].poll() is not None:
                pytest.fail("the Dask scheduler did not start: " + _log(folder / "scheduler.log"))
            time.sleep(0.2)
        address = json.loads(file.read_text())["address"]
        for n in (1, 2):
            start(
                "distributed.cli.dask_worker", address, "--nthreads", "1", "--host", "127.0.0.1",
                "--no-dashboard", "--memory-limit", "0", "--death-timeout", "60",
                "--preload", str(ROOT / "tests" / "dask_faults.py"), "--name", f"w{n}",
                "--local-directory", str(folder / f"w{n}"), log=f"worker{n}.log",
            )  # fmt: skip
        yield address
    finally:
        for process in reversed(started):
            _stop(process)


def _log(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else "(no log)"


def _corpus(path: Path, articles: dict[str, str]) -> Path:
    lines = [json.dumps({"id": key, "text": text}) + "\n" for key, text in articles.items()]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _seeds() -> dict[str, str]:
    seeds = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    return {**seeds, **SHORT}


def _quads(store_path: Path) -> list[bytes]:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        store.export(out, "nquads")
    return sorted(q for q in out.getvalue().splitlines(keepends=True) if not q.endswith(ONTOLOGY))


def _counts(report: IngestReport) -> tuple[Any, ...]:
    return (
        report.read, report.loaded, report.unchanged, report.quarantined_count,
        len(report.actors), len(report.places), report.events, report.triples,
        report.store_triples, report.model,
    )  # fmt: skip


def test_a_cluster_loads_the_same_quads_as_one_process_and_skips_them_unchanged(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.distributed, "BATCH", 2)  # 7 tasks over both workers
    corpus = str(_corpus(tmp_path / "corpus.jsonl", _seeds()))
    one = ingest([corpus], tmp_path / "one", IngestOptions(batch_size=3))
    dask = ingest([corpus], tmp_path / "dask", IngestOptions(batch_size=3, scheduler=scheduler))
    assert _counts(dask) == _counts(one)
    assert dask.loaded == len(_seeds())
    assert _quads(tmp_path / "dask") == _quads(tmp_path / "one")
    again = ingest([corpus], tmp_path / "dask", IngestOptions(scheduler=scheduler))
    assert (again.loaded, again.unchanged) == (0, len(_seeds()))  # the same content hashes


def test_a_failing_task_is_retried_then_its_article_alone_is_quarantined(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.distributed, "BATCH", 3)
    articles = dict(SHORT)
    articles["boom"] = articles.pop("nairobi")  # raises in its task on the workers
    articles["die-once"] = SHORT["aleppo"].replace("Aleppo", "Homs")  # kills its first worker
    articles["slow"] = SHORT["mosul"].replace("Mosul", "Tikrit")  # rules over the time limit
    corpus = _corpus(tmp_path / "faults.jsonl", articles)
    result = CliRunner().invoke(
        cli,
        ["ingest", str(corpus), "--store", str(tmp_path / "s"), "--scheduler", scheduler,
         "--max-seconds", "3"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 loaded, 2 quarantined" in result.output
    assert "boom (worker): its Dask task failed on the cluster, again when run alone" in (
        result.output
    )
    assert "RuntimeError: boom on purpose" in result.output
    assert "slow (timeout): took more than the 3-second limit" in result.output
    with open_store(tmp_path / "s", read_only=True) as store:
        graphs = {name.rsplit("/", 1)[-1] for name in store.graph_names()}
    assert graphs == {"kano", "aleppo", "mosul", "die-once", "ontology"}
    # a retry runs on the cluster too (its workers hold the fault), then without it
    retry = ["quarantine", "retry", "boom", "--store", str(tmp_path / "s")]
    again = CliRunner().invoke(cli, [*retry, "--scheduler", scheduler])
    assert again.exit_code == 0, again.output
    assert "0 loaded, 1 quarantined" in again.output
    assert "boom (worker): its Dask task failed on the cluster" in again.output
    here = CliRunner().invoke(cli, retry)
    assert here.exit_code == 0 and "1 loaded, 0 quarantined" in here.output, here.output


def test_a_missing_dask_or_an_unreachable_scheduler_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(_corpus(tmp_path / "corpus.jsonl", {"kano": SHORT["kano"]}))
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(ClusterError, match=r"pip install 'kg\[dask\]'"):
        ingest([corpus], tmp_path / "s", IngestOptions(scheduler="tcp://127.0.0.1:1"))
    monkeypatch.undo()
    _distributed()
    import dask

    unreachable = r"cannot reach its scheduler.*`dask scheduler`"
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(ClusterError, match=unreachable),
    ):
        ingest([corpus], tmp_path / "s", IngestOptions(scheduler="tcp://127.0.0.1:1"))


def test_workers_and_scheduler_exclude_each_other(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", "seeds", "--store", str(tmp_path / "s"), "--workers", "2",
              "--scheduler", "tcp://127.0.0.1:1"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "--workers and --scheduler exclude each other" in result.output


def test_a_worker_with_another_fingerprint_stops_the_run_before_loading_anything() -> None:
    with pytest.raises(kg.distributed.WorkerSetupError, match="install the same kg, model"):
        kg.distributed._prepare(None, "0" * 64)  # not this kg's fingerprint
    assert kg.distributed._LOADED is None


def test_workers_that_disagree_on_their_fingerprint_are_one_clear_error() -> None:
    class Client:
        def wait_for_workers(self, n: int, timeout: float) -> None:
            pass

        def run(self, function: Any, model: str | None) -> dict[str, tuple[str, str]]:
            return {"tcp://a:1": ("1" * 64, "en_core_web_sm 3.8.0"), "tcp://b:1": ("2" * 64, "x")}

    with pytest.raises(ClusterError, match="different kg versions, models or shapes"):
        kg.distributed._agreed_fingerprint(Client(), "tcp://s:8786", None)


def test_a_failed_task_is_submitted_again_then_split_then_refused_article_by_article() -> None:
    from kg.model import Article

    submitted: list[tuple[str, ...]] = []

    def submit(task: kg.distributed._Task) -> kg.distributed._Task:
        submitted.append(tuple(a.id for a in task.articles))
        return task

    articles = (Article("a", "A."), Article("b", "B."))
    again = kg.distributed._again(kg.distributed._Task(articles), ValueError("x"), submit)
    assert [t.tries for t in again] == [1] and submitted == [("a", "b")]
    split = kg.distributed._again(again[0], kg.distributed.TaskFailed("KeyError: 'k'"), submit)
    assert submitted[1:] == [("a",), ("b",)] and [t.tries for t in split] == [1, 1]
    refused = kg.distributed._again(split[0], kg.distributed.TaskFailed("KeyError: 'k'"), submit)
    assert len(submitted) == 3 and refused[0].result is not None
    (refusal,) = refused[0].result.outcomes
    assert refusal.stage == "worker" and "KeyError: 'k'" in refusal.reason
