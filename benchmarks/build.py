"""The whole build against the parse: ``graphbuild build`` from an empty cache vs bare spaCy, time and memory.

    python -m benchmarks.build [--corpus PATH] [--limit N] [--workers 2] [--rounds R]

Alternately for R rounds, each a process of its own on the same texts with the same model,
components, batch size and processes: bare spaCy ``nlp.pipe(n_process=N)`` (``benchmarks.bare``),
and ``graphbuild build --workers N`` into a new directory with a new, empty cache, writing every
output (triples, articles, GraphML, GEXF, JSON, CSV, the explorer page, the manifest). The best
round of each counts for time; memory is the peak summed PSS of each process tree, sampled every
50 ms, the highest round of each. Targets: build time <= 1.15x the parse, peak memory <= 1.2x.
Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import shutil
import sys

from benchmarks.common import GRAPHBUILD, check, corpus_missing, corpus_slice, parser, run, save, verdict
from graphbuild.executors import available_cores


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--workers", type=int, default=available_cores())
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--rounds", type=int, default=2)
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    path = corpus_slice(args.corpus, args.limit, args.work) if args.limit else args.corpus
    times: dict[str, list[float]] = {"bare": [], "build": []}
    memory: dict[str, list[int]] = {"bare": [], "build": []}
    for round_number in range(1, args.rounds + 1):
        bare = run([sys.executable, "-m", "benchmarks.bare", str(path), "--workers", str(args.workers),
                    "--batch-size", str(args.batch_size), "--model", args.model])
        check(bare, "bare spaCy")
        out, cache = args.work / "build-out", args.work / "build-cache"
        for folder in (out, cache):
            shutil.rmtree(folder, ignore_errors=True)
        build = run([*GRAPHBUILD, "build", str(path), "-o", str(out), "--cache-dir", str(cache), "-q",
                     "--workers", str(args.workers), "--batch-size", str(args.batch_size), "--model", args.model])
        check(build, "graphbuild build")
        for name, result in (("bare", bare), ("build", build)):
            times[name].append(result.seconds)
            memory[name].append(result.peak_pss or result.peak_rss)
        print(f"round {round_number}: bare spaCy {bare.seconds:.1f} s, peak PSS {bare.peak_pss / 2**20:,.0f} MiB; "
              f"graphbuild build {build.seconds:.1f} s, peak PSS {build.peak_pss / 2**20:,.0f} MiB; "
              f"ratio {build.seconds / bare.seconds:.3f}", flush=True)
    ratio = min(times["build"]) / min(times["bare"])
    mem_ratio = max(memory["build"]) / max(memory["bare"])
    spread = {k: f"{min(v):.1f}-{max(v):.1f} s" for k, v in times.items()}
    print(f"build vs parse, {args.workers} processes: best {min(times['build']):.1f} s vs {min(times['bare']):.1f} s "
          f"(spread: build {spread['build']}, bare {spread['bare']}); ratio {ratio:.3f} "
          f"{verdict(ratio, 1.15, at_least=False)}")
    print(f"peak memory (PSS): build {max(memory['build']) / 2**20:,.0f} MiB vs bare "
          f"{max(memory['bare']) / 2**20:,.0f} MiB; ratio {mem_ratio:.3f} {verdict(mem_ratio, 1.2, at_least=False)}")
    save("build", {"workers": args.workers, "rounds": args.rounds,
                   "bare_s": [round(t, 1) for t in times["bare"]], "build_s": [round(t, 1) for t in times["build"]],
                   "ratio": round(ratio, 3), "bare_pss_mib": round(max(memory["bare"]) / 2**20),
                   "build_pss_mib": round(max(memory["build"]) / 2**20), "memory_ratio": round(mem_ratio, 3)},
         args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
