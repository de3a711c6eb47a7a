"""``kg.store.oxterms.to_ox_triples``: rdflib triples as pyoxigraph's, IRIs converted once."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import StoreError
from kg.store.oxterms import to_ox_triples

S, P = URIRef("https://example.org/s"), URIRef("https://example.org/p")


def test_each_term_keeps_its_kind_and_value_when_strings_repeat() -> None:
    same = "https://example.org/s"  # an IRI, a plain literal and a typed one, spelt alike
    converted = to_ox_triples(
        [
            (S, P, S),
            (S, P, Literal(same)),
            (S, P, Literal(same, datatype=XSD.anyURI)),
            (S, P, Literal("a", lang="EN")),
            (S, P, Literal("a", lang="en")),
            (BNode("b1"), P, Literal(1)),
        ]
    )
    iri = ox.NamedNode(same)
    assert converted == {
        ox.Triple(iri, ox.NamedNode(str(P)), iri),
        ox.Triple(iri, ox.NamedNode(str(P)), ox.Literal(same)),
        ox.Triple(iri, ox.NamedNode(str(P)), ox.Literal(same, datatype=ox.NamedNode(XSD.anyURI))),
        ox.Triple(iri, ox.NamedNode(str(P)), ox.Literal("a", language="EN")),
        ox.Triple(iri, ox.NamedNode(str(P)), ox.Literal("a", language="en")),
        ox.Triple(
            ox.BlankNode("b1"),
            ox.NamedNode(str(P)),
            ox.Literal("1", datatype=ox.NamedNode(XSD.integer)),
        ),
    }


def test_a_literal_subject_or_a_non_iri_predicate_is_refused() -> None:
    with pytest.raises(StoreError, match="not an RDF triple"):
        to_ox_triples([(Literal("x"), P, S)])
    with pytest.raises(StoreError, match="not an RDF triple"):
        to_ox_triples([(S, Literal("p"), S)])
