"""The cost of store writes alone (the ``load`` stage of ``kg ingest``), without the model.

    python -m kg ingest CORPUS --store /tmp/s && python -m kg export --store /tmp/s \
        --format nq -o /tmp/articles.nq
    PYTHONPATH=. python bench/store_writes.py /tmp/articles.nq --rounds 3

Reads the article graphs of an N-Quads export (the ontology graph aside) into rdflib graphs,
as the pipeline hands them to the store. Each round writes them in batches of
``--batch-size`` into three fresh stores, the three ways taking turns batch by batch so that
the machine's load falls on each alike:

- ``before``: the embedded store's write before the bulk loader (a2980ee): ``to_ox_triples``,
  the diff against the graph's old triples, one SPARQL update;
- ``transaction``: ``EmbeddedStore.replace_graphs`` with the bulk loader out of reach (the
  path of batches that replace existing graphs);
- ``bulk``: ``EmbeddedStore.replace_graphs`` as ``kg ingest`` runs it.

Then, on the ``bulk`` store, the same batches again (re-putting unchanged graphs) and with
one triple added to each graph (re-ingest of changed articles). Prints milliseconds per
article, CPU (``time.process_time``: all threads of this process, pyoxigraph's loader and
RocksDB's threads included) and wall, medians over the rounds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.store.embedded import EmbeddedStore  # noqa: E402
from kg.store.oxterms import from_ox, ox_iri, to_ox_triples  # noqa: E402
from kg.store.writes import plan_update  # noqa: E402

CHANGED = URIRef("https://example.org/bench#changed")

Write = Callable[[dict[str, Graph]], None]


def article_graphs(path: Path, limit: int) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    with path.open("rb") as data:
        for quad in ox.parse(data, ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if not isinstance(name, ox.NamedNode) or name.value.endswith("/ontology"):
                continue
            graph = graphs.get(name.value)
            if graph is None:
                if len(graphs) >= limit:
                    continue
                graph = graphs[name.value] = Graph(bind_namespaces="none")
            s, p, o = (from_ox(t) for t in (quad.subject, quad.predicate, quad.object))
            graph.add((s, p, o))
    return graphs


def changed(graph: Graph) -> Graph:
    copy = Graph(bind_namespaces="none")
    for triple in graph:
        copy.add(triple)
    copy.add((next(iter(graph.subjects())), CHANGED, Literal(1)))
    return copy


def before(db: ox.Store) -> Write:
    """a2980ee's ``EmbeddedStore.replace_graphs``, locks and snapshots aside."""

    def write(graphs: dict[str, Graph]) -> None:
        plans = [(ox_iri(name), to_ox_triples(triples)) for name, triples in graphs.items()]
        update = plan_update(db, plans)
        if update:
            db.update(update)

    return write


def timed(write: Write, batch: dict[str, Graph], spent: list[float]) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    write(batch)
    spent[0] += time.process_time() - cpu
    spent[1] += time.perf_counter() - wall


def one_round(work: Path, batches: list[dict[str, Graph]], quads: int) -> dict[str, list[float]]:
    raw = ox.Store(str(work / "before"))
    plain = EmbeddedStore(work / "transaction", snapshot_interval=1e9)
    plain.bulk_min_quads = sys.maxsize
    bulk = EmbeddedStore(work / "bulk", snapshot_interval=1e9)
    ways: dict[str, Write] = {
        "before": before(raw),
        "transaction": plain.replace_graphs,
        "bulk": bulk.replace_graphs,
    }
    spent = {way: [0.0, 0.0] for way in [*ways, "bulk, unchanged", "bulk, changed"]}
    for i, batch in enumerate(batches):
        for way in list(ways) if i % 2 == 0 else list(reversed(ways)):
            timed(ways[way], batch, spent[way])
    for batch in batches:
        timed(bulk.replace_graphs, batch, spent["bulk, unchanged"])
        timed(
            bulk.replace_graphs, {k: changed(g) for k, g in batch.items()}, spent["bulk, changed"]
        )
    assert len(raw) == plain.triple_count() == quads
    assert bulk.triple_count() == quads + sum(len(b) for b in batches)
    plain.close()
    bulk.close()
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("nquads", type=Path, help="an N-Quads export of an ingested store")
    parser.add_argument("--articles", type=int, default=512)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    opts = parser.parse_args()

    graphs = article_graphs(opts.nquads, opts.articles)
    names = list(graphs)
    n = len(names)
    quads = sum(len(g) for g in graphs.values())
    size = opts.batch_size
    batches = [{k: graphs[k] for k in names[i : i + size]} for i in range(0, n, size)]
    print(f"{n} articles, {quads:,} quads ({quads / n:.0f} an article), batches of {size}")
    results: dict[str, list[list[float]]] = {}
    for _ in range(opts.rounds):
        work = Path(tempfile.mkdtemp(prefix="kg-writes-"))
        try:
            for way, values in one_round(work, batches, quads).items():
                results.setdefault(way, []).append(values)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    for way, runs in results.items():
        cpu = statistics.median(c for c, _ in runs) / n * 1000
        wall = statistics.median(w for _, w in runs) / n * 1000
        print(f"{way:>16}: {cpu:6.2f} ms CPU, {wall:6.2f} ms wall an article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
