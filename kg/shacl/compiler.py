"""Compiling a shapes graph: which shapes run, their targets and paths (see ``kg.shacl``)."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from kg.shacl.components import COMPILERS
from kg.shacl.core import Constraint, Data, PathFn, Result, Shape, UnsupportedShapes

_ANNOTATIONS = {SH.message, SH.name, SH.description, SH.order, SH.group, SH.severity}
_ANNOTATIONS |= {SH.defaultValue}
_STRUCTURE = {SH.path, SH.targetClass, SH.inversePath, SH.alternativePath}
_KNOWN_TYPES = {SH.NodeShape, SH.PropertyShape}


class FastShapes:
    """A shapes graph compiled once; ``check`` gives pySHACL's results for a data graph."""

    def __init__(self, shapes: Graph) -> None:
        self.sg = shapes
        _refuse_unknown_terms(shapes)
        # one object per IRI the checks look up (paths, classes): the data's terms are
        # mapped onto them once per triple (Data), so lookups match by identity, not by
        # rdflib's __eq__ (~0.3 µs a call)
        self.canon: dict[Node, Node] = {RDF.type: RDF.type, RDFS.subClassOf: RDFS.subClassOf}
        self.seen: dict[int, tuple[Node, Node]] = {}  # id(data term) -> (it, canonical)
        self._compiled: dict[Node, Shape] = {}
        self._compiling: set[Node] = set()
        self._inverse: set[Node] = set()  # predicates walked backwards by sh:inversePath
        self.top = [
            self._shape(s) for s in sorted(set(shapes.subjects(SH.targetClass, None)), key=str)
        ]
        if not self.top:
            raise UnsupportedShapes("no shape has a sh:targetClass")
        self.inverse = frozenset(self._inverse)

    def check(self, data: Iterable[tuple[Node, Node, Node]]) -> list[Result]:
        """Every validation result pySHACL would report for ``data``, a graph or its triples
        (none: it conforms)."""
        if len(self.seen) > 4096:  # the mapping's predicates and classes are a few hundred
            self.seen.clear()
        index = Data(data, self.inverse, self.canon, self.seen)
        results: list[Result] = []
        for shape in self.top:
            focus = index.focus(shape.targets)
            if focus:
                results.extend(shape.validate(index, focus))
        return results

    def conforms(self, data: Iterable[tuple[Node, Node, Node]]) -> bool:
        """``not self.check(data)``, read more cheaply (``Shape.passes``): stops at the first
        failure. Raises ``Undecided`` where ``check`` would, unless a failure comes first."""
        if len(self.seen) > 4096:
            self.seen.clear()
        index = Data(data, self.inverse, self.canon, self.seen)
        return all(shape.passes(index, index.focus(shape.targets)) for shape in self.top)

    # -- compiling --------------------------------------------------------------------------

    def intern(self, term: Node) -> Node:
        """The one object for ``term`` that checks look up by (see ``canon``)."""
        return self.canon.setdefault(term, term)

    def _one(self, node: Node, param: URIRef) -> Node:
        values = list(self.sg.objects(node, param))
        if len(values) != 1:
            raise UnsupportedShapes(f"{node} has {len(values)} values of {param}")
        return values[0]

    def _shape(self, node: Node) -> Shape:
        if node in self._compiling:
            raise UnsupportedShapes(f"{node} refers to itself: recursive shapes")
        if node in self._compiled:
            return self._compiled[node]
        self._compiling.add(node)
        try:
            shape = self._build(node)
        finally:
            self._compiling.discard(node)
        self._compiled[node] = shape
        return shape

    def _build(self, node: Node) -> Shape:
        sg = self.sg
        if set(sg.objects(node, RDF.type)) & {RDFS.Class, OWL.Class}:
            raise UnsupportedShapes(f"{node} is a class: implicit class targets")
        paths = list(sg.objects(node, SH.path))
        if len(paths) > 1:
            raise UnsupportedShapes(f"{node} has more than one sh:path")
        path = paths[0] if paths else None
        shape = Shape(node, path, None if path is None else self._path(path, 0))
        if isinstance(path, URIRef):
            shape.step = self.intern(path)
        for cls in sg.objects(node, SH.targetClass):
            if not isinstance(cls, URIRef):
                raise UnsupportedShapes(f"{node}: a sh:targetClass that is not an IRI")
            shape.targets.append(self.intern(cls))
        params = {p for p in sg.predicates(node, None) if isinstance(p, URIRef)}
        if SH.flags in params and SH.pattern not in params:
            raise UnsupportedShapes(f"{node}: sh:flags without sh:pattern")
        for param in sorted(p for p in params if p in COMPILERS):
            shape.constraints.append(self._constraint(shape, param))
        return shape

    def _path(self, path: Node, depth: int) -> PathFn:
        sg = self.sg
        if depth > 8:
            raise UnsupportedShapes("path too deep")
        if isinstance(path, URIRef):
            step = self.intern(path)
            return lambda data, f: data.objects(f, step)
        if not isinstance(path, BNode):
            raise UnsupportedShapes(f"a path that is a literal: {path}")
        if (path, RDF.first, None) in sg:
            steps = [self._path(p, depth + 1) for p in Collection(sg, path)]
            if len(steps) < 2:
                raise UnsupportedShapes("a sequence path of fewer than two steps")
            return _sequence(steps)
        props = set(sg.predicates(path, None))
        if props == {SH.inversePath}:
            inner = self._one(path, SH.inversePath)
            if not isinstance(inner, URIRef):
                raise UnsupportedShapes("sh:inversePath of a complex path")
            back = self.intern(inner)
            self._inverse.add(back)
            return lambda data, f: data.subjects(back, f)
        if props == {SH.alternativePath}:
            items = self._one(path, SH.alternativePath)
            if (items, RDF.first, None) not in sg:
                raise UnsupportedShapes("sh:alternativePath needs a list")
            return _alternative([self._path(p, depth + 1) for p in Collection(sg, items)])
        raise UnsupportedShapes(f"unsupported path {sorted(map(str, props))}")

    def _constraint(self, shape: Shape, param: URIRef) -> tuple[URIRef, Constraint]:
        name, compile_check = COMPILERS[param]
        return SH[name + "ConstraintComponent"], compile_check(self, shape)


def _sequence(steps: list[PathFn]) -> PathFn:
    def follow(data: Data, f: Node) -> set[Node] | frozenset[Node]:
        nodes = steps[0](data, f)
        for step in steps[1:]:
            nodes = {v for n in nodes for v in step(data, n)}
        return nodes

    return follow


def _alternative(branches: list[PathFn]) -> PathFn:
    def follow(data: Data, f: Node) -> set[Node]:
        found: set[Node] = set()
        for branch in branches:
            found |= branch(data, f)
        return found

    return follow


def _refuse_unknown_terms(sg: Graph) -> None:
    """Refuse any SHACL term (predicate or type) the compiler does not handle."""
    allowed = _ANNOTATIONS | _STRUCTURE | set(COMPILERS) | {SH.flags}
    for p in set(sg.predicates()):
        if str(p).startswith(str(SH)) and p not in allowed:
            raise UnsupportedShapes(f"unsupported SHACL term {p}")
    for t in set(sg.objects(None, RDF.type)):
        if str(t).startswith(str(SH)) and t not in _KNOWN_TYPES:
            raise UnsupportedShapes(f"unsupported SHACL type {t}")
    for cls in (RDFS.Class, OWL.Class):
        for node in sg.subjects(RDF.type, cls):
            if any(str(p).startswith(str(SH)) for p in sg.predicates(node, None)) or any(
                (node, RDF.type, t) in sg for t in _KNOWN_TYPES
            ):
                raise UnsupportedShapes(f"{node} is a shape and a class: implicit class targets")
