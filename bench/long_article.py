"""Do the rules cost the same per word in a long article as in a short one?

    python bench/long_article.py                 # articles of 1, 4, 16 and 64 bench articles
    python bench/long_article.py --sizes 1 8 32 --rounds 3

Issue 6 asks that cost grow linearly with the corpus; within one article, a rule that scans
the whole text (or every mention) for each event, place or sentence grows with the square of
the article's length, which a corpus of ~350-word articles hides and a 20,000-word report
shows. This script joins N bench articles (bench/corpus.py, seed 1) into one text, parses it
once, and times kg's rules on it (``Extractor.extract_doc``, CPU seconds, best of
``--rounds``, after one warm-up article), printing the rules' milliseconds per token at each
size and the ratio to the smallest size: near 1 is linear; a ratio growing with the size is
a quadratic term. Exits with a message, measuring nothing, when ../shared/eval/ (the source
of the texts) is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    corpus.require_data()
    from kg.extract import Extractor
    from kg.model import Article

    texts = [a["text"] for a in corpus.articles(max(args.sizes) + 1, seed=1)]
    extractor = Extractor()
    extractor.extract_one(Article("warm-up", texts[-1]))
    print("| articles joined | tokens | rules CPU s | ms per token | per token / smallest |")
    print("|---:|---:|---:|---:|---:|")
    smallest: float | None = None
    for size in args.sizes:
        text = "\n\n".join(texts[:size])
        doc = extractor.nlp(text)
        best = float("inf")
        for _ in range(args.rounds):
            doc.user_data.clear()  # the columns and memos the rules keep with the Doc
            start = time.process_time()
            extractor.extract_doc(doc, Article(f"long-{size}", text))
            best = min(best, time.process_time() - start)
        per_token = best / len(doc) * 1000
        smallest = smallest or per_token
        print(
            f"| {size} | {len(doc):,} | {best:.2f} | {per_token:.3f} | {per_token / smallest:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
