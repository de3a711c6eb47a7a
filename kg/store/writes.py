"""How batches of graphs get into the embedded store, all or nothing.

Graphs that exist: one SPARQL update (:func:`plan_update`), one transaction.

New graphs: pyoxigraph's bulk loader, all or nothing thanks to a crash marker.

``Store.bulk_extend`` writes RocksDB table files and ingests them: less than half the CPU of a
transaction (``update``, ``extend``) for an article's ~1,000 quads. But pyoxigraph does not
promise that it is atomic, and a kill leaves its temporary ``bulk-*.sst`` files in the
database folder. So the embedded store uses it only for a batch whose graphs are all absent
from the store, and brackets it (:func:`bulk_write`):

1. the batch's graph names are written to ``<store>/oxigraph.pending`` (a temporary file,
   fsynced, renamed into place, the folder fsynced);
2. ``bulk_extend`` of the batch's quads;
3. ``oxigraph.pending`` is removed.

A writer that opens the store and finds ``oxigraph.pending`` (its predecessor was killed
between 1 and 3) drops those graphs in one transaction, deletes the loader's temporary files,
then the marker (:func:`recover`). The graphs were absent before the batch, the writer held
the store all along, so dropping them restores the store as it was before the batch: a batch
is there whole or not at all, and a kill during the recovery leaves the marker for the next
writer. A reader that finds the marker does the same recovery first (``EmbeddedStore``), so
no reader sees a batch that was not finished.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sized
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import BNode, URIRef

from kg.errors import StoreError
from kg.store import InputTriple
from kg.store.locks import PENDING
from kg.store.oxterms import OxTerm, ox_iri, to_ox

log = logging.getLogger(__name__)

# the bulk loader's temporary table files: "bulk-<u128>.sst" (pyoxigraph 0.5), "<u128>" (0.4)
_LOADER_FILE = re.compile(r"(bulk-[0-9]+\.sst|[0-9]{30,})")


_T = TypeVar("_T")


def to_ox_quads(
    graph: ox.NamedNode, triples: Iterable[InputTriple], bnodes: dict[str, ox.BlankNode]
) -> list[ox.Quad]:
    """``triples`` as quads of ``graph``; each blank node label becomes a fresh blank node,
    the same one for the same label in ``bnodes`` (as ``INSERT DATA`` does)."""
    quads = []
    for triple in triples:
        if isinstance(triple, ox.Triple):  # already converted (kg.parallel's workers)
            head, tail = _fresh(triple.subject, bnodes), _fresh(triple.object, bnodes)
            quads.append(ox.Quad(head, triple.predicate, tail, graph))
            continue
        s, p, o = triple
        subject = ox_iri(str(s)) if type(s) is URIRef else _term(s, bnodes)
        predicate = ox_iri(str(p)) if type(p) is URIRef else _term(p, bnodes)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise StoreError(f"cannot store ({s!r}, {p!r}, {o!r}): not an RDF triple")
        obj = ox_iri(str(o)) if type(o) is URIRef else _term(o, bnodes)
        quads.append(ox.Quad(subject, predicate, obj, graph))
    return quads


def _fresh(term: _T, bnodes: dict[str, ox.BlankNode]) -> _T | ox.BlankNode:
    """A pyoxigraph term as it is, but a blank node fresh for its label."""
    return _blank(term.value, bnodes) if isinstance(term, ox.BlankNode) else term


def _term(term: object, bnodes: dict[str, ox.BlankNode]) -> OxTerm:
    """An rdflib term as pyoxigraph's, a blank node fresh for its label."""
    if isinstance(term, BNode):
        return _blank(str(term), bnodes)
    return to_ox(term)  # type: ignore[arg-type]  # to_ox refuses what is not a term


def _blank(label: str, bnodes: dict[str, ox.BlankNode]) -> ox.BlankNode:
    """The batch's blank node for ``label``: a fresh one the first time (as ``INSERT DATA``)."""
    fresh = bnodes.get(label)
    if fresh is None:
        fresh = bnodes[label] = ox.BlankNode()
    return fresh


def bulk_write(
    root: Path, db: ox.Store, graphs: list[ox.NamedNode], quads: Iterable[ox.Quad] | bytes
) -> None:
    """Add ``quads`` (of ``graphs``, none of them in the store) through the bulk loader:
    pyoxigraph quads, or N-Quads text (parsed by the loader with the GIL released)."""
    _write_marker(root, graphs)
    try:
        if isinstance(quads, bytes):
            db.bulk_load(quads, ox.RdfFormat.N_QUADS)
        else:
            db.bulk_extend(quads)
    except (OSError, RuntimeError, SyntaxError, ValueError) as exc:
        try:
            recover(root, db)
        except StoreError as again:
            log.warning("%s", again)
        raise StoreError(f"cannot write to the store at {root}: {exc}") from exc
    (root / PENDING).unlink()


class PendingWrite:
    """A write running in a background thread (``EmbeddedStore.write_behind``)."""

    def __init__(self, write: Callable[[], None]) -> None:
        self._error: BaseException | None = None
        self._seen = False
        self._thread = threading.Thread(target=self._run, args=(write,), name="kg-store-write")
        self._thread.start()

    def _run(self, write: Callable[[], None] | None) -> None:
        assert write is not None
        error = _attempt(write)
        # the error, handed to the thread that waits, keeps its frames (and this one): none
        # may keep the database open (RocksDB's lock) once the store is closed
        write = None
        if error is not None:
            _clear_frames(error)
            self._error = error

    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> None:
        """Return once the batch is written; raise its error if it was not."""
        self._thread.join()
        if self._error is not None:
            self._seen = True
            raise self._error

    def settle(self) -> None:
        """Wait; raise the error unless ``wait`` already did (the store's next call)."""
        self._thread.join()
        if not self._seen:
            self.wait()

    def finish(self) -> None:
        """Wait, even through Ctrl-C (then raised after): the store must not be closed, nor
        its locks released, under a running write. An error nobody waited for is logged."""
        interrupted: KeyboardInterrupt | None = None
        while self._thread.is_alive():
            try:
                self._thread.join()
            except KeyboardInterrupt as exc:
                interrupted = exc
        if self._error is not None and not self._seen:
            log.error("a batch of graphs was not written: %s", self._error)
        if interrupted is not None:
            raise interrupted


def _clear_frames(error: BaseException) -> None:
    """Drop the locals of the (finished) frames of ``error`` and of the errors it chains."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        exc = todo.pop()
        if exc is None or id(exc) in seen:
            continue
        seen.add(id(exc))
        traceback.clear_frames(exc.__traceback__)
        todo += [exc.__cause__, exc.__context__]


def _attempt(write: Callable[[], None]) -> BaseException | None:
    try:
        write()
    except BaseException as exc:
        return exc
    return None


def _has_bnode(triples: Iterable[ox.Triple]) -> bool:
    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    )


def _block(graph: ox.NamedNode, triples: set[ox.Triple]) -> str:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return f"GRAPH {graph} {{\n{body.decode('utf-8')}}}"


def plan_update(db: ox.Store, plans: list[tuple[ox.NamedNode, set[ox.Triple]]]) -> str:
    """One SPARQL update that makes each graph hold exactly its new triples."""
    drops: list[ox.NamedNode] = []
    deletes: list[str] = []
    inserts: list[str] = []
    for graph, new in plans:
        old = {quad.triple for quad in db.quads_for_pattern(None, None, None, graph)}
        if not new or _has_bnode(new) or _has_bnode(old):
            if old or db.contains_named_graph(graph):
                drops.append(graph)
            gone, came = set(), new
        else:
            gone, came = old - new, new - old
        if gone:
            deletes.append(_block(graph, gone))
        if came:
            inserts.append(_block(graph, came))
    parts = [f"DROP SILENT GRAPH {graph}" for graph in drops]
    if deletes:
        parts.append("DELETE DATA {\n" + "\n".join(deletes) + "\n}")
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    return " ;\n".join(parts)


def recover(root: Path, db: ox.Store) -> int:
    """Drop the graphs of an unfinished bulk write and the loader's temporary files; the
    number of graphs dropped. Only a writer may call it."""
    marker = root / PENDING
    (root / f"{PENDING}.tmp").unlink(missing_ok=True)
    dropped = 0
    if marker.exists():
        graphs = _read_marker(marker, root)
        if graphs:
            try:
                db.update(" ;\n".join(f"DROP SILENT GRAPH {graph}" for graph in graphs))
            except (OSError, RuntimeError, SyntaxError) as exc:
                raise StoreError(
                    f"cannot remove the unfinished batch recorded in {marker}: {exc}"
                ) from exc
        dropped = len(graphs)
        log.warning("removed the %d graph(s) of a write that did not finish from %s", dropped, root)
    _remove_loader_files(root / "oxigraph")
    marker.unlink(missing_ok=True)
    return dropped


def _write_marker(root: Path, graphs: list[ox.NamedNode]) -> None:
    tmp = root / f"{PENDING}.tmp"
    try:
        with tmp.open("w", encoding="utf-8") as out:
            out.write("".join(f"{graph.value}\n" for graph in graphs))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, root / PENDING)
        _fsync_dir(root)
    except OSError as exc:
        raise StoreError(f"cannot write to the store at {root}: {exc}") from exc


def _read_marker(marker: Path, root: Path) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(line) for line in marker.read_text("utf-8").splitlines() if line]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StoreError(
            f"the store at {root} is damaged ({marker} cannot be read: {exc}); move it aside "
            "and run `kg ingest` again into a new --store"
        ) from exc


def _remove_loader_files(db_dir: Path) -> None:
    try:
        for entry in os.scandir(db_dir):
            if _LOADER_FILE.fullmatch(entry.name) and entry.is_file():
                os.unlink(entry.path)
    except OSError as exc:  # they only take room
        log.warning("could not remove the bulk loader's temporary files in %s: %s", db_dir, exc)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Batch:
    """A batch of graphs to write: their names, their triples, and (when the bulk loader will
    write it: every graph new, enough quads, no blank nodes) the whole batch as N-Quads text.
    A batch that replaces graphs is not rendered (its text would go unread)."""

    __slots__ = ("graphs", "names", "size", "text")

    def __init__(
        self,
        names: list[ox.NamedNode],
        graphs: list[Iterable[InputTriple]],
        text: bytes | None,
        size: int = -1,
    ) -> None:
        """``size``: the lines of ``text`` (-1 without text)."""
        self.names = names
        self.graphs = graphs
        self.text = text
        self.size = size

    @classmethod
    def of(
        cls, graphs: Mapping[str, Iterable[InputTriple]], db: ox.Store, bulk_min_quads: int
    ) -> Batch:
        """The batch; ``db`` as it will be when the batch is written (no write in between)."""
        from kg.store.ntriples import Rendered, render_nquads

        names = [ox_iri(str(name)) for name in graphs]
        triples = list(graphs.values())
        if any(map(db.contains_named_graph, names)) or _fewer(triples, bulk_min_quads):
            return cls(names, triples, None)
        texts = []
        size = 0
        for name, graph in zip(names, triples, strict=True):
            # a worker's (kg.parallel) is rendered already, as N-Quads in this graph
            quads = graph if isinstance(graph, Rendered) else render_nquads(graph, name)
            if quads.blank:
                return cls(names, triples, None)
            texts.append(quads.nquads(name))
            size += len(quads)
        return cls(names, triples, b"".join(texts), size)


def _fewer(graphs: list[Iterable[InputTriple]], quads: int) -> bool:
    """The graphs surely hold fewer than ``quads`` triples (False when one cannot say)."""
    total = 0
    for triples in graphs:
        if not isinstance(triples, Sized):
            return False
        total += len(triples)
    return total < quads
