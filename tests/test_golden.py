"""Golden cases: an article through the real model and the mapping, compared with the graph
expected of it by isomorphism, with a readable diff. Each case is a folder under
``tests/golden/`` with ``case.json`` (article id, input file, publication date) and
``expected.ttl``. After a deliberate change, regenerate with
``KG_REGENERATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff before committing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from kg.clean import clean_text
from kg.hashes import content_hash
from kg.model import Article
from kg.rdf.mapping import to_graph
from tests.conftest import ROOT

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "case.json").is_file())
EXPECTED_CASES = 3


def test_case_count() -> None:
    assert len(CASES) == EXPECTED_CASES, CASES


def _graph(extractor: Any, case: dict[str, Any]) -> Graph:
    text = clean_text((ROOT / case["input"]).read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    article = Article(case["id"], text, published=published)
    extraction = extractor.extract_one(article)
    # a fixed pipeline fingerprint: the golden files must not change with every change to kg
    return to_graph(extraction, extractor.model_name, content_hash(article, "golden"))


def _diff(expected: Graph, actual: Graph) -> str:
    _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {line}" for line in sorted(missing.serialize(format="nt").splitlines())[:40]]
    lines += [f"+ {line}" for line in sorted(extra.serialize(format="nt").splitlines())[:40]]
    return "\n".join(lines)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, geo_extractor: Any) -> None:
    folder = GOLDEN / name
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    actual = _graph(geo_extractor, case)
    expected_path = folder / "expected.ttl"
    if os.environ.get("KG_REGENERATE_GOLDEN"):
        expected_path.write_text(actual.serialize(format="longturtle"), encoding="utf-8")
    expected = Graph().parse(expected_path, format="turtle")
    assert to_isomorphic(actual) == to_isomorphic(expected), _diff(expected, actual)
