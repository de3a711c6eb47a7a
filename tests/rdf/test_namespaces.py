"""Vocabulary namespaces (kg/rdf/namespaces.py) give the terms rdflib's Namespace gives, each
made once."""

from __future__ import annotations

import pytest
from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF

from kg.rdf.namespaces import KG, NIF, SEM, Terms, Vocabulary


def test_a_vocabulary_gives_rdflibs_terms_once() -> None:
    plain = Namespace(str(NIF))
    for name in ("beginIndex", "endIndex", "anchorOf"):
        term = getattr(NIF, name)
        assert type(term) is URIRef and term == getattr(plain, name) == NIF[name]
        assert getattr(NIF, name) is term and NIF[name] is term
    assert SEM.Event == URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")


def test_a_vocabulary_is_still_a_namespace() -> None:
    ns = Vocabulary("https://example.org/v#")
    assert isinstance(ns, Namespace) and str(ns) == "https://example.org/v#"
    assert ns.thing in ns and ns.title == URIRef("https://example.org/v#title")
    with pytest.raises(AttributeError):
        ns.__wrapped__  # noqa: B018  (special names are no terms)


def test_terms_of_a_closed_namespace_are_looked_up_once() -> None:
    rdf, kg = Terms(RDF), Terms(KG)
    assert rdf.type is rdf.type and rdf.type == RDF.type
    assert type(rdf.type) is URIRef
    assert kg.agent is kg.agent and kg.agent == KG.agent
    assert Terms(PROV).wasDerivedFrom == PROV.wasDerivedFrom
    with pytest.raises(AttributeError):
        kg.notAKgTerm  # noqa: B018
