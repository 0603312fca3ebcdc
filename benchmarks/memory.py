"""Memory: peak RSS of ``graphbuild extract`` on the corpus vs on the corpus repeated 5 times.

    python -m benchmarks.memory [--corpus PATH] [--limit N] [--times 5] [--workers N]

Both runs extract to a file with no cache; the process and its workers are sampled every 50 ms.
The target (the ratio must stay <= 1.2: triples stream to disk) is checked on the peak of their
summed proportional set size (PSS), the memory the tree really occupies; the summed resident
set (RSS) is printed too, but it counts the model pages that forked workers share with their
parent once per process. Skips with a message when the corpus is absent.
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
    peaks: dict[str, tuple[int, int]] = {}
    for label, path in (("x1", once), (f"x{args.times}", many)):
        result = run([*GRAPHBUILD, "extract", str(path), "-o", str(args.work / f"memory-{label}.jsonl"), "-q",
                      "--no-cache", "--workers", str(args.workers), "--batch-size", str(args.batch_size)])
        check(result, "graphbuild extract")
        peaks[label] = (result.peak_pss or result.peak_rss, result.peak_rss)
        print(f"corpus {label}: {result.seconds:.1f} s, peak PSS {result.peak_pss / 2**20:,.0f} MiB, "
              f"peak RSS {result.peak_rss / 2**20:,.0f} MiB", flush=True)
    many_label = f"x{args.times}"
    ratio = peaks[many_label][0] / peaks["x1"][0]
    rss_ratio = peaks[many_label][1] / peaks["x1"][1]
    print(f"memory: summed RSS x{args.times} / x1 = {rss_ratio:.3f} (shared pages counted per process)")
    print(f"memory: peak PSS x{args.times} / x1 = {ratio:.3f} {verdict(ratio, 1.2, at_least=False)}")
    save("memory", {"workers": args.workers, "times": args.times,
                    "peak_pss_mib": {k: round(v[0] / 2**20) for k, v in peaks.items()},
                    "peak_rss_mib": {k: round(v[1] / 2**20) for k, v in peaks.items()},
                    "ratio": round(ratio, 3), "rss_ratio": round(rss_ratio, 3)}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
