"""Check that a change of code leaves the extracted data byte for byte as it was.

Extracts the dev gold articles and the first 400 BBC articles (in one process, no cache) and
writes every article's entities and triples as JSON Lines. Run it with ``--write`` before a
change that must not alter output (a refactoring, a speed-up) and with ``--check`` after:

    python -m benchmarks.same_output --write .cache/before.jsonl
    ... change the code ...
    python -m benchmarks.same_output --check .cache/before.jsonl

``--check`` prints the first rows that differ and exits 1 when anything does. It uses only the
public library API, so the ``--write`` side can run on an older checkout.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import DEFAULT_CORPUS, ROOT, parser
from graphbuild import extract_articles, load_model
from graphbuild.model import ArticleResult
from graphbuild.records import article_to_row, triple_to_row

SHARED_GOLD = ROOT.parent / "shared" / "eval" / "gold-dev.jsonl"
LOCAL_GOLD = ROOT / "tests" / "data" / "gold-dev.jsonl"


def _inputs(gold: Path, corpus: Path, limit: int, scratch: Path) -> list[Path]:
    inputs = [gold]
    if corpus.exists():
        lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()][:limit]
        head = scratch / "corpus-head.jsonl"
        head.write_text("\n".join(lines) + "\n", encoding="utf-8")
        inputs.append(head)
    else:
        print(f"note: corpus {corpus} not found; checking the dev gold alone", file=sys.stderr)
    return inputs


def _rows(results: Iterator[object]) -> Iterator[str]:
    for item in results:
        if not isinstance(item, ArticleResult):
            yield json.dumps({"error": repr(item)}, ensure_ascii=False, sort_keys=True)
            continue
        yield json.dumps({"article": article_to_row(item)}, ensure_ascii=False, sort_keys=True)
        for triple in item.triples:
            yield json.dumps(triple_to_row(triple), ensure_ascii=False, sort_keys=True)


def main() -> int:
    p = parser(__doc__)
    p.set_defaults(limit=400, corpus=DEFAULT_CORPUS)
    p.add_argument("--gold", type=Path, default=SHARED_GOLD if SHARED_GOLD.exists() else LOCAL_GOLD,
                   help="the gold articles (default: the shared dev gold, else tests/data's)")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the outputs here")
    action.add_argument("--check", type=Path, help="compare the outputs with this file")
    args = p.parse_args()
    nlp = load_model(args.model)
    # a fixed scratch path: the articles' source field names the file they were read from
    scratch = args.work / "same-output"
    scratch.mkdir(parents=True, exist_ok=True)
    inputs = _inputs(args.gold, args.corpus, args.limit, scratch)
    rows = list(_rows(extract_articles(inputs, nlp=nlp, workers=1)))
    text = "\n".join(rows) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(text, encoding="utf-8")
        print(f"wrote {len(rows)} rows to {args.write} (sha256 {digest})")
        return 0
    before = args.check.read_text(encoding="utf-8").splitlines()
    differ = [(i, old, new) for i, (old, new) in enumerate(zip(before, rows, strict=False)) if old != new]
    if not differ and len(before) == len(rows):
        print(f"identical: {len(rows)} rows (sha256 {digest})")
        return 0
    print(f"DIFFERENT: {len(before)} rows before, {len(rows)} now, {len(differ)} rows differ")
    for i, old, new in differ[:5]:
        print(f"row {i + 1}\n  before: {old[:300]}\n  now:    {new[:300]}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
