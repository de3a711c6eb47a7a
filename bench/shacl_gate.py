"""The SHACL gate's cost per article, pySHACL alone against the fast check, on real graphs.

    PYTHONPATH=. .venv/bin/python bench/shacl_gate.py seeds/            # the seed articles
    PYTHONPATH=. .venv/bin/python bench/shacl_gate.py articles.jsonl    # any kg ingest input

Reads the articles as ``kg ingest`` does, extracts and maps each (model and rules: not
timed), then on the same graphs times (1) pySHACL with the shapes built once, as the gate ran
before, (2) the fast check alone (``kg.shacl``) and (3) the gate as it runs now
(``ShapesValidator.validate``: the fast check, then pySHACL on a graph it finds fault with).
It also compares, graph by graph, the fast check's verdict and results (focus node, source
shape, component, value) with pySHACL's, and with ``--mutate N`` on N seeded random mutations
of each graph (``tests/shapes/mutations.py``), and prints the counts. Prints markdown; exits 1
if any graph disagrees.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests" / "shapes"))

from mutations import mutate  # noqa: E402
from rdflib import Graph  # noqa: E402
from rdflib.namespace import SH  # noqa: E402

from kg.errors import ResourceError  # noqa: E402
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


def compare(validator: ShapesValidator, graph: Graph) -> str:
    """How the fast check and pySHACL agree on one graph: a key of the agreement table."""
    assert validator.fast is not None
    try:
        quick: Counter[Key] | None = Counter(
            (r.focus, r.shape, r.component, r.value) for r in validator.fast.check(graph)
        )
    except Undecided:
        quick = None
    try:
        full = validator.pyshacl(graph)
    except ResourceError:  # pySHACL stops (sh:lessThan on a blank node)
        return "pySHACL stops, check undecided" if quick is None else "DISAGREE: pySHACL stops"
    if quick is None:
        return "violate, check undecided" if not full.conforms else "DISAGREE: undecided"
    if quick != report_keys(full.report):
        return "DISAGREE: results differ"
    gate = validator.validate(graph)
    if gate.conforms != full.conforms or gate.text != full.text:
        return "DISAGREE: the gate's result differs"
    return "conform, same" if full.conforms else "violate, same results"


def fastest(rounds: int, run: Callable[[Graph], object], data: list[Graph]) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for g in data:
            run(g)
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="files or folders, as for kg ingest")
    parser.add_argument("--limit", type=int, help="at most this many articles")
    parser.add_argument("--rounds", type=int, default=3, help="timings: fastest of N rounds")
    parser.add_argument(
        "--mutate", type=int, default=0, help="also compare N seeded mutations of each graph"
    )
    args = parser.parse_args()
    logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # ill-typed mutated literals

    validator = ShapesValidator()
    assert validator.fast is not None, "kg's shapes must compile"
    t = time.perf_counter()
    data = graphs(args.paths, args.limit)
    extract_s = time.perf_counter() - t
    triples = sum(len(g) for g in data)
    runs: list[tuple[str, Callable[[Graph], object]]] = [
        ("pySHACL (shapes built once), as before", validator.pyshacl),
        ("fast check alone", validator.fast.check),
        ("gate now: fast check, pySHACL on failure", validator.validate),
    ]
    times = [(name, fastest(args.rounds, run, data)) for name, run in runs]
    agree = Counter(compare(validator, g) for g in data)
    rng = random.Random(6)
    mutated: Counter[str] = Counter()
    for g in data:
        for _ in range(args.mutate):
            copy = Graph()
            copy += g
            for _ in range(rng.choice([1, 1, 2, 3])):
                mutate(copy, rng)
            mutated[compare(validator, copy)] += 1

    n = len(data)
    ms = 1000 / max(n, 1)
    print(f"## SHACL gate on {n} articles ({' '.join(args.paths)})\n")
    machine = f"{platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores"
    print(f"Machine: {machine}")
    print(
        f"{triples} triples ({triples / max(n, 1):.0f} per article); model + rules + mapping "
        f"{extract_s:.1f} s ({extract_s * ms:.1f} ms per article); fastest of {args.rounds}\n"
    )
    print("| check | total s | ms/article | triples/s | of model+rules+mapping |")
    print("|---|---:|---:|---:|---:|")
    for name, secs in times:
        print(
            f"| {name} | {secs:.2f} | {secs * ms:.2f} | {triples / secs:,.0f} | "
            f"{secs / extract_s:.1%} |"
        )
    print(f"\nGate: {times[0][1] / times[2][1]:.1f}x faster than pySHACL alone\n")
    print("| graphs | agreement | count |")
    print("|---|---|---:|")
    for label, counts in (("as extracted", agree), ("mutated", mutated)):
        for key, count in sorted(counts.items()):
            print(f"| {label} | {key} | {count} |")
    disagree = sum(c for k, c in (agree + mutated).items() if k.startswith("DISAGREE"))
    return 1 if disagree else 0


if __name__ == "__main__":
    sys.exit(main())
