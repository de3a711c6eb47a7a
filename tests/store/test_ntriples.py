"""kg.store.ntriples: the N-Triples text the bulk loader reads says what pyoxigraph terms say."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import StoreError
from kg.store.embedded import EmbeddedStore
from kg.store.ntriples import Rendered, render
from kg.store.oxterms import to_ox_triples
from kg.store.writes import to_ox_quads

EX = "https://example.org/"
P = URIRef(EX + "p")
TEXTS = [
    "plain",
    "",
    'quote " and backslash \\ and \\n not a break',
    "line\nbreak\r\nand tab\t",
    "unicode é ü 中文 🙂 \u200b \x00 \x7f",
    " .\n",  # what ends a line
    "ends with a backslash \\",
]


def triples() -> list[tuple[Any, Any, Any]]:
    s = URIRef(EX + "s")
    found: list[tuple[Any, Any, Any]] = [(s, RDF.type, URIRef(EX + "C"))]
    found += [(s, P, Literal(text)) for text in TEXTS]
    found += [(s, P, Literal(text, datatype=XSD.string)) for text in TEXTS]
    found += [
        (s, P, Literal(5)),
        (s, P, Literal("05", datatype=XSD.integer)),
        (s, P, Literal(Decimal("0.70"))),
        (s, P, Literal("0.7", datatype=XSD.decimal)),
        (s, P, Literal(dt.date(2024, 1, 31))),
        (s, P, Literal(dt.datetime(2024, 1, 31, 12, 5))),
        (s, P, Literal("not a date", datatype=XSD.date)),
        (s, P, Literal("x", datatype=URIRef(EX + "type"))),
        (s, P, Literal("Hello", lang="EN-gb")),
        (s, P, Literal('say "hi"\n', lang="fr")),
        (URIRef(EX + "é/ü?q=1#frag"), P, URIRef("urn:isbn:0451450523")),
        (URIRef("http://[::1]:8080/a%20b"), URIRef(EX + "p2"), URIRef(EX + "o")),
    ]
    return found


def stored(tmp_path: Path, name: str, write: Any) -> list[str]:
    db = ox.Store(str(tmp_path / name))
    write(db)
    return sorted(str(quad) for quad in db)


def test_the_loader_reads_from_the_text_what_terms_give(tmp_path: Path) -> None:
    graph = ox.NamedNode(EX + "g")
    rendered = render(triples())
    assert not rendered.blank and len(rendered) == len(triples())
    from_text = stored(tmp_path, "text", lambda db: db.bulk_load(rendered.nquads(graph), NQ))
    from_terms = stored(
        tmp_path, "terms", lambda db: db.bulk_extend(to_ox_quads(graph, triples(), {}))
    )
    assert from_text == from_terms
    assert set(rendered) == to_ox_triples(triples())


NQ = ox.RdfFormat.N_QUADS


def test_pyoxigraph_triples_are_written_as_they_are() -> None:
    terms = to_ox_triples(triples())
    assert set(render(terms)) == terms
    assert not render(terms).blank


def test_blank_nodes_are_flagged() -> None:
    b = BNode()
    found = render([(b, P, Literal(1)), (URIRef(EX + "s"), P, b)])
    assert found.blank and len(set(found)) == 2
    assert render(to_ox_triples([(b, P, Literal(1))])).blank


@pytest.mark.parametrize(
    "triple",
    [
        (URIRef("not an iri"), P, Literal(1)),
        (URIRef(EX + "s"), P, Literal("lone \ud800 surrogate")),
        (URIRef(EX + "s"), P, URIRef(EX + "\ud800")),
    ],
)
def test_what_the_store_cannot_hold_is_a_store_error(triple: Any) -> None:
    with pytest.raises(StoreError):
        render([triple])


def test_an_empty_graph_is_no_text() -> None:
    assert render([]) == Rendered(b"", lines=0)
    assert len(Rendered(b"")) == 0


def test_the_store_writes_the_same_quads_from_text_and_from_terms(tmp_path: Path) -> None:
    """The embedded store's two ways (text for new graphs, terms for a replacement)."""
    graphs = {
        EX + f"g{i}": [(URIRef(EX + f"s{i}"), *rest) for _, *rest in triples()] for i in (1, 2)
    }
    with EmbeddedStore(tmp_path / "a", bulk_min_quads=0) as bulk:
        bulk.write_behind(graphs).wait()
        a = sorted(str(q) for q in bulk._db())
    with EmbeddedStore(tmp_path / "b", bulk_min_quads=1 << 30) as plain:
        plain.replace_graphs(graphs)
        b = sorted(str(q) for q in plain._db())
    assert a == b and len(a) > len(triples())


@pytest.mark.parametrize(
    "triple",
    [(Literal("s"), P, Literal(1)), (URIRef(EX + "s"), Literal("p"), Literal(1))],
)
def test_a_triple_that_is_not_rdf_is_refused_by_the_store_as_before(
    tmp_path: Path, triple: Any
) -> None:
    graphs = {EX + "g": [triple, *triples()]}
    with EmbeddedStore(tmp_path / "s", bulk_min_quads=0) as store:
        with pytest.raises(StoreError, match="not an RDF triple"):
            store.replace_graphs(graphs)
        assert store.triple_count() == 0


def test_nquads_are_the_triples_text_in_the_graph() -> None:
    """render_nquads writes the graph on each line as it goes: the same bytes as adding it to
    render's N-Triples, the same line count, the same blank-node flag; and a term met again
    in a later call (the mapping's shared terms, remembered across calls) is written alike."""
    from kg.store.ntriples import render_nquads

    graph = ox.NamedNode(EX + "g")
    for _ in range(2):
        quads = render_nquads(triples(), graph)
        assert quads.text == render(triples()).nquads(graph)
        assert quads.lines == len(quads) == len(triples()) and not quads.blank
    assert render_nquads([(BNode(), P, Literal(1))], graph).blank


def test_nquads_in_their_graph_are_forwarded_as_they_are() -> None:
    """A graph rendered as N-Quads (a worker's) gives its own text for its graph, no copy;
    for another graph, the lines name that one; it reads back as the same triples."""
    from kg.store.ntriples import render_nquads

    graph, other = ox.NamedNode(EX + "g"), ox.NamedNode(EX + "other")
    quads = render_nquads(triples(), graph)
    assert quads.graph == f"<{EX}g>"
    assert quads.nquads(graph) is quads.text
    assert quads.nquads(other) == render_nquads(triples(), other).text
    assert sorted(map(str, quads)) == sorted(map(str, render(triples())))
    counted = Rendered(quads.text, graph=quads.graph)  # no line count given: counted
    assert len(counted) == len(quads) == len(triples())


def test_the_store_writes_a_graph_rendered_for_another_name_under_its_own(
    tmp_path: Path,
) -> None:
    """The bulk loader's text names the graph the store was asked for, whatever graph the
    N-Quads were rendered in."""
    from kg.store.ntriples import render_nquads

    rendered = render_nquads(triples(), ox.NamedNode(EX + "elsewhere"))
    with EmbeddedStore(tmp_path / "a", bulk_min_quads=0) as store:
        store.write_behind({EX + "g": rendered}).wait()
        a = sorted(str(q) for q in store._db())
    with EmbeddedStore(tmp_path / "b", bulk_min_quads=0) as store:
        store.write_behind({EX + "g": triples()}).wait()
        b = sorted(str(q) for q in store._db())
    assert a == b and all(q.endswith(f" <{EX}g>") for q in a) and len(a) > 10


def test_a_term_refused_once_is_refused_again_and_blamed_alone() -> None:
    """A call that fails on a lone surrogate leaves nothing behind: the same term object is
    refused again, and a later call's error names its own term, not the earlier one."""
    first, second = Literal("first \ud800"), Literal("second \udfff")
    s = URIRef(EX + "s")
    for _ in range(2):
        with pytest.raises(StoreError, match="first"):
            render([(s, P, first)])
    with pytest.raises(StoreError, match="second"):
        render([(s, P, second)])
    assert len(render([(s, P, Literal("fine"))])) == 1
