"""A Dask worker preload for ``tests/test_distributed.py`` (``dask worker --preload``): faults
by article id, in the worker processes only.

- ``boom``: the task raises (outside the per-article checks, as a bug in kg would);
- ``die-once``: the first worker to meet it dies (``os._exit``), the next one checks it;
- ``slow``: the rules loop until the per-article time limit interrupts them.
"""

from __future__ import annotations

import os
import time
from typing import Any

import kg.worker
from kg.extract import Extractor
from kg.model import Article

# Dask may import a preload twice in one process: patch the originals once
_check = getattr(kg.worker.check_article, "original", kg.worker.check_article)
_extract_doc = getattr(Extractor.extract_doc, "original", Extractor.extract_doc)


def _faulty_check(doc: Any, article: Article, *args: Any) -> Any:
    if article.id == "boom":
        raise RuntimeError("boom on purpose")
    if article.id == "die-once":
        try:
            os.close(os.open(os.environ["KG_TEST_DIED"], os.O_CREAT | os.O_EXCL))
        except FileExistsError:
            pass
        else:
            os._exit(1)
    return _check(doc, article, *args)


def _slow_extract_doc(self: Extractor, doc: Any, article: Article) -> Any:
    if article.id == "slow":
        end = time.monotonic() + 120  # bounded: a broken time limit fails the test, not hangs
        while time.monotonic() < end:
            pass
    return _extract_doc(self, doc, article)


_faulty_check.original = _check  # type: ignore[attr-defined]
_slow_extract_doc.original = _extract_doc  # type: ignore[attr-defined]
kg.worker.check_article = _faulty_check  # type: ignore[assignment]
Extractor.extract_doc = _slow_extract_doc  # type: ignore[method-assign]
