"""One very long article: ``graphbuild extract`` on a single article of N words vs on the corpus.

    python -m benchmarks.long [--corpus PATH] [--words 2000000] [--workers N]

The article is the corpus's texts joined by blank lines (repeated until it has N words), as when a
user pastes a dump into one JSON line. Both runs extract to a file with no cache, on the same
processes; each process tree's memory is sampled every 50 ms. Targets: the long article goes at
>= 0.8x the corpus's words/s, and its peak memory (summed PSS) stays <= 2 GiB.
Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import json
import sys

from benchmarks.common import GRAPHBUILD, check, corpus_missing, parser, run, save, verdict
from graphbuild.executors import available_cores


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--words", type=int, default=2_000_000)
    p.add_argument("--workers", type=int, default=available_cores())
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    texts = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus_words = sum(len(t.split()) for t in texts)
    parts, words = [], 0
    while words < args.words:
        for text in texts:
            parts.append(text)
            words += len(text.split())
            if words >= args.words:
                break
    args.work.mkdir(parents=True, exist_ok=True)
    long_path = args.work / f"long-{args.words}.jsonl"
    long_path.write_text(json.dumps({"id": "long", "text": "\n\n".join(parts)}) + "\n", encoding="utf-8")
    print(f"one article of {words:,} words ({long_path.stat().st_size / 2**20:.1f} MiB) vs the corpus "
          f"({len(texts):,} articles, {corpus_words:,} words); {args.workers} workers", flush=True)
    rates, peaks = {}, {}
    for label, path, count in (("corpus", args.corpus, corpus_words), ("long", long_path, words)):
        result = run([*GRAPHBUILD, "extract", str(path), "-o", str(args.work / f"long-{label}.jsonl"), "-q",
                      "--no-cache", "--workers", str(args.workers)])
        check(result, "graphbuild extract")
        rates[label], peaks[label] = count / result.seconds, result.peak_pss or result.peak_rss
        print(f"{label}: {result.seconds:.1f} s, {rates[label]:,.0f} words/s, peak PSS "
              f"{result.peak_pss / 2**20:,.0f} MiB", flush=True)
    ratio = rates["long"] / rates["corpus"]
    peak_gib = peaks["long"] / 2**30
    print(f"long article: {ratio:.3f} of the corpus's words/s {verdict(ratio, 0.8)}; "
          f"peak {peak_gib:.2f} GiB {verdict(peak_gib, 2.0, at_least=False)}")
    save("long", {"words": words, "workers": args.workers, "corpus_words_per_s": round(rates["corpus"]),
                  "long_words_per_s": round(rates["long"]), "ratio": round(ratio, 3),
                  "corpus_pss_mib": round(peaks["corpus"] / 2**20), "long_pss_mib": round(peaks["long"] / 2**20)},
         args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
