"""kg.store.compaction: the count of triples loaded since an embedded store's last compaction."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import compaction
from kg.store.compaction import COUNT_FILE, due, loaded_since, note_loaded, reset
from kg.store.embedded import EmbeddedStore


def test_the_count_adds_up_and_starts_again(tmp_path: Path) -> None:
    assert loaded_since(tmp_path) == 0  # a store written by an older kg
    assert note_loaded(tmp_path, 120) == 120
    assert note_loaded(tmp_path, 30) == 150
    assert loaded_since(tmp_path) == 150
    reset(tmp_path)
    assert loaded_since(tmp_path) == 0
    assert not (tmp_path / (COUNT_FILE + ".part")).exists()


@pytest.mark.parametrize("text", ["", "not json", '{"other": 3}', '{"loaded_since": -5}', "[1]"])
def test_an_unreadable_count_is_zero(tmp_path: Path, text: str) -> None:
    (tmp_path / COUNT_FILE).write_text(text, encoding="utf-8")
    assert loaded_since(tmp_path) == 0
    assert note_loaded(tmp_path, 7) == 7


@pytest.mark.parametrize(
    ("loaded", "store", "floor", "expected"),
    [
        (200, 800, 200, True),  # the floor and a quarter of the store
        (199, 400, 200, False),  # under the floor
        (300, 1_300, 200, False),  # under a quarter of a large store
        (325, 1_300, 200, True),
        (10**6, 10**6, 0, False),  # 0: never
    ],
)
def test_due_needs_the_floor_and_a_share_of_the_store(
    loaded: int, store: int, floor: int, expected: bool
) -> None:
    assert compaction.SHARE == 0.25
    assert due(loaded, store, floor) is expected


def test_optimizing_a_store_starts_its_count_again(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with EmbeddedStore(root) as store:
        note_loaded(root, 500)
        store.optimize()
    assert loaded_since(root) == 0
