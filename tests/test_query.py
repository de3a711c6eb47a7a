"""Named queries, parameter binding and the output formats of ``kg.query``."""

from __future__ import annotations

import io
import itertools
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

import kg.query as q
from kg.errors import QueryError
from kg.store import ParamValue, QueryResult, Store, open_store
from kg.store.answers import Rows
from tests.golden_store import build_golden_store
from tests.store.sample import HOSTILE_TEXT, build_store, parse_dataset, write_taxonomy

NAMED = {"articles", "event-count", "events-at-place", "actors-by-event-type", "timeline",
         "article-events", "event-map", "actor-events", "events-near", "relations",
         "actors"}  # fmt: skip
EVIL_ID = "evil one/../?x"
TIMELINE_VARS = [
    "date",
    "article",
    "eventType",
    "place",
    "agents",
    "targets",
    "when",
    "sentence",
    "event",
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("query")
    return build_store(root / "store", taxonomy=write_taxonomy(root / "ontology"))


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    with open_store(store_path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def bare_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same articles, no taxonomy in the store."""
    return build_store(tmp_path_factory.mktemp("bare") / "store")


def table(result: q.QueryResult) -> list[dict[str, str]]:
    return [dict(zip(result.variables, row, strict=True)) for row in q.rows_as_text(result.rows)]


def split(text: str) -> set[str]:
    return set(text.split(", ")) if text else set()


def test_the_named_queries_are_shipped_with_headers() -> None:
    queries = q.named_queries()
    assert set(queries) >= NAMED
    for named in queries.values():
        assert named.title and named.description, named.name
    assert [p.name for p in queries["events-at-place"].params] == ["place"]
    assert [p.name for p in queries["article-events"].params] == ["article"]
    assert queries["timeline"].params == ()


def test_articles(store: Store) -> None:
    rows = table(q.run_named(store, "articles"))
    assert [(r["article"], r["events"]) for r in rows] == [("a1", "2"), ("a2", "1"), (EVIL_ID, "1")]
    assert rows[0]["title"] == "Shelling in Hama"
    assert rows[1]["published"] == "2024-03-05"


def test_event_count(store: Store) -> None:
    assert table(q.run_named(store, "event-count")) == [
        {"events": "4", "articles": "3", "eventTypes": "3"}
    ]


@pytest.mark.parametrize("place", ["Hama", "hama", "HAMA"])
def test_events_at_place_matches_labels_case_insensitively(store: Store, place: str) -> None:
    rows = table(q.run_named(store, "events-at-place", {"place": place}))
    assert [(r["date"], r["eventType"], r["article"]) for r in rows] == [
        ("2024-03-03", "Shelling/artillery/missile attack", "a1"),
        ("2024-03-04", "Armed clash", "a1"),
    ]
    assert split(rows[0]["actors"]) == {"Syrian government forces", "civilians"}
    assert split(rows[1]["actors"]) == {"Syrian government forces", "Rebels"}


def test_events_at_place_includes_places_inside_it(store: Store) -> None:
    rows = table(q.run_named(store, "events-at-place", {"place": "idlib"}))
    assert [(r["eventType"], r["where"], r["actors"]) for r in rows] == [
        ("Peaceful protest", "Saraqib", "protesters")
    ]


def test_events_at_place_value_cannot_inject(store: Store) -> None:
    for hostile in ['Hama") } UNION { ?event ?p ?o } #', "Hama' || true || '", HOSTILE_TEXT]:
        assert table(q.run_named(store, "events-at-place", {"place": hostile})) == []


def test_actors_by_event_type(store: Store) -> None:
    rows = table(q.run_named(store, "actors-by-event-type"))
    got = {(r["eventType"], r["actor"]): (r["asAgent"], r["asTarget"], r["events"]) for r in rows}
    assert got == {
        ("Armed clash", '"c" } ; DROP ALL'): ("1", "0", "1"),
        ("Armed clash", "Rebels"): ("1", "0", "1"),
        ("Armed clash", "Syrian government forces"): ("0", "1", "1"),
        ("Peaceful protest", "protesters"): ("1", "0", "1"),
        ("Shelling/artillery/missile attack", "Syrian government forces"): ("1", "0", "1"),
        ("Shelling/artillery/missile attack", "civilians"): ("0", "1", "1"),
    }
    assert [r["eventType"] for r in rows] == sorted(r["eventType"] for r in rows)


def test_timeline(store: Store) -> None:
    rows = table(q.run_named(store, "timeline"))
    assert [(r["date"], r["article"], r["eventType"], r["place"]) for r in rows] == [
        ("2024-03-03", "a1", "Shelling/artillery/missile attack", "Hama"),
        ("2024-03-04", "a1", "Armed clash", "Hama"),
        ("2024-03-05", "a2", "Peaceful protest", "Saraqib"),
        ("", EVIL_ID, "Armed clash", ""),  # undated events come last
    ]
    assert rows[0]["sentence"].startswith("Syrian government forces shelled Hama")
    assert rows[3]["sentence"] == " ".join(HOSTILE_TEXT.split())


@pytest.mark.parametrize(
    ("article", "triggers"), [("a1", ["shelled", "clashed"]), ("a2", ["marched"]), ("zz", [])]
)
def test_article_events(store: Store, article: str, triggers: list[str]) -> None:
    rows = table(q.run_named(store, "article-events", {"article": article}))
    assert [r["trigger"] for r in rows] == triggers
    if article == "a1":
        assert (rows[0]["agents"], rows[0]["targets"], rows[0]["fatalities"]) == (
            "Syrian government forces",
            "civilians",
            "4",
        )


def test_article_events_of_a_hostile_id(store: Store) -> None:
    rows = table(q.run_named(store, "article-events", {"article": EVIL_ID}))
    assert [(r["article"], r["trigger"]) for r in rows] == [(EVIL_ID, "INSERT")]


def test_named_queries_work_without_the_taxonomy(bare_store_path: Path) -> None:
    with open_store(bare_store_path, read_only=True) as store:
        rows = table(q.run_named(store, "timeline"))
        assert [r["eventType"] for r in rows] == [
            "shelling",
            "armed-clash",
            "peaceful-protest",
            "armed-clash",
        ]
        for name in NAMED - {"events-at-place", "article-events", "relations"}:
            params = {"actor-events": {"actor": "rebels"}, "events-near": {"place": "Saraqib",
                      "km": "1"}}.get(name, {})  # fmt: skip
            assert table(q.run_named(store, name, params)), name


def test_unknown_named_query() -> None:
    with pytest.raises(QueryError, match=r"no named query 'nope'; there are: .*timeline"):
        q.named_query("nope")


def test_missing_and_unknown_parameters(store: Store) -> None:
    with pytest.raises(QueryError, match="needs --param place=VALUE"):
        q.run_named(store, "events-at-place")
    with pytest.raises(QueryError, match="has no parameter 'x'; it takes place"):
        q.run_named(store, "events-at-place", {"place": "Hama", "x": "1"})
    with pytest.raises(QueryError, match="has no parameter 'x'; it takes no parameters"):
        q.run_named(store, "timeline", {"x": "1"})


def test_optional_parameters_may_be_left_out(store: Store) -> None:
    params = {p.name: p.optional for p in q.named_query("actor-events").params}
    assert params == {"actor": False, "from": True, "to": True}
    with pytest.raises(QueryError, match="needs --param actor=VALUE"):
        q.run_named(store, "actor-events", {"from": "2024-01-01"})
    assert table(q.run_named(store, "actor-events", {"actor": "rebels"}))


def test_parameter_values() -> None:
    assert q.parse_value("Hama") == ParamValue("Hama")
    assert q.parse_value("<https://w3id.org/kg/place/hama>") == ParamValue(
        "https://w3id.org/kg/place/hama", iri=True
    )
    assert q.parse_value("<>") == ParamValue("<>")


@pytest.mark.parametrize(
    ("variable", "value", "term"),
    [
        ("label", "Hama", Literal("Hama")),
        ("p", "<https://w3id.org/kg/place/hama>", URIRef("https://w3id.org/kg/place/hama")),
    ],
)
def test_a_parameter_binds_as_its_rdflib_term_would(
    store: Store, variable: str, value: str, term: Node
) -> None:
    sparql = "SELECT ?p ?label WHERE { ?p rdfs:label ?label }"
    expected = q.rows_as_text(store.query(sparql, {variable: term}).rows)
    assert expected == [("place:hama", "Hama")]
    assert q.rows_as_text(store.query(sparql, {variable: q.parse_value(value)}).rows) == expected


def test_a_parameter_that_is_no_iri_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match="cannot bind"):
        q.run(store, "SELECT ?p WHERE { ?p ?x ?y }", {"p": "<not an iri>"})


def test_ad_hoc_query_with_an_iri_parameter(store: Store) -> None:
    result = q.run(
        store,
        "SELECT ?p ?label WHERE { ?p rdfs:label ?label }",
        {"p": "<https://w3id.org/kg/place/hama>"},
    )
    assert {row[1] for row in q.rows_as_text(result.rows)} == {"Hama"}


def test_table_output(store: Store) -> None:
    out = io.BytesIO()
    assert q.write(q.run_named(store, "timeline"), out) == 4
    lines = out.getvalue().decode("utf-8").splitlines()
    assert lines[0].split() == TIMELINE_VARS
    assert set(lines[1]) == {"-", " "}
    assert "event:a1.25-32" in lines[2]  # IRIs as prefixed names
    assert "…" in lines[2]  # long sentences cut
    starts = [lines[0].index(h) for h in ("article", "eventType", "place")]
    for line in lines[2:]:  # aligned: each column starts where its header does
        for start in starts:
            assert line[start - 2 : start] == "  "


def test_table_shows_the_first_rows_and_counts_all(store: Store) -> None:
    full, cut = io.BytesIO(), io.BytesIO()
    assert q.write(q.run_named(store, "timeline"), full, limit=None) == 4
    assert q.write(q.run_named(store, "timeline"), cut, limit=2) == 4  # all rows counted
    full_lines = full.getvalue().decode("utf-8").splitlines()
    cut_lines = cut.getvalue().decode("utf-8").splitlines()
    assert len(full_lines) == 2 + 4 and len(cut_lines) == 2 + 2  # header, rule, rows
    assert [line.split()[-1] for line in cut_lines[2:]] == [
        line.split()[-1] for line in full_lines[2:4]
    ]  # the first rows, in order (widths may differ)
    assert q.write(q.run_named(store, "timeline"), io.BytesIO()) == 4  # default: under the limit


def test_table_reads_pyoxigraph_terms_as_rdflib_ones(store: Store) -> None:
    """The table takes the store's rows unconverted; it must show them as the rdflib terms."""
    sparql = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
    native = q.run(store, sparql).rows
    assert isinstance(native, Rows)
    as_rdflib = q.rows_as_text(q.run(store, sparql).rows)
    assert [tuple(q.cell(t, None) for t in row) for row in native.native()] == as_rdflib
    assert len(as_rdflib) > 50
    assert q.cell(ox.Literal("a\nb")) == q.cell(Literal("a\nb")) == "a b"
    assert q.cell(ox.BlankNode("b1")) == q.cell(BNode("b1")) == "_:b1"
    assert q.cell(ox.NamedNode("https://w3id.org/kg/event/a1.25-32")) == "event:a1.25-32"
    with pytest.raises(QueryError, match="triple term"):
        q.cell(ox.Triple(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("c")))


def test_table_cells_are_safe_to_print() -> None:
    assert q.cell(Literal("a\x1b[31mred\x1b[0m\nb\tc")) == "a\\u001b[31mred\\u001b[0m b c"
    assert q.cell(Literal("left\u202eright")) == "left\\u202eright"
    assert q.cell(Literal("x" * 100), max_cell=10) == "x" * 9 + "…"
    assert q.display_width("حماة 中文 😀") == len("حماة ") + 4 + 1 + 2
    assert q.display_width("Cafe\u0301 \u201cok\u201d\u00ad") == 4 + 1 + 4  # combining, Cf
    assert q.cell(URIRef("https://w3id.org/kg/event/a1.25-32")) == "event:a1.25-32"
    assert q.cell(URIRef("https://w3id.org/kg/event/a b")) == "<https://w3id.org/kg/event/a b>"
    assert q.cell(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert q.cell(None) == ""


def test_ask_table(store: Store) -> None:
    out = io.BytesIO()
    assert q.write(q.run(store, "ASK { ?e a sem:Event }"), out) is None
    assert out.getvalue() == b"true\n"


@pytest.mark.parametrize("fmt", ["json", "xml", "csv"])
def test_results_formats_parse_back_in_rdflib(store: Store, fmt: str) -> None:
    out = io.BytesIO()
    q.write(q.run_named(store, "timeline"), out, fmt)
    parsed = Result.parse(io.BytesIO(out.getvalue()), format=fmt)
    assert [str(v) for v in parsed.vars] == TIMELINE_VARS
    rows = list(parsed)
    assert len(rows) == 4
    sentence = TIMELINE_VARS.index("sentence")
    assert str(rows[3][sentence]) == HOSTILE_TEXT  # the hostile sentence survives every format
    if fmt == "json":
        assert json.loads(out.getvalue())["results"]["bindings"][0]["date"]["datatype"].endswith(
            "#date"
        )


def test_tsv_results_parse_back(store: Store) -> None:
    # rdflib 7.6's TSV parser splits lines on U+2028, which the hostile sentence holds and TSV
    # allows unescaped; pyoxigraph's parser reads the file as the W3C note says
    out = io.BytesIO()
    q.write(q.run_named(store, "timeline"), out, "tsv")
    parsed = ox.parse_query_results(out.getvalue(), ox.QueryResultsFormat.TSV)
    assert isinstance(parsed, ox.QuerySolutions)
    assert [v.value for v in parsed.variables] == TIMELINE_VARS
    rows = list(parsed)
    assert len(rows) == 4
    assert rows[3]["sentence"].value == HOSTILE_TEXT


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("turtle", "turtle"), ("nt", "nt"), ("rdfxml", "xml"), ("jsonld", "json-ld")],
)
def test_construct_formats_parse_back(store: Store, fmt: str, rdflib_format: str) -> None:
    query = "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a sem:Event ; rdfs:label ?l }"
    out = io.BytesIO()
    q.write(q.run(store, query), out, fmt)
    back = {(s, p, o) for s, p, o, _ in parse_dataset(out.getvalue(), rdflib_format).quads()}
    assert len(back) == 4
    assert back == set(q.run(store, query).triples)
    if fmt == "turtle":
        assert b"@prefix event: <https://w3id.org/kg/event/>" in out.getvalue()


def test_construct_defaults_to_turtle(store: Store) -> None:
    out = io.BytesIO()
    q.write(q.run(store, "CONSTRUCT WHERE { ?p a sem:Place }"), out)
    assert len(Graph().parse(data=out.getvalue(), format="turtle")) == 3


def test_formats_must_suit_the_query(store: Store) -> None:
    with pytest.raises(QueryError, match="use --format turtle, nt, rdfxml or jsonld"):
        q.write(q.run(store, "CONSTRUCT WHERE { ?p a sem:Place }"), io.BytesIO(), "table")
    with pytest.raises(QueryError, match="use --format table, csv"):
        q.write(q.run(store, "SELECT * WHERE { ?p a sem:Place }"), io.BytesIO(), "turtle")


def test_events_at_place_stays_linear_when_a_place_is_in_many_articles(tmp_path: Path) -> None:
    """Regression: over the union default graph, a place named in N articles has N copies of
    its type and label, so matching the label outside ``GRAPH ?g`` joined N x N rows and the
    query ran for minutes on 512 articles. It now matches inside each article's graph. Here
    the answer is checked (one row per article, no N x N duplicates); its speed is measured
    by bench/scale.py on a million triples, not by a timed test."""
    from kg.rdf import iris
    from kg.rdf.mapping import to_graph
    from tests.store.sample import protest

    base = protest()
    with open_store(tmp_path / "many") as writer:
        writer.replace_graphs(
            {
                iris.graph(f"p{i}"): to_graph(
                    type(base)(
                        article=type(base.article)(id=f"p{i}", text=base.article.text),
                        sentences=base.sentences,
                        actors=base.actors,
                        places=base.places,
                        events=base.events,
                    )
                )
                for i in range(300)
            }
        )
    with open_store(tmp_path / "many", read_only=True) as store:
        rows = table(q.run_named(store, "events-at-place", {"place": "Idlib"}))
        assert len(rows) == 300


def test_table_never_cuts_iris() -> None:
    long_iri = URIRef("https://w3id.org/kg/event/" + "x" * 80)
    assert q.cell(long_iri, max_cell=10) == "event:" + "x" * 80
    result = QueryResult("select", ("e", "l"), iter([(long_iri, Literal("y" * 80))]))
    out = io.BytesIO()
    q.write_table(result, out, max_cell=10)
    assert out.getvalue().decode().splitlines()[2] == f"event:{'x' * 80}  {'y' * 9}…"


def test_docs_list_every_named_query_and_prefix() -> None:
    from kg.rdf.namespaces import PREFIXES

    docs = (Path(__file__).resolve().parents[1] / "docs" / "QUERIES.md").read_text("utf-8")
    for name, named in q.named_queries().items():
        assert f"| `{name}` |" in docs, name
        example = f"kg query --named {name}"
        assert example in docs, example
        for param in named.params:
            assert f"--param {param.name}=" in docs, (name, param.name)
    for prefix, namespace in PREFIXES.items():
        assert f"| `{prefix}:` | `{namespace}` |" in docs, prefix


def test_event_map_gives_each_located_event_its_point(store: Store) -> None:
    rows = table(q.run_named(store, "event-map"))
    assert rows == [
        {
            "date": "2024-03-05",
            "eventType": "Peaceful protest",
            "place": "Saraqib",
            "latitude": "35.86246",
            "longitude": "36.80569",
            "precision": "1",
            "geonames": "<https://sws.geonames.org/172955/>",
            "article": "a2",
            "event": rows[0]["event"],
        }
    ]


# -- the shipped queries against their plain versions (tests/queries/) -------------------------

PLAIN = Path(__file__).parent / "queries"
LISTS = {"place", "agents", "targets", "where", "actors", "others", "aliases"}  # any order
PARAMS: dict[str, list[dict[str, str]]] = {
    "events-at-place": [{"place": p} for p in ("Hama", "idlib", "syria", "Quneitra", "none")],
    "article-events": [{"article": a} for a in ("a1", EVIL_ID, "seed-dated-1", "zz")],
    "actor-events": [
        {"actor": "Nusra Front"},
        {"actor": "nusra fighters"},
        {"actor": "rebels"},
        {"actor": "Military Forces of Syria", "from": "2014-09-27"},
        {"actor": "Military Forces of Syria", "from": "2014-01-01", "to": "2014-09-26"},
        {"actor": "Syrian government forces", "to": "2024-03-03"},
        {"actor": "none"},
    ],
    "events-near": [
        {"place": "Hama", "km": "60"},
        {"place": "quneitra", "km": "25"},
        {"place": "Saraqib", "km": "100"},
        {"place": "none", "km": "50"},
    ],
    "relations": [{}, {"actor": "Rebels (Syria)"}, {"actor": "none"}],
}
EMPTY = "none"  # a parameter value that names nothing
SAMPLE_ONLY = {
    "Saraqib",
    "Syrian government forces",
}  # names of the sample store's articles, not the seed's


@pytest.fixture(scope="module")
def golden_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_golden_store(tmp_path_factory.mktemp("golden") / "store")


def answer(result: q.QueryResult) -> Counter[tuple[object, ...]]:
    """The rows as a multiset (the order is tested above), as text, lists of names as sets."""
    names = [v in LISTS for v in result.variables]
    return Counter(
        tuple(frozenset(split(c)) if listed else c for listed, c in zip(names, row, strict=True))
        for row in q.rows_as_text(result.rows)
    )


def test_every_named_query_has_a_plain_version() -> None:
    assert {p.stem for p in PLAIN.glob("*.rq")} == set(q.named_queries())


@pytest.mark.parametrize("name", sorted(NAMED))
@pytest.mark.parametrize("which", ["store_path", "bare_store_path", "golden_store_path"])
def test_named_queries_answer_as_their_plain_versions(
    name: str, which: str, request: pytest.FixtureRequest
) -> None:
    with open_store(request.getfixturevalue(which), read_only=True) as store:
        plain = (PLAIN / f"{name}.rq").read_text(encoding="utf-8")
        for params in PARAMS.get(name, [{}]):
            expected = answer(q.run(store, plain, params))
            assert answer(q.run_named(store, name, params)) == expected, params
            if which == "golden_store_path" and name not in ("article-events",):
                named_nothing = {EMPTY, *SAMPLE_ONLY} & set(params.values())
                assert expected or named_nothing, (name, params)


@pytest.mark.parametrize("which", ["store_path", "bare_store_path", "golden_store_path"])
def test_timeline_rows_come_in_the_order_of_its_plain_version(
    which: str, request: pytest.FixtureRequest
) -> None:
    """The shipped timeline sorts on a precomputed day number, the plain one on the date."""
    with open_store(request.getfixturevalue(which), read_only=True) as store:
        plain = (PLAIN / "timeline.rq").read_text(encoding="utf-8")
        lists = [v in LISTS for v in TIMELINE_VARS]

        def in_order(result: q.QueryResult) -> list[tuple[object, ...]]:
            assert list(result.variables) == TIMELINE_VARS
            return [
                tuple(
                    frozenset(split(c)) if listed else c
                    for listed, c in zip(lists, row, strict=True)
                )
                for row in q.rows_as_text(result.rows)
            ]

        expected = in_order(q.run(store, plain))
        assert len({row[0] for row in expected}) > 1  # more than one date: the order shows
        if which == "golden_store_path":  # events of one article and day: ?begin orders them
            assert any(a[:2] == b[:2] for a, b in itertools.pairwise(expected))
        assert in_order(q.run_named(store, "timeline")) == expected


@pytest.mark.parametrize("which", ["store_path", "golden_store_path"])
def test_every_event_is_at_its_triggers_start(which: str, request: pytest.FixtureRequest) -> None:
    """The shipped timeline sorts an article's events on kg:position, the plain one on the
    trigger's nif:beginIndex: they must be the same number, for every event."""
    sparql = """SELECT (COUNT(?e) AS ?events) (SUM(IF(?position = ?b, 0, 1)) AS ?wrong)
        { GRAPH ?g { ?e sem:eventType ?type ; kg:trigger/nif:beginIndex ?b .
                     OPTIONAL { ?e kg:position ?position } } }"""
    with open_store(request.getfixturevalue(which), read_only=True) as store:
        [(events, wrong)] = q.rows_as_text(q.run(store, sparql).rows)
    assert int(events) > 1
    assert wrong == "0"


def test_the_plain_prefix_table_agrees_with_the_namespaces() -> None:
    """kg.rdf.prefixes (no rdflib, for `kg query`) is the table kg's namespaces are made from;
    the standard vocabularies rdflib defines must be spelt as in it."""
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

    from kg.rdf import namespaces, prefixes

    assert namespaces.PREFIXES is prefixes.PREFIXES
    standard = {"skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS}
    standard |= {"owl": OWL, "xsd": XSD}
    assert {p: str(ns) for p, ns in standard.items()} == {p: prefixes.PREFIXES[p] for p in standard}
    ours = {"kg": namespaces.KG._NS, "sem": namespaces.SEM, "kget": namespaces.EVENT_TYPE}
    assert all(str(ns) == prefixes.PREFIXES[p] for p, ns in ours.items())
    assert str(namespaces.KG.agent) == "https://w3id.org/kg/ontology#agent"


def test_actor_events_finds_the_actor_by_name_in_date_order(store: Store) -> None:
    rows = table(q.run_named(store, "actor-events", {"actor": "SYRIAN government FORCES"}))
    assert [(r["actorLabel"], r["date"], r["role"], r["eventType"]) for r in rows] == [
        ("Syrian government forces", "2024-03-03", "agent", "Shelling/artillery/missile attack"),
        ("Syrian government forces", "2024-03-04", "target", "Armed clash"),
    ]
    assert [(r["others"], r["place"], r["fatalities"]) for r in rows] == [
        ("civilians", "Hama", "4"),
        ("Rebels", "Hama", ""),
    ]


@pytest.mark.parametrize(
    ("days", "dates"),
    [
        ({"from": "2024-03-04"}, ["2024-03-04"]),
        ({"to": "2024-03-03"}, ["2024-03-03"]),
        ({"from": "2024-03-03", "to": "2024-03-04"}, ["2024-03-03", "2024-03-04"]),
        ({"from": "2024-03-05"}, []),
    ],
)
def test_actor_events_keeps_the_days_asked(
    store: Store, days: dict[str, str], dates: list[str]
) -> None:
    rows = table(q.run_named(store, "actor-events", {"actor": "Syrian government forces", **days}))
    assert [r["date"] for r in rows] == dates


def test_actor_events_by_alias_leaves_out_undated_events_once_days_are_asked(
    golden_store_path: Path,
) -> None:
    with open_store(golden_store_path, read_only=True) as store:
        every = table(q.run_named(store, "actor-events", {"actor": "nusra fighters"}))
        dated = table(
            q.run_named(store, "actor-events", {"actor": "Nusra Front", "from": "1900-01-01"})
        )
    assert {r["actorLabel"] for r in every} == {"Nusra Front"}
    assert {r["date"] for r in every} == {"", "2014-09-27"}  # the undated seed and the dated
    assert {r["date"] for r in dated} == {"2014-09-27"}


def test_events_near_measures_distances_as_the_great_circle(golden_store_path: Path) -> None:
    """The plain-arithmetic distance agrees with the haversine one within 0.1 km, and the
    events beyond the distance asked are left out."""
    import math

    def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
        (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
        h = math.sin((lat2 - lat1) / 2) ** 2
        h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        return 2 * 6371.0 * math.asin(math.sqrt(h))

    points = """SELECT DISTINCT ?label ?wkt { GRAPH ?g { ?p geo:hasGeometry/geo:asWKT ?wkt ;
                                                       rdfs:label ?label } }"""
    with open_store(golden_store_path, read_only=True) as store:
        where = {
            label: tuple(reversed([float(x) for x in wkt[6:-1].split()]))
            for label, wkt in q.rows_as_text(q.run(store, points).rows)
        }
        near = table(q.run_named(store, "events-near", {"place": "hama", "km": "100"}))
        closer = table(q.run_named(store, "events-near", {"place": "hama", "km": "10"}))
    assert len({r["at"] for r in near}) >= 3
    for row in near:
        expected = haversine(where["Hama"], where[row["at"]])
        assert abs(float(row["distance"]) - expected) < 0.1, (row["at"], expected)
        assert float(row["distance"]) <= 100
    assert [float(r["distance"]) for r in near] == sorted(float(r["distance"]) for r in near)
    assert closer and {r["at"] for r in closer} < {r["at"] for r in near}
    assert all(float(r["distance"]) <= 10 for r in closer)


def test_relations_counts_each_pair_and_keeps_an_actors(golden_store_path: Path) -> None:
    with open_store(golden_store_path, read_only=True) as store:
        every = table(q.run_named(store, "relations"))
        rebels = table(q.run_named(store, "relations", {"actor": "rebels (syria)"}))
    assert {r["relation"] for r in every} <= {"fightsAgainst", "alliedWith"}
    pairs = {(r["subject"], r["relation"], r["object"]): r for r in every}
    clash = pairs["Military Forces of Syria", "fightsAgainst", "Rebels (Syria)"]
    assert int(clash["sentences"]) >= 2 and clash["first"] <= clash["last"]
    assert clash["example"]
    assert rebels and all("Rebels (Syria)" in (r["subject"], r["object"]) for r in rebels)
    assert len(rebels) < len(every)


def test_actors_lists_each_actor_once_with_its_aliases_and_counts(
    golden_store_path: Path,
) -> None:
    with open_store(golden_store_path, read_only=True) as store:
        rows = table(q.run_named(store, "actors"))
    assert len({r["iri"] for r in rows}) == len(rows)
    nusra = next(r for r in rows if r["actor"] == "Nusra Front")
    assert "Nusra Fighters" in split(nusra["aliases"])
    assert int(nusra["asAgent"]) >= 1 and nusra["actorType"]
    events = [int(r["asAgent"] or 0) + int(r["asTarget"] or 0) for r in rows]
    assert events == sorted(events, reverse=True)  # most active first


def test_timeline_places_an_event_told_without_a_place_where_kg_located_it(
    tmp_path: Path,
) -> None:
    """Regression: an event whose sentence names no place ("Four policemen were killed on a
    highway") had an empty place though kg located it (a dateline's town, kg:location)."""
    import dataclasses

    from kg.model import GeoPrecision
    from kg.rdf import iris
    from kg.rdf.mapping import to_graph
    from tests.store.sample import hama

    x = hama()
    shelling, clash = x.events
    clash = dataclasses.replace(
        clash, places=(), location="hama", geo_precision=GeoPrecision.REGION
    )
    x = dataclasses.replace(x, events=(shelling, clash))
    with open_store(tmp_path / "store") as s:
        s.replace_graphs({iris.graph("a1"): to_graph(x, "test-model")})
        rows = table(q.run_named(s, "timeline"))
    assert [(r["date"], r["place"]) for r in rows] == [
        ("2024-03-03", "Hama"),
        ("2024-03-04", "Hama"),
    ]


def test_relations_breaks_ties_of_label_by_the_actors_iris(tmp_path: Path) -> None:
    """Two actors of one label, each fighting the same third one in a sentence: one row each,
    in the order of their IRIs whichever was written first (the plan gives no order of its
    own). Invented triples, the shape kg writes (docs/ONTOLOGY.md)."""
    from rdflib import RDF, RDFS

    from kg.rdf.prefixes import PREFIXES

    kg_, sem, nif = (PREFIXES[p] for p in ("kg", "sem", "nif"))
    third = URIRef(kg_ + "actor/x-border-guards")

    def article(n: int, actor: str) -> list[tuple[Node, Node, Node]]:
        who = URIRef(kg_ + f"actor/{actor}")
        statement, sentence = BNode(), URIRef(kg_ + f"sentence/{n}")
        return [
            (who, RDF.type, URIRef(sem + "Actor")),
            (who, RDFS.label, Literal("Gunmen")),
            (third, RDF.type, URIRef(sem + "Actor")),
            (third, RDFS.label, Literal("Border Guards")),
            (statement, RDF.type, RDF.Statement),
            (statement, RDF.subject, who),
            (statement, RDF.predicate, URIRef(kg_ + "fightsAgainst")),
            (statement, RDF.object, third),
            (statement, URIRef(kg_ + "sentence"), sentence),
            (sentence, URIRef(nif + "anchorOf"), Literal(f"Gunmen fired on the guards ({n}).")),
        ]

    with open_store(tmp_path / "ties") as writer:  # the later IRI in the earlier graph
        writer.replace_graphs({kg_ + "graph/b": article(1, "gunmen-b")})
        writer.replace_graphs({kg_ + "graph/a": article(2, "gunmen-a")})
    with open_store(tmp_path / "ties", read_only=True) as store:
        rows = table(q.run_named(store, "relations"))
    assert [(r["subject"], r["object"]) for r in rows] == [("Gunmen", "Border Guards")] * 2
    assert [r["example"] for r in rows] == [
        "Gunmen fired on the guards (2).",  # gunmen-a's
        "Gunmen fired on the guards (1).",
    ]


def test_events_near_names_its_place_by_the_least_label_in_any_order_written(
    tmp_path: Path,
) -> None:
    """A place two articles label apart ("Raqqa", "Ar-Raqqah") and put at two points: the
    column near and the distances are the least label's and the least point's, whichever
    article was written first. Invented triples, the shape kg writes (docs/ONTOLOGY.md)."""
    from rdflib import RDF, RDFS

    from kg.rdf.prefixes import PREFIXES

    kg_, sem, geo, schema, dcterms = (
        PREFIXES[p] for p in ("kg", "sem", "geo", "schema", "dcterms")
    )
    place = URIRef(kg_ + "place/geonames-1")

    def article(n: int, label: str, point: str) -> list[tuple[Node, Node, Node]]:
        event, doc, geometry = (URIRef(kg_ + f"{kind}/{n}") for kind in ("event", "doc", "geom"))
        return [
            (doc, RDF.type, URIRef(schema + "NewsArticle")),
            (doc, URIRef(dcterms + "identifier"), Literal(f"a{n}")),
            (place, RDFS.label, Literal(label)),
            (place, URIRef(geo + "hasGeometry"), geometry),
            (geometry, URIRef(geo + "asWKT"), Literal(f"POINT({point})")),
            (event, URIRef(kg_ + "location"), place),
            (event, URIRef(sem + "eventType"), URIRef(kg_ + "event-type/armed-clash")),
        ]

    one = article(1, "Raqqa", "39.01 35.95")
    two = article(2, "Ar-Raqqah", "39.00 35.95")
    near = []
    for order, graphs in enumerate(((one, two), (two, one))):
        with open_store(tmp_path / f"s{order}") as writer:
            for i, triples in enumerate(graphs):
                writer.replace_graphs({kg_ + f"graph/{i}": triples})
        with open_store(tmp_path / f"s{order}", read_only=True) as store:
            params = {"place": "Raqqa", "km": "10"}
            near.append(sorted(table(q.run_named(store, "events-near", params)), key=str))
    assert near[0] == near[1]
    assert {r["near"] for r in near[0]} == {"Ar-Raqqah"}
