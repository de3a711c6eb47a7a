"""kg.store.writes: new graphs through the bulk loader, all or nothing by the pending marker.

What a kill leaves (a marker, the loader's temporary files) is made by hand here;
tests/reliability/test_bulk_kills.py kills real writers.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.store import open_store, writes
from kg.store.embedded import DB_DIR, EmbeddedStore
from kg.store.opening import Opening
from kg.store.writes import PENDING

EX = "https://example.org/"
P = URIRef(EX + "p")


def batch(first: int, count: int, triples: int = 100) -> dict[str, list[tuple[Any, Any, Any]]]:
    return {
        f"{EX}g{g}": [(URIRef(f"{EX}s{i}"), P, Literal(f"{g}-{i}")) for i in range(triples)]
        for g in range(first, first + count)
    }


def nquads(store: EmbeddedStore) -> list[bytes]:
    out = io.BytesIO()
    store.export(out, "nquads")
    return sorted(out.getvalue().splitlines())


def test_bulk_and_transaction_write_the_same_quads(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "a") as bulk, EmbeddedStore(tmp_path / "b") as plain:
        bulk.bulk_min_quads = 0
        plain.bulk_min_quads = sys.maxsize
        for store in (bulk, plain):
            store.replace_graphs(batch(0, 5))
            store.replace_graphs(batch(3, 4))  # two replaced, two new: a transaction
        assert nquads(bulk) == nquads(plain)
        assert bulk.triple_count() == 7 * 100
    assert not (tmp_path / "a" / PENDING).exists()


def test_only_a_batch_of_new_graphs_big_enough_takes_the_bulk_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = writes.bulk_write

    def spy(root: Path, db: ox.Store, graphs: list[ox.NamedNode], quads: Any) -> None:
        calls.append(len(graphs))
        real(root, db, graphs, quads)

    monkeypatch.setattr(writes, "bulk_write", spy)  # the store imports it when it writes
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=500) as store:
        store.replace_graphs(batch(0, 4))  # 400 quads: below the threshold
        store.replace_graphs(batch(4, 5))  # 500 new quads
        store.replace_graphs(batch(8, 5))  # g8 exists: a transaction
        store.replace_graphs(batch(20, 5, triples=0))  # nothing to write
        assert calls == [5]
        assert store.triple_count() == 13 * 100


def test_only_a_batch_for_the_bulk_loader_is_rendered_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that replaces graphs, or is too small for the loader, is written from terms:
    its N-Quads text would go unread."""
    import kg.store.ntriples as ntriples  # the store imports it when it writes

    rendered: list[int] = []
    real = ntriples.render_nquads

    def spy(triples: Any, graph: Any) -> Any:
        rendered.append(1)
        return real(triples, graph)

    monkeypatch.setattr(ntriples, "render_nquads", spy)
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=500) as store:
        store.replace_graphs(batch(0, 4))  # 400 quads: below the threshold
        assert rendered == []
        store.write_behind(batch(4, 5)).wait()  # 500 new quads: the loader reads text
        assert len(rendered) == 5
        store.write_behind(batch(8, 5)).wait()  # g8 exists: one transaction, from terms
        store.replace_graphs(batch(0, 5))
        assert len(rendered) == 5
        assert store.triple_count() == 13 * 100


def test_bulk_blank_nodes_are_fresh_and_the_graph_isomorphic(tmp_path: Path) -> None:
    b = BNode("b0")
    graph = Graph()
    graph.add((b, P, Literal(1)))
    graph.add((URIRef(EX + "s"), P, b))
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        store.replace_graph(EX + "g", graph)
        back = Graph()
        for s, p, o in store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }}"
        ).triples:
            back.add((s, p, o))
        assert isomorphic(back, graph)
        assert b not in set(back.subjects())


def test_a_bad_term_writes_nothing_and_leaves_no_marker(tmp_path: Path) -> None:
    graphs = batch(0, 3)
    graphs[EX + "g1"].append((URIRef("not an iri"), P, Literal(1)))
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        with pytest.raises(StoreError, match="not a valid IRI"):
            store.replace_graphs(graphs)
        assert store.triple_count() == 0
    assert not (tmp_path / "s" / PENDING).exists()


def test_an_iri_the_loader_refuses_gives_the_message_terms_give(tmp_path: Path) -> None:
    graphs = batch(0, 3)
    graphs[EX + "g1"].append((URIRef("relative/iri"), P, Literal(1)))  # text, then a parse error
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        with pytest.raises(StoreError, match="not a valid IRI"):
            store.replace_graphs(graphs)
        assert store.triple_count() == 0
    assert not (tmp_path / "s" / PENDING).exists()


class FailingLoader:
    """An ox.Store whose bulk loader writes half of the quads, then fails."""

    def __init__(self, db: ox.Store) -> None:
        self.db = db

    def __getattr__(self, name: str) -> Any:
        return getattr(self.db, name)

    def __len__(self) -> int:
        return len(self.db)

    def bulk_extend(self, quads: Any) -> None:
        quads = list(quads)
        self.db.bulk_extend(quads[: len(quads) // 2])
        raise OSError("disk full")

    def bulk_load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        self.bulk_extend(ox.parse(data, fmt))


def test_a_failed_bulk_write_is_rolled_back_at_once(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        store.replace_graphs(batch(0, 2))
        store._ox = FailingLoader(store._db())  # type: ignore[assignment]
        with pytest.raises(StoreError, match=r"cannot write to the store .* disk full"):
            store.replace_graphs(batch(10, 4))
        assert sorted(store.graph_names()) == [EX + "g0", EX + "g1"]
        assert store.triple_count() == 200
    assert not (tmp_path / "s" / PENDING).exists()


def unfinished(path: Path) -> None:
    """A store as a writer killed after its bulk write, before removing the marker, leaves it
    (the loader's temporary files too): g0, g1 committed; g2..g4 written, not committed."""
    with EmbeddedStore(path, bulk_min_quads=0) as store:
        store.replace_graphs(batch(0, 2))
        store.replace_graphs(batch(2, 3))
    (path / PENDING).write_text("".join(f"{EX}g{g}\n" for g in range(2, 5)), encoding="utf-8")
    (path / DB_DIR / "bulk-123456789012345678901234567890.sst").write_bytes(b"\0" * 100)


@pytest.mark.parametrize("read_only", [True, False])
def test_an_unfinished_batch_is_removed_by_the_next_reader_or_writer(
    tmp_path: Path, read_only: bool
) -> None:
    unfinished(tmp_path / "s")
    with open_store(tmp_path / "s", read_only=read_only) as store:
        assert sorted(store.graph_names()) == [EX + "g0", EX + "g1"]
        assert store.triple_count() == 200
    assert not (tmp_path / "s" / PENDING).exists()
    assert not list((tmp_path / "s" / DB_DIR).glob("bulk-*"))
    with open_store(tmp_path / "s", read_only=True) as store:  # and it stays so
        assert store.triple_count() == 200


def test_a_reader_that_cannot_remove_an_unfinished_batch_refuses_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unfinished(tmp_path / "s")

    def unwritable(self: Opening) -> ox.Store:
        raise StoreError(f"cannot open the store at {self.path}: Permission denied")

    monkeypatch.setattr(Opening, "writer", unwritable)
    with pytest.raises(StoreError, match=r"did not finish \(oxigraph.pending\).*run `kg ingest`"):
        open_store(tmp_path / "s", read_only=True)
    assert (tmp_path / "s" / PENDING).exists()


def test_a_damaged_marker_is_a_store_error(tmp_path: Path) -> None:
    unfinished(tmp_path / "s")
    (tmp_path / "s" / PENDING).write_text("not an iri\n", encoding="utf-8")
    with pytest.raises(StoreError, match=r"is damaged .*oxigraph.pending"):
        open_store(tmp_path / "s")


def test_a_write_behind_is_seen_by_every_later_call(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        first = store.write_behind(batch(0, 3))
        second = store.write_behind(batch(3, 2))  # waits for the first
        assert first.done()
        assert store.triple_count() == 500  # waits for the second
        assert second.done()
        second.wait()
        assert nquads(store) == sorted(nquads_of(batch(0, 5)))
    assert not (tmp_path / "s" / PENDING).exists()


def nquads_of(graphs: dict[str, list[tuple[Any, Any, Any]]]) -> list[bytes]:
    return [
        f"{s.n3()} {p.n3()} {o.n3()} <{g}> .".encode() for g, ts in graphs.items() for s, p, o in ts
    ]


def test_a_failed_write_behind_is_raised_on_wait_and_rolled_back(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        store.replace_graphs(batch(0, 2))
        store._ox = FailingLoader(store._db())  # type: ignore[assignment]
        pending = store.write_behind(batch(10, 4))
        with pytest.raises(StoreError, match=r"cannot write to the store .* disk full"):
            pending.wait()
        assert sorted(store.graph_names()) == [EX + "g0", EX + "g1"]
        assert store.triple_count() == 200
    assert not (tmp_path / "s" / PENDING).exists()


def test_a_failed_write_behind_nobody_waited_for_is_raised_by_the_next_call(
    tmp_path: Path,
) -> None:
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        store._ox = FailingLoader(store._db())  # type: ignore[assignment]
        store.write_behind(batch(10, 4))
        with pytest.raises(StoreError, match="disk full"):
            store.triple_count()
        assert store.triple_count() == 0  # raised once; the store is usable


class SlowLoader(FailingLoader):
    def bulk_load(self, data: bytes, fmt: ox.RdfFormat) -> None:
        time.sleep(0.5)
        self.db.bulk_load(data, fmt)


def test_closing_waits_for_the_write_behind(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "s", bulk_min_quads=0)
    store._ox = SlowLoader(store._db())  # type: ignore[assignment]
    pending = store.write_behind(batch(0, 3))
    store.close()
    assert pending.done()
    assert not (tmp_path / "s" / PENDING).exists()
    with open_store(tmp_path / "s", read_only=True) as again:
        assert again.triple_count() == 300


def test_a_failed_write_behind_does_not_keep_the_database_open(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        store._ox = FailingLoader(store._db())  # type: ignore[assignment]
        pending = store.write_behind(batch(10, 4))
        with pytest.raises(StoreError) as info:
            pending.wait()
    assert info.value is not None  # the error, and its frames, are still alive here
    with EmbeddedStore(tmp_path / "s") as again:  # RocksDB's lock was released
        assert again.triple_count() == 0
