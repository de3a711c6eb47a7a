"""``kg stats``: the counts match what an independent rdflib count of the same graphs gives."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.model import Article
from kg.quarantine import Quarantine
from kg.rdf.namespaces import KG, SEM
from kg.stats import Stats, collect
from kg.store import open_store
from tests.cli.invoke import run
from tests.golden_store import build_case_store, by_case, golden_graph

CASES = ("seed-dated", "hostile-names")


@pytest.fixture(scope="module")
def union() -> Graph:
    return golden_graph(*CASES)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_case_store(tmp_path_factory.mktemp("stats") / "store", by_case(CASES))
    quarantine = Quarantine(path / "quarantine")
    with quarantine.writing():
        for n in (1, 2):
            quarantine.put(Article(f"refused-{n}", "text"), "validate", "a test")
    return path


@pytest.fixture(scope="module")
def stats(store_path: Path) -> Stats:
    with open_store(store_path, read_only=True) as db:
        return collect(db, store_path / "quarantine", top=3)


def _counts(rows: list) -> dict[str, int]:
    return {row.name: row.count for row in rows}


def test_classes_and_totals(stats: Stats, union: Graph) -> None:
    classes = _counts(stats.classes)
    assert classes["events"] == len(set(union.subjects(RDF.type, SEM.Event))) > 10
    assert classes["actors"] == len(set(union.subjects(RDF.type, SEM.Actor)))
    assert classes["places"] == len(set(union.subjects(RDF.type, SEM.Place)))
    assert classes["articles"] == 2
    assert stats.quarantined == 2
    assert stats.triples > len(union)  # the ontology graph too


def test_event_types_roll_sub_types_up(stats: Stats, union: Graph) -> None:
    taxonomy = Graph().parse(Path(__file__).parents[1] / "ontology" / "taxonomy.ttl")
    subs: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for _, concept in union.subject_objects(SEM.eventType):
        broader = taxonomy.value(concept, SKOS.broader)
        label = str(taxonomy.value(concept, SKOS.prefLabel))
        if broader is None:
            types[label] += 1
        else:
            subs[label] += 1
            types[str(taxonomy.value(broader, SKOS.prefLabel))] += 1
    assert _counts(stats.event_types) == dict(types)
    assert _counts(stats.sub_event_types) == dict(subs)
    assert {r.detail for r in stats.sub_event_types} <= set(types)
    assert stats.event_types == sorted(stats.event_types, key=lambda c: (-c.count, c.name))


def test_places_roll_up_to_admin1_and_country(stats: Stats, union: Graph) -> None:
    events = set(union.subjects(RDF.type, SEM.Event))
    located = {e for e in events if union.value(e, KG.location) is not None}
    countries = _counts(stats.countries)
    assert countries["Syria"] == len(located)
    assert countries["(no location)"] == len(events) - len(located)
    halfaya = URIRef("https://w3id.org/kg/place/geonames-170044")  # a town in Hama
    in_hama = {e for e in events if union.value(e, KG.location) == halfaya}
    assert in_hama
    assert _counts(stats.admin1)["Hama"] >= len(in_hama)
    assert {r.name: r.detail for r in stats.admin1}["Hama"] == "Syria"
    top = stats.top_places
    assert len(top) == 3 and top[0].count >= top[-1].count
    assert all(r.name == str(union.value(URIRef(r.detail), RDFS.label)) for r in top)


def test_months_and_actor_types(stats: Stats, union: Graph) -> None:
    months = Counter(str(d)[:7] for d in union.objects(None, SEM.hasTimeStamp))
    counted = _counts(stats.months)
    assert {m: counted[m] for m in months} == dict(months)
    assert counted.get("(no date)", 0) == len(set(union.subjects(RDF.type, SEM.Event))) - sum(
        months.values()
    )
    types = {r.name: r.detail for r in stats.actor_types}
    assert types["State forces"] == "1" and types["Media"] == ""


def test_top_actors_count_their_events(stats: Stats, union: Graph) -> None:
    by_actor = Counter(a for _, a in union.subject_objects(SEM.hasActor))
    assert len(stats.top_actors) == 3
    for row in stats.top_actors:
        assert row.count == by_actor[URIRef(row.detail)]
        assert row.name == str(union.value(URIRef(row.detail), RDFS.label))
    assert stats.top_actors[0].count == max(by_actor.values())


def test_cli_formats(store_path: Path, stats: Stats) -> None:
    table = run("stats", "--store", str(store_path), "--top", "3")
    assert table.code == 0, table.stderr
    assert "Events by sub-event type" in table.stdout and "2 quarantined" in table.stdout
    as_json = json.loads(run("stats", "--store", str(store_path), "--format", "json").stdout)
    assert as_json["quarantined"] == 2
    assert {r["name"]: r["count"] for r in as_json["classes"]} == _counts(stats.classes)
    assert set(as_json["event_types"][0]) == {"name", "count", "detail"}
    rows = list(csv.DictReader(io.StringIO(run("stats", "--store", str(store_path),
                                               "--format", "csv").stdout)))  # fmt: skip
    assert list(rows[0]) == ["section", "name", "detail", "count"]
    events = [r for r in rows if r["section"] == "classes" and r["name"] == "events"]
    assert events[0]["count"] == str(_counts(stats.classes)["events"])


def test_no_store_is_an_error(tmp_path: Path) -> None:
    outcome = run("stats", "--store", str(tmp_path / "none"))
    assert outcome.code == 1 and "kg ingest" in outcome.stderr
