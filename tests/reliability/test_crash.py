"""``kill -9`` at random moments of ``kg ingest`` leaves a store of whole articles; a rerun
finishes the job with exactly the quads of an uninterrupted run.

The moments are drawn from a seeded RNG (the seed and moment are in any failure message):
eight stratified over the uninterrupted run's wall time x 1.1 (model load, the batches, the
end), and two just after the store's files change (inside or right after a transaction).
bench/crash.py runs the same campaign with more kills.
Then ``kg export`` and ``kg query`` are killed while they read the finished store.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
from pathlib import Path

import pytest

from tests.reliability.campaign import (
    Broken,
    Content,
    campaign,
    check_whole,
    content_of,
    kg_command,
    kg_env,
    leftovers,
)
from tests.reliability.conftest import Reference

pytestmark = pytest.mark.model

SEED = 20261127


def test_kills_leave_whole_articles_and_a_rerun_completes(
    reference: Reference, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    result = campaign(
        reference.args, store, reference.content, reference.timeline,
        seed=SEED, kills=8, writes=2,
    )  # fmt: skip
    assert result.survived >= 10, f"seed {SEED}: only {result.survived} runs were killed"
    # the kills landed across the run: some before the store held any article, some after
    assert any(k.killed and k.articles == 0 for k in result.kills), result.kills
    assert any(k.killed and k.articles > 0 for k in result.kills), result.kills
    _kill_readers(store, reference, tmp_path / "out.nq")


def _kill_readers(store: Path, reference: Reference, output: Path) -> None:
    """Kill ``kg export -o`` while it reads (around when ``kg ingest`` opened the store, the
    same imports done): the store is unaffected and no partial output file is left."""
    moment = random.Random(SEED).uniform(0.6, 1.2) * reference.timeline.opened
    _kill_at(kg_command("export", "--store", str(store), "-o", str(output)), moment)
    where = f"seed {SEED}, kg export killed at {moment:.3f} s"
    assert not output.exists() or read_content_of_file(output) == reference.content, where
    try:
        check_whole(store, reference.content)
    except Broken as exc:
        raise Broken(f"{where}: {exc}") from exc
    assert leftovers(store) == [], where


def read_content_of_file(path: Path) -> Content:
    return content_of(path.read_bytes())


def _kill_at(command: list[str], moment: float) -> None:
    proc = subprocess.Popen(
        command, env=kg_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        proc.wait(timeout=moment)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
