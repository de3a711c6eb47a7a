"""Queries and exports of a store of a million triples, at two store sizes.

    python bench/scale.py --keep /tmp/kg-scale --out /tmp/scale.json      # builds, ~40 min here
    python bench/scale.py --keep /tmp/kg-scale --reuse --out /tmp/scale.json  # stores kept

A corpus of ``--articles`` articles (bench/corpus.py; 1,000 give ~1.07 million triples) is
ingested in two halves: the first half into ``half/`` (copied to ``full/``), the second into
``full/``. Each store is then measured with real processes (``python -m kg ...``, process
start included), from outside: wall time, CPU time and peak RSS from ``os.wait4``:

* every named query (``kg query --named NAME``) as the default table (its first 1,000 rows)
  and as CSV (every row), written to a file, and ``kg query`` counting the events: best and
  median of ``--runs`` runs;
* ``kg export --format F -o FILE`` for each format: wall time, peak RSS and output bytes,
  one run each (RSS that grows with the store means the export holds it in memory);
* whether spaCy was imported by query or export (``python -X importtime``).

``--reuse`` keeps stores already in ``--keep`` (a store is reused as it is, whatever corpus
built it). Prints a table; ``--out`` writes JSON. Exits with a message, measuring nothing,
when ../shared/eval/ (the source of the texts) is absent.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from perf import COUNT_EVENTS, check, machine, run

ROOT = corpus.ROOT
EXPORT_FORMATS = ("turtle", "nt", "nq", "trig", "jsonld")
PLACE = """SELECT ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?e sem:hasPlace ?p . ?p rdfs:label ?label ; schema:containedInPlace ?in } }
  GROUP BY ?label ORDER BY DESC(?n) LIMIT 1"""  # the busiest place inside another
COUNTRY = """SELECT ?label (COUNT(DISTINCT ?p) AS ?n) WHERE {
  GRAPH ?g { ?p schema:containedInPlace ?c . ?c rdfs:label ?label } }
  GROUP BY ?label ORDER BY DESC(?n) LIMIT 1"""  # the place most others are in
ARTICLE = "SELECT ?id WHERE { ?d a schema:NewsArticle ; dcterms:identifier ?id } LIMIT 1"
ACTOR = """SELECT ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?e kg:agent|kg:target ?a . ?a rdfs:label ?label } }
  GROUP BY ?label ORDER BY DESC(?n) LIMIT 1"""  # the actor in most events
LOCATION = """SELECT ?label (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?e kg:location ?p . ?p rdfs:label ?label } }
  GROUP BY ?label ORDER BY DESC(?n) LIMIT 1"""  # the place most events are put at


@dataclass
class Timed:
    """One command run ``runs`` times."""

    args: list[str]
    wall_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    rss_mb: float = 0.0
    rows: int | None = None
    out_bytes: int = 0
    spacy: bool = False

    @property
    def best(self) -> float:
        return min(self.wall_s)

    @property
    def median(self) -> float:
        return statistics.median(self.wall_s)


@dataclass
class StoreRun:
    name: str
    articles: int
    triples: int
    disk_mb: float
    queries: dict[str, Timed] = field(default_factory=dict)
    exports: dict[str, Timed] = field(default_factory=dict)


def kg(*args: str) -> list[str]:
    return ["-m", "kg", *args]


def timed(args: list[str], runs: int, out: Path) -> Timed:
    """``args`` run ``runs`` times (stdout to ``out``), then once more under -X importtime."""
    t = Timed(args)
    for _ in range(runs):
        proc = check(run(args), " ".join(args))
        t.wall_s.append(proc.wall)
        t.cpu_s.append(proc.cpu)
        t.rss_mb = max(t.rss_mb, proc.rss_mb)
        out.write_text(proc.stdout, encoding="utf-8")
        t.rows = answer_rows(proc.stderr, proc.stdout, csv_out="csv" in args)
    t.out_bytes = out.stat().st_size
    t.spacy = imports_spacy(check(run(["-X", "importtime", *args]), "importtime").stderr)
    return t


def answer_rows(stderr: str, stdout: str, csv_out: bool) -> int | None:
    """Rows in the answer: from the table's count on stderr ("17,444 rows; the table shows the
    first 1,000 ..."), or the CSV's records."""
    if csv_out:
        return max(0, sum(1 for _ in csv.reader(io.StringIO(stdout))) - 1)
    counted = re.match(
        r"([\d,]+) rows?\b", stderr.strip().splitlines()[-1] if stderr.strip() else ""
    )
    return int(counted[1].replace(",", "")) if counted else None


def imports_spacy(importtime: str) -> bool:
    """Whether ``python -X importtime``'s report (stderr) lists a spaCy module."""
    return any(
        line.split("|")[-1].strip().startswith("spacy")
        for line in importtime.splitlines()
        if line.startswith("import time:")
    )


def store_query(store: Path, sparql: str) -> list[str]:
    """The first row of a SELECT in-process (no timing: picks parameter values)."""
    from kg.query import rows_as_text
    from kg.store import open_store

    with open_store(store, read_only=True) as db:
        rows = rows_as_text(db.query(sparql).rows)
    return list(rows[0]) if rows else [""]


def measure(name: str, store: Path, articles: int, runs: int, work: Path) -> StoreRun:
    from kg.query import named_queries
    from kg.store import open_store

    with open_store(store, read_only=True) as db:
        triples = db.triple_count()
    disk = sum(p.stat().st_size for p in store.rglob("*") if p.is_file()) / 2**20
    result = StoreRun(name, articles, triples, disk)
    params = {
        "events-at-place": [f"place={store_query(store, PLACE)[0]}"],
        "events-at-place:country": [f"place={store_query(store, COUNTRY)[0]}"],
        "article-events": [f"article={store_query(store, ARTICLE)[0]}"],
        "actor-events": [f"actor={store_query(store, ACTOR)[0]}"],
        "events-near": [f"place={store_query(store, LOCATION)[0]}", "km=50"],
        "relations:actor": [f"actor={store_query(store, ACTOR)[0]}"],
        "relations": [],
    }
    print(f"{name}: {triples:,} triples, params {params}", file=sys.stderr)
    out = work / "out"
    where = ["--store", str(store)]
    jobs: dict[str, list[str]] = {
        "count events (csv)": kg("query", *where, "--format", "csv", COUNT_EVENTS)
    }
    for query in named_queries():
        for key in [k for k in params if k.split(":")[0] == query] or [query]:
            args = [a for p in params.get(key, []) for a in ("--param", p)]
            jobs[key] = kg("query", *where, "--named", query, *args)
            jobs[f"{key} (csv)"] = kg("query", *where, "--named", query, *args, "--format", "csv")
    for key, args in jobs.items():
        print(f"  {key} ...", file=sys.stderr)
        result.queries[key] = timed(args, runs, out)
    for fmt in EXPORT_FORMATS:
        print(f"  export {fmt} ...", file=sys.stderr)
        target = work / f"export.{fmt}"
        t = Timed(kg("export", *where, "--format", fmt, "-o", str(target)))
        proc = check(run(["-X", "importtime", *t.args]), f"kg export --format {fmt}")
        t.wall_s.append(proc.wall)  # one run: -X importtime costs ~1 ms an import
        t.cpu_s.append(proc.cpu)
        t.rss_mb, t.out_bytes = proc.rss_mb, target.stat().st_size
        t.spacy = imports_spacy(proc.stderr)
        target.unlink()
        result.exports[fmt] = t
    return result


def ingest(corpus_path: Path, store: Path) -> None:
    print(f"kg ingest {corpus_path} --store {store} ...", file=sys.stderr)
    proc = check(run(kg("ingest", str(corpus_path), "--store", str(store))), "kg ingest")
    print(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "", file=sys.stderr)


def build(folder: Path, articles: int, seed: int, reuse: bool) -> tuple[Path, Path]:
    """The half and full stores in ``folder``, ingested unless ``reuse`` finds them there."""
    half, full = folder / "half", folder / "full"
    if reuse and half.is_dir() and full.is_dir():
        return half, full
    for store in (half, full):
        shutil.rmtree(store, ignore_errors=True)
    texts = [json.dumps(a, ensure_ascii=False) + "\n" for a in corpus.articles(articles, seed)]
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("".join(texts[: articles // 2]), encoding="utf-8")
    second.write_text("".join(texts[articles // 2 :]), encoding="utf-8")
    ingest(first, half)
    shutil.copytree(half, full, ignore=shutil.ignore_patterns("*.lock", "oxigraph.snapshots"))
    ingest(second, full)
    return half, full


def table(stores: list[StoreRun]) -> str:
    head = "| | " + " | ".join(f"{s.name}: {s.triples:,} triples" for s in stores) + " |"
    lines = ["Queries: wall s best / median (process start included), least CPU s, peak RSS MB, "
             "rows", "",
             head, "|---|" + "---:|" * len(stores)]  # fmt: skip
    for key in stores[0].queries:
        cells = []
        for s in stores:
            t = s.queries[key]
            cells.append(
                f"{t.best:.2f} / {t.median:.2f} s, CPU {min(t.cpu_s):.2f} s, "
                f"{t.rss_mb:.0f} MB, {'-' if t.rows is None else t.rows} rows"
            )
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += ["", "Exports: wall s, CPU s, peak RSS MB, output MB", "", head,
              "|---|" + "---:|" * len(stores)]  # fmt: skip
    for fmt in EXPORT_FORMATS:
        cells = []
        for s in stores:
            t = s.exports[fmt]
            cells.append(
                f"{t.best:.1f} s, CPU {t.cpu_s[0]:.1f} s, {t.rss_mb:.0f} MB, "
                f"{t.out_bytes / 2**20:.0f} MB"
            )
        lines.append(f"| {fmt} | " + " | ".join(cells) + " |")
    slowest = max((t.best, k, s.name) for s in stores for k, t in s.queries.items())
    spacy = sorted({k for s in stores for k, t in {**s.queries, **s.exports}.items() if t.spacy})
    lines += ["", f"slowest query (best of runs): {slowest[1]} on {slowest[2]}, {slowest[0]:.2f} s",
              f"spaCy imported by: {', '.join(spacy) or 'no query and no export'}"]  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="keep the corpus and stores in this folder")
    parser.add_argument("--reuse", action="store_true", help="reuse the stores in --keep")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args(argv)
    corpus.require_data()
    if args.reuse and not args.keep:
        parser.error("--reuse needs --keep FOLDER")
    info = {**machine(), "load_avg": [os.getloadavg()[0]]}
    print(f"machine: {info}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        half, full = build(folder, args.articles, args.seed, args.reuse)
        work = Path(tmp)
        stores = [
            measure("half", half, args.articles // 2, args.runs, work),
            measure("full", full, args.articles, args.runs, work),
        ]
    info["load_avg"].append(os.getloadavg()[0])
    print(table(stores))
    if args.out:
        data = {
            "machine": info,
            "stores": [
                {
                    **{k: v for k, v in asdict(s).items() if k not in ("queries", "exports")},
                    "queries": {k: _timed(t) for k, t in s.queries.items()},
                    "exports": {k: _timed(t) for k, t in s.exports.items()},
                }
                for s in stores
            ],
        }
        args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


def _timed(t: Timed) -> dict[str, Any]:
    return {**asdict(t), "best_s": t.best, "median_s": t.median}


if __name__ == "__main__":
    sys.exit(main())
