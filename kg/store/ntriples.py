"""A graph's triples as N-Triples text, written in Python: what the store's bulk loader reads.

Making pyoxigraph terms costs more than writing text: ``ox.Triple(s, p, o)`` alone takes
~4.6 µs, so converting an article's ~1,050 rdflib triples took ~4.7 ms, and
``Store.bulk_extend`` holds the GIL while it reads them. ``render`` writes the same triples as
N-Triples (~1 ms an article: each distinct term written once), and ``Store.bulk_load`` parses
that text in Rust with the GIL released, so the write can run beside the next article
(``EmbeddedStore.write_behind``). The embedded store asks for N-Quads (``render_nquads``: the
graph written on each line as it goes, not added by a second pass over the text), and a
term's text is remembered across articles (the mapping's shared terms are the same objects).

The text says exactly what ``kg.store.oxterms.to_ox`` would make of each term: an IRI as it
is, a literal's lexical form with its datatype (none for ``xsd:string``) or language; any
term that is not a plain IRI or literal is written by pyoxigraph itself (``str(to_ox(t))``),
so an IRI or language tag pyoxigraph refuses raises the same ``StoreError`` as before.
Blank nodes are written too (``_:label``), and the result says so: the bulk loader would keep
their labels, where a batch written from terms gets fresh blank nodes, so the store writes a
graph with blank nodes the old way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import StoreError
from kg.store import InputTriple
from kg.store.oxterms import to_ox

# an IRI that N-Triples can hold between < > as it is (IRIREF without escapes); the loader's
# parser then validates it as pyoxigraph's NamedNode does
_PLAIN_IRI = re.compile(r'[^\x00-\x20<>"{}|^`\\]+')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = str(XSD.string)


@dataclass(frozen=True, slots=True)
class Rendered:
    """One graph's triples as text (UTF-8, one triple a line): N-Triples (``render``), or
    N-Quads whose every line names one graph (``render_nquads``; ``graph`` is then that
    graph's N-Triples, ``<iri>``).

    ``blank``: it has blank nodes (the store then writes it from terms). ``lines``: the number
    of lines, when the writer counted them (-1: counted when asked). Iterating gives the
    triples as pyoxigraph parses them, so any store can read it as triples."""

    text: bytes
    blank: bool = False
    graph: str = ""
    lines: int = -1

    def __iter__(self) -> Iterator[ox.Triple]:
        fmt = ox.RdfFormat.N_QUADS if self.graph else ox.RdfFormat.N_TRIPLES
        return (quad.triple for quad in ox.parse(self.text, format=fmt))

    def __len__(self) -> int:
        return self.lines if self.lines >= 0 else self.text.count(b"\n")

    def nquads(self, graph: ox.NamedNode) -> bytes:
        """The same triples as N-Quads in ``graph``: the text itself when it is already in
        that graph (a worker wrote it so), else each line's end replaced. A line break in
        N-Triples only ends a line (those in literals are escaped), so each `` .\\n`` (or
        `` <graph> .\\n``) is a line's end."""
        name = str(graph)
        if self.graph == name:
            return self.text
        end = f" {self.graph} .\n" if self.graph else " .\n"
        return self.text.replace(end.encode(), f" {name} .\n".encode())


def render(triples: Iterable[InputTriple]) -> Rendered:
    """``triples`` (rdflib terms, or pyoxigraph triples) as N-Triples; raises ``StoreError``
    for a term the store cannot hold, as ``to_ox`` does. A triple that is not RDF (a literal
    subject) is written as it is: the loader's parser refuses it."""
    text, lines, blank = _lines(triples, " .\n")
    return Rendered(text, blank, lines=lines)


def render_nquads(triples: Iterable[InputTriple], graph: ox.NamedNode) -> Rendered:
    """``render(triples).nquads(graph)``, written as N-Quads at once (no second pass over the
    text to add the graph to each line), with its line count and blank-node flag."""
    name = str(graph)
    text, lines, blank = _lines(triples, f" {name} .\n")
    return Rendered(text, blank, name, lines)


# id(term) -> (term, its N-Triples), across calls: the mapping's predicates, classes, concepts
# and small integers are the same objects in every article (a third of an article's terms).
# Keyed by identity (the term is kept, so its id stays its own); forgotten every _KNOWN_MAX.
_KNOWN: dict[int, tuple[object, str]] = {}
_KNOWN_MAX = 20_000


def _lines(triples: Iterable[InputTriple], end: str) -> tuple[bytes, int, bool]:
    """The lines of ``triples``, each ending with ``end``, their number, and whether a blank
    node was seen."""
    if len(_KNOWN) >= _KNOWN_MAX:
        _KNOWN.clear()
    known = _KNOWN
    get = known.get
    blank = False

    def text(term: object) -> str:
        nonlocal blank
        found = _term(term)
        if found is None:  # a blank node: written, flagged, never remembered
            blank = True
            return str(to_ox(term))  # type: ignore[arg-type]
        known[id(term)] = (term, found)
        return found

    lines: list[str] = []
    add = lines.append
    last: object = None
    ts = ""
    for triple in triples:
        if type(triple) is not tuple:  # a pyoxigraph triple
            assert isinstance(triple, ox.Triple)
            line = str(triple)
            if "_:" in line and _has_blank(triple):
                blank = True
            add(line + end)
            continue
        s, p, o = triple
        if s is not last:  # the mapping writes a subject's triples in a row
            e = get(id(s))
            ts = e[1] if e is not None and e[0] is s else text(s)
            last = s
        e = get(id(p))
        tp = e[1] if e is not None and e[0] is p else text(p)
        e = get(id(o))
        to = e[1] if e is not None and e[0] is o else text(o)
        add(f"{ts} {tp} {to}{end}")
    try:
        return "".join(lines).encode("utf-8"), len(lines), blank
    except UnicodeEncodeError as exc:  # a lone surrogate: refused as the store always did
        # this call's terms are the only ones in _KNOWN that cannot be encoded (a failed call
        # leaves none behind): forget them, and let to_ox say which one it was
        # (a copy: a Dask worker's other threads may render meanwhile)
        bad = [(key, term) for key, (term, line) in list(known.items()) if not _encodes(line)]
        for key, _ in bad:
            known.pop(key, None)
        for _, term in bad:
            to_ox(term)  # type: ignore[arg-type]  # raises StoreError
        raise StoreError(f"cannot store a term that is not valid Unicode: {exc}") from exc


def _encodes(line: str) -> bool:
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _term(term: object) -> str | None:
    """The N-Triples of a term; None for a blank node."""
    kind = type(term)
    if kind is URIRef:
        assert isinstance(term, str)
        if _PLAIN_IRI.fullmatch(term):
            return f"<{term}>"
    elif kind is Literal:
        assert isinstance(term, Literal)
        if term.language is None:
            lexical = str(term)
            if "\\" in lexical or '"' in lexical or "\n" in lexical or "\r" in lexical:
                lexical = lexical.translate(_ESCAPES)
            datatype = term.datatype
            if datatype is None or datatype == _XSD_STRING:
                return f'"{lexical}"'
            if type(datatype) is URIRef and _PLAIN_IRI.fullmatch(datatype):
                return f'"{lexical}"^^<{datatype}>'
    elif isinstance(term, BNode):
        return None
    found = to_ox(term)  # type: ignore[arg-type]  # refuses what is not a term
    return None if isinstance(found, ox.BlankNode) else str(found)


def _has_blank(triple: ox.Triple) -> bool:
    return isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)
