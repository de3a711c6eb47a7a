"""What the extractor loads is frozen out of the garbage collector's full collections."""

from __future__ import annotations

import gc

import pytest

from kg.extract import _freeze_loaded


def test_freezes_after_the_first_articles_then_less_and_less_often(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen: list[int] = []
    for n in range(1, 3000):
        monkeypatch.setattr(gc, "freeze", lambda n=n: frozen.append(n))
        _freeze_loaded(n)
    assert frozen == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]
