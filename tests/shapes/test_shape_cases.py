"""Valid/invalid pairs for every rule of the shapes: ``cases/*/`` (see ``cases/README.md``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.rdf.mapping import new_graph
from kg.validate import ShapesValidator

CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
VALID_TWINS = [name for name in CASES if (CASES_DIR / name / "valid.ru").exists()]
CASE_COUNT = 79
VALID_TWIN_COUNT = 23

Key = tuple[object, ...]


def path_key(graph: Graph, path: Node | None) -> object:
    """A SHACL path as nested tuples, comparable across graphs (blank nodes differ)."""
    if not isinstance(path, BNode):
        return path
    if graph.value(path, RDF.first) is not None:
        return ("sequence", *(path_key(graph, p) for p in Collection(graph, path)))
    (predicate, inner), *rest = graph.predicate_objects(path)
    assert not rest, f"unexpected path structure at {path}"
    if predicate == SH.alternativePath:
        assert isinstance(inner, BNode)
        return ("alternative", *(path_key(graph, p) for p in Collection(graph, inner)))
    return (predicate, path_key(graph, inner))


def result_keys(report: Graph) -> Counter[Key]:
    keys: Counter[Key] = Counter()
    for result in report.objects(None, SH.result):
        keys[
            (
                report.value(result, SH.focusNode),
                path_key(report, report.value(result, SH.resultPath)),
                report.value(result, SH.sourceConstraintComponent),
                report.value(result, SH.sourceShape),
                report.value(result, SH.value),
            )
        ] += 1
    return keys


def show(keys: Counter[Key]) -> str:
    names = new_graph().namespace_manager
    names.bind("sh", str(SH))
    names.bind("kgsh", "https://w3id.org/kg/shapes#")

    def term(part: object) -> str:
        if isinstance(part, tuple):
            return "(" + " ".join(term(p) for p in part) + ")"
        return part.n3(names) if isinstance(part, Node) else str(part)

    rows = sorted(" | ".join(term(part) for part in key) + f"  (x{n})" for key, n in keys.items())
    return "\n".join(f"  {row}" for row in rows) or "  (none)"


def test_case_count() -> None:
    # a stray filter or a folder renamed by mistake must not shrink the suite silently
    assert len(CASES) == CASE_COUNT
    assert len(VALID_TWINS) == VALID_TWIN_COUNT
    for name in CASES:
        assert (CASES_DIR / name / "invalid.ru").is_file(), name
        assert (CASES_DIR / name / "expected.ttl").is_file(), name


def test_base_graph_conforms(validator: ShapesValidator, base_graph: Graph) -> None:
    result = validator.validate(base_graph)
    assert result.conforms, result.text
    assert result.violations == 0


@pytest.mark.parametrize("name", CASES)
def test_invalid_case(name: str, validator: ShapesValidator, base_graph: Graph) -> None:
    case = CASES_DIR / name
    base_graph.update((case / "invalid.ru").read_text(encoding="utf-8"))
    expected = result_keys(Graph().parse(case / "expected.ttl", format="turtle"))
    assert expected, f"{name}: expected.ttl lists no results"

    result = validator.validate(base_graph)

    assert not result.conforms
    actual = result_keys(result.report)
    assert actual == expected, (
        f"{name}: results differ\nmissing:\n{show(expected - actual)}\n"
        f"unexpected:\n{show(actual - expected)}"
    )
    assert result.violations == sum(expected.values())


@pytest.mark.parametrize("name", VALID_TWINS)
def test_valid_twin(name: str, validator: ShapesValidator, base_graph: Graph) -> None:
    original = Graph()
    original += base_graph
    base_graph.update((CASES_DIR / name / "valid.ru").read_text(encoding="utf-8"))
    assert not isomorphic(base_graph, original), f"{name}: valid.ru changed nothing"

    result = validator.validate(base_graph)

    assert result.conforms, result.text
