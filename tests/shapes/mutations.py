"""Random changes to an article's graph, for comparing the fast SHACL check with pySHACL
(``test_shacl_fast.py`` and ``bench/shacl_gate.py --mutate``)."""

from __future__ import annotations

import random

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node


def mutate(graph: Graph, rng: random.Random) -> str:
    """One random change to ``graph``; returns what it did."""
    triples = sorted(graph, key=lambda t: tuple(str(x) for x in t))
    s, p, o = rng.choice(triples)
    nodes = sorted({t[0] for t in triples} | {t[2] for t in triples if isinstance(t[2], URIRef)})
    kind = rng.randrange(10)
    if kind == 0:
        graph.remove((s, p, o))
        return f"delete {p}"
    if kind == 1:  # a second value: a new literal of the same kind, or another node
        new: Node = (
            Literal(f"{o}x", datatype=o.datatype) if isinstance(o, Literal) else rng.choice(nodes)
        )
        graph.add((s, p, new))
        return f"second value of {p}"
    if kind == 2 and isinstance(o, Literal):
        datatype = rng.choice([XSD.string, XSD.integer, XSD.decimal, XSD.date, XSD.anyURI, None])
        graph.set((s, p, Literal(str(o), datatype=datatype)))
        return f"datatype of {p} -> {datatype}"
    if kind == 3:
        types = sorted(set(graph.objects(None, RDF.type)))
        graph.remove((s, RDF.type, None))
        graph.add((s, RDF.type, rng.choice(types)))
        return f"retype {s}"
    if kind == 4 and isinstance(o, URIRef):
        graph.set((s, p, Literal(str(o))))
        return f"IRI -> literal on {p}"
    if kind == 5 and isinstance(o, Literal):
        value = rng.choice([-1, 0, 4, "", " ", "2.5", "ab", 10**20])
        graph.set(
            (s, p, Literal(value) if value != "2.5" else Literal(value, datatype=XSD.decimal))
        )
        return f"value of {p} -> {value!r}"
    if kind == 6:  # a blank node in place of a node
        graph.set((s, p, BNode()))
        return f"blank node on {p}"
    if kind == 7:  # subclass triples in the data graph change targets and sh:class
        c1, c2 = rng.sample(sorted(set(graph.objects(None, RDF.type))), 2)
        graph.add((c1, RDFS.subClassOf, c2))
        return f"{c1} subClassOf {c2}"
    if kind == 8 and isinstance(o, Literal):
        graph.set((s, p, Literal(str(o), lang="en")))
        return f"language tag on {p}"
    other = rng.choice(nodes)
    graph.set((s, p, other))
    return f"{p} -> {other}"
