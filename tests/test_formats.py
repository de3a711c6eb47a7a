"""``kg export --format acled-csv|geojson``: events as analysts' records, checked against an
independent rdflib reading of the same graphs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.rdf.namespaces import GEO, KG, NIF, SEM
from tests.cli.invoke import run
from tests.conftest import SHARED
from tests.golden_store import build_case_store, golden_graph

CASES = ("seed-dated", "hostile-names")
SEED = "000_1329f68f670b4001"
ACLED_DEV = SHARED / "eval" / "acled" / "dev" / "acled_dev.csv"


@pytest.fixture(scope="module")
def union() -> Graph:
    return golden_graph(*CASES)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    articles = {case if case != "seed-dated" else SEED: case for case in CASES}
    return str(build_case_store(tmp_path_factory.mktemp("formats") / "store", articles))


def _acled(store: str, *args: str) -> list[dict[str, str]]:
    outcome = run("export", "--store", store, "--format", "acled-csv", *args)
    assert outcome.code == 0, outcome.stderr
    return list(csv.DictReader(io.StringIO(outcome.stdout)))


def _point(union: Graph, place: URIRef) -> tuple[float, float]:
    wkt = str(union.value(union.value(place, GEO.hasGeometry), GEO.asWKT))
    lon, lat = re.findall(r"[-0-9.]+", wkt)
    return float(lon), float(lat)


def test_acled_columns_in_acleds_order(store: str) -> None:
    outcome = run("export", "--store", store, "--format", "acled-csv")
    header = outcome.stdout.splitlines()[0].split(",")
    assert header[-2:] == ["event", "article"]
    assert header[:3] == ["event_date", "event_type", "sub_event_type"]
    if ACLED_DEV.exists():  # ACLED's own file has every column, in the same order
        with ACLED_DEV.open(encoding="utf-8") as f:
            acled = next(csv.reader(f))
        assert [c for c in acled if c in header] == header[:-2]


def test_acled_rows_match_the_graph(store: str, union: Graph) -> None:
    rows = _acled(store)
    events = set(union.subjects(RDF.type, SEM.Event))
    assert {URIRef(r["event"]) for r in rows} == events and len(rows) == len(events)
    for row in rows:
        event = URIRef(row["event"])
        date = union.value(event, SEM.hasTimeStamp)
        assert row["event_date"] == (str(date) if date is not None else "")
        fatalities = union.value(event, KG.fatalities)
        assert row["fatalities"] == (str(fatalities) if fatalities is not None else "")
        sentence = union.value(event, KG.sentence)
        assert row["notes"] == str(union.value(sentence, NIF.anchorOf))
        location = union.value(event, KG.location)
        if location is None:
            assert row["latitude"] == row["longitude"] == row["location"] == ""
        else:
            lon, lat = _point(union, location)
            assert float(row["longitude"]) == pytest.approx(lon, abs=1e-4)
            assert float(row["latitude"]) == pytest.approx(lat, abs=1e-4)
            assert row["geo_precision"] == str(union.value(event, KG.geoPrecision))
        assert row["article"] == str(
            union.value(event, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
        )
        assert row["inter1"] in {"", *"12345678"} and row["inter2"] in {"", *"012345678"}
        if row["inter1"] and row["inter2"]:
            codes = sorted((row["inter1"], row["inter2"]))
            expected = row["inter1"] + "0" if row["inter2"] == "0" else "".join(codes)
            assert row["interaction"] == expected
        else:
            assert row["interaction"] == ""
        if not row["actor1"]:
            assert row["inter1"] == row["inter2"] == ""


def test_acled_conventions_on_known_events(store: str) -> None:
    rows = {r["event"].rsplit("/", 1)[-1]: r for r in _acled(store)}
    halfaya = rows[f"{SEED}.1551-1561"]  # the army recaptures Halfaya, a town in Hama
    assert (halfaya["event_type"], halfaya["sub_event_type"]) == (
        "Battles", "Government regains territory")  # fmt: skip
    assert (halfaya["actor1"], halfaya["inter1"], halfaya["inter2"], halfaya["interaction"]) == (
        "Military Forces of Syria", "1", "0", "10")  # fmt: skip
    assert (halfaya["country"], halfaya["admin1"], halfaya["location"]) == (
        "Syria", "Hama", "Halfaya")  # fmt: skip
    assert halfaya["geo_precision"] == "1" and halfaya["source"] == "SANA"
    clash = rows[f"{SEED}.1267-1274"]  # an armed clash: both sides are agents in kg
    assert {clash["actor1"], clash["actor2"]} == {"Military Forces of Syria", "Rebels (Syria)"}
    assert clash["interaction"] == "12" and clash["assoc_actor_1"] == ""


def test_acled_one_article(store: str, union: Graph) -> None:
    rows = _acled(store, "--article", SEED)
    assert rows and all(r["article"].endswith(SEED) for r in rows)
    assert len(rows) < len(set(union.subjects(RDF.type, SEM.Event)))
    missing = run("export", "--store", store, "--format", "acled-csv", "--article", "nope")
    assert missing.code == 1 and "kg query --named articles" in missing.stderr


def test_geojson(store: str, union: Graph, tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    outcome = run("export", "--store", store, "-o", str(target))  # the format from the suffix
    assert outcome.code == 0, outcome.stderr
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    events = set(union.subjects(RDF.type, SEM.Event))
    located = {e for e in events if union.value(e, KG.location) is not None}
    features = collection["features"]
    assert {URIRef(f["id"]) for f in features} == located
    assert f"{len(events) - len(located)} without coordinates left out" in outcome.stderr
    for f in features:
        assert f["geometry"]["type"] == "Point"
        lon, lat = _point(union, union.value(URIRef(f["id"]), KG.location))
        assert f["geometry"]["coordinates"] == pytest.approx([lon, lat])
        props = f["properties"]
        assert props["event_type"] and props["sentence"] and props["article"]
        assert set(props) >= {"date", "sub_event_type", "agents", "targets", "place",
                              "fatalities", "event"}  # fmt: skip


@pytest.mark.model
def test_state_forces_abroad_are_one_actor_coded_external_there(tmp_path: Path) -> None:
    """One node for Turkey's forces at home and abroad (its type State forces, once); the
    event abroad codes them as ACLED does, External/Other forces (inter 8), the one at home as
    State forces (inter 1). Both articles pass the SHACL gate."""
    source = tmp_path / "articles.jsonl"
    articles = [
        {"id": "abroad", "published": "2021-05-04",
         "text": "Fighting went on in Syria. On 3 May 2021, Turkish forces shelled Qaryat Zed "
                 "in the countryside of Aleppo."},
        {"id": "home", "published": "2021-05-04",
         "text": "On 3 May 2021, Turkish forces clashed with PKK militants in Hakkari."},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    store = str(tmp_path / "store")
    done = run("ingest", str(source), "--store", store)
    assert done.code == 0, done.stderr
    rows = _acled(store)
    turkey = [r for r in rows if "Military Forces of Turkey" in (r["actor1"], r["actor2"])]
    inters = {
        r["article"].rsplit("/", 1)[-1]: r["inter1"] if r["actor1"] == "Military Forces of Turkey"
        else r["inter2"]
        for r in turkey
    }  # fmt: skip
    assert inters == {"abroad": "8", "home": "1"}, rows
    query = (
        "SELECT DISTINCT ?a ?t WHERE { ?a rdfs:label 'Military Forces of Turkey' ; "
        "sem:actorType ?t }"
    )
    found = run("query", "--store", store, "--format", "json", query)
    assert found.code == 0, found.stderr
    bindings = json.loads(found.stdout)["results"]["bindings"]
    assert [b["t"]["value"].rsplit("/", 1)[-1] for b in bindings] == ["state-forces"]


def test_a_protests_crowd_is_actor_1_and_whom_it_follows_associated() -> None:
    """ "Houthi supporters rallied": the graph holds no order of agents; ACLED codes a protest's
    or a riot's crowd as actor 1 and the group it follows as associated, wherever its name
    sorts. Elsewhere the order stays (by type known, then name)."""
    from kg.formats.events import Actor, Event
    from kg.formats.tables import acled_row

    group = Actor("urn:g", "Houthis", "State forces", "1")
    crowd = Actor("urn:c", "Protesters (Yemen)", "Protesters", "6")
    protest = Event("urn:e", event_type="Protests", sub_event_type="Peaceful protest",
                    agents=[group, crowd])  # fmt: skip
    row = acled_row(protest)
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (
        "Protesters (Yemen)",
        "Houthis",
        "6",
    )
    attack = Event("urn:a", event_type="Violence against civilians", sub_event_type="Attack",
                   agents=[group, crowd])  # fmt: skip
    assert acled_row(attack)["actor1"] == "Houthis"
