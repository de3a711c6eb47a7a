"""The SHACL gate: check graphs against kg's shapes (``shapes/*.ttl``).

With ``kg.shacl``, the only modules of kg that import pySHACL, which patches rdflib
globals while it parses shapes. ``ShapesValidator`` parses the shapes and builds pySHACL's
shapes once, then validates many graphs with them: each article's graph on its own, without
the ontology and without inference. Building the shapes once instead of handing them to
``pyshacl.validate`` on every call gives the same reports in a fraction of the time (see
``docs/ONTOLOGY.md``).

Each graph is first checked by the shapes compiled to plain Python (``kg.shacl``), which
finds the same results as pySHACL in a tenth of its time or less; pySHACL runs only on a graph
that check finds fault with (or cannot judge), so reports are pySHACL's. Shapes the fast check
does not compile (a user's own, through ``KG_SHAPES_DIR``) are checked by pySHACL alone.

``format_report`` turns a result into one line per violation (focus node, path, value,
message), for the CLI and for the reason a quarantined article is kept with. ``read_rdf`` and
``graphs_to_check`` read RDF files and pick the graphs in them to validate.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pyshacl import ShapesGraph, Validator
from pyshacl.errors import ReportableRuntimeError
from pyshacl.graph_abstraction import DataGraph
from pyshacl.monkey import rdflib_bool_patch, rdflib_bool_unpatch
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg import resources
from kg.errors import InputError, RdfSyntaxError, ResourceError
from kg.rdf.mapping import Triples, graph_of
from kg.rdf.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.rdf.reading import add_triples, parse_dataset
from kg.shacl import FastShapes, Undecided, UnsupportedShapes

log = logging.getLogger(__name__)

_SHORT_VALUE = 60  # characters of a literal shown in a report line

# file extension -> rdflib parser
RDF_FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}


@dataclass(frozen=True)
class Violation:
    """One result of a validation report, in the terms a reader needs."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    shape: Node | None
    component: Node | None


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of validating one graph.

    ``text`` is pySHACL's readable report, ``report`` the ``sh:ValidationReport`` graph,
    ``violations`` the number of results of severity ``sh:Violation``. Read the report, never
    change it: ``ShapesValidator`` returns one result for every graph that conforms.
    """

    conforms: bool
    text: str
    report: Graph
    violations: int

    def details(self) -> list[Violation]:
        """The report's results, sorted by focus node, shape and message."""
        return _violations(self.report)


class ShapesValidator:
    """Validates graphs against the shapes of one folder, parsed and built once.

    ``folder`` defaults to ``kg.resources.shapes_dir()`` (the shipped shapes, or
    ``KG_SHAPES_DIR``). Every ``*.ttl`` file in it is read. A file that does not parse, or
    shapes pySHACL cannot build, raise ``ResourceError``. Not safe to share between threads.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else resources.shapes_dir()
        self.files = tuple(resources.turtle_files(self.folder))
        self.graph = _parse_shapes(self.files)
        self._shapes = ShapesGraph(self.graph, logger=log)
        try:
            count = len(list(self._shapes.shapes))
        except ReportableRuntimeError as exc:
            raise ResourceError(
                self.folder, f"the shapes cannot be built: {_one_line(exc)}"
            ) from exc
        if count == 0:
            raise ResourceError(self.folder, "its .ttl files hold no SHACL shapes")
        log.debug("built %d shapes from %d files in %s", count, len(self.files), self.folder)
        self.fast: FastShapes | None = None
        try:
            self.fast = FastShapes(self.graph)
        except UnsupportedShapes as exc:
            log.info("the shapes in %s are checked by pySHACL alone: %s", self.folder, exc)
        # pySHACL's result for a graph that conforms, returned when the fast check finds none
        self._conforms = self.pyshacl(Graph(bind_namespaces="none"))
        assert self._conforms.conforms

    def validate(self, data: Graph | Triples) -> ValidationResult:
        """Validate one graph (a ``Dataset`` is validated as the union of its graphs), or one
        article's ``Triples`` (``kg.rdf.mapping.to_triples``: no rdflib graph is built unless
        pySHACL must run).

        The fast check first; pySHACL only when it finds a violation, for the report.
        """
        if isinstance(data, Graph):
            data = _union(data)
        if self.fast is None:
            return self.pyshacl(_as_graph(data))
        conforms = False
        try:
            conforms = self.fast.conforms(data)
        except Undecided as exc:
            log.debug("the fast check defers to pySHACL: %s", exc)
        if conforms:  # one result shared by all (copying its report cost ~1.5 ms)
            return self._conforms
        try:
            return self.pyshacl(_as_graph(data))
        except ResourceError as exc:
            # the shapes compiled and check other graphs, so it is this graph pySHACL cannot
            # judge (a blank node where sh:lessThan compares numbers): it does not conform
            why = _one_line(exc.__cause__) if exc.__cause__ is not None else exc.reason
            text = f"Validation Report\nConforms: False\npySHACL cannot check this graph: {why}"
            return ValidationResult(False, text, Graph(bind_namespaces="none"), 1)

    def pyshacl(self, data: Graph) -> ValidationResult:
        """Validate one graph with pySHACL alone (the shapes built once)."""
        data = _union(data)
        validator = Validator(
            DataGraph.from_rdflib(data),
            shacl_graph=self.graph,
            options={"inference": "none", "logger": log},
        )
        validator.shacl_graph = self._shapes  # reuse the shapes built once
        try:
            conforms, report, text = validator.run()  # type: ignore[no-untyped-call]
        except (ReportableRuntimeError, re.error) as exc:
            # pySHACL builds a shape's constraints only when the shape has focus nodes, so a
            # bad parameter (sh:minCount "x", a broken sh:pattern) shows up here, not at load
            raise ResourceError(self.folder, f"the shapes are broken: {_one_line(exc)}") from exc
        assert isinstance(report, Graph)
        violations = sum(1 for _ in report.subjects(SH.resultSeverity, SH.Violation))
        return ValidationResult(bool(conforms), str(text), report, violations)


def _as_graph(data: Graph | Triples) -> Graph:
    return data if isinstance(data, Graph) else graph_of(data)


def _union(data: Graph) -> Graph:
    if not isinstance(data, Dataset):
        return data
    union = Graph(bind_namespaces="none")
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _parse_shapes(files: tuple[Path, ...]) -> Graph:
    # An rdflib store without context bookkeeping: pySHACL reads the shapes graph thousands of
    # times per validation, and the plain "Memory" store adds context work to every read (up
    # to a fifth of the time on small article graphs).
    graph = Graph(store="SimpleMemory", bind_namespaces="none")
    # Parse as pyshacl.validate() does: literals not normalised, only "true" is true.
    rdflib_bool_patch()  # type: ignore[no-untyped-call]
    try:
        for path in files:
            try:
                add_triples(graph, path, "turtle")
            except RdfSyntaxError as exc:
                raise ResourceError(exc.source, f"not valid Turtle: {exc.reason}") from exc
    finally:
        rdflib_bool_unpatch()  # type: ignore[no-untyped-call]
    return graph


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# ---------------------------------------------------------------------------------------------
# Reading RDF to validate
# ---------------------------------------------------------------------------------------------


def rdf_format(path: Path) -> str:
    """The rdflib parser for a file, from its extension; ``InputError`` if it has none known."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(RDF_FORMATS)
        raise InputError(str(path), f"unknown RDF file extension (known: {known}); pass --format")
    return fmt


def read_rdf(path: Path, fmt: str | None = None, source: str | None = None) -> Dataset:
    """Parse an RDF file into a ``Dataset``: triples land in its default graph, quads in theirs.

    ``fmt`` is an rdflib parser name (default: from the extension). Turtle, TriG, N-Triples and
    N-Quads are read by a strict parser (``kg.rdf.reading``). A file that does not parse raises
    ``RdfSyntaxError`` with the parser's message on one line, at ``file:line:column``.
    """
    return parse_dataset(path, fmt or rdf_format(path), source)


def graphs_to_check(dataset: Dataset, source: str) -> Iterator[tuple[str, Graph]]:
    """The graphs to validate, each with a name for reports.

    Every named graph but the ontology's (``ONTOLOGY_GRAPH``), in IRI order, and the default
    graph when it holds triples (all of a Turtle or N-Triples file).
    """
    if len(dataset.default_graph):
        yield source, dataset.default_graph
    named = sorted(
        (g for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier),
        key=lambda g: str(g.identifier),
    )
    for graph in named:
        if graph.identifier != ONTOLOGY_GRAPH and len(graph):
            yield f"{source} <{graph.identifier}>", graph


# ---------------------------------------------------------------------------------------------
# Readable reports
# ---------------------------------------------------------------------------------------------


def format_report(result: ValidationResult, source: str | None = None) -> str:
    """A header naming ``source``, then one line per violation: focus | path | value | message.

    ``-`` stands for no path or no value. Nodes are shortened with kg's prefixes; literals are
    quoted, escaped and cut, so article text cannot break the one-line-per-violation layout.
    """
    where = f"{source}: " if source else ""
    if result.conforms:
        return f"{where}conforms"
    details = result.details()
    lines = []
    for v in details:
        value = _show(v.value) if v.value is not None else "-"
        path = _show_path(v.path, result.report)
        lines.append(f"  {_show(v.focus)} | {path} | {value} | {_escape(v.message)}")
    if not details:  # pySHACL could not check the graph: its reason is the report
        return f"{where}does not conform\n  {_escape(result.text.splitlines()[-1])}"
    header = f"{where}{len(details)} violation{'s' if len(details) != 1 else ''}"
    return "\n".join([header, *sorted(lines)])


def _violations(report: Graph) -> list[Violation]:
    found = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        assert focus is not None
        message = report.value(r, SH.resultMessage)
        found.append(
            Violation(
                focus=focus,
                path=report.value(r, SH.resultPath),
                value=report.value(r, SH.value),
                message=str(message) if message is not None else "",
                shape=report.value(r, SH.sourceShape),
                component=report.value(r, SH.sourceConstraintComponent),
            )
        )
    return sorted(found, key=lambda v: (str(v.focus), str(v.shape), v.message, str(v.value)))


# longest namespace first, so that e.g. ``kget:`` wins over a shorter prefix of it
_NAMES = sorted({**PREFIXES, "sh": str(SH)}.items(), key=lambda item: -len(item[1]))
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._~-]*")


def _show(node: Node) -> str:
    if isinstance(node, URIRef):
        iri = str(node)
        for prefix, ns in _NAMES:
            if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns) :]):
                return f"{prefix}:{iri[len(ns) :]}"
        return f"<{_escape(iri)}>"
    if isinstance(node, Literal):
        text = str(node)
        if len(text) > _SHORT_VALUE:
            text = text[: _SHORT_VALUE - 1] + "…"
        shown = '"' + _escape(text.replace("\\", "\\\\").replace('"', '\\"')) + '"'
        if node.language:
            return f"{shown}@{node.language}"
        if node.datatype is not None:
            return f"{shown}^^{_show(node.datatype)}"
        return shown
    return f"_:{node}"


def _show_path(path: Node | None, report: Graph) -> str:
    """A SHACL path in SPARQL property-path syntax, e.g. ``(kg:agent|kg:target)``."""
    if path is None:
        return "-"
    if not isinstance(path, BNode):
        return _show(path)
    if report.value(path, RDF.first) is not None:
        steps = [_show_path(p, report) for p in Collection(report, path)]
        return "/".join(steps)
    for predicate, template in (
        (SH.alternativePath, "({})"),
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = report.value(path, predicate)
        if inner is None:
            continue
        if predicate == SH.alternativePath and isinstance(inner, BNode):
            return template.format(
                "|".join(_show_path(p, report) for p in Collection(report, inner))
            )
        return template.format(_show_path(inner, report))
    return _show(path)


def _escape(text: str) -> str:
    """Control characters as escapes, so that a value or message stays on one line."""
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )
