"""Comunica (JavaScript SPARQL engine, pinned in ``tests/serve/comunica/package-lock.json``,
installed by ``npm ci --prefix tests/serve/comunica``) as a client of ``kg serve``: SELECT,
ASK and CONSTRUCT over the endpoint as a ``sparql`` source, compared with rdflib's answers
over the golden graph."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Graph

from tests.golden_store import GOLDEN
from tests.serve.running import Server

COMUNICA = Path(__file__).parent / "comunica"
GRAPH = "https://w3id.org/kg/graph/seed-dated-1"
PREFIXES = (
    "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
)
PATTERN = "?event a sem:Event ; rdfs:label ?label ."


def require_comunica() -> str:
    """node; skip where it or Comunica is absent, except in CI, where that fails."""
    node = shutil.which("node")
    if node is None or not (COMUNICA / "node_modules" / "@comunica" / "query-sparql").is_dir():
        missing = "node" if node is None else "tests/serve/comunica/node_modules"
        message = f"{missing} is missing; run npm ci --prefix tests/serve/comunica"
        if os.environ.get("CI"):
            pytest.fail(message + " (.ci/run does)")
        pytest.skip(message)
    return node


def test_comunica_queries_the_endpoint(server: Server) -> None:
    node = require_comunica()
    select = f"{PREFIXES}SELECT DISTINCT ?event ?label WHERE {{ GRAPH <{GRAPH}> {{ {PATTERN} }} }}"
    construct = f"{PREFIXES}CONSTRUCT {{ {PATTERN} }} WHERE {{ GRAPH <{GRAPH}> {{ {PATTERN} }} }}"
    requests = [
        {"query": select, "type": "application/sparql-results+json"},
        {"query": f"{PREFIXES}ASK {{ GRAPH <{GRAPH}> {{ ?e a sem:Event }} }}", "type": "simple"},
        {"query": construct, "type": "application/n-triples"},
    ]
    before = server.settled_log_length()
    done = subprocess.run(
        [node, str(COMUNICA / "query.mjs"), server.endpoint],
        input=json.dumps(requests),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    rows, ask, triples = json.loads(done.stdout)

    golden = Graph().parse(GOLDEN / "seed-dated" / "expected.ttl", format="turtle")
    expected_rows = {
        (str(r[0]), str(r[1]))  # type: ignore[index]
        for r in golden.query(f"{PREFIXES}SELECT DISTINCT ?event ?label WHERE {{ {PATTERN} }}")
    }
    bindings = json.loads(rows)["results"]["bindings"]
    assert {(b["event"]["value"], b["label"]["value"]) for b in bindings} == expected_rows
    assert len(bindings) == len(expected_rows) >= 10
    assert ask.strip() == "true"
    expected_graph = golden.query(f"{PREFIXES}CONSTRUCT {{ {PATTERN} }} WHERE {{ {PATTERN} }}")
    assert expected_graph.graph is not None
    assert set(Graph().parse(data=triples, format="nt")) == set(expected_graph.graph)
    lines = server.log_lines_after(before, len(requests))  # Comunica asked kg serve itself
    assert all(" /sparql 200 " in line for line in lines), lines
