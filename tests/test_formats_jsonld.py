"""``kg export --format jsonld``: compacted with kg's context, and the same RDF read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.formats.jsonld import CONTEXT
from kg.rdf import iris
from kg.rdf.namespaces import ONTOLOGY_GRAPH
from tests.cli.invoke import run
from tests.golden_store import build_case_store, by_case
from tests.store.sample import parse_dataset

CASES = ("seed-dated", "hostile-names")


@pytest.fixture(scope="module", params=[True, False], ids=["ontology", "no-ontology"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("jsonld") / "store"
    return str(build_case_store(path, by_case(CASES), ontology=request.param))


def _graphs(data: str, fmt: str) -> dict[str, Graph]:
    dataset = parse_dataset(data.encode("utf-8"), fmt)
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _merged(data: bytes) -> Graph:
    graph = Graph()
    for s, p, o, _ in parse_dataset(data, "json-ld").quads():
        graph.add((s, p, o))
    return graph


def test_whole_store_round_trips(store: str) -> None:
    outcome = run("export", "--store", store, "--format", "jsonld")
    assert outcome.code == 0, outcome.stderr
    quads = run("export", "--store", store, "--format", "nq").stdout
    back, expected = _graphs(outcome.stdout, "json-ld"), _graphs(quads, "nquads")
    assert sorted(back) == sorted(expected)
    assert str(ONTOLOGY_GRAPH) in back and str(iris.graph("seed-dated")) in back
    for name, graph in expected.items():
        assert isomorphic(back[name], graph), name


def test_compacted_with_the_context(store: str) -> None:
    data = json.loads(run("export", "--store", store, "--format", "jsonld").stdout)
    assert data["@context"] == CONTEXT
    named = {g["@id"]: g["@graph"] for g in data["@graph"]}
    nodes = {n["@id"]: n for n in named[str(iris.graph("seed-dated"))]}
    event = nodes["event:000_1329f68f670b4001.1551-1561"]  # short names, typed values
    assert event["@type"] == "sem:Event"
    assert event["eventType"] == "kget:government-regains-territory"
    assert event["timeStamp"] == "2014-09-26" and event["location"] == "place:geonames-170044"
    assert "http://semanticweb.cs.vu.nl/2009/11/sem/eventType" not in event


def test_one_article_round_trips(store: str) -> None:
    outcome = run("export", "--store", store, "--format", "jsonld", "--article", "seed-dated")
    assert outcome.code == 0, outcome.stderr
    data = json.loads(outcome.stdout)
    assert data["@context"] == CONTEXT
    back = _merged(outcome.stdout.encode("utf-8"))
    turtle = run("export", "--store", store, "--format", "turtle", "--article", "seed-dated")
    assert isomorphic(back, Graph().parse(data=turtle.stdout, format="turtle"))


def test_a_value_of_another_type_keeps_its_full_form(tmp_path: Path) -> None:
    """A term coerces to xsd:integer; a string value of that property must not become one."""
    from kg.formats.jsonld import document

    graph = Graph()
    event = URIRef("https://w3id.org/kg/event/x.1-2")
    fatalities = URIRef("https://w3id.org/kg/ontology#fatalities")
    graph.add((event, fatalities, Literal("about a dozen")))
    graph.add((event, fatalities, Literal(3)))
    back = _merged(document(graph))
    assert isomorphic(back, graph)


def test_every_kind_of_value_reads_back_the_same_in_rdflib_and_oxigraph() -> None:
    """Language tags, blank nodes, other datatypes under a coercing term, an IRI where a term
    expects a literal and the reverse, IRIs no prefix shortens: the same RDF read back by two
    JSON-LD parsers."""
    from kg.formats.jsonld import document

    kg, xsd = "https://w3id.org/kg/ontology#", "http://www.w3.org/2001/XMLSchema#"
    data = f"""
    @prefix kg: <{kg}> . @prefix xsd: <{xsd}> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
    <https://w3id.org/kg/event/a.1-2> a sem:Event, kg:Other ;
        rdfs:label "Beschuss"@de, "shelling", "7"^^xsd:integer ;
        kg:fatalities 3, "about a dozen", <https://example.org/n> ;
        sem:hasTimeStamp "2014-09-26"^^xsd:date, "2014"^^xsd:gYear, "Friday" ;
        kg:agent <https://w3id.org/kg/actor/x>, _:someone, "the gunmen" ;
        kg:sentence <https://w3id.org/kg/sentence/a.0-9> ;
        <https://example.org/no-prefix> <https://w3id.org/kg/place///odd> ;
        <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "a literal type" .
    _:someone rdfs:label "someone" ; kg:alliedWith _:other .
    """
    graph = Graph().parse(data=data, format="turtle")
    body = document(graph)
    assert isomorphic(_merged(body), graph)
    import pyoxigraph as ox

    oxigraph = Graph().parse(
        data=ox.serialize(ox.parse(body, ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_TRIPLES),
        format="nt",
    )
    assert isomorphic(oxigraph, graph)
    nodes = {n["@id"]: n for n in json.loads(body)["@graph"]}
    event = nodes["event:a.1-2"]
    assert event["@type"] == ["kg:Other", "sem:Event"]
    assert event["timeStamp"] == "2014-09-26" and event["fatalities"] == "3"
    assert event["sentence"] == "https://w3id.org/kg/sentence/a.0-9"  # "sentence" is a term
