"""Events told twice: pairs of events of one sentence that may be one happening.

    python bench/twice_told.py --articles 1000               # counts by kind, 3 examples each
    python bench/twice_told.py --articles 1000 --examples 20

ACLED scores the top event of each note, so nothing else sees how many events kg emits for
one happening; users counting events per actor or place in the graph count such twins twice.
This script extracts the bench corpus (bench/corpus.py: ACLED notes grouped into ~350-word
articles, seeded) and counts pairs of events that share a sentence, belong to one family
(ACLED's event type: battles, explosions/remote violence, ...) and do not tell different
happenings: their actors overlap or one names none, their places overlap or one names none,
and their dates are equal or one has none. A pair is not always one happening told twice
("an offensive and a counter-offensive on the same town"), and a happening told twice need
not match (an aim whose place the act names otherwise): read the examples.

Prints the events in such pairs, the pairs by kind (the two sub-event types, in sentence
order), and examples of each kind. Exits with a message, measuring nothing, when
../shared/eval/ (the source of the texts) is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

from kg.model import Event, Extraction
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

FAMILY = {sub: parent for parent, subs in ACLED_EVENT_TYPES.items() for sub in subs}
UNCOUNTED = frozenset({"statement"})  # told by their speakers, not happenings


def family(e: Event) -> str:
    return FAMILY.get(e.event_type, e.event_type)


def compatible(a: Event, b: Event) -> bool:
    """Whether two events of a sentence may tell one happening (see the module doc)."""
    actors_a, actors_b = {*a.agents, *a.targets}, {*b.agents, *b.targets}
    if actors_a and actors_b and not actors_a & actors_b:
        return False
    if a.places and b.places and not set(a.places) & set(b.places):
        return False
    dates = (a.time.date if a.time else None, b.time.date if b.time else None)
    return None in dates or dates[0] == dates[1]


def twins(extraction: Extraction) -> list[tuple[Event, Event]]:
    """The pairs of one sentence, one family and compatible arguments."""
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for e in extraction.events:
        if e.event_type not in UNCOUNTED:
            by_sentence[e.sentence.start].append(e)
    return [
        (a, b)
        for events in by_sentence.values()
        for a, b in combinations(sorted(events, key=lambda e: e.trigger.start), 2)
        if family(a) == family(b) and compatible(a, b)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=3, help="examples shown per kind")
    args = parser.parse_args(argv)
    corpus.require_data()
    from kg.extract import ExtractionFailed, Extractor
    from kg.model import Article

    docs = [
        Article(a["id"], a["text"], published=dt.date.fromisoformat(a["published"]))
        for a in corpus.articles(args.articles, seed=args.seed)
    ]
    events = 0
    twice: set[tuple[str, str]] = set()
    kinds: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    for extraction in Extractor().extract(docs):
        if isinstance(extraction, ExtractionFailed):
            continue
        events += sum(e.event_type not in UNCOUNTED for e in extraction.events)
        for a, b in twins(extraction):
            kind = (a.event_type, b.event_type)
            kinds[kind] += 1
            twice |= {(extraction.article.id, a.key), (extraction.article.id, b.key)}
            if len(examples[kind]) < args.examples:
                examples[kind].append(_example(a, b))
    print(f"events: {events}; in a pair of one sentence and family: {len(twice)}; "
          f"pairs: {sum(kinds.values())}")  # fmt: skip
    for kind, n in kinds.most_common():
        print(f"\n{n:5d}  {kind[0]} + {kind[1]}")
        for line in examples[kind]:
            print(f"       {line}")
    return 0


def _example(a: Event, b: Event) -> str:
    def told(e: Event) -> str:
        return f"[{e.trigger.text}] {list(e.agents)}>{list(e.targets)} @{list(e.places)[:2]}"

    sentence = " ".join(a.sentence.text.split())
    return f"{told(a)} | {told(b)} || {sentence[:300]}"


if __name__ == "__main__":
    sys.exit(main())
