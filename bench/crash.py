"""A longer kill campaign than tests/reliability/test_crash.py, for docs/RELIABILITY.md.

    PYTHONPATH=. .venv/bin/python bench/crash.py --kills 50 > /tmp/crash.md

Builds the corpus (the seeds plus generated articles, tests/reliability/corpus.py), runs
``kg ingest`` once uninterrupted as the reference, then rounds of kills: each round starts a
fresh store, kills ``kg ingest`` on it with SIGKILL (four time kills stratified over the
reference's wall time x 1.1 for each write-triggered one, killed just after the database
files change), checks after every kill that the store opens as a reader and a writer and
holds only whole graphs of the reference, and ends with a run to completion that must give
the reference's quads. Prints the figures as markdown; exits 1 on the first failure, with
its seed and moment.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.campaign import (  # noqa: E402
    Broken,
    Campaign,
    quad_count,
    read_content,
    run_reference,
)
from tests.reliability.campaign import campaign as run_campaign  # noqa: E402
from tests.reliability.corpus import SEEDS, write_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50, help="kills in all (default 50)")
    parser.add_argument("--per-round", type=int, default=10, help="kills per fresh store")
    parser.add_argument("--articles", type=int, default=51, help="generated articles (+ 9 seeds)")
    parser.add_argument("--batch-size", default="4")
    parser.add_argument("--seed", type=int, default=1)
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-crash-"))
    try:
        corpus = write_corpus(work / "corpus.jsonl", opts.articles)
        args = (str(SEEDS), str(corpus), "--batch-size", opts.batch_size, "--quiet")
        started = time.monotonic()
        timeline = run_reference(args, work / "reference")
        reference = read_content(work / "reference")
        rounds: list[Campaign] = []
        left = opts.kills
        seed = opts.seed
        while left > 0:
            n = min(opts.per_round, left)
            writes = n // 5
            print(f"round {len(rounds) + 1}: seed {seed}, {n} kills", file=sys.stderr)
            store = work / f"store-{seed}"
            try:
                done = run_campaign(
                    args, store, reference, timeline, seed=seed, kills=n - writes, writes=writes
                )
            except Broken as exc:
                print(f"FAILED: {exc}", file=sys.stderr)
                return 1
            rounds.append(done)
            shutil.rmtree(store, ignore_errors=True)
            left -= n
            seed += 1
        report(rounds, reference, timeline.opened, timeline.ended, time.monotonic() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report(
    rounds: list[Campaign], reference: dict[str, frozenset[str]], opened: float, ended: float,
    seconds: float,
) -> None:  # fmt: skip
    kills = [k for r in rounds for k in r.kills]
    killed = [k for k in kills if k.killed]
    total = sum(1 for name in reference if not name.endswith("/ontology"))
    in_load = sum(1 for k in killed if k.trigger == "time" and k.moment < opened)
    at_write = sum(1 for k in killed if k.trigger == "write")
    partial = sum(1 for k in killed if 0 < k.articles < total)
    print(f"## Crash campaign ({time.strftime('%Y-%m-%d')}, {platform.machine()})\n")
    print(f"- reference: {total} articles, {quad_count(reference):,} quads; uninterrupted run "
          f"{ended:.1f} s, store opened at {opened:.1f} s")  # fmt: skip
    print(f"- rounds (a fresh store each): {len(rounds)}, seeds {rounds[0].seed}-{rounds[-1].seed}")
    print(f"- runs started: {len(kills)}; killed with SIGKILL: {len(killed)}; "
          f"finished before their moment (checked too): {len(kills) - len(killed)}")  # fmt: skip
    print(f"- time kills before the reference run had opened the store (model load): {in_load}; "
          f"while ingesting: {len(killed) - in_load - at_write}; "
          f"just after a database write: {at_write}")  # fmt: skip
    print(f"- kills that left some but not all articles loaded: {partial}")
    print("- stores checked after a kill (opened as reader and as writer, every graph compared "
          f"with the reference): {len(kills)}; article graphs compared: "
          f"{sum(r.articles_checked for r in rounds):,}; quads compared: "
          f"{sum(r.quads_compared for r in rounds):,} (the final runs' included)")  # fmt: skip
    print("- partial or foreign graphs found: 0; final runs equal to the reference: "
          f"{len(rounds)} of {len(rounds)}")  # fmt: skip
    print(f"- wall time: {seconds:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
