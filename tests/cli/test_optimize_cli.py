"""``kg optimize``: the embedded store compacted, every quad kept; clear errors otherwise."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.embedded import DB_DIR
from tests.cli.invoke import run
from tests.store.sample import build_store, graphs


def _quads(store: Path) -> list[bytes]:
    out = io.BytesIO()
    with open_store(store, read_only=True) as opened:
        opened.export(out, "nquads")
    return sorted(out.getvalue().splitlines())


def _tables(store: Path) -> int:
    return sum(1 for p in (store / DB_DIR).iterdir() if p.suffix == ".sst")


def test_optimize_keeps_every_quad_and_merges_the_tables(tmp_path: Path) -> None:
    store = tmp_path / "store"
    for n in range(6):  # six writers, each leaving its own tables behind
        with open_store(store) as opened:
            opened.replace_graphs(
                {f"https://w3id.org/kg/graph/r{n}-{i}": g for i, g in enumerate(graphs().values())}
            )
    before, tables = _quads(store), _tables(store)
    done = run("optimize", "--store", str(store))
    assert done.code == 0, done.stderr
    assert done.stderr.startswith(f"Optimized {store} in ") and " MB -> " in done.stderr
    assert _quads(store) == before
    assert _tables(store) < tables


def test_a_missing_store_says_to_ingest_first(tmp_path: Path) -> None:
    done = run("optimize", "--store", str(tmp_path / "none"))
    assert done.code == 1 and "kg ingest" in done.stderr
    assert not (tmp_path / "none").exists()


def test_a_remote_store_keeps_its_own_storage() -> None:
    done = run("optimize", "--store", "http://127.0.0.1:1/kg")
    assert done.code == 1 and "remote store" in done.stderr


def test_a_store_in_use_is_refused(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    with open_store(store):
        done = run("optimize", "--store", str(store))
    assert done.code != 0 and "in use by another kg process" in done.stderr


@pytest.mark.parametrize("args", [["optimize", "--help"]])
def test_help_has_an_example(args: list[str]) -> None:
    done = run(*args)
    assert done.code == 0 and "kg ingest seeds/ && kg optimize" in done.stdout
