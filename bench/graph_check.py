"""Does the graph of a bench corpus make sense? Checks the figures of ACLED and re3d do not see.

    python bench/graph_check.py --articles 1000
    python bench/graph_check.py --articles 1000 --keep /tmp/kg-graph-check   # keep the store

The ACLED and re3d evaluations score extractions one note or one document at a time and never
map them to RDF; users read the graph of many articles together. This script ingests a corpus
of bench articles (bench/corpus.py: ACLED notes grouped into ~350-word articles, seeded) into a
fresh store with ``kg ingest`` and reports:

* articles quarantined (an extraction whose records do not fit together, a graph the shapes
  refuse): there should be none;
* relations of an actor with itself (``kg:fightsAgainst`` / ``kg:alliedWith``): none;
* Person actors whose label is a province's name somewhere (``kg.geo.admin1``: "Al Hudaydah",
  "Balkh"): places the model read as people;
* the actors with the most aliases (``skos:altLabel``): a generic actor that gathers every
  noun phrase shows here.

Exits 1 when an article was quarantined or an actor is related to itself, else 0. Exits with
a message, measuring nothing, when ../shared/eval/ (the source of the texts) is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus
from perf import check, parse_summary, run

SELF_RELATED = """SELECT (COUNT(*) AS ?n) WHERE {
  GRAPH ?g { ?a ?p ?a FILTER (?p IN (kg:fightsAgainst, kg:alliedWith)) } }"""
PERSONS = """SELECT ?label (COUNT(DISTINCT ?g) AS ?articles) WHERE {
  GRAPH ?g { ?a sem:actorType kgat:person ; rdfs:label ?label } } GROUP BY ?label"""
ALIASES = """SELECT ?label (COUNT(DISTINCT ?alias) AS ?n) WHERE {
  GRAPH ?g { ?a skos:altLabel ?alias ; rdfs:label ?label } }
  GROUP BY ?label ORDER BY DESC(?n) ?label LIMIT 5"""


@dataclass(frozen=True)
class Figures:
    self_related: int  # relations of an actor with itself
    provinces: list[tuple[str, int]]  # Person actors named like a province, with their articles
    aliases: list[tuple[str, int]]  # the actors with the most aliases, with how many


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the corpus and store in this folder")
    args = parser.parse_args(argv)
    corpus.require_data()
    with tempfile.TemporaryDirectory(prefix="kg-graph-check-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"corpus-{args.articles}.jsonl"
        corpus.write(args.articles, path, args.seed)
        store = folder / f"store-{args.articles}"
        print(f"kg ingest {path} --store {store} ...", file=sys.stderr)
        ingest = check(run(["-m", "kg", "ingest", str(path), "--store", str(store)]), "ingest")
        summary = parse_summary(ingest.stderr)
        report = figures(store)
    quarantined = summary["quarantined"]
    lines = [
        f"articles: {summary['read']} read, {summary['loaded']} loaded, {quarantined} quarantined",
        f"relations of an actor with itself: {report.self_related}",
        f"Person actors named like a province: {len(report.provinces)} "
        + ", ".join(f"{label} ({n})" for label, n in report.provinces[:15]),
        "actors with the most aliases: "
        + ", ".join(f"{label} ({n})" for label, n in report.aliases),
    ]
    print("\n".join(lines))
    return 1 if quarantined or report.self_related else 0


def figures(store: Path) -> Figures:
    """The store's answers to the checks, read in this process (no spaCy: the store and the
    province names only)."""
    from kg.geo.admin1 import names_division
    from kg.query import rows_as_text
    from kg.query import run as query
    from kg.store import open_store

    with open_store(str(store), read_only=True) as db:
        self_related = int(rows_as_text(query(db, SELF_RELATED).rows)[0][0])
        persons = [(label, int(n)) for label, n in rows_as_text(query(db, PERSONS).rows)]
        aliases = [(label, int(n)) for label, n in rows_as_text(query(db, ALIASES).rows)]
    provinces = sorted(
        ((label, n) for label, n in persons if names_division(label)), key=lambda x: (-x[1], x[0])
    )
    return Figures(self_related, provinces, aliases)


if __name__ == "__main__":
    sys.exit(main())
