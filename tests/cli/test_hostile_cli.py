"""Hostile article text and ids, end to end: valid IRIs, escaped literals, no injection.

Articles whose ids and text carry ``<>"{}|\\^`` and backticks, newlines, Turtle, SPARQL and
SQL syntax, markup and very long names are ingested by the real ``kg`` process. Every export
must parse in Raptor's ``rapper`` and in Oxigraph's strict parser, hold only RFC 3987 IRIs,
conform to the shapes, give back each article's text unchanged, and no text or query parameter
may change what the store holds.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pyoxigraph
import pytest

from tests.conftest import require_rapper
from tests.store.sample import run_kg

pytestmark = pytest.mark.model

INJECTION = '} INSERT DATA { <http://e/x> <http://e/y> "z" } . # '
HOSTILE = {
    'a<b>"{}|\\^`x': 'Fighters of the Jaysh <al-Islam> "Brigade" attacked Homs on Monday, '
    "killing 3 civilians, the Syrian Observatory said.",
    "b> . } INSERT DATA { <x> <y> <z> } #": "Gunmen from the {Free} Syrian|Army stormed "
    f'Aleppo^ with `rockets` on 3 March 2015. {INJECTION}The group "Ahrar al-Sham" claimed '
    "it.\nRebels shelled Idlib.",
    "long": "Members of the " + "Very Long Name " * 300 + "Brigade clashed with police in Kabul "
    "on 2 May 2016, and 2 people died.",
    "new\nline\tid": "Protesters in Baghdad chanted \U0001f642 slogans; police arrested 12 of "
    "them on 4 June 2019. \u0645\u062a\u0638\u0627\u0647\u0631\u0648\u0646 \u0641\u064a "
    "\u0628\u063a\u062f\u0627\u062f",
    "'; DROP TABLE events; --": "Soldiers of the Nigerian Army killed 10 Boko Haram "
    "<script>alert(1)</script> fighters in Maiduguri on Tuesday.",
    "turtle": "The militants of Islamic State\\u0022 . <urn:x> <urn:y> <urn:z> . @prefix ex: "
    "<http://ex/> . attacked Mosul, killing 5 people, according to Reuters.",
}
# RFC 3987: an IRI has a scheme and none of these characters (space and controls included).
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    lines = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in HOSTILE.items())
    path = folder / "store"
    done = run_kg("ingest", "-", "--store", str(path), stdin=lines)
    assert done.returncode == 0, done.stderr
    assert f"{len(HOSTILE)} read, {len(HOSTILE)} loaded, 0 quarantined" in done.stderr
    return path


def _export(store: Path, fmt: str, *extra: str) -> str:
    done = run_kg("export", "--format", fmt, "--store", str(store), *extra)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _count(store: Path) -> int:
    done = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                  "--format", "csv", "--store", str(store))  # fmt: skip
    assert done.returncode == 0, done.stderr
    return int(done.stdout.splitlines()[1])


@pytest.mark.parametrize(
    ("fmt", "rapper_name", "ox_format"),
    [
        ("turtle", "turtle", pyoxigraph.RdfFormat.TURTLE),
        ("nt", "ntriples", pyoxigraph.RdfFormat.N_TRIPLES),
        ("nq", "nquads", pyoxigraph.RdfFormat.N_QUADS),
        ("trig", "trig", pyoxigraph.RdfFormat.TRIG),
    ],
)
def test_every_export_parses_in_rapper_and_oxigraph(
    store: Path, tmp_path: Path, fmt: str, rapper_name: str, ox_format: pyoxigraph.RdfFormat
) -> None:
    text = _export(store, fmt)
    quads = list(pyoxigraph.parse(text.encode("utf-8"), ox_format))
    assert len(quads) > 500
    out = tmp_path / f"all.{fmt}"
    out.write_text(text, encoding="utf-8")
    parsed = subprocess.run(
        [require_rapper(), "-i", rapper_name, "-c", str(out)], capture_output=True, text=True
    )
    assert parsed.returncode == 0, parsed.stderr
    assert f"returned {len(quads)} triples" in parsed.stderr


def test_jsonld_export_parses_back(store: Path) -> None:
    text = _export(store, "jsonld")
    assert list(pyoxigraph.parse(text.encode("utf-8"), pyoxigraph.RdfFormat.JSON_LD))


def test_every_iri_is_valid(store: Path) -> None:
    quads = pyoxigraph.parse(_export(store, "nq").encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS)
    iris = {
        term.value
        for quad in quads
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name)
        if isinstance(term, pyoxigraph.NamedNode)
    }
    bad = sorted(i for i in iris if not _SCHEME.match(i) or _NOT_IN_IRI.search(i))
    assert not bad
    assert max(len(i) for i in iris) < 200  # a 4,500-character name does not make a long IRI


def test_the_export_conforms_to_the_shapes(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.ttl"
    out.write_text(_export(store, "turtle"), encoding="utf-8")
    valid = run_kg("validate", str(out))
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_ids_and_texts_come_back_unchanged(store: Path) -> None:
    query = "SELECT ?id ?text WHERE { ?a dcterms:identifier ?id ; nif:isString ?text }"
    done = run_kg("query", "--format", "json", "--store", str(store), query)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    found = {row["id"]["value"]: row["text"]["value"] for row in rows}
    assert found.keys() == HOSTILE.keys()
    for key, text in HOSTILE.items():
        assert INJECTION not in text or INJECTION in found[key]
        assert "<script>" not in text or "<script>alert(1)</script>" in found[key]
    assert (
        found["b> . } INSERT DATA { <x> <y> <z> } #"]
        == HOSTILE["b> . } INSERT DATA { <x> <y> <z> } #"]
    )


def test_no_text_became_a_triple(store: Path) -> None:
    nq = _export(store, "nq")
    for iri in ("<http://e/x>", "<urn:x>", "<http://ex/>", "<x>"):
        assert f"\n{iri} " not in nq and not nq.startswith(f"{iri} ")


def test_hostile_article_ids_select_their_own_graph(store: Path) -> None:
    for key in HOSTILE:
        text = _export(store, "nq", "--article", key)
        quads = list(pyoxigraph.parse(text.encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS))
        assert len({q.graph_name for q in quads} - {pyoxigraph.DefaultGraph()}) >= 1
        assert any(
            q.predicate.value.endswith("/identifier") and q.object.value == key for q in quads
        )


@pytest.mark.parametrize(
    "value",
    [
        'Homs" } INSERT DATA { <urn:a> <urn:b> <urn:c> } #',
        "Homs> . } DROP ALL ; #",
        "Homs\\u0022 ) } #",
    ],
)
def test_query_parameters_cannot_alter_the_store(store: Path, value: str) -> None:
    before = _count(store)
    done = run_kg("query", "--named", "events-at-place", "--param", f"place={value}",
                  "--format", "csv", "--store", str(store))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == []  # no place has that name
    assert _count(store) == before


def test_a_hostile_id_parameter_finds_its_article(store: Path) -> None:
    key = 'a<b>"{}|\\^`x'
    done = run_kg("query", "--named", "article-events", "--param", f"article={key}",
                  "--format", "json", "--store", str(store))  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["results"]["bindings"]
    assert rows and {row["article"]["value"] for row in rows} == {key}
