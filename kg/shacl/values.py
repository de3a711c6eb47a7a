"""pySHACL's rules for the values of constraint components: datatypes, strings, ranges, node
kinds, patterns (:mod:`kg.shacl.components` compiles the shapes' constraints with them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal

from pyshacl.rdfutil.compare import compare_literal
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from kg.shacl.core import UnsupportedShapes

_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def datatype_test(rule: URIRef) -> Callable[[Node], bool]:
    """pySHACL's DatatypeConstraintComponent for one ``sh:datatype``, value by value: the
    datatype's IRI, not ill-typed, and rdflib's Python value of the expected type."""
    kind = _PYTHON_TYPES.get(rule)

    def actual(v: Literal) -> bool:
        return True if kind is None else isinstance(v.value, kind)

    any_literal, any_datatype = rule == RDFS.Literal, rule == RDFS.Datatype
    string, lang_string = rule == XSD.string, rule == RDF.langString

    def test(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        datatype = v.datatype
        if datatype is not None and (datatype is rule or datatype == rule):
            return getattr(v, "ill_typed", None) is not True and actual(v)
        if any_literal:
            return True
        if any_datatype and datatype:
            return True
        if datatype is None and string and v.language is None:
            return actual(v)
        if lang_string and v.language:
            return actual(v)
        return False

    return test


_STRING_TYPES = (None, RDF.langString, XSD.string)


def string_of(v: Node) -> str:
    """pySHACL's string of a value node for sh:pattern and the length constraints."""
    if isinstance(v, Literal):
        if v.value is not None and v.datatype in _STRING_TYPES:
            return str(v.value)
        return str(v)
    return str(v)


def compare_range(v: Node, bound: Literal) -> int | None:
    """``compare_literal(v, bound)`` as pySHACL's range constraints use it; ``None`` when
    they fail the value without comparing (not a literal, string against non-string, or
    values that cannot be compared)."""
    if not isinstance(v, Literal):
        return None
    if isinstance(bound.value, str) != isinstance(v.value, str):
        return None
    try:
        return int(compare_literal(v, bound))  # type: ignore[no-untyped-call]
    except (TypeError, NotImplementedError):
        return None


_INTEGERS = {XSD.integer, XSD.nonNegativeInteger, XSD.positiveInteger, XSD.int, XSD.long}
_INTEGERS |= {XSD.short, XSD.byte, XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort}
_INTEGERS |= {XSD.unsignedByte}


def integer_parameter(value: Node, what: str) -> int:
    if not (
        isinstance(value, Literal)
        and value.datatype in _INTEGERS
        and not getattr(value, "ill_typed", False)
        and isinstance(value.value, int)
        and not isinstance(value.value, bool)
        and value.value >= 0
    ):
        raise UnsupportedShapes(f"{what} is not a non-negative integer: {value!r}")
    return int(value.value)


_NODE_KINDS: dict[Node, tuple[bool, bool, bool]] = {
    SH.IRI: (False, False, True),  # (blank node, literal, IRI) accepted
    SH.BlankNode: (True, False, False),
    SH.Literal: (False, True, False),
    SH.BlankNodeOrIRI: (True, False, True),
    SH.BlankNodeOrLiteral: (True, True, False),
    SH.IRIOrLiteral: (False, True, True),
}


def node_kind_test(kind: Node) -> Callable[[Node], bool]:
    if kind not in _NODE_KINDS:
        raise UnsupportedShapes(f"unknown sh:nodeKind {kind}")
    blank, literal, iri = _NODE_KINDS[kind]

    def test(v: Node) -> bool:
        if isinstance(v, BNode):
            return blank
        if isinstance(v, Literal):
            return literal
        return iri

    return test


def pattern_regex(pattern: Node, flags: Node | None) -> re.Pattern[str]:
    """The regular expression pySHACL compiles for ``sh:pattern`` (only ``i`` and ``m`` of
    ``sh:flags`` count there)."""
    if not isinstance(pattern, Literal) or pattern.datatype not in (None, XSD.string):
        raise UnsupportedShapes(f"sh:pattern that is not a plain string: {pattern!r}")
    if pattern.language is not None:
        raise UnsupportedShapes("sh:pattern with a language tag")
    re_flags = 0
    if flags is not None:
        if not isinstance(flags, Literal):
            raise UnsupportedShapes("sh:flags that is not a literal")
        text = str(flags.value).lower()
        re_flags |= re.I if "i" in text else 0
        re_flags |= re.M if "m" in text else 0
    value = pattern.value
    source = str(value) if value is not None and len(value) > 1 else str(pattern)
    try:
        return re.compile(source, re_flags)
    except re.error as exc:
        raise UnsupportedShapes(f"sh:pattern does not compile: {exc}") from exc
