"""kg's shapes under a second, independent SHACL engine: the same verdicts as pySHACL.

``tests/independent/shacl.mjs`` runs rdf-validate-shacl (JavaScript, a fork of TopQuadrant's
shacl-js; pinned in ``tests/independent/package-lock.json``, installed by
``npm ci --prefix tests/independent``). Each graph below is written once as N-Triples and both
engines read those same bytes, each graph on its own, without the ontology and without
inference, as kg's gate checks an article. The graphs: the valid base graph of the shape cases,
every invalid case and valid twin of ``cases/``, the golden graphs of the seed article
(``tests/golden/*/expected.ttl``), and ``kg ingest seeds/`` as ``kg export`` gives it back: each
seed article's graph with the taxonomy concepts it uses, and the whole store, ontology
included, as Turtle (both engines then read that Turtle file itself).

Both engines must agree on ``sh:conforms`` and on the results, compared as a multiset of
(focus node, source shape, constraint component, value, severity). Blank nodes are compared as
"a blank node" (their labels are each parser's own); none of the shapes or graphs here uses
one as a focus node or value, which ``test_no_blank_node_in_results`` keeps true. kg's shapes use no
SHACL-SPARQL (``test_shapes_use_only_core``), which rdf-validate-shacl does not implement, so
every constraint is compared.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from shape_sample import sample_graph

from kg import resources
from kg.validate import ShapesValidator, read_rdf
from tests.conftest import ROOT, SEEDS

CASES_DIR = Path(__file__).parent / "cases"
INDEPENDENT = ROOT / "tests" / "independent"
GOLDEN = ROOT / "tests" / "golden"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))
EXPORT = "seeds-store-export"
# graphs compared: the base graph, 79 invalid cases, 23 valid twins, 3 golden graphs, the 9 seed
# articles as exported and the whole store's export
GRAPH_COUNT = 116

Key = tuple[Any, ...]

pytestmark = pytest.mark.model  # kg ingest seeds/ runs the real model


def require_engine() -> list[str]:
    """The command that runs the JS engine; skip where node or its packages are absent,
    except in CI (env ``CI`` set), where that fails: ``.ci/run`` installs them."""
    node = shutil.which("node")
    installed = (INDEPENDENT / "node_modules" / "rdf-validate-shacl").is_dir()
    if node is None or not installed:
        missing = "node" if node is None else "tests/independent/node_modules"
        hint = "install Node.js 18+, then run: npm ci --prefix tests/independent"
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is missing; .ci/run installs it ({hint})")
        pytest.skip(f"{missing} is missing ({hint})")
    return [node, str(INDEPENDENT / "shacl.mjs")]


def _graphs() -> dict[str, Graph]:
    graphs = {"base": sample_graph()}
    for case in sorted(p for p in CASES_DIR.iterdir() if p.is_dir()):
        for script in ("invalid", "valid"):
            if (case / f"{script}.ru").is_file():
                graph = sample_graph()
                graph.update((case / f"{script}.ru").read_text(encoding="utf-8"))
                graphs[f"{case.name}-{script}"] = graph
    for golden in sorted(GOLDEN.glob("*/expected.ttl")):
        graphs[f"golden-{golden.parent.name}"] = Graph().parse(golden, format="turtle")
    return graphs


def _seed_exports(folder: Path) -> dict[str, Path]:
    """``kg ingest seeds/`` into a new store, then ``kg export``: each article's graph with the
    taxonomy concepts it uses (N-Triples), and the whole store with the ontology (Turtle)."""
    from kg.export import export
    from kg.pipeline import ingest
    from kg.store import open_store

    report = ingest([str(SEEDS)], folder / "store")
    assert report.loaded == len(SEED_IDS) and not report.quarantined, report
    files = {}
    with open_store(folder / "store", read_only=True) as store:
        for article in SEED_IDS:
            files[f"seed-{article}"] = folder / f"seed-{article}.nt"
            with files[f"seed-{article}"].open("wb") as out:
                export(store, out, "nt", article=article)
        files[EXPORT] = folder / f"{EXPORT}.ttl"
        with files[EXPORT].open("wb") as out:
            export(store, out, "turtle")
    return files


def term(node: Any) -> Key | None:
    """An rdflib term as the JS script writes one: ("iri", IRI), ("bnode",), ("literal", ...)."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return ("iri", str(node))
    if isinstance(node, BNode):
        return ("bnode",)
    assert isinstance(node, Literal), node
    tag = f"@{node.language}" if node.language else str(node.datatype or XSD.string)
    return ("literal", str(node), tag)


def js_key(result: dict[str, Any]) -> Key:
    parts = (result[k] for k in ("focus", "shape", "component", "value", "severity"))
    return tuple(tuple(p) if p is not None else None for p in parts)


def py_keys(report: Graph) -> Counter[Key]:
    keys: Counter[Key] = Counter()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        keys[
            tuple(
                term(report.value(r, p))
                for p in (
                    SH.focusNode,
                    SH.sourceShape,
                    SH.sourceConstraintComponent,
                    SH.value,
                    SH.resultSeverity,
                )
            )
        ] += 1
    return keys


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Any]]:
    """Graph name -> (pySHACL's (conforms, results), the JS engine's (conforms, results))."""
    command = require_engine()
    folder = tmp_path_factory.mktemp("independent")
    files = {}
    for name, graph in _graphs().items():
        files[name] = folder / f"{name}.nt"
        graph.serialize(files[name], format="nt", encoding="utf-8")
    files.update(_seed_exports(folder))
    shapes = [str(p) for p in resources.turtle_files(resources.shapes_dir())]
    done = subprocess.run(
        [*command, *shapes, "--", *(str(f) for f in files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    js = json.loads(done.stdout)
    validator = ShapesValidator()
    found = {}
    for name, path in files.items():
        result = validator.validate(read_rdf(path).default_graph)
        theirs = js[str(path)]
        found[name] = (
            (result.conforms, py_keys(result.report)),
            (theirs["conforms"], Counter(js_key(r) for r in theirs["results"])),
        )
    return found


def test_graph_count(verdicts: dict[str, tuple[Any, Any]]) -> None:
    assert len(verdicts) == GRAPH_COUNT


def test_shapes_use_only_core() -> None:
    shapes = ShapesValidator().graph
    sparql = [p for p in set(shapes.predicates()) if str(p).startswith(str(SH) + "sparql")]
    assert not sparql, "SHACL-SPARQL constraints: rdf-validate-shacl ignores them"
    assert not set(shapes.subjects(RDF.type, SH.SPARQLConstraint))


@pytest.mark.parametrize("name", sorted([*_graphs(), *(f"seed-{a}" for a in SEED_IDS), EXPORT]))
def test_engines_agree(name: str, verdicts: dict[str, tuple[Any, Any]]) -> None:
    (py_conforms, py_results), (js_conforms, js_results) = verdicts[name]

    assert py_conforms == js_conforms, f"{name}: pySHACL {py_conforms}, JS {js_conforms}"
    assert py_results == js_results, (
        f"{name}: only pySHACL: {sorted(py_results - js_results)}\n"
        f"only JS: {sorted(js_results - py_results)}"
    )
    expected = not name.endswith("-invalid")
    assert py_conforms == expected, name


def test_no_blank_node_in_results(verdicts: dict[str, tuple[Any, Any]]) -> None:
    blank = [
        name
        for name, ((_, results), _) in verdicts.items()
        if any(("bnode",) in key for key in results)
    ]
    assert not blank


def test_ci_installs_the_engine() -> None:
    # .ci/run runs the README's test command; both must install the engine before pytest
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\n{ci}\n" in readme
    assert "&& npm ci --prefix tests/independent && pytest" in ci
