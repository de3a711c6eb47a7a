"""One hash of what the rules extract from a fixed set of texts: for refactors that must not
change behaviour (a module split, a speed-up).

    python bench/extraction_hash.py            # prints: <sha256> <texts> (and failures on stderr)

The texts: the first 120 articles of the bench corpus (bench/corpus.py, 1,000 articles, seed 1;
several ACLED notes each, with a publication date) and every tenth ACLED note up to 500. The
hash covers each extraction's events, actors and places (their ``repr``, in order), or a
failed one's reason. Run it
before and after a change on the same machine and model: equal hashes, identical records.
Exits with a message, measuring nothing, when ../shared/eval/ (the source of the texts) is
absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus

ARTICLES = 120
NOTES = 500


def texts() -> list[tuple[str, str, dt.date | None]]:
    """(id, text, published) of the articles and notes hashed."""
    out: list[tuple[str, str, dt.date | None]] = [
        (a["id"], a["text"], dt.date.fromisoformat(a["published"]))
        for a in corpus.articles(1000, seed=1)[:ARTICLES]
    ]
    notes: list[str] = []
    with corpus.require_data().open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i % 10 == 0:
                notes.append(row["notes"])
            if len(notes) >= NOTES:
                break
    out += [(f"n{i}", text, None) for i, text in enumerate(notes)]
    return out


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    corpus.require_data()
    from kg.extract import ExtractionFailed, Extractor
    from kg.model import Article

    docs = [Article(i, text, published=published) for i, text, published in texts()]
    digest = hashlib.sha256()
    failed = 0
    for extraction in Extractor().extract(docs):
        if isinstance(extraction, ExtractionFailed):  # a failure is behaviour too
            digest.update(f"failed {extraction.article.id}: {extraction.reason}".encode())
            failed += 1
        else:
            digest.update(repr((extraction.events, extraction.actors, extraction.places)).encode())
    print(digest.hexdigest(), len(docs))
    if failed:  # a refactor that raises shows here, not only as another hash
        print(f"{failed} of {len(docs)} extractions failed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
