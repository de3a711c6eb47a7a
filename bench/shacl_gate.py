"""The SHACL gate's cost per article, pySHACL alone against the fast check, on real graphs.

    PYTHONPATH=. .venv/bin/python bench/shacl_gate.py seeds/            # the seed articles
    PYTHONPATH=. .venv/bin/python bench/shacl_gate.py /tmp/mix.jsonl    # any kg ingest input

Reads the articles as ``kg ingest`` does, extracts and maps each (model and rules: not
timed), then on the same graphs times (1) pySHACL with the shapes built once, as the gate ran
before, (2) the fast check alone (``kg.shacl``) and (3) the gate as it runs now
(``ShapesValidator.validate``: the fast check, then pySHACL on a graph it finds fault with).
It also compares, graph by graph, the fast check's verdict and results (focus node, source
shape, component, value) with pySHACL's, and prints the counts. Prints markdown; exits 1 if
any graph disagrees.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rdflib import Graph  # noqa: E402
from rdflib.namespace import SH  # noqa: E402

from kg.extract import ExtractionFailed, Extractor  # noqa: E402
from kg.model import Article  # noqa: E402
from kg.rdf.mapping import to_graph  # noqa: E402
from kg.shacl import Undecided  # noqa: E402
from kg.sources import read_articles  # noqa: E402
from kg.validate import ShapesValidator  # noqa: E402

Key = tuple[object, object, object, object]


def graphs(paths: list[str], limit: int | None) -> list[Graph]:
    extractor = Extractor()
    articles = (a for a in read_articles(paths) if isinstance(a, Article))
    found = []
    for extraction in extractor.extract(articles):
        if isinstance(extraction, ExtractionFailed):
            continue
        found.append(to_graph(extraction, extractor.model_name))
        if limit is not None and len(found) >= limit:
            break
    return found


def report_keys(report: Graph) -> Counter[Key]:
    return Counter(
        (
            report.value(r, SH.focusNode),
            report.value(r, SH.sourceShape),
            report.value(r, SH.sourceConstraintComponent),
            report.value(r, SH.value),
        )
        for r in report.objects(None, SH.result)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders, as for kg ingest")
    parser.add_argument("--limit", type=int, help="at most this many articles")
    args = parser.parse_args()

    validator = ShapesValidator()
    assert validator.fast is not None, "kg's shapes must compile"
    t = time.perf_counter()
    data = graphs(args.paths, args.limit)
    extract_s = time.perf_counter() - t
    triples = sum(len(g) for g in data)

    def timed(run: object) -> tuple[float, list[object]]:
        t0 = time.perf_counter()
        out = [run(g) for g in data]  # type: ignore[operator]
        return time.perf_counter() - t0, out

    def fast(g: Graph) -> Counter[Key] | None:
        assert validator.fast is not None
        try:
            return Counter(
                (r.focus, r.shape, r.component, r.value) for r in validator.fast.check(g)
            )
        except Undecided:
            return None

    pyshacl_s, full = timed(validator.pyshacl)
    fast_s, quick = timed(fast)
    gate_s, gated = timed(validator.validate)

    agree = Counter[str]()
    for f, q, g in zip(full, quick, gated, strict=True):
        conforms = f.conforms  # type: ignore[attr-defined]
        agree["conform" if conforms else "violate"] += 1
        same_verdict = q is not None and (not q) == conforms
        same_results = q is not None and q == report_keys(f.report)  # type: ignore[attr-defined]
        agree["same verdict"] += same_verdict
        agree["same results"] += same_results
        agree["undecided"] += q is None
        agree["gate same verdict"] += g.conforms == conforms  # type: ignore[attr-defined]
    n = len(data)
    ms = 1000 / max(n, 1)
    print(f"## SHACL gate on {n} articles ({' '.join(args.paths)})\n")
    print(f"Machine: {platform.machine()}, {platform.python_version()}, {platform.node()}")
    print(
        f"{triples} triples ({triples / max(n, 1):.0f} per article); model + rules + mapping "
        f"{extract_s:.1f} s ({extract_s * ms:.1f} ms per article)\n"
    )
    print("| check | total s | ms/article | triples/s | share of model+rules+mapping |")
    print("|---|---:|---:|---:|---:|")
    for name, secs in (
        ("pySHACL (shapes built once)", pyshacl_s),
        ("fast check", fast_s),
        ("gate: fast, pySHACL on failure", gate_s),
    ):
        print(
            f"| {name} | {secs:.2f} | {secs * ms:.2f} | {triples / secs:,.0f} | "
            f"{secs / extract_s:.1%} |"
        )
    print(
        f"\nSpeed-up of the gate: {pyshacl_s / gate_s:.1f}x; fast check alone "
        f"{pyshacl_s / fast_s:.1f}x\n"
    )
    print(
        f"Agreement: {agree['conform']} conform and {agree['violate']} violate per pySHACL; "
        f"same verdict {agree['same verdict']}/{n}, same results {agree['same results']}/{n}, "
        f"undecided {agree['undecided']}, "
        f"gate's verdict = pySHACL's {agree['gate same verdict']}/{n}"
    )
    return (
        0
        if agree["same results"] + agree["undecided"] == n and agree["gate same verdict"] == n
        else 1
    )


if __name__ == "__main__":
    sys.exit(main())
