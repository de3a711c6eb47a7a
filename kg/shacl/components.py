"""SHACL Core constraint components compiled to checks, each as pySHACL 0.40 evaluates it.

Each compiler takes the shapes being compiled and one shape, reads the shape's parameters (any
that pySHACL would refuse raise ``UnsupportedShapes``) and returns a ``Check``: for the value
nodes of each focus node, the (focus, value) of every result, ``None`` for the value where
pySHACL reports none (``sh:minCount``, ``sh:maxCount``, ``sh:hasValue``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rdflib import BNode, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.shacl.core import (
    Constraint,
    Data,
    Result,
    Shape,
    Undecided,
    UnsupportedShapes,
    Values,
    iter_values,
    remembered,
)
from kg.shacl.values import (
    compare_range,
    datatype_test,
    integer_parameter,
    node_kind_test,
    pattern_regex,
    string_of,
)

_XSD_INTEGER = XSD.integer
_NONE: frozenset[Node] = frozenset()
_NO_PROPERTIES: dict[Node, set[Node]] = {}

if TYPE_CHECKING:
    from kg.shacl.compiler import FastShapes

Compiler = Callable[["FastShapes", Shape], Constraint]


def _class(fs: FastShapes, shape: Shape) -> Constraint:
    classes = list(fs.sg.objects(shape.node, SH["class"]))
    if not all(isinstance(c, URIRef) for c in classes):
        raise UnsupportedShapes(f"{shape.node}: sh:class that is not an IRI")
    classes = [fs.intern(c) for c in classes]

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        return [(f, v) for c in classes for f, v in iter_values(values) if not data.has_class(v, c)]

    return Constraint(check, classes=tuple(classes))


def _datatype(fs: FastShapes, shape: Shape) -> Constraint:
    rule = fs._one(shape.node, SH.datatype)
    if not isinstance(rule, URIRef):
        raise UnsupportedShapes(f"{shape.node}: sh:datatype that is not an IRI")
    return _each(datatype_test(rule))


def _node_kind(fs: FastShapes, shape: Shape) -> Constraint:
    return _each(node_kind_test(fs._one(shape.node, SH.nodeKind)))


def _each(test: Callable[[Node], bool]) -> Constraint:
    passes = remembered(test)

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        return [(f, v) for f, vs in values.items() for v in vs if not passes(v)]

    return Constraint(check, value_test=test)


def _count(param: URIRef, at_least: bool) -> Compiler:
    def compile_check(fs: FastShapes, shape: Shape) -> Constraint:
        if shape.path is None:
            raise UnsupportedShapes(f"{shape.node}: {param} on a node shape")
        n = integer_parameter(fs._one(shape.node, param), str(param))

        def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
            if at_least:
                return [(f, None) for f, vs in values.items() if len(vs) < n] if n else []
            return [(f, None) for f, vs in values.items() if len(vs) > n]

        if at_least:
            return Constraint(check, counts=True, at_least=n)
        return Constraint(check, counts=True, at_most=n)

    return compile_check


def _length(param: URIRef, at_least: bool) -> Compiler:
    def compile_check(fs: FastShapes, shape: Shape) -> Constraint:
        n = integer_parameter(fs._one(shape.node, param), str(param))

        def test(v: Node) -> bool:
            if at_least and n == 0:
                return True
            if isinstance(v, BNode):
                return False
            size = len(string_of(v))
            return size >= n if at_least else size <= n

        return _each(test)

    return compile_check


def _pattern(fs: FastShapes, shape: Shape) -> Constraint:
    flags = list(fs.sg.objects(shape.node, SH.flags))
    if len(flags) > 1:
        raise UnsupportedShapes(f"{shape.node}: more than one sh:flags")
    regex = pattern_regex(fs._one(shape.node, SH.pattern), flags[0] if flags else None)
    return _each(lambda v: not isinstance(v, BNode) and regex.search(string_of(v)) is not None)


def _in(fs: FastShapes, shape: Shape) -> Constraint:
    head = fs._one(shape.node, SH["in"])
    if head != RDF.nil and (head, RDF.first, None) not in fs.sg:
        raise UnsupportedShapes(f"{shape.node}: sh:in needs a list")
    allowed = set(Collection(fs.sg, head))
    return _each(lambda v: v in allowed)


def _has_value(fs: FastShapes, shape: Shape) -> Constraint:
    wanted = list(fs.sg.objects(shape.node, SH.hasValue))

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        return [
            (f, None) for hv in wanted for f, vs in values.items() if not any(v == hv for v in vs)
        ]

    return Constraint(check)


def _range(param: URIRef, passes: Callable[[int], bool]) -> Compiler:
    def compile_check(fs: FastShapes, shape: Shape) -> Constraint:
        bounds = list(fs.sg.objects(shape.node, param))
        if not all(isinstance(b, Literal) for b in bounds):
            raise UnsupportedShapes(f"{shape.node}: {param} that is not a literal")

        def within(bound: Literal) -> Callable[[Node], bool]:
            def test(v: Node) -> bool:
                order = compare_range(v, bound)
                return order is not None and passes(order)

            return test

        each = [within(b) for b in bounds if isinstance(b, Literal)]
        tests = [remembered(test) for test in each]

        def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
            return [(f, v) for test in tests for f, vs in values.items() for v in vs if not test(v)]

        return Constraint(check, value_test=lambda v: all(test(v) for test in each))

    return compile_check


def _properties(fs: FastShapes, shape: Shape, param: URIRef) -> list[URIRef]:
    props = list(fs.sg.objects(shape.node, param))
    if not all(isinstance(p, URIRef) for p in props):
        raise UnsupportedShapes(f"{shape.node}: {param} that is not an IRI")
    return [fs.intern(p) for p in props if isinstance(p, URIRef)]  # type: ignore[misc]


def _equals(fs: FastShapes, shape: Shape) -> Constraint:
    props = _properties(fs, shape, SH.equals)

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        found: list[tuple[Node, Node | Result | None]] = []
        for p in props:
            for f, vs in values.items():
                other = set(data.objects(f, p))
                found += [(f, v) for v in vs - other]
                found += [(f, v) for v in other - vs]
        return found

    return Constraint(check)


def _less_than(fs: FastShapes, shape: Shape) -> Constraint:
    if shape.path is None:
        raise UnsupportedShapes(f"{shape.node}: sh:lessThan on a node shape")
    props = _properties(fs, shape, SH.lessThan)
    comparable = remembered(_comparable)  # the same tuple for the same term object
    integer = remembered(_integer)
    known: dict[tuple[int, int], tuple[object, object, bool]] = {}

    def less(a: tuple[bool, object], b: tuple[bool, object]) -> bool:
        found = known.get((id(a), id(b)))
        if found is not None and found[0] is a and found[1] is b:
            return found[2]
        verdict = _less(a, b)
        if len(known) >= 8192:
            known.clear()
        known[id(a), id(b)] = (a, b, verdict)
        return verdict

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        found: list[tuple[Node, Node | Result | None]] = []
        for p in props:
            for f, vs in values.items():
                others = [comparable(o) for o in data.objects(f, p)]
                for v in vs:
                    mine = comparable(v)
                    found += [(f, v) for o in others if not less(mine, o)]
        return found

    def holds(data: Data, values: Values) -> bool:
        """``not check(data, values)``; two xsd:integer values compared as ints."""
        spo = data.spo
        for p in props:
            for f, vs in values.items():
                others = [(integer(o), o) for o in spo.get(f, _NO_PROPERTIES).get(p, _NONE)]
                for b, o in others:
                    if b is None:
                        comparable(o)  # raises Undecided where check would
                for v in vs:
                    a = integer(v)
                    mine = None if a is not None else comparable(v)  # raises as check does
                    for b, o in others:
                        if a is not None and b is not None:
                            if not a < b:
                                return False
                        elif not less(mine or comparable(v), comparable(o)):
                            return False
        return True

    return Constraint(check, holds=holds)


def _integer(v: Node) -> int | None:
    """The value of a well-typed xsd:integer literal (which rdflib's ``<`` compares by value,
    as ``_less`` would), else None."""
    if type(v) is Literal and v.datatype == _XSD_INTEGER and not v.ill_typed:
        value = v.value
        if type(value) is int:
            return value
    return None


def _comparable(v: Node) -> tuple[bool, object]:
    """(is a string, what pySHACL's sh:lessThan compares)."""
    if isinstance(v, BNode):
        raise Undecided("sh:lessThan on a blank node (pySHACL stops with an error)")
    if isinstance(v, URIRef):
        return True, str(v)
    if isinstance(v, Literal) and isinstance(v.value, str):
        return True, v.value
    return False, v


def _less(a: tuple[bool, object], b: tuple[bool, object]) -> bool:
    if a[0] != b[0]:
        return False
    try:
        return bool(a[1] < b[1])  # type: ignore[operator]
    except Exception as exc:  # pySHACL does not catch it either: let it report
        raise Undecided(f"sh:lessThan cannot compare {a[1]!r} and {b[1]!r}") from exc


def _or(fs: FastShapes, shape: Shape) -> Constraint:
    alternatives: list[list[Shape]] = []
    for head in fs.sg.objects(shape.node, SH["or"]):
        if (head, RDF.first, None) not in fs.sg:
            raise UnsupportedShapes(f"{shape.node}: sh:or needs a non-empty list")
        alternatives.append([fs._shape(s) for s in set(Collection(fs.sg, head))])

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        return [
            (f, v)
            for shapes in alternatives
            for f, v in iter_values(values)
            if not any(s.conforms(data, v) for s in shapes)
        ]

    return Constraint(check)


def _property(fs: FastShapes, shape: Shape) -> Constraint:
    nested = [fs._shape(s) for s in fs.sg.objects(shape.node, SH.property)]
    if any(s.path is None for s in nested):
        raise UnsupportedShapes(f"{shape.node}: sh:property without sh:path")

    def check(data: Data, values: Values) -> list[tuple[Node, Node | Result | None]]:
        found: list[tuple[Node, Node | Result | None]] = []
        for s in nested:
            for f, v in iter_values(values):
                found += [(f, r) for r in s.validate(data, (v,))]
        return found

    def holds(data: Data, values: Values) -> bool:
        every = {v for vs in values.values() for v in vs}
        return all(s.passes(data, every) for s in nested)

    return Constraint(check, holds=holds)


COMPILERS: dict[URIRef, tuple[str, Compiler]] = {
    SH["class"]: ("Class", _class),
    SH.datatype: ("Datatype", _datatype),
    SH.nodeKind: ("NodeKind", _node_kind),
    SH.minCount: ("MinCount", _count(SH.minCount, True)),
    SH.maxCount: ("MaxCount", _count(SH.maxCount, False)),
    SH.minLength: ("MinLength", _length(SH.minLength, True)),
    SH.maxLength: ("MaxLength", _length(SH.maxLength, False)),
    SH.pattern: ("Pattern", _pattern),
    SH["in"]: ("In", _in),
    SH.hasValue: ("HasValue", _has_value),
    SH.minInclusive: ("MinInclusive", _range(SH.minInclusive, lambda o: o >= 0)),
    SH.maxInclusive: ("MaxInclusive", _range(SH.maxInclusive, lambda o: o <= 0)),
    SH.minExclusive: ("MinExclusive", _range(SH.minExclusive, lambda o: o > 0)),
    SH.maxExclusive: ("MaxExclusive", _range(SH.maxExclusive, lambda o: o < 0)),
    SH.equals: ("Equals", _equals),
    SH.lessThan: ("LessThan", _less_than),
    SH["or"]: ("Or", _or),
    SH.property: ("Property", _property),
}
