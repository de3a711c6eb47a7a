"""Where article graphs live: a small ``Store`` interface and the function that opens one.

One named graph per article (``kg.rdf.iris.graph(id)``), replaced whole on re-ingest, plus the
ontology and taxonomy in ``ONTOLOGY_GRAPH``. Queries see the union of all graphs as their
default graph. ``open_store`` opens the embedded pyoxigraph store in a directory, or a remote
SPARQL 1.1 store for an ``http(s)://`` URL (:mod:`kg.store.remote`, docs/STORES.md).

Terms cross this interface as rdflib terms; pyoxigraph stays inside the implementation. A
query parameter typed by a user crosses it as a :class:`ParamValue`, which needs no rdflib.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, BinaryIO, Literal, Protocol, Self, TypeAlias

from kg.errors import StoreError

if TYPE_CHECKING:  # rdflib is imported where a term is made, never by `kg query`'s own path
    import pyoxigraph as ox
    from rdflib import BNode, URIRef
    from rdflib import Literal as RdfLiteral
    from rdflib.term import Node

__all__ = [
    "EXPORT_FORMATS",
    "Binding",
    "ParamValue",
    "QueryResult",
    "Row",
    "Store",
    "Term",
    "Triple",
    "load_ontology",
    "open_store",
    "quarantine_dir",
]

log = logging.getLogger(__name__)

Term: TypeAlias = "URIRef | BNode | RdfLiteral"
Triple: TypeAlias = "tuple[Term, Term, Term]"
Row: TypeAlias = "tuple[Term | None, ...]"
# rdflib terms, or a triple pyoxigraph parsed (the N-Triples of kg.parallel's workers)
InputTriple: TypeAlias = "tuple[Node, Node, Node] | ox.Triple"

#: ``Store.export`` formats. Triple formats (turtle, ntriples) of the whole store merge all
#: graphs into one (a triple may be repeated); quad formats keep the graph names.
EXPORT_FORMATS = ("nquads", "trig", "turtle", "ntriples", "jsonld")

ResultWriter: TypeAlias = Callable[[BinaryIO, str], None]


@dataclass(frozen=True, slots=True)
class ParamValue:
    """A query parameter's value as a user gives it: an IRI, or else a plain literal
    (``xsd:string``). It binds a variable as the equal rdflib term would, but a ``kg query``
    with parameters need not load rdflib for it (~0.2 s of a query's start)."""

    value: str
    iri: bool = False


#: What ``Store.query`` binds a variable to.
Binding: TypeAlias = "Term | ParamValue"


@dataclass(frozen=True, slots=True)
class Dataset:
    """The RDF dataset a query runs over when the request names one, as the SPARQL 1.1
    Protocol's ``default-graph-uri`` and ``named-graph-uri`` do: the default graph is the merge
    of ``default_graphs`` (empty if none), and ``GRAPH`` reaches only ``named_graphs``.
    Without a ``Dataset``, kg's queries see the union of all graphs as the default graph."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryResult:
    """What a query returned, streamed: read it once.

    ``kind`` says which fields carry the answer: ``select`` fills ``variables`` and ``rows``
    (one rdflib term or ``None`` per variable), ``ask`` fills ``boolean``, ``graph``
    (CONSTRUCT, DESCRIBE) fills ``triples``. ``rows`` and ``triples`` are one-shot iterators
    over the store's answer; ``write`` streams the same answer in a standard format instead
    (SPARQL results formats csv, tsv, json, xml; RDF formats turtle, nt). Use one or the other.
    """

    kind: Literal["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: Iterator[Row] = field(default_factory=lambda: iter(()))
    boolean: bool | None = None
    triples: Iterator[Triple] = field(default_factory=lambda: iter(()))
    writer: ResultWriter | None = field(default=None, repr=False, compare=False)

    def write(self, out: BinaryIO, fmt: str) -> None:
        """Stream the answer to ``out`` as ``fmt`` (csv|tsv|json|xml; turtle|nt|rdfxml|jsonld)."""
        if self.writer is None:
            raise StoreError(f"this store cannot write query results as {fmt}")
        self.writer(out, fmt)


class Store(Protocol):
    """A dataset of named graphs, one per article. Writes are atomic per call."""

    @property
    def location(self) -> str:
        """Where the store is (a directory, or a remote store's URL), for messages."""
        ...

    @property
    def read_only(self) -> bool: ...

    def replace_graph(self, graph: str, triples: Iterable[InputTriple]) -> None:
        """Make ``triples`` the whole content of ``graph``, all or nothing.

        Re-putting the same triples leaves the store unchanged; an empty ``triples`` removes
        the graph.
        """
        ...

    def replace_graphs(self, graphs: Mapping[str, Iterable[InputTriple]]) -> None:
        """``replace_graph`` for several graphs (a batch of articles), all or nothing."""
        ...

    def remove_graph(self, graph: str) -> None: ...

    def has_graph(self, graph: str) -> bool: ...

    def graph_names(self) -> Iterator[str]:
        """The names (IRIs) of all named graphs, the ontology graph included."""
        ...

    def query(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        dataset: Dataset | None = None,
    ) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of all graphs, with kg's prefixes declared.

        ``bindings`` set variables to terms (or a user's :class:`ParamValue`) before
        evaluation (never pasted into the text); a SELECT must project every bound variable.
        The query's own ``FROM`` / ``FROM NAMED`` define its dataset instead of the union, and
        ``dataset`` (the protocol's ``default-graph-uri`` / ``named-graph-uri``) wins over
        both. Raises ``QueryError`` for bad syntax.
        """
        ...

    def export(
        self,
        out: BinaryIO,
        fmt: str = "nquads",
        graph: str | None = None,
        extra: Mapping[str, Iterable[InputTriple]] | None = None,
    ) -> None:
        """Write one graph, or every graph streamed, in one of ``EXPORT_FORMATS``.

        The whole store in a triple format may repeat a triple that is in several graphs (the
        same RDF graph when read back). ``extra`` adds graphs (name: triples) after the
        store's, as if they were in it; they must not be.
        """
        ...

    def triple_count(self) -> int:
        """The number of quads: triples summed over all graphs."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


#: where a remote store's quarantine (and its writer's lock) goes unless --quarantine says
REMOTE_QUARANTINE = Path("kg-quarantine")


def open_store(path: Path | str, *, read_only: bool = False) -> Store:
    """Open the store at ``path``: a directory for the embedded store, an ``http(s)://`` URL
    (a ``str``) for a remote SPARQL store.

    ``read_only`` never creates anything: a missing store raises ``StoreError`` saying to
    run ``kg ingest`` first. A second writer raises ``StoreLockedError``.
    """
    if isinstance(path, str):  # a Path is a directory: kg query opens it without kg.store.endpoints
        from kg.store.endpoints import is_remote

        if is_remote(path):
            from kg.store.remote import RemoteStore

            return RemoteStore(str(path), read_only=read_only)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(Path(path), read_only=read_only)


def quarantine_dir(store: Path | str, given: Path | None = None) -> Path:
    """The quarantine folder: ``given``, else ``<store>/quarantine`` for a store directory and
    ``./kg-quarantine`` for a remote store (its lock file keeps one writer per folder)."""
    from kg.store.endpoints import is_remote

    if given is not None:
        return given
    return REMOTE_QUARANTINE if is_remote(store) else Path(store) / "quarantine"


def load_ontology(store: Store, folder: Path | None = None) -> int:
    """(Re)load the ontology and taxonomy ``*.ttl`` files into ``ONTOLOGY_GRAPH``.

    ``folder`` defaults to ``kg.resources.ontology_dir()`` (env ``KG_ONTOLOGY_DIR``). The
    graph is replaced, not added to. Returns the number of triples loaded.
    """
    from rdflib import Graph

    from kg.rdf.namespaces import ONTOLOGY_GRAPH
    from kg.rdf.reading import add_triples
    from kg.resources import ontology_dir, turtle_files

    graph = Graph(bind_namespaces="none")
    for path in turtle_files(folder if folder is not None else ontology_dir()):
        add_triples(graph, path, "turtle")  # a strict parser: RdfSyntaxError at file:line:col
    store.replace_graph(str(ONTOLOGY_GRAPH), graph)
    log.debug("loaded %d ontology triples into %s", len(graph), ONTOLOGY_GRAPH)
    return len(graph)
