"""``kg.rdf.reading`` against the W3C RDF 1.1 Turtle test suite in ``../shared/eval/w3c-turtle``.

Syntax tests go through ``kg.validate.read_rdf``, the reader of ``kg validate FILE``: every
positive test is accepted, every negative one rejected with a one-line ``RdfSyntaxError`` at
``file:line:column``. Evaluation tests parse with the suite's base IRI and compare the graph
with the expected N-Triples by isomorphism; those N-Triples files (109) go through kg's
N-Triples reader too. The suite is not copied here; where it is absent
these tests skip (see ``tests/conftest.py``: ``SHARED``).
"""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import RDF

from kg.errors import RdfSyntaxError
from kg.rdf.reading import parse_graph
from kg.validate import read_rdf
from tests.conftest import SHARED

SUITE = SHARED / "eval" / "w3c-turtle"
BASE = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RDFT = Namespace("http://www.w3.org/ns/rdftest#")
# the suite's own counts (its README): a test lost from the manifest must not go unnoticed
COUNTS = {"TestTurtleEval": 145, "TestTurtlePositiveSyntax": 74, "TestTurtleNegativeSyntax": 94}


def _manifest() -> dict[str, list[tuple[str, str | None]]]:
    """Test kind -> [(action file, result file)], from the suite's manifest."""
    tests: dict[str, list[tuple[str, str | None]]] = {kind: [] for kind in COUNTS}
    if not (SUITE / "manifest.ttl").is_file():
        return tests
    manifest = Graph().parse(SUITE / "manifest.ttl", format="turtle")
    for test, kind in manifest.subject_objects(RDF.type):
        name = str(kind).removeprefix(str(RDFT))
        if name not in tests:
            continue
        action = str(manifest.value(test, MF.action)).rsplit("/", 1)[1]
        result = manifest.value(test, MF.result)
        tests[name].append((action, str(result).rsplit("/", 1)[1] if result else None))
    return {kind: sorted(found) for kind, found in tests.items()}


TESTS = _manifest()
pytestmark = pytest.mark.skipif(
    not (SUITE / "manifest.ttl").is_file(),
    reason=f"the W3C Turtle test suite is not at {SUITE} (shared evaluation data)",
)


def test_suite_is_whole() -> None:
    assert {kind: len(found) for kind, found in TESTS.items()} == COUNTS


@pytest.mark.parametrize("action", [a for a, _ in TESTS["TestTurtlePositiveSyntax"]])
def test_positive_syntax_is_accepted(action: str) -> None:
    read_rdf(SUITE / action)


@pytest.mark.parametrize("action", [a for a, _ in TESTS["TestTurtleNegativeSyntax"]])
def test_negative_syntax_is_rejected_on_one_line(action: str) -> None:
    path = SUITE / action

    with pytest.raises(RdfSyntaxError) as caught:
        read_rdf(path)

    message = str(caught.value)
    assert re.fullmatch(rf"{re.escape(str(path))}:\d+:\d+ is not valid RDF: \S.*", message)
    assert "\n" not in message


def _lowercase_language_tags(graph: Graph) -> Graph:
    # RDF 1.1: language tags compare case-insensitively; pyoxigraph writes them in lower case
    # ("en-UK" -> "en-uk"), rdflib's N-Triples parser keeps the case of the expected file
    lowered = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        lowered.add((s, p, o))
    return lowered


@pytest.mark.parametrize("action,result", TESTS["TestTurtleEval"])
def test_eval_gives_the_expected_triples(action: str, result: str) -> None:
    graph = parse_graph(SUITE / action, base_iri=BASE + action)
    expected = _lowercase_language_tags(Graph().parse(SUITE / result, format="nt"))

    if not isomorphic(graph, expected):
        _, missing, extra = graph_diff(expected, graph)
        pytest.fail(
            f"{action}: not the triples of {result}\n"
            f"missing:\n{missing.serialize(format='nt')}\nextra:\n{extra.serialize(format='nt')}"
        )
    # the expected N-Triples file, read by kg's N-Triples reader, gives the same triples
    assert isomorphic(parse_graph(SUITE / result, "nt"), expected), result
