"""The embedded store: pyoxigraph (RocksDB) in ``<store>/oxigraph/``.

Layout of the store directory (other modules own its other entries, e.g. ``quarantine/``)::

    oxigraph/             the database
    oxigraph.write.lock   flock: held exclusively by the one writer
    oxigraph.read.lock    flock: writer exclusive, readers shared
    oxigraph.turn.lock    flock: held exclusively by a writer waiting for the readers to go
    oxigraph.snapshots/   checkpoints readers use while a writer is open
    oxigraph.pending      the graphs of a bulk write in progress (see kg.store.writes)

Atomic replace: a batch whose graphs are all new (the first ingest) and that holds at least
``bulk_min_quads`` quads goes through pyoxigraph's bulk loader, made all or nothing by a crash
marker (:mod:`kg.store.writes`): as N-Quads text (:mod:`kg.store.ntriples`, which writes each
term as pyoxigraph would; the loader's parser validates it, and a batch it refuses is written
from terms instead, which name the bad term), or from pyoxigraph terms when a graph has blank
nodes. Any other batch is one SPARQL update (one transaction), ``DELETE DATA`` of the triples
that went and ``INSERT DATA`` of those that came (``DROP`` and ``INSERT DATA`` when blank
nodes make a diff impossible), its terms written by pyoxigraph's N-Triples serialiser.
Re-putting an unchanged graph writes nothing.

``write_behind`` runs a batch's write in a background thread (the bulk loader parses and
writes text with the GIL released, so it costs the caller only the text); one write at a time,
and every other call waits for it. ``close`` waits for it too.

Concurrency (the opening and its locks: :mod:`kg.store.opening`): RocksDB allows one process to
open a database for writing, and reading it from another process while it is written is
undefined behaviour. So a writer takes both locks (a second writer gets ``StoreLockedError``); a
reader takes the read lock shared and opens the database read-only. While a writer holds it, a
reader opens the writer's latest checkpoint instead (``Store.backup``, hard links, ~10 ms, taken
at open and at most every ``snapshot_interval`` seconds while writing), so ``kg query`` works
during ``kg ingest`` and sees the store as of that checkpoint.

Readers do not starve a writer: flock grants a shared lock while an exclusive one is asked
for, so a steady stream of overlapping readers (queries to ``kg serve``) could hold the read
lock forever. A writer waiting for the read lock holds the turn lock; a reader that finds it
taken leaves the read lock alone, so the readers already in finish, the writer gets in and
takes its first checkpoint, and the waiting readers read that. A reader yields for at most
its own ``lock_timeout``, then reads anyway.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, Self

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.rdf.prefixes import PREFIXES
from kg.store import Binding, Dataset, InputTriple, QueryResult, compaction
from kg.store.answers import query_result
from kg.store.opening import DB_DIR, READ_LOCK, SNAPSHOTS, TURN_LOCK, WRITE_LOCK, Opening
from kg.store.sparqltext import bound_term, declares_dataset

if TYPE_CHECKING:  # the writing modules import rdflib: a reader (`kg query`) never loads them
    from kg.store.oxterms import OxTerm
    from kg.store.writes import Batch, PendingWrite

log = logging.getLogger(__name__)

__all__ = ["DB_DIR", "READ_LOCK", "SNAPSHOTS", "TURN_LOCK", "WRITE_LOCK", "EmbeddedStore"]

_RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = ("nquads", "trig", "jsonld")
_UPDATE_WORDS = ("insert", "delete", "drop", "clear", "load", "create", "copy", "move", "add")


class EmbeddedStore:
    """The pyoxigraph store in ``path/oxigraph``; see the module docstring for locking."""

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        lock_timeout: float = 10.0,
        snapshot_interval: float = 5.0,
        bulk_min_quads: int = 500,
    ) -> None:
        self.path = path
        self._read_only = read_only
        self.lock_timeout = lock_timeout
        self.snapshot_interval = snapshot_interval
        # below this, a transaction costs less than the bulk loader's fixed ~8 ms and fsyncs
        self.bulk_min_quads = bulk_min_quads
        self._mutex = threading.Lock()
        self._behind: PendingWrite | None = None  # a write_behind still running
        self._opening = Opening(path, lock_timeout)  # its locks, and the readers' checkpoints
        self._ox: ox.Store | None = None
        self._ox = self._opening.reader() if read_only else self._opening.writer()

    # -- opening and closing -------------------------------------------------------------------

    def close(self) -> None:
        """Close the database and release the locks; safe to call twice. A write in the
        background is finished first (Ctrl-C waits for it: ~1 s at most)."""
        if self._behind is not None:
            self._behind.finish()
            self._behind = None
        if self._ox is None:
            return
        self._ox = None  # pyoxigraph closes RocksDB when the object goes
        if self._read_only:
            self._opening.release()
        else:
            self._opening.close_writer()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def _db(self) -> ox.Store:
        if self._behind is not None:  # reads and writes see the batch written behind
            behind = self._behind
            try:
                behind.settle()
            finally:
                if behind.done():
                    self._behind = None
        if self._ox is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self._read_only:
            raise StoreError(f"the store at {self.path} was opened read-only")
        return self._db()

    # -- writing -------------------------------------------------------------------------------

    def optimize(self) -> None:
        """Compact the database (RocksDB's tables, merged level by level): what many batches of
        writes leave behind costs every later read more. 3-30 s on a million triples. Starts
        the count of triples loaded since (``kg.store.compaction``) again."""
        try:
            self._writable().optimize()
            compaction.reset(self.path)
        except OSError as exc:
            raise StoreError(f"could not optimize the store at {self.path}: {exc}") from exc

    def replace_graph(self, graph: str, triples: Iterable[InputTriple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[InputTriple]]) -> None:
        from kg.store.writes import Batch

        db = self._writable()
        self._write(db, Batch.of(graphs, db, self.bulk_min_quads))

    def write_behind(self, graphs: Mapping[str, Iterable[InputTriple]]) -> PendingWrite:
        """``replace_graphs``, with the write itself in a background thread: the batch is
        turned into N-Quads text here (this thread), then the bulk loader parses and writes it
        with the GIL released, beside the caller's next work. One write at a time: this waits
        for the previous one first. ``PendingWrite.wait()`` returns once the batch is in the
        store or raises its ``StoreError``; any other call on the store waits for it too."""
        from kg.store.writes import Batch, PendingWrite

        db = self._writable()  # waits for the previous write, and raises its error
        batch = Batch.of(graphs, db, self.bulk_min_quads)
        # the thread takes the database from the store (no closure holds it: a failed write's
        # error keeps its frames, and must not keep the database open once the store closes)
        self._behind = PendingWrite(lambda: self._write(self._db_now(), batch))
        return self._behind

    def _db_now(self) -> ox.Store:
        if self._ox is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._ox

    def _write(self, db: ox.Store, batch: Batch) -> None:
        from kg.store.writes import bulk_write

        names = batch.names
        with self._mutex:
            new = not any(map(db.contains_named_graph, names))
            if batch.text is not None and batch.size >= self.bulk_min_quads and new:
                try:
                    bulk_write(self.path, db, names, batch.text)
                except StoreError as exc:
                    if not isinstance(exc.__cause__, SyntaxError):
                        raise
                    # a term the loader's parser refuses: the terms say which, as they did
                    log.debug("the bulk loader refused the batch's text: %s", exc)
                    self._write_terms(db, batch)
            else:
                self._write_terms(db, batch)
            if time.monotonic() - self._opening.last_snapshot >= self.snapshot_interval:
                self._opening.snapshot(db)

    def _write_terms(self, db: ox.Store, batch: Batch) -> None:
        """The batch from pyoxigraph terms: the bulk loader for new graphs, else one update."""
        from kg.store.writes import bulk_write, plan_update, to_ox_quads

        names = batch.names
        bnodes: dict[str, ox.BlankNode] = {}
        quads = [to_ox_quads(n, t, bnodes) for n, t in zip(names, batch.graphs, strict=True)]
        size = sum(len(q) for q in quads)
        if size >= self.bulk_min_quads and not any(map(db.contains_named_graph, names)):
            bulk_write(self.path, db, names, chain.from_iterable(quads))
            return
        plans = [(n, {q.triple for q in qs}) for n, qs in zip(names, quads, strict=True)]
        update = plan_update(db, plans)
        if update:
            try:
                db.update(update)
            except (OSError, SyntaxError, ValueError) as exc:
                raise StoreError(f"cannot write to the store at {self.path}: {exc}") from exc

    def remove_graph(self, graph: str) -> None:
        from kg.store.oxterms import ox_iri

        db = self._writable()
        with self._mutex:
            db.remove_graph(ox_iri(str(graph)))

    # -- reading -------------------------------------------------------------------------------

    def has_graph(self, graph: str) -> bool:
        from kg.store.oxterms import ox_iri

        return bool(self._db().contains_named_graph(ox_iri(str(graph))))

    def graph_names(self) -> Iterator[str]:
        for name in self._db().named_graphs():
            if isinstance(name, ox.NamedNode):
                yield name.value

    def triple_count(self) -> int:
        return len(self._db())

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        dataset: Dataset | None = None,
    ) -> QueryResult:
        db = self._db()
        substitutions: dict[ox.Variable, OxTerm | ox.Triple] = {}
        if bindings:
            try:
                substitutions = {ox.Variable(k): bound_term(k, v) for k, v in bindings.items()}
            except ValueError as exc:
                raise QueryError(f"cannot bind parameters {sorted(bindings)}: {exc}") from exc
        try:
            default, named = _dataset_graphs(dataset)
            answer = db.query(
                sparql,
                prefixes=PREFIXES,
                # a query's own FROM / FROM NAMED wins over the union (pyoxigraph would ignore it)
                use_default_graph_as_union=dataset is None and not declares_dataset(sparql),
                default_graph=default,
                named_graphs=named,
                substitutions=substitutions or None,
            )
        except SyntaxError as exc:
            raise QueryError(_syntax_message(sparql, exc)) from exc
        except RuntimeError as exc:  # e.g. a bound variable the SELECT does not project
            raise QueryError(
                f"cannot bind parameters: {exc} (list every bound variable in the SELECT clause)"
            ) from exc
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.path}: {exc}") from exc
        return query_result(answer)

    def export(
        self,
        out: BinaryIO,
        fmt: str = "nquads",
        graph: str | None = None,
        extra: Mapping[str, Iterable[InputTriple]] | None = None,
    ) -> None:
        from kg.store.oxterms import ox_iri

        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(_RDF_FORMATS)}")
        db = self._db()
        rdf_format = _RDF_FORMATS[fmt]
        try:
            if graph is not None:
                name = ox_iri(str(graph))
                if not db.contains_named_graph(name):
                    raise StoreError(f"the store at {self.path} has no graph <{graph}>")
                if fmt in _QUAD_FORMATS:
                    quads = db.quads_for_pattern(None, None, None, name)
                    ox.serialize(quads, out, rdf_format, prefixes=PREFIXES)
                else:
                    db.dump(out, rdf_format, from_graph=name, prefixes=PREFIXES)
            elif fmt in _QUAD_FORMATS and not extra:
                db.dump(out, rdf_format, prefixes=PREFIXES)
            else:
                ox.serialize(_stream(db, fmt, extra or {}), out, rdf_format, prefixes=PREFIXES)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StoreError(f"cannot export the store at {self.path}: {exc}") from exc


def _stream(
    db: ox.Store, fmt: str, extra: Mapping[str, Iterable[InputTriple]]
) -> Iterator[ox.Quad] | Iterator[ox.Triple]:
    """Every quad of ``db``, graph by graph, then those of ``extra``; as triples for a triple
    format. Nothing is held: a triple in several graphs is written once per graph, which a
    reader of Turtle or N-Triples takes as the one triple of the merge (an RDF graph is a
    set), where deduplicating would hold every triple of the store in memory."""
    from kg.store.oxterms import ox_iri, to_ox_triples

    added = [
        ox.Quad(t.subject, t.predicate, t.object, ox_iri(str(name)))
        for name, triples in extra.items()
        for t in sorted(to_ox_triples(triples), key=str)
    ]
    quads = itertools.chain(db.quads_for_pattern(None, None, None, None), added)
    if fmt in _QUAD_FORMATS:
        return quads
    return (quad.triple for quad in quads)


def _dataset_graphs(
    dataset: Dataset | None,
) -> tuple[
    list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None,
    list[ox.NamedNode | ox.BlankNode] | None,
]:
    """pyoxigraph's ``default_graph`` and ``named_graphs`` for a dataset named by the request
    (``None``, pyoxigraph's defaults, without one)."""
    if dataset is None:
        return None, None
    try:
        default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
            ox.NamedNode(g) for g in dataset.default_graphs
        ]
        named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in dataset.named_graphs]
    except ValueError as exc:
        raise QueryError(f"cannot query the graphs {dataset}: {exc}") from exc
    return default, named


# -- updates and results ----------------------------------------------------------------------


def _syntax_message(sparql: str, exc: SyntaxError) -> str:
    message = " ".join(str(exc).split())
    if len(message) > 240:
        message = message[:240] + "…"
    first = " ".join(
        line.split("#")[0] for line in sparql.splitlines() if not line.lower().startswith("prefix")
    )
    if first.strip().lower().startswith(_UPDATE_WORDS):
        message += " (kg query runs queries only; SPARQL updates are not supported)"
    return f"SPARQL syntax error: {message}"
