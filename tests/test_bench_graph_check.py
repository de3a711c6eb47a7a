"""bench/graph_check.py reads a store's graph for what the evaluations cannot see."""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.rdf.namespaces import ACTOR_TYPE, KG, SEM
from kg.store import open_store
from tests.store.sample import build_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import graph_check


def test_the_checks_find_a_self_relation_and_a_province_typed_a_person(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    clean = graph_check.figures(store)
    assert clean.self_related == 0
    balkh, gunmen = URIRef("urn:x:balkh"), URIRef("urn:x:gunmen")
    with open_store(store) as db:
        db.replace_graph(
            "https://example.org/broken",
            [
                (balkh, SEM.actorType, ACTOR_TYPE["person"]),
                (balkh, RDFS.label, Literal("Balkh")),
                (gunmen, RDFS.label, Literal("Gunmen")),
                (gunmen, SKOS.altLabel, Literal("armed men")),
                (gunmen, KG.fightsAgainst, gunmen),
            ],
        )
    found = graph_check.figures(store)
    assert found.self_related == 1
    assert ("Balkh", 1) in found.provinces
    assert ("Gunmen", 1) in found.aliases
