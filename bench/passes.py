"""The rules' passes, each timed in CPU seconds over the same parsed articles.

    python bench/passes.py                      # first 250 bench articles, 3 timed runs
    python bench/passes.py --articles 100 --runs 1 --docs /tmp/docs-100.spacy

The articles (bench/corpus.py, 1,000 articles, seed 1; the first ``--articles``) are parsed
once and kept as a DocBin (``--docs``; reused when it is there), so the rules alone are timed.
One untimed pass fills the per-process caches (and each Doc's ``user_data``: the token
columns and memos of kg/extract/columns.py stay for the timed runs, unless ``--plain --cold``
puts back what the parse left); then each run extracts every Doc again with
each pass wrapped in a timer (``time.thread_time``: CPU seconds of this thread). A pass is a
function or method the extractor, ``EventFinder.find`` / ``_sentence`` or ``MentionFinder.find``
call by name: its time includes what it calls (a pass inside another counts in both; a
recursive call counts once). The table gives each pass's minimum over the runs, its share of
``extract_doc`` and its calls per run. Timers cost ~1 us a call: passes called per token are
not wrapped. Without ../shared/eval/ it stops with a message and measures nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import importlib
import sys
import time
import types
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

# modules whose calls by name are passes (their globals are wrapped, where they are kg's)
CALLERS = ("kg.extract", "kg.extract.events", "kg.extract.mentions")
# classes whose methods are passes, called through an attribute (self.arguments.fill)
METHODS = {
    "kg.extract": ("Extractor",),
    "kg.extract.events": ("EventFinder",),
    "kg.extract.mentions": ("MentionFinder",),
    "kg.extract.arguments": ("Arguments",),
    "kg.extract.classify": ("Classifier",),
    "kg.extract.figures": ("Figures",),
    "kg.extract.modality": ("Modality",),
    "kg.extract.hits": ("Hits",),
    "kg.extract.happenings": ("Happenings",),
    "kg.extract.states": ("StateFinder",),
    "kg.extract.entities": ("NamedEntities",),
    "kg.extract.generic": ("GenericActors",),
    "kg.extract.main_country": ("CountryVotes",),
    "kg.extract.war_regions": ("WarRegions",),
    "kg.extract.references": ("References",),
    "kg.extract.refuge": ("Refuges",),
    "kg.extract.place_names": ("PlaceNames",),
    "kg.extract.unit_names": ("UnitNames",),
    "kg.extract.phrases": ("NounPhrases",),
    "kg.extract.trigger_matcher": ("TriggerMatcher",),
    "kg.extract.split_triggers": ("SplitTriggers",),
    "kg.extract.found": ("Mentions",),
    "kg.geo.geocode": ("Geocoder",),
}
# called per token or per candidate: a timer would cost more than they do
SKIP = frozenset({"Mentions.at", "Mentions.at_key", "Mentions.acting_at"})


class Timers:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.depth: dict[str, int] = defaultdict(int)

    def wrap(self, label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        seconds, calls, depth, clock = self.seconds, self.calls, self.depth, time.thread_time

        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            calls[label] += 1
            if depth[label]:
                return fn(*args, **kwargs)
            depth[label] += 1
            start = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                seconds[label] += clock() - start
                depth[label] -= 1

        return timed

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()


def install(timers: Timers) -> None:
    """Wrap the passes in place (for this process only)."""
    for name in CALLERS:
        module = importlib.import_module(name)
        short = name.removeprefix("kg.extract").lstrip(".") or "extract"
        for attr, value in list(vars(module).items()):
            if (
                isinstance(value, types.FunctionType)
                and value.__module__.startswith("kg.")
                and attr not in ("build_parser",)
            ):
                setattr(module, attr, timers.wrap(f"{short}: {attr}", value))
    for name, classes in METHODS.items():
        module = importlib.import_module(name)
        for cls_name in classes:
            cls = getattr(module, cls_name)
            for attr, value in list(vars(cls).items()):
                label = f"{cls_name}.{attr}"
                if (
                    isinstance(value, types.FunctionType)
                    and (not attr.startswith("__") or attr == "__call__")
                    and label not in SKIP
                ):
                    setattr(cls, attr, timers.wrap(label, value))


def parsed(path: Path, count: int) -> tuple[Any, list[tuple[Any, Any]]]:
    """The extractor and (Doc, Article) of the first ``count`` bench articles, parsed once
    into ``path``."""
    from spacy.tokens import DocBin

    from kg.extract import Extractor
    from kg.model import Article

    arts = [
        Article(a["id"], a["text"], published=dt.date.fromisoformat(a["published"]))
        for a in corpus.articles(1000, seed=1)[:count]
    ]
    extractor = Extractor()
    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(extractor.nlp.vocab))
        if len(docs) == len(arts) and all(
            d.text == a.text for d, a in zip(docs, arts, strict=True)
        ):
            return extractor, list(zip(docs, arts, strict=True))
    docs = list(extractor.nlp.pipe((a.text for a in arts), batch_size=extractor.batch_size))
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    # a Doc read back holds the same annotations as the parse (bench/extraction_hash.py's)
    docs = list(DocBin().from_disk(path).get_docs(extractor.nlp.vocab))
    return extractor, list(zip(docs, arts, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=250)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--docs", type=Path, default=None, help="the DocBin (built if absent)")
    parser.add_argument("--top", type=int, default=60, help="rows shown")
    parser.add_argument("--plain", action="store_true", help="time extract_doc only, no passes")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --plain: each Doc's user_data as parsed before each extraction (its token "
        "columns and memos made again, as ingest makes them for each Doc it extracts once)",
    )
    args = parser.parse_args(argv)
    corpus.require_data()
    docs_path = args.docs or Path(f"/tmp/kg-passes-{args.articles}.spacy")
    extractor, pairs = parsed(docs_path, args.articles)
    as_parsed = [dict(doc.user_data) for doc, _ in pairs]
    for doc, article in pairs:  # untimed: the per-process caches
        extractor.extract_doc(doc, article)
    if args.plain:  # the rules' total alone, with no timer around any pass
        runs = []
        for _ in range(args.runs):
            spent = 0.0
            for (doc, article), data in zip(pairs, as_parsed, strict=True):
                if args.cold:  # untimed: what the Doc held before its first extraction
                    doc.user_data.clear()
                    doc.user_data.update(data)
                start = time.thread_time()
                extractor.extract_doc(doc, article)
                spent += time.thread_time() - start
            runs.append(spent)
        print(f"{len(pairs)} articles: extract_doc " + ", ".join(f"{s:.3f}" for s in runs)
              + f" s CPU (min {min(runs):.3f})")  # fmt: skip
        return 0
    timers = Timers()
    install(timers)
    best: dict[str, float] = {}
    calls: dict[str, int] = {}
    for _ in range(args.runs):
        timers.reset()
        for doc, article in pairs:
            extractor.extract_doc(doc, article)
        for label, seconds in timers.seconds.items():
            best[label] = min(best.get(label, seconds), seconds)
        calls = dict(timers.calls)
    total = best.get("Extractor.extract_doc", 0.0)
    print(f"{len(pairs)} articles, min of {args.runs} runs; extract_doc {total:.3f} s CPU\n")
    print("| pass | s | % of extract_doc | calls |\n|---|---:|---:|---:|")
    for label, seconds in sorted(best.items(), key=lambda kv: -kv[1])[: args.top]:
        share = 100 * seconds / total if total else 0.0
        print(f"| {label} | {seconds:.3f} | {share:.1f} | {calls.get(label, 0)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
