"""A query's text for a remote store: kg's prefixes declared, parameters bound as RDF terms.

The SPARQL 1.1 Protocol has no way to bind a variable before evaluation (pyoxigraph's
``substitutions``, after SPARQL-dev SEP-0007), so :func:`substitute` writes each bound
variable's value into the query text in its place, as the RDF term it is (pyoxigraph's
N-Triples form: escaped, never the raw value), also inside sub-SELECTs as SEP-0007 does:

* in a SELECT clause, ``?x`` becomes ``(TERM AS ?x)``, so the answer still has the column;
* after GROUP BY or ORDER BY, ``(TERM)``;
* as the target of ``AS`` (``BIND(... AS ?x)``, ``(... AS ?x)``) it is left alone;
* everywhere else (triple patterns, expressions), ``TERM``.

A ``SELECT *`` does not list a bound variable (its value is the same in every row). The text
is read by a small lexer that knows SPARQL's strings, IRIs and comments, so a ``?x`` inside
them is never touched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.errors import QueryError
from kg.rdf.prefixes import PREFIXES
from kg.store import Binding, ParamValue

if TYPE_CHECKING:
    from kg.store.oxterms import OxTerm

__all__ = ["PROLOGUE", "bound_term", "declares_dataset", "substitute"]

#: kg's prefixes on one line (so that a server's error positions are off by one line only)
PROLOGUE = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"

_TOKEN_PATTERN = r"""
      (?P<skip>\#[^\n]*
        | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
        | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
        | <[^<>"{}|^`\\\x00-\x20]*>
        | [A-Za-z_][\w.-]*:[^\s(){},;]* | :[^\s(){},;]*)
    | (?P<var>[?$][\w\u00b7\u00c0-\uffff]+)
    | (?P<word>[A-Za-z_]\w*)
    | (?P<punct>[(){}])
    """


@functools.cache
def _token() -> re.Pattern[str]:
    """The lexer's pattern, compiled on first use (~10 ms of a `kg query` process otherwise)."""
    return re.compile(_TOKEN_PATTERN, re.VERBOSE)


_FROM_WORD = re.compile(r"(?<![\w:?$])from(?!\w)", re.IGNORECASE)
_CLAUSE_END = {"having", "limit", "offset", "values", "group", "order", "where", "from"}


@dataclass(slots=True)
class _Clause:
    kind: str  # "select" or "order" (GROUP BY, ORDER BY)
    parens: int  # the paren depth it opened at
    braces: int  # the brace depth it opened at


def declares_dataset(sparql: str) -> bool:
    """Whether ``sparql`` names its own dataset (``FROM`` or ``FROM NAMED``).

    Then the store must evaluate it over that dataset, not over the union of all graphs that
    kg's queries see by default. ``FROM`` is a reserved word of SPARQL, so a bare word ``from``
    outside strings, IRIs, prefixed names and comments is a dataset clause.
    """
    if not _FROM_WORD.search(sparql):  # no word "from" at all (prov:wasDerivedFrom is none)
        return False
    return any(
        match.lastgroup == "word" and match.group().lower() == "from"
        for match in _token().finditer(sparql)
    )


def substitute(sparql: str, bindings: Mapping[str, Binding] | None) -> str:
    """``sparql`` with each variable of ``bindings`` replaced by its term (module docstring)."""
    if not bindings:
        return sparql
    terms = {name: _term_text(name, term) for name, term in bindings.items()}
    out: list[str] = []
    clause: list[_Clause] = []  # the innermost open clause last
    parens = braces = 0
    last_word = ""
    position = 0
    for match in _token().finditer(sparql):
        out.append(sparql[position : match.start()])
        position = match.end()
        text = match.group()
        kind = match.lastgroup
        if kind == "word":
            word = text.lower()
            if clause and word in _CLAUSE_END and clause[-1].parens == parens:
                clause.pop()
            if word == "select":
                clause.append(_Clause("select", parens, braces))
            elif word == "by" and last_word in ("group", "order"):
                clause.append(_Clause("order", parens, braces))
            last_word = word
        elif kind == "punct":
            if text == "{" and clause and clause[-1].kind == "select":
                clause.pop()  # SELECT ... { without WHERE
            parens += {"(": 1, ")": -1}.get(text, 0)
            braces += {"{": 1, "}": -1}.get(text, 0)
            while clause and clause[-1].braces > braces:
                clause.pop()  # the end of a sub-SELECT
            last_word = ""
        elif kind == "var":
            name = text[1:]
            if name in terms and last_word != "as":
                text = _replacement(terms[name], text, clause, parens)
            last_word = ""
        out.append(text)
    out.append(sparql[position:])
    return "".join(out)


def _replacement(term: str, var: str, clause: list[_Clause], parens: int) -> str:
    top = clause[-1] if clause and clause[-1].parens == parens else None
    if top is not None and top.kind == "select":
        return f"({term} AS {var})"
    if top is not None and top.kind == "order":
        return f"({term})"
    return term


def _term_text(name: str, term: Binding) -> str:
    return str(bound_term(name, term))


def bound_term(name: str, term: Binding) -> OxTerm:
    """The pyoxigraph term ``?name`` is bound to. A user's :class:`~kg.store.ParamValue` is made
    without rdflib; an rdflib term is converted (rdflib is loaded already). Raises
    ``QueryError`` for a blank node (no store can match one given from outside) or an
    invalid IRI."""
    import pyoxigraph as ox

    if isinstance(term, ParamValue):
        if not term.iri:
            return ox.Literal(term.value)
        try:
            return ox.NamedNode(term.value)
        except ValueError as exc:
            raise QueryError(f"cannot bind ?{name} to <{term.value}>: {exc}") from exc
    from rdflib import BNode

    from kg.store.oxterms import to_ox

    if isinstance(term, BNode):
        raise QueryError(f"cannot bind ?{name} to a blank node; bind an IRI or a literal")
    return to_ox(term)
