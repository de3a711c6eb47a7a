"""A store of real mapping output without spaCy: the golden graphs, each under two ids."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.rdf import iris
from kg.store import load_ontology, open_store

GOLDEN = Path(__file__).parent / "golden"
CASES = ("seed-dated", "seed-undated", "hostile-names")


def build_golden_store(path: Path) -> Path:
    """The seed article's golden graphs (dated and undated, which share most triples) and the
    hostile one, each under two article ids, with the shipped ontology: many triples repeated
    across graphs, as places, actors and sources are in a real store."""
    with open_store(path) as writer:
        for case in CASES:
            graph = Graph().parse(GOLDEN / case / "expected.ttl", format="turtle")
            writer.replace_graphs({iris.graph(f"{case}-{n}"): graph for n in (1, 2)})
        load_ontology(writer)
    return path
