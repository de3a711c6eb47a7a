"""What the compiled checks share: results, the data index, shapes, value iteration and the
per-term cache (pySHACL's value rules: :mod:`kg.shacl.values`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node


class UnsupportedShapes(Exception):
    """The shapes use a feature the fast check does not compile; use pySHACL alone."""


class Undecided(Exception):
    """This data graph cannot be judged here exactly as pySHACL would; ask pySHACL."""


@dataclass(frozen=True, slots=True)
class Result:
    """One validation result, in the terms of pySHACL's report (``path`` is the shapes
    graph's node for the shape's ``sh:path``, ``None`` for a node shape)."""

    focus: Node
    shape: Node
    path: Node | None
    component: URIRef
    value: Node | None


_T = TypeVar("_T")
_NONE: frozenset[Node] = frozenset()
_RDF_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf  # an rdflib namespace attribute costs a call
_NO_PROPERTIES: dict[Node, set[Node]] = {}


class Data:
    """A data graph (a ``Graph``, or any iterable of its triples) indexed in one pass: objects
    by subject and predicate, and subjects by predicate and object for the predicates the
    shapes walk backwards (and ``rdf:type``, ``rdfs:subClassOf``). The sets it returns are
    shared: read them, never change them."""

    def __init__(
        self,
        graph: Iterable[tuple[Node, Node, Node]],
        inverse: frozenset[Node],
        canon: dict[Node, Node] | None = None,
        seen: dict[int, tuple[Node, Node]] | None = None,
    ) -> None:
        """``canon``: the shapes' own object for each IRI they look up; a predicate, and the
        class of an ``rdf:type`` or ``rdfs:subClassOf`` triple, is indexed as that object
        (an equal one), found by identity in ``seen`` after its first time."""
        canon = {} if canon is None else canon
        seen = {} if seen is None else seen
        rdf_type, subclass = canon.get(RDF.type, RDF.type), canon.get(RDFS.subClassOf)

        def canonical(term: Node) -> Node:
            found = canon.get(term, term)
            seen[id(term)] = (term, found)
            return found

        spo: dict[Node, dict[Node, set[Node]]] = {}
        pos: dict[Node, dict[Node, set[Node]]] = {p: {} for p in inverse}
        types: dict[Node, set[Node]] = {}
        subclass_of: dict[Node, set[Node]] = {}
        pos[RDF.type] = types
        pos[RDFS.subClassOf] = subclass_of
        for s, p, o in graph:
            known = seen.get(id(p))
            p = known[1] if known is not None and known[0] is p else canonical(p)
            if p is rdf_type or p is subclass:
                known = seen.get(id(o))
                o = known[1] if known is not None and known[0] is o else canonical(o)
            by_p = spo.get(s)
            if by_p is None:
                spo[s] = by_p = {}
            objects = by_p.get(p)
            if objects is None:
                by_p[p] = {o}
            else:
                objects.add(o)
            by_o = pos.get(p)
            if by_o is not None:
                subjects = by_o.get(o)
                if subjects is None:
                    by_o[o] = {s}
                else:
                    subjects.add(s)
        self.spo = spo
        self.pos = pos
        self.types = types
        self.subclass_of = subclass_of  # class -> its direct subclasses
        self.subclasses = bool(subclass_of)
        self._instances: dict[Node, set[Node]] = {}
        self._focus: dict[tuple[Node, ...], set[Node]] = {}

    def objects(self, s: Node, p: Node) -> set[Node] | frozenset[Node]:
        return self.spo.get(s, _NO_PROPERTIES).get(p, _NONE)

    def subjects(self, p: Node, o: Node) -> set[Node] | frozenset[Node]:
        return self.pos[p].get(o, _NONE)

    def instances(self, cls: Node) -> set[Node]:
        """Focus nodes of ``sh:targetClass cls``: its instances, and its subclasses' in the
        data graph (pySHACL reads no ontology)."""
        found = self._instances.get(cls)
        if found is None:
            found = set(self.types.get(cls, _NONE))
            if self.subclasses:
                for sub in _closure(cls, self.subclass_of.get):
                    if sub != cls:
                        found.update(self.types.get(sub, _NONE))
            self._instances[cls] = found
        return found

    def focus(self, targets: list[Node]) -> set[Node]:
        """The focus nodes of a shape's ``sh:targetClass`` list (made once per list)."""
        if len(targets) == 1:
            return self.instances(targets[0])
        key = tuple(targets)
        found = self._focus.get(key)
        if found is None:
            found = self._focus[key] = set().union(*(self.instances(c) for c in targets))
        return found

    def has_class(self, value: Node, cls: Node) -> bool:
        """pySHACL's sh:class: an rdf:type that is ``cls`` or a subclass of it in the data."""
        if isinstance(value, Literal):
            return False
        for ctype in self.objects(value, _RDF_TYPE):
            if ctype is cls or ctype == cls:
                return True
            if self.subclasses and cls in _closure(ctype, self._superclasses):
                return True
        return False

    def _superclasses(self, cls: Node) -> set[Node] | frozenset[Node]:
        return self.objects(cls, _SUBCLASS_OF)


def _closure(start: Node, step: Callable[[Node], set[Node] | frozenset[Node] | None]) -> list[Node]:
    """``start`` and every node reachable from it by ``step`` (rdflib's ``transitive_subjects``
    and ``transitive_objects`` on the index), each once, cycles allowed."""
    found = [start]
    seen = {start}
    for node in found:  # grows while it is walked
        for nxt in step(node) or _NONE:
            if nxt not in seen:
                seen.add(nxt)
                found.append(nxt)
    return found


# (data, focus node) -> value nodes (shared sets: read only)
PathFn = Callable[[Data, Node], "set[Node] | frozenset[Node]"]
Values = dict[Node, "set[Node] | frozenset[Node]"]
# (data, {focus: value nodes}) -> (focus, value or None, or a nested shape's Result)
Check = Callable[[Data, Values], "list[tuple[Node, Node | Result | None]]"]
# (data, {focus: value nodes}) -> whether the check finds nothing
Holds = Callable[[Data, Values], bool]


@dataclass(frozen=True, slots=True)
class Constraint:
    """One compiled constraint component: ``check`` finds its results; the rest says the same
    verdict more cheaply, for ``Shape.passes``. ``value_test``: a value passes on its own (a
    function of the term alone, not of the data); ``at_least``/``at_most``: how many values
    a focus node may have; ``classes``: each value's ``sh:class``; ``holds``: the check's
    verdict without its results. ``Shape.passes`` uses the first of these that is set."""

    check: Check
    value_test: Callable[[Node], bool] | None = None
    at_least: int = 0
    at_most: int | None = None
    counts: bool = False
    classes: tuple[Node, ...] = ()
    holds: Holds | None = None


class Shape:
    """One compiled shape: its path, targets and checks, one per constraint component."""

    def __init__(self, node: Node, path: Node | None, path_fn: PathFn | None) -> None:
        self.node = node
        self.path = path
        self.path_fn = path_fn
        self.step: Node | None = None  # the predicate, when the path is one IRI
        self.targets: list[Node] = []
        self.constraints: list[tuple[URIRef, Constraint]] = []
        self._plan: _Plan | None = None

    def validate(self, data: Data, focus: Iterable[Node]) -> list[Result]:
        if self.path_fn is None:
            values: Values = {f: {f} for f in focus}
        elif self.step is not None:  # data.objects, inlined: the commonest path
            spo, step = data.spo, self.step
            values = {f: spo.get(f, _NO_PROPERTIES).get(step, _NONE) for f in focus}
        else:
            fn = self.path_fn
            values = {f: fn(data, f) for f in focus}
        if not values:
            return []
        results: list[Result] = []
        for component, constraint in self.constraints:
            for f, v in constraint.check(data, values):
                if isinstance(v, Result):  # passed up from sh:property
                    results.append(v)
                else:
                    results.append(Result(f, self.node, self.path, component, v))
        return results

    def conforms(self, data: Data, focus: Node) -> bool:
        return self.passes(data, (focus,))

    def passes(self, data: Data, focus: Iterable[Node]) -> bool:
        """``not self.validate(data, focus)``, without making results: counts, value tests
        and classes read per focus node, stopping at the first failure. Raises ``Undecided``
        where ``validate`` would, unless a failure comes first."""
        plan = self._plan
        if plan is None:
            plan = self._plan = _plan(self.constraints)
        at_least, at_most, test, classes, holds = plan
        step, fn = self.step, self.path_fn
        spo = data.spo
        values: Values = {}
        for f in focus:
            if step is not None:
                vs = spo.get(f, _NO_PROPERTIES).get(step, _NONE)
            elif fn is None:
                vs = {f}
            else:
                vs = fn(data, f)
            if holds:
                values[f] = vs
            n = len(vs)
            if n < at_least or (at_most is not None and n > at_most):
                return False
            if test is not None:
                for v in vs:
                    if not test(v):
                        return False
            for c in classes:
                for v in vs:
                    if not data.has_class(v, c):
                        return False
        return all(h(data, values) for h in holds) if values else True


class _Plan(NamedTuple):
    """A shape's constraints as ``Shape.passes`` reads them."""

    at_least: int
    at_most: int | None
    test: Callable[[Node], bool] | None  # every value test at once, remembered per term
    classes: tuple[Node, ...]
    holds: tuple[Holds, ...]  # the other constraints' verdicts


def _plan(constraints: list[tuple[URIRef, Constraint]]) -> _Plan:
    at_least, at_most = 0, None
    tests: list[Callable[[Node], bool]] = []
    classes: list[Node] = []
    holds: list[Holds] = []
    for _, c in constraints:
        if c.value_test is not None:
            tests.append(c.value_test)
        elif c.counts:
            at_least = max(at_least, c.at_least)
            if c.at_most is not None:
                at_most = c.at_most if at_most is None else min(at_most, c.at_most)
        elif c.classes:
            classes += c.classes
        else:
            holds.append(c.holds or _verdict(c.check))
    test = None
    if len(tests) == 1:
        test = remembered(tests[0])
    elif tests:
        test = remembered(lambda v: all(t(v) for t in tests))
    return _Plan(at_least, at_most, test, tuple(classes), tuple(holds))


def _verdict(check: Check) -> Holds:
    return lambda data, values: not check(data, values)


def remembered(test: Callable[[Node], _T], size: int = 8192) -> Callable[[Node], _T]:
    """``test``, a function of the term alone, answered once per term object: the mapping's
    integer literals are the same objects in every article (``kg.rdf.mapping._int``). Keyed
    by identity (the term is kept, so its id stays its own); forgotten every ``size`` terms."""
    known: dict[int, tuple[Node, _T]] = {}

    def cached(v: Node) -> _T:
        found = known.get(id(v))
        if found is not None and found[0] is v:
            return found[1]
        verdict = test(v)
        if len(known) >= size:
            known.clear()
        known[id(v)] = (v, verdict)
        return verdict

    return cached


def iter_values(values: Values) -> Iterator[tuple[Node, Node]]:
    for f, vs in values.items():
        for v in vs:
            yield f, v
