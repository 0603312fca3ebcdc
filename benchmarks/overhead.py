"""Extraction overhead: words/s of bare spaCy ``nlp.pipe`` vs graphbuild's extraction, side by side.

    python benchmarks/overhead.py [--corpus PATH] [--limit N] [--workers N] [--rounds R]

Both sides use the same model (with the same components disabled), batch size, processes and
texts, and run alternately for R rounds so that a noisy machine affects both alike; the ratio is
taken from the best round of each. Target: graphbuild ≥ 0.90 of bare spaCy. Skips with a message
when the corpus (the BBC corpus beside the checkout by default) is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from graphbuild.extract import Extractor
from graphbuild.io import clean_text
from graphbuild.model import Article, ArticleResult
from graphbuild.nlp import DEFAULT_MODEL, NEEDED_COMPONENTS, load_model
from graphbuild.pipeline import extract_articles

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc-news-2004-2005.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines with id and text")
    parser.add_argument("--limit", type=int, default=0, help="use the first N articles (0: all)")
    parser.add_argument("--workers", type=int, default=1, help="processes on both sides")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: corpus {args.corpus} not found (pass --corpus)")
        return 0

    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    articles = [Article(id=str(r["id"]), text=clean_text(r["text"])) for r in rows]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model(args.model)
    extractor = Extractor()
    print(f"{len(texts)} articles, {words} words; model {args.model}; components {', '.join(nlp.pipe_names)} "
          f"(disabled: anything but {', '.join(NEEDED_COMPONENTS)}); batch {args.batch_size}; "
          f"workers {args.workers}")
    best_bare = best_full = float("inf")
    triples = 0
    for round_number in range(1, args.rounds + 1):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
            pass
        bare = time.perf_counter() - started
        started = time.perf_counter()
        triples = sum(len(r.triples) for r in extract_articles(articles, nlp=nlp, extractor=extractor,
                                                               batch_size=args.batch_size, workers=args.workers)
                      if isinstance(r, ArticleResult))
        full = time.perf_counter() - started
        best_bare, best_full = min(best_bare, bare), min(best_full, full)
        print(f"round {round_number}: bare spaCy {words / bare:,.0f} words/s ({bare:.1f} s); "
              f"graphbuild {words / full:,.0f} words/s ({full:.1f} s); ratio {bare / full:.3f}")
    ratio = best_bare / best_full
    print(f"best: bare {words / best_bare:,.0f} words/s, graphbuild {words / best_full:,.0f} words/s, "
          f"{triples} triples; ratio {ratio:.3f} (target >= 0.90: {'met' if ratio >= 0.90 else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
