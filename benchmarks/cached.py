"""A build served wholly from the cache into a new directory, against the cold build of the same articles.

    python -m benchmarks.cached [--corpus PATH] [--limit 150] [--workers N] [--rounds R]

For R rounds: ``graphbuild build`` of the first ``--limit`` articles with a new, empty cache into a
new directory (cold), then the same build with that cache into another new directory (every
article and the explorer's layout come from the cache; every file is written). Every output is
written, the explorer page included. The best round of each counts; the spread is printed.
Target: the cached build >= 10x faster than the cold one. Skips when the corpus is absent.
"""

from __future__ import annotations

import re
import shutil
import sys

from benchmarks.common import GRAPHBUILD, check, corpus_missing, corpus_slice, parser, run, save, verdict
from graphbuild.executors import available_cores


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.set_defaults(limit=150)
    p.add_argument("--workers", type=int, default=available_cores())
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    path = corpus_slice(args.corpus, args.limit, args.work, name="cached")
    cache = args.work / "cached-cache"
    times: dict[str, list[float]] = {"cold": [], "cached": []}
    for round_number in range(1, args.rounds + 1):
        shutil.rmtree(cache, ignore_errors=True)
        for label in times:
            out = args.work / f"cached-out-{label}"
            shutil.rmtree(out, ignore_errors=True)
            result = run([*GRAPHBUILD, "build", str(path), "-o", str(out), "--cache-dir", str(cache),
                          "--workers", str(args.workers), "--model", args.model])
            check(result, f"graphbuild build ({label})")
            said = " ".join(result.stderr.split())
            found = re.search(r"\((\d+) from the cache, (\d+) extracted\)", said)
            if label == "cached" and (found is None or found.group(2) != "0"):
                raise SystemExit(f"the cached build extracted articles: {said[-500:]}")
            if not (out / "explorer.html").exists():
                raise SystemExit(f"no explorer page written by the {label} build")
            times[label].append(result.seconds)
        print(f"round {round_number}: cold {times['cold'][-1]:.2f} s, from the cache {times['cached'][-1]:.2f} s",
              flush=True)
    ratio = min(times["cold"]) / min(times["cached"])
    spread = {k: f"{min(v):.2f}-{max(v):.2f} s" for k, v in times.items()}
    print(f"{args.limit} articles, {args.workers} workers, every output with the explorer: cold "
          f"{spread['cold']}, from the cache {spread['cached']}; {ratio:.1f}x faster {verdict(ratio, 10)}")
    save("cached", {"articles": args.limit, "workers": args.workers, "rounds": args.rounds,
                    "cold_s": [round(t, 2) for t in times["cold"]],
                    "cached_s": [round(t, 2) for t in times["cached"]], "ratio": round(ratio, 1)}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
