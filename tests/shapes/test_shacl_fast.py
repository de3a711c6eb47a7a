"""``kg.shacl`` gives pySHACL's verdict and results, case by case and on mutated graphs.

Every comparison is of the multiset of (focus node, path, component, source shape, value)
results, so a check that finds the right verdict for the wrong reason fails too.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from mutations import mutate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from test_shape_cases import CASES, CASES_DIR, VALID_TWINS, Key, path_key, result_keys, show

from kg.clean import clean_text
from kg.errors import ResourceError
from kg.model import Article
from kg.rdf.mapping import to_graph
from kg.shacl import FastShapes, Undecided, UnsupportedShapes
from kg.validate import ShapesValidator

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/expected.ttl"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MUTATIONS = 300
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
NIF_PHRASE, NIF_BEGIN, NIF_END = (URIRef(NIF + n) for n in ("Phrase", "beginIndex", "endIndex"))


def fast_keys(validator: ShapesValidator, data: Graph) -> Counter[Key]:
    assert validator.fast is not None
    keys: Counter[Key] = Counter()
    for r in validator.fast.check(data):
        keys[(r.focus, path_key(validator.graph, r.path), r.component, r.shape, r.value)] += 1
    return keys


def assert_same(validator: ShapesValidator, data: Graph, name: str) -> bool:
    """The fast check and pySHACL agree on ``data``; returns whether it conforms."""
    try:
        actual: Counter[Key] | None = fast_keys(validator, data)
    except Undecided:
        actual = None
    assert validator.fast is not None
    try:  # the verdict alone (what the gate reads) is the results' verdict
        verdict: bool | None = validator.fast.conforms(data)
    except Undecided:
        verdict = None
    if actual is None:  # undecided: the verdict may stop at a failure first, never pass
        assert verdict is not True, f"{name}: conforms passes, the full check stops"
    else:
        assert verdict == (not actual), f"{name}: conforms says {verdict}"
    try:
        expected = validator.pyshacl(data)
    except ResourceError:  # pySHACL stops (sh:lessThan on a blank node): so must the check
        assert actual is None, f"{name}: pySHACL stops, the fast check does not"
        return False
    if actual is None:  # the gate then asks pySHACL, which must find fault
        assert not expected.conforms, f"{name}: undecided on a conforming graph"
        return False
    wanted = result_keys(expected.report)
    assert actual == wanted, (
        f"{name}: results differ\nmissing:\n{show(wanted - actual)}\n"
        f"unexpected:\n{show(actual - wanted)}"
    )
    assert (not actual) == expected.conforms
    assert validator.validate(data).conforms == expected.conforms
    return expected.conforms


def test_kg_shapes_compile(validator: ShapesValidator) -> None:
    assert validator.fast is not None
    assert len(validator.fast.top) == len(set(validator.graph.subjects(SH.targetClass)))


def test_base_graph(validator: ShapesValidator, base_graph: Graph) -> None:
    assert assert_same(validator, base_graph, "base")


@pytest.mark.parametrize("name", CASES)
def test_invalid_case(name: str, validator: ShapesValidator, base_graph: Graph) -> None:
    base_graph.update((CASES_DIR / name / "invalid.ru").read_text(encoding="utf-8"))
    assert not assert_same(validator, base_graph, name)


@pytest.mark.parametrize("name", VALID_TWINS)
def test_valid_twin(name: str, validator: ShapesValidator, base_graph: Graph) -> None:
    base_graph.update((CASES_DIR / name / "valid.ru").read_text(encoding="utf-8"))
    assert assert_same(validator, base_graph, name)


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.parent.name)
def test_golden_graph(path: Path, validator: ShapesValidator) -> None:
    assert assert_same(validator, Graph().parse(path, format="turtle"), path.parent.name)


def test_seed_graphs(validator: ShapesValidator, geo_extractor: Any) -> None:
    assert len(SEEDS) >= 9
    for path in SEEDS:
        article = Article(path.stem, clean_text(path.read_text(encoding="utf-8")))
        graph = to_graph(geo_extractor.extract_one(article), geo_extractor.model_name)
        assert assert_same(validator, graph, path.name)


# ---------------------------------------------------------------------------------------------
# Mutations of a real article graph
# ---------------------------------------------------------------------------------------------


def test_mutations_agree(validator: ShapesValidator) -> None:
    original = Graph().parse(GOLDEN[0], format="turtle")
    rng = random.Random(6)
    verdicts: Counter[bool] = Counter()
    for i in range(MUTATIONS):
        graph = Graph()
        graph += original
        done = [mutate(graph, rng) for _ in range(rng.choice([1, 1, 2, 3]))]
        verdicts[assert_same(validator, graph, f"mutation {i}: {'; '.join(done)}")] += 1
    # the mutations reach both verdicts, mostly violations
    assert verdicts[False] > MUTATIONS // 2
    assert verdicts[True] > 0


# ---------------------------------------------------------------------------------------------
# Shapes it does not compile: pySHACL alone
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        "kgsh:X a sh:NodeShape ; sh:targetNode kg:a ; sh:class kg:B .",
        "kgsh:X a sh:NodeShape ; sh:targetClass kg:A ; sh:not [ sh:class kg:B ] .",
        "kgsh:X a sh:PropertyShape ; sh:targetClass kg:A ; sh:path [ sh:zeroOrMorePath kg:p ] ;"
        " sh:minCount 1 .",
        "kgsh:X a sh:NodeShape ; sh:targetClass kg:A ; sh:deactivated true ; sh:class kg:B .",
        'kgsh:X a sh:PropertyShape ; sh:targetClass kg:A ; sh:path kg:p ; sh:minCount "one" .',
        'kgsh:X a sh:PropertyShape ; sh:targetClass kg:A ; sh:path kg:p ; sh:pattern "(" .',
        "kgsh:X a sh:NodeShape, rdfs:Class ; sh:class kg:B .",
    ],
)
def test_unsupported_shapes_raise(extra: str, validator: ShapesValidator) -> None:
    shapes = Graph()
    shapes += validator.graph
    shapes.parse(
        data="@prefix sh: <http://www.w3.org/ns/shacl#> . "
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . "
        "@prefix kg: <https://w3id.org/kg/ontology#> . "
        f"@prefix kgsh: <https://w3id.org/kg/shapes#> . {extra}",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapes):
        FastShapes(shapes)


def test_user_shapes_fall_back_to_pyshacl(tmp_path: Path, base_graph: Graph) -> None:
    (tmp_path / "mine.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .\n"
        "<urn:x:s> a sh:NodeShape ; sh:targetClass sem:Event ; sh:not [ sh:nodeKind sh:IRI ] .\n",
        encoding="utf-8",
    )
    validator = ShapesValidator(tmp_path)
    assert validator.fast is None
    result = validator.validate(base_graph)
    assert not result.conforms
    assert result.violations == sum(
        1
        for _ in base_graph.subjects(
            RDF.type, URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
        )
    )


def test_a_graph_pyshacl_cannot_check_does_not_conform(validator: ShapesValidator) -> None:
    """pySHACL stops on a blank node where sh:lessThan compares offsets; with shapes that
    compiled, that is the graph's fault (quarantined), not broken shapes (a stopped ingest)."""
    from rdflib import BNode

    from kg.validate import format_report

    graph = Graph().parse(GOLDEN[0], format="turtle")
    begin = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    s, p, o = next(iter(graph.triples((None, begin, None))))
    graph.remove((s, p, o))
    graph.add((s, p, BNode()))
    with pytest.raises(ResourceError, match="lessThan"):
        validator.pyshacl(graph)  # pySHACL alone still says why
    result = validator.validate(graph)
    assert not result.conforms and result.violations >= 1
    assert "pySHACL cannot check this graph" in result.text and "lessThan" in result.text
    assert format_report(result, "a1").startswith("a1: does not conform\n  pySHACL cannot")


@pytest.mark.parametrize(
    ("begin", "end"),
    [
        (Literal(4), Literal(5)),
        (Literal(5), Literal(5)),
        (Literal(6), Literal(5)),
        (Literal("01", datatype=XSD.integer, normalize=False), Literal(2)),
        (Literal(3), Literal("03", datatype=XSD.integer, normalize=False)),
        (Literal("x", datatype=XSD.integer), Literal(2)),
        (Literal(Decimal("1.5")), Literal(2)),
        (Literal(2), Literal(Decimal("1.5"))),
        (Literal("3"), Literal(5)),
        (Literal(True), Literal(5)),
    ],
)
def test_less_than_on_offsets_as_pyshacl(
    begin: Literal, end: Literal, validator: ShapesValidator
) -> None:
    """sh:lessThan between a mention's offsets: integers compared as ints, the rest as
    pySHACL compares them (the other shapes may fail too: only agreement counts)."""
    graph = Graph().parse(GOLDEN[0], format="turtle")
    s = next(iter(graph.subjects(RDF.type, NIF_PHRASE)))
    graph.set((s, NIF_BEGIN, begin))
    graph.set((s, NIF_END, end))
    assert_same(validator, graph, f"{begin!r} < {end!r}")
