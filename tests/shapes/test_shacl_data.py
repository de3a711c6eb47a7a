"""``kg.shacl.core.Data``: the data index built from a graph or from bare triples, and the
gate fed with ``Triples`` (no rdflib graph) giving the same verdicts and reports."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from shape_sample import sample_extraction

from kg.rdf.mapping import Triples, to_graph, to_triples
from kg.rdf.namespaces import KG
from kg.shacl.core import Data, _closure
from kg.validate import ShapesValidator, format_report

A, B, C, D = (URIRef(f"urn:x:{n}") for n in "abcd")
X, Y = URIRef("urn:x:x"), URIRef("urn:x:y")


def test_closure_walks_each_node_once_through_cycles() -> None:
    step = {A: {B}, B: {C, A}, C: {B}}
    assert _closure(A, step.get) == [A, B, C]
    assert _closure(D, step.get) == [D]


def test_subclasses_from_bare_triples_as_from_the_graph() -> None:
    triples = [
        (B, RDFS.subClassOf, A),
        (C, RDFS.subClassOf, B),  # two levels down
        (A, RDFS.subClassOf, C),  # and a cycle
        (X, RDF.type, C),
        (Y, RDF.type, D),
    ]
    graph = Graph()
    for t in triples:
        graph.add(t)
    for data in (Data(triples, frozenset()), Data(graph, frozenset())):
        assert data.instances(A) == {X}
        assert data.instances(D) == {Y}
        assert data.has_class(X, A) and data.has_class(X, B)
        assert not data.has_class(Y, A) and not data.has_class(Literal("x"), A)


def test_the_gate_judges_triples_as_it_judges_their_graph(validator: ShapesValidator) -> None:
    extraction = sample_extraction()
    triples = to_triples(extraction, "test-model")
    assert validator.validate(triples).conforms
    event = next(s for s, p, o in triples if p == KG.confidence)
    broken = Triples([*triples, (event, KG.fatalities, Literal(-1))])
    graph = to_graph(extraction, "test-model")
    graph.add((event, KG.fatalities, Literal(-1)))
    from_triples, from_graph = validator.validate(broken), validator.validate(graph)
    assert not from_triples.conforms and from_triples.violations == from_graph.violations > 0
    assert format_report(from_triples) == format_report(from_graph)
