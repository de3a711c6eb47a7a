"""CPU time of the work beside the model, stage by stage, with the parse taken out.

    python bench/corpus.py --articles 500 --out /tmp/c500.jsonl
    python bench/stages.py /tmp/c500.jsonl --articles 150 --rounds 3
    python bench/stages.py /tmp/c500.jsonl --profile /tmp/stages.prof   # + cProfile of a round

The first ``--articles`` articles of the corpus are parsed once by kg's model
(``Extractor.parse``) and their Docs kept in memory; then each round runs, per article, the
stages ``kg ingest`` runs after the parse: the rules (``extract_doc``), the RDF mapping
(``to_triples``), the SHACL gate (``ShapesValidator.validate``) and the conversion to the
store's terms (``to_ox_triples``, the part of a store write that is kg's Python, not
RocksDB's). Each stage is timed by ``time.process_time`` (CPU of this process, so the load of
a shared machine inflates it little); the best of ``--rounds`` rounds is printed, in ms an
article. Caches that live across articles (lru_cache on terms) are warm after round 1, as in
a long ingest.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

STAGES = ("rules", "map", "validate", "to_ox")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus (bench/corpus.py)")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more round here")
    args = parser.parse_args()

    from kg.extract import ExtractionFailed, Extractor
    from kg.rdf.mapping import to_triples
    from kg.sources import Problem, read_articles
    from kg.store.oxterms import to_ox_triples
    from kg.validate import ShapesValidator

    articles = []
    for item in read_articles([str(args.corpus)]):
        if not isinstance(item, Problem):
            articles.append(item)
        if len(articles) == args.articles:
            break
    extractor = Extractor()
    validator = ShapesValidator()
    t = time.process_time()
    docs = [p for p in extractor.parse(articles) if not isinstance(p, ExtractionFailed)]
    parse_cpu = time.process_time() - t
    model = extractor.model_name

    def one_round() -> dict[str, float]:
        spent = dict.fromkeys(STAGES, 0.0)
        clock = time.process_time
        for doc, article in docs:
            t0 = clock()
            extraction = extractor.extract_doc(doc, article)
            t1 = clock()
            triples = to_triples(extraction, model)
            t2 = clock()
            validator.validate(triples)
            t3 = clock()
            to_ox_triples(triples)
            t4 = clock()
            for stage, took in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                spent[stage] += took
        return spent

    rounds = [one_round() for _ in range(args.rounds)]
    best = {s: min(r[s] for r in rounds) for s in STAGES}
    n = len(docs)
    print(f"{n} articles, best of {args.rounds} rounds, CPU ms an article "
          f"(load average {os.getloadavg()[0]:.2f}):")  # fmt: skip
    print(f"  parse (model, once)  {1000 * parse_cpu / n:7.2f}")
    for stage in STAGES:
        print(f"  {stage:<20} {1000 * best[stage] / n:7.2f}")
    print(f"  {'total beside model':<20} {1000 * sum(best.values()) / n:7.2f}")
    if args.profile is not None:
        profiler = cProfile.Profile()
        profiler.runcall(one_round)
        profiler.dump_stats(str(args.profile))
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
