"""One corpus and one uninterrupted reference run, shared by the crash and concurrency tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.campaign import Content, Timeline, read_content, run_reference
from tests.reliability.corpus import SEEDS, write_corpus

GENERATED = 23  # + the 9 seeds: 32 articles, 8 batches of 4
BATCH = "4"


@dataclass(frozen=True)
class Reference:
    corpus: Path  # the generated articles, JSON Lines
    args: tuple[str, ...]  # kg ingest's arguments, --store aside
    content: Content  # the uninterrupted run's store: graph -> canonical N-Triples lines
    timeline: Timeline


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    work = tmp_path_factory.mktemp("reliability")
    corpus = write_corpus(work / "corpus.jsonl", GENERATED)
    args = (str(SEEDS), str(corpus), "--batch-size", BATCH, "--quiet")
    timeline = run_reference(args, work / "reference")
    return Reference(corpus, args, read_content(work / "reference"), timeline)
