"""CPU time of the work beside the model, stage by stage, with the parse taken out.

    python bench/corpus.py --articles 500 --out /tmp/c500.jsonl
    python bench/stages.py /tmp/c500.jsonl --articles 150 --rounds 3
    python bench/stages.py /tmp/c500.jsonl --profile /tmp/stages.prof   # + cProfile of a round

The first ``--articles`` articles of the corpus are parsed once by kg's model
(``Extractor.parse``) and their Docs kept in memory; then each round runs, per article, the
stages ``kg ingest`` runs after the parse: the rules (``extract_doc``), the RDF mapping
(``to_triples``), the SHACL gate (``ShapesValidator.validate``) and the store write as
``kg ingest`` does it (``EmbeddedStore.write_behind`` of each batch of 64 articles into a
fresh store: the N-Quads text on this thread, the bulk loader in a background thread). Each
stage is timed by ``time.thread_time`` (CPU of the main thread, so the load of a shared
machine inflates it little, and the loader's thread is not counted in the next stage);
``write, other threads`` is the CPU of the rest of the process over the round (the loader,
RocksDB's threads). The best of ``--rounds`` rounds is printed, in ms an article. Caches that
live across articles (lru_cache on terms) are warm after round 1, as in a long ingest.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

# this checkout's kg, not an installed one (an editable install may point at another checkout)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

STAGES = ("rules", "map", "validate", "write")
BATCH = 64  # kg ingest's batch_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus (bench/corpus.py)")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of one more round here")
    args = parser.parse_args()

    from kg.extract import ExtractionFailed, Extractor
    from kg.rdf.iris import graph
    from kg.rdf.mapping import to_triples
    from kg.sources import Problem, read_articles
    from kg.store.embedded import EmbeddedStore
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
        spent = dict.fromkeys([*STAGES, "write, other threads"], 0.0)
        clock = time.thread_time
        work = Path(tempfile.mkdtemp(prefix="kg-stages-"))
        store = EmbeddedStore(work / "store", snapshot_interval=1e9)
        batch: dict[str, object] = {}
        writing: list = []  # the write in the background (kg.store.writes.PendingWrite)
        started = time.process_time(), clock()

        def flush() -> None:
            for pending in writing:
                pending.wait()
            writing.clear()
            if batch and hasattr(store, "write_behind"):
                writing.append(store.write_behind(batch))  # type: ignore[arg-type]
            elif batch:  # before write_behind (0a8451e): the write on this thread
                store.replace_graphs(batch)  # type: ignore[arg-type]
            batch.clear()

        for doc, article in docs:
            t0 = clock()
            extraction = extractor.extract_doc(doc, article)
            t1 = clock()
            triples = to_triples(extraction, model)
            t2 = clock()
            validator.validate(triples)
            t3 = clock()
            batch[str(graph(article.id))] = triples
            if len(batch) >= BATCH:
                flush()
            t4 = clock()
            for stage, took in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                spent[stage] += took
        t = clock()
        flush()
        flush()
        spent["write"] += clock() - t
        process, main = time.process_time() - started[0], clock() - started[1]
        spent["write, other threads"] = process - main
        store.close()
        shutil.rmtree(work, ignore_errors=True)
        return spent

    rounds = [one_round() for _ in range(args.rounds)]
    best = {s: min(r[s] for r in rounds) for s in rounds[0]}
    n = len(docs)
    print(f"{n} articles, best of {args.rounds} rounds, CPU ms an article "
          f"(load average {os.getloadavg()[0]:.2f}):")  # fmt: skip
    print(f"  parse (model, once)  {1000 * parse_cpu / n:7.2f}")
    for stage in best:
        print(f"  {stage:<20} {1000 * best[stage] / n:7.2f}")
    main = sum(best[s] for s in STAGES)
    print(f"  {'total beside model':<20} {1000 * main / n:7.2f} on the main thread, "
          f"{1000 * sum(best.values()) / n:.2f} in all")  # fmt: skip
    gate_and_write = best["validate"] + best["write"]
    everything = gate_and_write + best["write, other threads"]
    print(f"  gate + write: {1000 * gate_and_write / n:.2f} ms on the main thread "
          f"({100 * gate_and_write / parse_cpu:.1f} % of the parse), "
          f"{1000 * everything / n:.2f} ms in all "
          f"({100 * everything / parse_cpu:.1f} %)")  # fmt: skip
    if args.profile is not None:
        profiler = cProfile.Profile()
        profiler.runcall(one_round)
        profiler.dump_stats(str(args.profile))
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
