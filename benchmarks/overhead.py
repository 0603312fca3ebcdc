"""Extraction overhead and cores: bare spaCy ``nlp.pipe`` vs ``graphbuild extract``, on 1 and N processes.

    python -m benchmarks.overhead [--corpus PATH] [--limit N] [--workers 1,2] [--rounds R]

For each process count, bare spaCy (the same model with the same components disabled, batch
size and processes, on the same cleaned texts) and graphbuild's extraction (reading and
cleaning the file, parsing, extracting, writing triples.jsonl; no cache) run alternately for R
rounds, so a noisy machine affects both alike; the best round of each counts. Prints words/s,
the overhead ratio (target: graphbuild >= 0.90 of bare spaCy) and, from the same run, the
speed-up of graphbuild on the most processes over one (target >= 1.7 on 2 cores).
Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import corpus_missing, corpus_slice, parser, save, verdict
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import NEEDED_COMPONENTS, OWN_COMPONENTS, load_model
from graphbuild.io import read_articles
from graphbuild.model import Article
from graphbuild.pipeline import extract_to_file


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--workers", default="1,2", help="process counts to compare, comma-separated")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--rounds", type=int, default=1)
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    path = corpus_slice(args.corpus, args.limit, args.work) if args.limit else args.corpus
    articles = [a for a in read_articles([path]) if isinstance(a, Article)]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = load_model(args.model)
    disabled = [name for name in nlp.component_names if name not in nlp.pipe_names]
    print(f"{len(texts)} articles, {words:,} words; model {args.model}; running {', '.join(nlp.pipe_names)}; "
          f"disabled {', '.join(disabled) or 'none'} (the extractor needs only {', '.join(NEEDED_COMPONENTS)}); "
          f"batch {args.batch_size}")
    counts = [int(w) for w in args.workers.split(",")]
    best: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in counts:
            for round_number in range(1, args.rounds + 1):
                started = time.perf_counter()
                with nlp.select_pipes(disable=[n for n in OWN_COMPONENTS if n in nlp.pipe_names]):
                    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=workers):
                        pass  # bare spaCy: the model's own components only
                bare = time.perf_counter() - started
                started = time.perf_counter()
                report = extract_to_file([path], Path(tmp) / "triples.jsonl", model=args.model,
                                         nlp=nlp, extractor=Extractor(),
                                         batch_size=args.batch_size, workers=workers)
                full = time.perf_counter() - started
                best[("bare", workers)] = min(best.get(("bare", workers), bare), bare)
                best[("graphbuild", workers)] = min(best.get(("graphbuild", workers), full), full)
                print(f"{workers} process(es), round {round_number}: bare spaCy {words / bare:,.0f} words/s "
                      f"({bare:.1f} s); graphbuild {words / full:,.0f} words/s ({full:.1f} s), "
                      f"{report.triples} triples; ratio {bare / full:.3f}", flush=True)
    figures: dict[str, object] = {"articles": len(texts), "words": words, "model": args.model}
    for workers in counts:
        bare, full = best[("bare", workers)], best[("graphbuild", workers)]
        ratio = bare / full
        figures[f"workers_{workers}"] = {"bare_words_per_s": round(words / bare), "bare_s": round(bare, 1),
                                         "graphbuild_words_per_s": round(words / full),
                                         "graphbuild_s": round(full, 1), "ratio": round(ratio, 3)}
        print(f"overhead, {workers} process(es): bare {words / bare:,.0f} words/s, graphbuild "
              f"{words / full:,.0f} words/s; ratio {ratio:.3f} {verdict(ratio, 0.90)}")
    if len(counts) > 1:
        low, high = min(counts), max(counts)
        speedup = best[("graphbuild", low)] / best[("graphbuild", high)]
        bare_speedup = best[("bare", low)] / best[("bare", high)]
        figures["speedup"] = {"graphbuild": round(speedup, 2), "bare": round(bare_speedup, 2), "from": low, "to": high}
        print(f"cores: graphbuild --workers {high} vs --workers {low}: {speedup:.2f}x "
              f"(bare spaCy {bare_speedup:.2f}x) {verdict(speedup, 1.7)}")
    save("overhead", figures, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
