"""The embedded store: pyoxigraph (RocksDB) in ``<store>/oxigraph/``.

Layout of the store directory (other modules own its other entries, e.g. ``quarantine/``)::

    oxigraph/             the database
    oxigraph.write.lock   flock: held exclusively by the one writer
    oxigraph.read.lock    flock: writer exclusive, readers shared
    oxigraph.snapshots/   checkpoints readers use while a writer is open

Atomic replace: pyoxigraph's ``remove_graph`` and ``extend`` are separate transactions, so a
replace is one SPARQL update (one transaction), ``DELETE DATA`` of the triples that went and
``INSERT DATA`` of those that came (``DROP`` and ``INSERT DATA`` when blank nodes make a diff
impossible). Every term in it is written by pyoxigraph's N-Triples serialiser, never by
formatting text here. Re-putting an unchanged graph writes nothing.

Concurrency: RocksDB allows one process to open a database for writing, and reading it from
another process while it is written is undefined behaviour. So a writer takes both locks
(a second writer gets ``StoreLockedError``); a reader takes the read lock shared and opens the
database read-only. While a writer holds it, a reader opens the writer's latest checkpoint
instead (``Store.backup``, hard links, ~10 ms, taken at open and at most every
``snapshot_interval`` seconds while writing), so ``kg query`` works during ``kg ingest`` and
sees the store as of that checkpoint.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Self

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.rdf.namespaces import PREFIXES
from kg.store import InputTriple, QueryResult, ResultWriter, Row, Term, Triple

log = logging.getLogger(__name__)

DB_DIR = "oxigraph"
WRITE_LOCK = "oxigraph.write.lock"
READ_LOCK = "oxigraph.read.lock"
SNAPSHOTS = "oxigraph.snapshots"

_RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = ("nquads", "trig", "jsonld")
_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
_GRAPH_RESULT_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
_XSD_STRING = str(XSD.string)
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
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
    ) -> None:
        self.path = path
        self._read_only = read_only
        self.lock_timeout = lock_timeout
        self.snapshot_interval = snapshot_interval
        self._fds: list[int] = []
        self._mutex = threading.Lock()
        self._last_snapshot = 0.0
        self._ox: ox.Store | None = None
        if read_only:
            self._ox = self._open_reader()
        else:
            self._ox = self._open_writer()

    # -- opening and closing -------------------------------------------------------------------

    def _open_writer(self) -> ox.Store:
        root = self.path
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root} is a file, not a store directory; pass another --store")
        try:
            (root / DB_DIR).mkdir(parents=True, exist_ok=True)
            write_fd = _flock(root / WRITE_LOCK, fcntl.LOCK_EX, create=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the store at {root} ({exc.strerror or exc}); "
                "pass a writable directory with --store"
            ) from exc
        if write_fd is None:
            raise StoreLockedError(root)
        self._fds.append(write_fd)
        read_fd = _flock(root / READ_LOCK, fcntl.LOCK_EX, create=True, timeout=self.lock_timeout)
        if read_fd is None:  # readers did not finish in time
            self._release()
            raise StoreLockedError(root)
        self._fds.append(read_fd)
        try:
            store = ox.Store(str(root / DB_DIR))
        except OSError as exc:
            self._release()
            if "lock" in str(exc).lower():
                raise StoreLockedError(root) from exc
            raise StoreError(f"cannot open the store at {root}: {exc}") from exc
        self._snapshot(store)
        return store

    def _open_reader(self) -> ox.Store:
        root = self.path
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root} is a file, not a store directory; pass another --store")
        if not (root / DB_DIR / "CURRENT").is_file():
            raise StoreError(f"no store at {root}: run `kg ingest` first, or pass --store")
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                fd = _flock(root / READ_LOCK, fcntl.LOCK_SH, create=True)
            except OSError:  # no lock file and none can be made: a read-only copy
                fd = -1
            if fd is not None:
                if fd >= 0:
                    self._fds.append(fd)
                return self._open_read_only(root / DB_DIR)
            snapshot = self._lock_snapshot()
            if snapshot is not None:
                log.warning(
                    "another kg process is writing %s; reading its snapshot of %s",
                    root,
                    time.strftime("%H:%M:%S", time.localtime(snapshot.stat().st_mtime)),
                )
                return self._open_read_only(snapshot)
            if time.monotonic() >= deadline:
                raise StoreLockedError(root)
            time.sleep(0.05)

    def _lock_snapshot(self) -> Path | None:
        """Lock the writer's current snapshot (shared) and return it; None when there is none."""
        snaps = self.path / SNAPSHOTS
        try:
            name = (snaps / "current").read_text(encoding="ascii").strip()
            fd = _flock(snaps / f"{name}.lock", fcntl.LOCK_SH, create=False, timeout=1.0)
        except OSError:  # no snapshot yet, or the writer just removed it
            return None
        if fd is None:
            return None
        if not (snaps / name / "CURRENT").is_file():
            os.close(fd)
            return None
        self._fds.append(fd)
        return snaps / name

    def _open_read_only(self, db: Path) -> ox.Store:
        try:
            return ox.Store.read_only(str(db))
        except OSError as exc:
            self._release()
            raise StoreError(f"cannot read the store at {self.path}: {exc}") from exc

    def _snapshot(self, store: ox.Store) -> None:
        """Checkpoint the database for readers, and remove checkpoints nobody reads."""
        snaps = self.path / SNAPSHOTS
        started = time.monotonic()
        try:
            snaps.mkdir(exist_ok=True)
            name = f"{time.time_ns():020d}"
            (snaps / f"{name}.lock").touch()
            store.backup(str(snaps / name))
            (snaps / "current.tmp").write_text(name, encoding="ascii")
            os.replace(snaps / "current.tmp", snaps / "current")
        except OSError as exc:  # readers will wait; the write itself succeeded
            log.warning("could not snapshot the store for readers: %s", exc)
            return
        self._last_snapshot = time.monotonic()
        log.debug("snapshot %s in %.3f s", name, self._last_snapshot - started)
        _prune_snapshots(snaps, keep=name)

    def close(self) -> None:
        """Close the database and release the locks; safe to call twice."""
        if self._ox is None:
            return
        self._ox = None  # pyoxigraph closes RocksDB when the object goes
        if not self._read_only:
            snaps = self.path / SNAPSHOTS
            (snaps / "current").unlink(missing_ok=True)
            _prune_snapshots(snaps, keep=None)
        self._release()

    def _release(self) -> None:
        while self._fds:
            os.close(self._fds.pop())

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
        if self._ox is None:
            raise StoreError(f"the store at {self.path} is closed")
        return self._ox

    def _writable(self) -> ox.Store:
        if self._read_only:
            raise StoreError(f"the store at {self.path} was opened read-only")
        return self._db()

    # -- writing -------------------------------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[InputTriple]) -> None:
        self.replace_graphs({graph: triples})

    def replace_graphs(self, graphs: Mapping[str, Iterable[InputTriple]]) -> None:
        db = self._writable()
        plans = [(_iri(str(name)), _convert(triples)) for name, triples in graphs.items()]
        with self._mutex:
            update = _plan_update(db, plans)
            if update:
                try:
                    db.update(update)
                except (OSError, SyntaxError, ValueError) as exc:
                    raise StoreError(f"cannot write to the store at {self.path}: {exc}") from exc
            if time.monotonic() - self._last_snapshot >= self.snapshot_interval:
                self._snapshot(db)

    def remove_graph(self, graph: str) -> None:
        db = self._writable()
        with self._mutex:
            db.remove_graph(_iri(str(graph)))

    # -- reading -------------------------------------------------------------------------------

    def has_graph(self, graph: str) -> bool:
        return bool(self._db().contains_named_graph(_iri(str(graph))))

    def graph_names(self) -> Iterator[str]:
        for name in self._db().named_graphs():
            if isinstance(name, ox.NamedNode):
                yield name.value

    def triple_count(self) -> int:
        return len(self._db())

    def query(self, sparql: str, bindings: Mapping[str, Term] | None = None) -> QueryResult:
        db = self._db()
        try:
            substitutions: dict[ox.Variable, OxTerm | ox.Triple] = {
                ox.Variable(k): _to_ox(v) for k, v in (bindings or {}).items()
            }
        except ValueError as exc:
            raise QueryError(f"cannot bind parameters {sorted(bindings or {})}: {exc}") from exc
        try:
            answer = db.query(
                sparql,
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
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
        return _result(answer)

    def export(self, out: BinaryIO, fmt: str = "nquads", graph: str | None = None) -> None:
        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(_RDF_FORMATS)}")
        db = self._db()
        rdf_format = _RDF_FORMATS[fmt]
        try:
            if graph is not None:
                name = _iri(str(graph))
                if not db.contains_named_graph(name):
                    raise StoreError(f"the store at {self.path} has no graph <{graph}>")
                if fmt in _QUAD_FORMATS:
                    quads = db.quads_for_pattern(None, None, None, name)
                    ox.serialize(quads, out, rdf_format, prefixes=PREFIXES)
                else:
                    db.dump(out, rdf_format, from_graph=name, prefixes=PREFIXES)
            elif fmt in _QUAD_FORMATS:
                db.dump(out, rdf_format, prefixes=PREFIXES)
            else:  # a triple format: the RDF merge of all graphs, duplicates removed
                merged = db.query("CONSTRUCT WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
                assert isinstance(merged, ox.QueryTriples)
                ox.serialize(merged, out, rdf_format, prefixes=PREFIXES)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StoreError(f"cannot export the store at {self.path}: {exc}") from exc


# -- locks and snapshots ----------------------------------------------------------------------


def _flock(path: Path, mode: int, *, create: bool, timeout: float = 0.0) -> int | None:
    """Open ``path`` and flock it; the descriptor, or None if still taken after ``timeout``."""
    if create:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except PermissionError:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    else:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.02)


def _prune_snapshots(snaps: Path, keep: str | None) -> None:
    """Delete snapshots other than ``keep`` that no reader holds."""
    if not snaps.is_dir():
        return
    for entry in snaps.iterdir():
        name = entry.name.removesuffix(".lock")
        if name == keep or name in ("current", "current.tmp") or entry.name.endswith(".lock"):
            continue
        try:
            fd = _flock(snaps / f"{name}.lock", fcntl.LOCK_EX, create=True)
        except OSError:
            continue
        if fd is None:  # a reader is using it; a later prune removes it
            continue
        try:
            shutil.rmtree(entry, ignore_errors=True)
            (snaps / f"{name}.lock").unlink(missing_ok=True)
        finally:
            os.close(fd)
    for lock in snaps.glob("*.lock"):  # locks whose snapshot is gone
        if lock.stem != keep and not (snaps / lock.stem).exists():
            lock.unlink(missing_ok=True)


# -- terms ------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _iri(value: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(value)
    except ValueError as exc:
        raise StoreError(f"cannot store <{value[:200]}>: not a valid IRI ({exc})") from exc


def _to_ox(term: Node) -> OxTerm:
    """An rdflib term as a pyoxigraph term; pyoxigraph validates IRIs and language tags."""
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, RdfLiteral):
        lexical = str(term)
        try:
            if term.language:
                return ox.Literal(lexical, language=term.language)
            if term.datatype is not None and str(term.datatype) != _XSD_STRING:
                return ox.Literal(lexical, datatype=_iri(str(term.datatype)))
            return ox.Literal(lexical)
        except ValueError as exc:
            raise StoreError(f"cannot store the literal {lexical[:80]!r}: {exc}") from exc
    if isinstance(term, BNode):
        try:
            return ox.BlankNode(str(term))
        except ValueError:  # an id pyoxigraph does not accept: a stable valid one instead
            return ox.BlankNode("b" + hashlib.sha256(str(term).encode()).hexdigest()[:32])
    raise StoreError(f"cannot store {type(term).__name__} {term!r}: not an IRI, literal or bnode")


def _convert(triples: Iterable[InputTriple]) -> set[ox.Triple]:
    converted = set()
    for s, p, o in triples:
        subject, predicate = _to_ox(s), _to_ox(p)
        if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
            raise StoreError(f"cannot store ({s!r}, {p!r}, {o!r}): not an RDF triple")
        converted.add(ox.Triple(subject, predicate, _to_ox(o)))
    return converted


def _from_ox(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"the answer holds {term}, an RDF 1.2 triple term; use --format json")


# -- updates and results ----------------------------------------------------------------------


def _has_bnode(triples: Iterable[ox.Triple]) -> bool:
    return any(
        isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples
    )


def _block(graph: ox.NamedNode, triples: set[ox.Triple]) -> str:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return f"GRAPH {graph} {{\n{body.decode('utf-8')}}}"


def _plan_update(db: ox.Store, plans: list[tuple[ox.NamedNode, set[ox.Triple]]]) -> str:
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


def _result(answer: Any) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        return QueryResult("ask", boolean=value, writer=_results_writer(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = tuple(v.value for v in answer.variables)
        return QueryResult(
            "select", variables=variables, rows=_rows(answer), writer=_results_writer(answer)
        )
    return QueryResult("graph", triples=_triples(answer), writer=_graph_writer(answer))


def _rows(answer: Any) -> Iterator[Row]:
    try:
        for solution in answer:
            yield tuple(None if t is None else _from_ox(t) for t in solution)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


def _triples(answer: Any) -> Iterator[Triple]:
    try:
        for t in answer:
            yield (_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object))
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


def _results_writer(answer: Any) -> ResultWriter:
    def write(out: BinaryIO, fmt: str) -> None:
        if fmt not in _RESULT_FORMATS:
            raise QueryError(f"a SELECT or ASK answer cannot be written as {fmt}")
        _guarded(lambda: answer.serialize(out, _RESULT_FORMATS[fmt]))

    return write


def _graph_writer(answer: Any) -> ResultWriter:
    def write(out: BinaryIO, fmt: str) -> None:
        if fmt not in _GRAPH_RESULT_FORMATS:
            raise QueryError(f"a CONSTRUCT or DESCRIBE answer cannot be written as {fmt}")
        _guarded(lambda: ox.serialize(answer, out, _GRAPH_RESULT_FORMATS[fmt], prefixes=PREFIXES))

    return write


def _guarded(run: Callable[[], object]) -> None:
    try:
        run()
    except BrokenPipeError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc
