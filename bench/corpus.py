"""Article-sized texts for the speed benchmark, built at run time from ../shared/eval/.

    python bench/corpus.py --articles 500 --out /tmp/corpus-500.jsonl

Each article is a JSON line ``{"id", "text", "published"}``: the ``notes`` of 10 to 12 ACLED
events of one country (acled/dev/acled_dev.csv), one note a paragraph, about 300-400 words,
published on the latest of their event dates. ACLED notes are coders' summaries of news
reports, the kind of English kg is built for. Notes whose commas the source repository
stripped (``text_caveat``) are left out, so the parser sees ordinary punctuation.

The dev file holds about 9,000 such distinct notes (~300,000 words), enough for ~800 distinct
articles; a larger corpus draws the notes again in other groupings, so its articles are
distinct texts (distinct ids and content) that share sentences. The draw is seeded: the same
arguments give the same corpus, byte for byte. ACLED's terms forbid redistributing its data:
the corpus is written to a temporary path, never into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "eval"
ACLED = SHARED / "acled" / "dev" / "acled_dev.csv"

NOTES_PER_ARTICLE = (10, 12)  # ~32 words a note: 320-390 words an article


@dataclass(frozen=True, slots=True)
class Note:
    country: str
    date: str
    text: str


class MissingData(SystemExit):
    """The shared evaluation data is not there: the benchmark cannot run."""


def require_data(path: Path = ACLED) -> Path:
    if not path.is_file():
        raise MissingData(
            f"bench: {path} not found; the benchmark builds its articles from the shared "
            "evaluation data (../shared/eval/ beside the repository); nothing was measured"
        )
    return path


def read_notes(path: Path = ACLED) -> list[Note]:
    """Distinct notes with ordinary punctuation, in file order."""
    seen: set[str] = set()
    notes = []
    with require_data(path).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = " ".join(row["notes"].split())
            if not text or row["text_caveat"] or text in seen:
                continue
            seen.add(text)
            notes.append(Note(row["country"], row["event_date"], text))
    return notes


def articles(count: int, seed: int = 1, path: Path = ACLED) -> list[dict[str, str]]:
    """``count`` articles, each a few notes of one country (see the module doc)."""
    rng = random.Random(seed)
    by_country: dict[str, list[Note]] = defaultdict(list)
    for note in read_notes(path):
        by_country[note.country].append(note)
    countries = sorted(c for c, notes in by_country.items() if len(notes) >= NOTES_PER_ARTICLE[1])
    weights = [len(by_country[c]) for c in countries]
    pools: dict[str, list[Note]] = {}
    out = []
    for n in range(count):
        country = rng.choices(countries, weights)[0]
        size = rng.randint(*NOTES_PER_ARTICLE)
        pool = pools.get(country)
        if pool is None or len(pool) < size:  # a fresh shuffle once a country's notes run out
            pool = pools[country] = rng.sample(by_country[country], len(by_country[country]))
        picked, pools[country] = pool[:size], pool[size:]
        out.append(
            {
                "id": f"bench-{seed}-{n:05d}",
                "text": "\n\n".join(note.text for note in picked) + "\n",
                "published": max(note.date for note in picked),
            }
        )
    return out


def write(count: int, out: Path, seed: int = 1) -> tuple[int, int]:
    """Write the corpus as JSON Lines; returns (articles, words)."""
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for article in articles(count, seed):
            words += len(article["text"].split())
            f.write(json.dumps(article, ensure_ascii=False) + "\n")
    return count, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="a .jsonl path outside the repo")
    args = parser.parse_args(argv)
    n, words = write(args.articles, args.out, args.seed)
    print(
        f"{n} articles, {words} words ({words / n:.0f} an article) in {args.out}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
