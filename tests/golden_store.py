"""A store of real mapping output without spaCy: the golden graphs, each under two ids."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


def golden_graph(*cases: str) -> Graph:
    """The golden graph of one case, or the union of several."""
    graph = Graph()
    for case in cases:
        graph.parse(GOLDEN / case / "expected.ttl", format="turtle")
    return graph


def build_case_store(path: Path, articles: Mapping[str, str], ontology: bool = True) -> Path:
    """A store with one graph per article id of ``articles`` (id -> golden case), and the
    shipped ontology unless ``ontology`` is false."""
    with open_store(path) as writer:
        for article, case in articles.items():
            writer.replace_graph(iris.graph(article), golden_graph(case))
        if ontology:
            load_ontology(writer)
    return path


def by_case(cases: Iterable[str]) -> dict[str, str]:
    """Each case under its own name as the article id."""
    return {case: case for case in cases}
