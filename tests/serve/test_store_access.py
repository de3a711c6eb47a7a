"""``kg serve`` holds no lock between queries: a writer (``kg ingest``) can open the store
while it runs, and queries meanwhile read the writer's snapshot."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.store.embedded import EmbeddedStore
from tests.golden_store import build_golden_store
from tests.serve.running import Server, start_server, stop_server

NEW_GRAPH = "https://w3id.org/kg/graph/written-while-serving"


def has_graph(server: Server, name: str) -> bool:
    query = urllib.parse.urlencode({"query": f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"})
    with urllib.request.urlopen(f"{server.endpoint}?{query}", timeout=60) as response:
        assert response.status == 200
        return bool(json.load(response)["boolean"])


def test_a_writer_opens_the_store_while_it_is_served(tmp_path: Path) -> None:
    store = build_golden_store(tmp_path / "store")
    server = start_server(store, tmp_path / "stderr.txt", "--timeout", "60")
    graph = Graph()
    graph.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal("o")))
    try:
        assert has_graph(server, "https://w3id.org/kg/graph/seed-dated-1")
        # a second writer or a held read lock would make this raise StoreLockedError
        with EmbeddedStore(store, lock_timeout=2.0, snapshot_interval=3600) as writer:
            writer.replace_graph(NEW_GRAPH, graph)
            assert not has_graph(server, NEW_GRAPH)  # the snapshot taken when it opened
            assert has_graph(server, "https://w3id.org/kg/graph/seed-dated-1")
        assert has_graph(server, NEW_GRAPH)  # the writer closed: the store itself
    finally:
        stop_server(server.process)
