"""Write the whole store, or one article's graph, as RDF a reader can use on its own.

An export carries the taxonomy concepts its events, actors and places use (``rdf:type``,
``skos:prefLabel``, ``skos:inScheme``, ``skos:broader``, ``skos:notation``, up the
``skos:broader`` chain, with their schemes), taken from the store's ontology graph, or from
the shipped taxonomy files when the store has none.

* One article: Turtle is rdflib's ``longturtle`` (canonical and diff-friendly), N-Triples is
  sorted, JSON-LD is compacted with kg's context (``kg.formats.jsonld``); N-Quads and TriG
  keep the article's graph name and put the concepts in the ontology graph.
* The whole store is streamed by the store, graph by graph, never held in memory: Turtle and
  N-Triples are the merge of all graphs (a triple stated in several graphs is written once per
  graph; read back, it is one triple of the merged graph), N-Quads, TriG and JSON-LD keep every
  graph, the ontology graph included (JSON-LD compacted one graph at a time).
* ``acled-csv`` and ``geojson`` are events as records for analysts (``kg.formats``), not RDF.
"""

from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import QueryError, ResourceError, StoreError
from kg.rdf import iris
from kg.rdf.mapping import new_graph
from kg.rdf.namespaces import ONTOLOGY_GRAPH, PREFIXES
from kg.store import Store

log = logging.getLogger(__name__)

#: RDF formats
FORMATS = ("turtle", "nt", "nq", "trig", "jsonld")
#: formats of events as records rather than RDF (kg.formats)
EVENT_FORMATS = ("acled-csv", "geojson")
_STORE_FORMATS = {
    "turtle": "turtle",
    "nt": "ntriples",
    "nq": "nquads",
    "trig": "trig",
    "jsonld": "jsonld",
}
_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_TRIPLE_FORMATS = ("turtle", "nt")
CONCEPT_PROPERTIES = (RDF.type, SKOS.prefLabel, SKOS.inScheme, SKOS.broader, SKOS.notation)
_USED_CONCEPTS = """
SELECT DISTINCT ?g ?concept WHERE {
  GRAPH ?g { ?x sem:eventType|sem:actorType|kg:placeType ?concept }
  FILTER (isIRI(?concept))
}
"""


def export(
    store: Store, out: BinaryIO, fmt: str = "turtle", article: str | None = None
) -> str | None:
    """Write the whole store, or the article with id ``article``, to ``out`` as ``fmt``;
    return a note for the user (what was left out), if any."""
    if fmt not in FORMATS + EVENT_FORMATS:
        choices = ", ".join(FORMATS + EVENT_FORMATS)
        raise StoreError(f"unknown export format {fmt!r}; use one of {choices}")
    if fmt in EVENT_FORMATS:
        return _export_events(store, out, fmt, article)
    if article is None:
        _export_store(store, out, fmt)
    else:
        _export_article(store, out, fmt, article)
    return None


def _export_events(store: Store, out: BinaryIO, fmt: str, article: str | None) -> str:
    from kg.formats.events import events
    from kg.formats.tables import write_acled_csv, write_geojson

    found = events(store, taxonomy(store), article)
    if fmt == "acled-csv":
        return f"{write_acled_csv(found, out)} events"
    written, skipped = write_geojson(found, out)
    return f"{written} events; {skipped} without coordinates left out"


def _export_store(store: Store, out: BinaryIO, fmt: str) -> None:
    if fmt == "jsonld":
        _export_jsonld(store, out)
        return
    if store.has_graph(ONTOLOGY_GRAPH):
        store.export(out, _STORE_FORMATS[fmt])
        return
    # no taxonomy in the store: the concepts it uses follow its graphs, in the ontology graph
    concepts = used_concepts(store)
    store.export(
        out, _STORE_FORMATS[fmt], extra={str(ONTOLOGY_GRAPH): concepts} if concepts else None
    )


def _export_article(store: Store, out: BinaryIO, fmt: str, article: str) -> None:
    name = iris.graph(article)
    if not store.has_graph(name):
        raise QueryError(
            f"no article {article!r} in the store at {store.location}; "
            "list the articles with `kg query --named articles`"
        )
    dump = io.BytesIO()
    store.export(dump, "ntriples", graph=name)
    graph = new_graph()
    graph.parse(data=dump.getvalue(), format="nt")
    concepts = used_concepts(store, name)
    if fmt in ("nq", "trig"):
        _serialize(_quads(graph, name) + _quads(concepts, ONTOLOGY_GRAPH), out, fmt)
        return
    graph += concepts
    if fmt == "turtle":
        out.write(graph.serialize(format="longturtle", encoding="utf-8"))
    elif fmt == "nt":
        lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
        out.write(b"".join(sorted(line for line in lines if line.strip())))
    else:
        from kg.formats.jsonld import document

        out.write(document(graph))


def _export_jsonld(store: Store, out: BinaryIO) -> None:
    """The whole store as compacted JSON-LD, graph by graph (kg.formats.jsonld)."""
    from kg.formats.jsonld import graphs_of, ox_triples, write_store

    names = sorted(store.graph_names())
    graphs = graphs_of(store.export, names)
    if str(ONTOLOGY_GRAPH) not in names:
        concepts = used_concepts(store)
        if len(concepts):
            graphs = itertools.chain(graphs, [(str(ONTOLOGY_GRAPH), ox_triples(concepts))])
    write_store(graphs, out)


def used_concepts(store: Store, graph: URIRef | None = None) -> Graph:
    """The taxonomy concepts used in ``graph`` (default: in every graph), with their context."""
    bindings = {"g": graph} if graph is not None else None
    result = store.query(_USED_CONCEPTS, bindings)
    used = {row[1] for row in result.rows if isinstance(row[1], URIRef)}
    return concept_subset(taxonomy(store), used)


def concept_subset(taxonomy: Graph, used: Iterable[URIRef]) -> Graph:
    """The triples of ``taxonomy`` that describe ``used`` concepts, their ancestors and schemes."""
    subset = new_graph()
    todo, seen = list(used), set()
    while todo:
        concept = todo.pop()
        if concept in seen:
            continue
        seen.add(concept)
        for prop in CONCEPT_PROPERTIES:
            for value in taxonomy.objects(concept, prop):
                subset.add((concept, prop, value))
                if prop in (SKOS.broader, SKOS.inScheme) and isinstance(value, URIRef):
                    todo.append(value)
    return subset


def taxonomy(store: Store) -> Graph:
    """The store's ontology graph, or the shipped ontology files when the store has none."""
    taxonomy = Graph(bind_namespaces="none")
    if store.has_graph(ONTOLOGY_GRAPH):
        dump = io.BytesIO()
        store.export(dump, "ntriples", graph=ONTOLOGY_GRAPH)
        return taxonomy.parse(data=dump.getvalue(), format="nt")
    from kg.resources import ontology_dir, turtle_files

    try:
        for path in turtle_files(ontology_dir()):
            taxonomy.parse(path, format="turtle")
    except (ResourceError, SyntaxError, ValueError) as exc:
        log.warning("exporting without taxonomy concepts: %s", exc)
    return taxonomy


def _quads(graph: Graph, name: URIRef) -> list[ox.Quad]:
    """rdflib triples as pyoxigraph quads in graph ``name``, through N-Triples."""
    data = graph.serialize(format="nt", encoding="utf-8")
    target = ox.NamedNode(str(name))
    return [
        ox.Quad(q.subject, q.predicate, q.object, target)
        for q in ox.parse(data, ox.RdfFormat.N_TRIPLES)
    ]


def _serialize(quads: list[ox.Quad], out: BinaryIO, fmt: str) -> None:
    if fmt in _TRIPLE_FORMATS:  # the merge: each triple once
        triples = sorted({q.triple for q in quads}, key=str)
        ox.serialize(triples, out, _OX_FORMATS[fmt], prefixes=PREFIXES)
    else:
        ox.serialize(sorted(quads, key=str), out, _OX_FORMATS[fmt], prefixes=PREFIXES)
