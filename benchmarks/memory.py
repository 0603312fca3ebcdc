"""Memory: peak RSS of ``graphbuild extract`` on the corpus vs on the corpus repeated 5 times.

    python -m benchmarks.memory [--corpus PATH] [--limit N] [--times 5] [--workers N]

Both runs extract to a file with no cache; the peak is the summed resident memory of the
process and its workers, sampled every 50 ms. Triples stream to disk, so the ratio must stay
<= 1.2. Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import sys

from benchmarks.common import GRAPHBUILD, check, corpus_missing, corpus_slice, parser, run, save, verdict
from graphbuild.executors import available_cores


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--times", type=int, default=5)
    p.add_argument("--workers", type=int, default=available_cores())
    p.add_argument("--batch-size", type=int, default=32)
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    once = corpus_slice(args.corpus, args.limit, args.work, name="memory")
    many = corpus_slice(args.corpus, args.limit, args.work, repeat=args.times, name="memory")
    peaks = {}
    for label, path in (("x1", once), (f"x{args.times}", many)):
        result = run([*GRAPHBUILD, "extract", str(path), "-o", str(args.work / f"memory-{label}.jsonl"), "-q",
                      "--no-cache", "--workers", str(args.workers), "--batch-size", str(args.batch_size)])
        check(result, "graphbuild extract")
        peaks[label] = result.peak_rss
        print(f"corpus {label}: {result.seconds:.1f} s, peak RSS {result.peak_rss / 2**20:,.0f} MiB", flush=True)
    ratio = peaks[f"x{args.times}"] / peaks["x1"]
    print(f"memory: peak RSS x{args.times} / x1 = {ratio:.3f} {verdict(ratio, 1.2, at_least=False)}")
    save("memory", {"workers": args.workers, "times": args.times,
                    "peak_mib": {k: round(v / 2**20) for k, v in peaks.items()}, "ratio": round(ratio, 3)}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
