"""Incremental builds: a first ``graphbuild build`` vs re-running it, and adding 10 new articles.

    python -m benchmarks.incremental [--corpus PATH] [--limit N] [--workers N]

Runs, as a user would, in one run: (1) build of the corpus less its last 10 articles with an
empty cache; (2) the same build again (the directory is up to date: nothing is extracted or
written); (3) the same build with --force (every article from the cache, every file rewritten);
(4) the whole corpus (only the 10 new articles are extracted). Targets: (1)/(2) >= 20x, and
exactly 10 articles extracted in (4). The explorer page is left out of every run (--no-explorer).
Skips with a message when the corpus is absent.
"""

from __future__ import annotations

import re
import shutil
import sys

from benchmarks.common import GRAPHBUILD, Run, check, corpus_missing, corpus_slice, parser, run, save, verdict
from graphbuild.executors import available_cores


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--workers", type=int, default=available_cores())
    p.add_argument("--new", type=int, default=10, help="articles added in the last run")
    args = p.parse_args(argv)
    if corpus_missing(args.corpus):
        return 0
    full = corpus_slice(args.corpus, args.limit, args.work, name="incremental")
    rows = full.read_text(encoding="utf-8").splitlines()
    base = args.work / "incremental-base.jsonl"
    base.write_text("\n".join(rows[: -args.new]) + "\n", encoding="utf-8")
    cache, out = args.work / "incremental-cache", args.work / "incremental-out"
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    common = ["-o", str(out), "--cache-dir", str(cache), "--workers", str(args.workers), "--no-explorer"]

    def build(path: str, *extra: str) -> tuple[Run, str]:
        result = run([*GRAPHBUILD, "build", path, *common, *extra])
        check(result, "graphbuild build")
        return result, " ".join(result.stderr.split())

    first, _ = build(str(base))
    again, said = build(str(base))
    up_to_date = "is up to date" in said
    forced, _ = build(str(base), "--force")
    grown, said_grown = build(str(full))
    found = re.search(r"\((\d+) from the cache, (\d+) extracted\)", said_grown)
    reused, extracted = (int(found.group(1)), int(found.group(2))) if found else (-1, -1)
    ratio, forced_ratio = first.seconds / again.seconds, first.seconds / forced.seconds
    print(f"{len(rows) - args.new} articles, {args.workers} workers")
    print(f"first build: {first.seconds:.1f} s")
    print(f"again, unchanged: {again.seconds:.2f} s ({'up to date, nothing extracted' if up_to_date else said}); "
          f"{ratio:.1f}x faster {verdict(ratio, 20)}")
    print(f"again with --force (all from the cache, all files rewritten): {forced.seconds:.1f} s; "
          f"{forced_ratio:.1f}x faster")
    print(f"{args.new} new articles: {grown.seconds:.1f} s; {extracted} extracted, {reused} from the cache "
          f"({'met' if extracted == args.new else 'NOT met'}: only the {args.new} new ones)")
    save("incremental", {"articles": len(rows) - args.new, "workers": args.workers, "first_s": round(first.seconds, 1),
                         "again_s": round(again.seconds, 2), "ratio": round(ratio, 1),
                         "forced_s": round(forced.seconds, 1), "forced_ratio": round(forced_ratio, 1),
                         "added_s": round(grown.seconds, 1), "added_extracted": extracted}, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
