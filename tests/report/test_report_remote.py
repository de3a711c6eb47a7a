"""``kg report`` on a remote store (a real ``oxigraph serve``) gives the embedded store's page."""

from __future__ import annotations

from pathlib import Path

from tests.cli.invoke import run
from tests.golden_store import build_golden_store
from tests.report.conftest import MakeReport
from tests.store.oxigraph_server import oxigraph_server


def test_a_remote_store_gives_the_same_page(
    golden_store: Path, make_report: MakeReport, tmp_path: Path
) -> None:
    with oxigraph_server(tmp_path / "db") as server:
        build_golden_store(server.url)  # a URL: open_store writes to the remote store
        target = tmp_path / "remote.html"
        outcome = run("report", "--store", server.url, "-o", str(target), "--where", "type=attack",
                      "--where", "type=armed-clash")  # fmt: skip
        assert outcome.code == 0, outcome.stderr
    remote = target.read_text(encoding="utf-8")
    local = make_report("--where", "type=attack", "--where", "type=armed-clash").read_text()
    assert remote.count("<tr data-event=") == 5
    assert remote.replace(server.url, str(golden_store)) == local
