"""Run graphbuild's open extraction on CaRB sentences; write CaRB's tabbed format; score it.

    python benchmarks/carb.py benchmarks/carb/data/dev.txt -o /tmp/graphbuild-dev.tsv \
        --gold benchmarks/carb/data/gold/dev.tsv

SENTENCES is one sentence a line, already tokenised (CaRB's files are PTB-tokenised): the
tokens are kept as they are so the scorer can match them. With --gold, the unmodified CaRB
scorer (benchmarks/carb/, MIT licence, via its compatibility wrapper) prints AUC and the
optimal precision, recall and F1.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

from graphbuild.extraction.nlp import DEFAULT_MODEL, load_model
from graphbuild.extraction.openie import open_triples, parse_pretokenized

HERE = Path(__file__).resolve().parent
SCORER = HERE / "carb" / "carb_compat.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sentences", type=Path, help="one tokenised sentence a line")
    parser.add_argument("-o", "--output", type=Path, required=True, help="system output (CaRB tabbed format)")
    parser.add_argument("--gold", type=Path, help="CaRB gold file; score the output against it")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model")
    args = parser.parse_args(argv)

    nlp = load_model(args.model)
    lines = [line.rstrip("\n") for line in args.sentences.read_text(encoding="utf-8").splitlines() if line.strip()]
    started = time.monotonic()
    rows = 0
    with args.output.open("w", encoding="utf-8") as out:
        for line in lines:
            doc = parse_pretokenized(nlp, line.split())
            for t in open_triples(doc[:], sentence=line):
                fields = [line, f"{t.confidence:.2f}", t.relation, t.arg1, t.arg2, *t.extra]
                if all(f and "\t" not in f for f in fields):
                    out.write("\t".join(fields) + "\n")
                    rows += 1
    seconds = time.monotonic() - started
    print(f"{len(lines)} sentences, {rows} extractions in {seconds:.1f} s → {args.output}")
    if args.gold is None:
        return 0
    result = subprocess.run(
        [sys.executable, str(SCORER), f"--gold={args.gold.resolve()}", "--out=/dev/null",
         f"--tabbed={args.output.resolve()}"],
        capture_output=True, text=True, check=False, cwd=SCORER.parent,
    )
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return result.returncode
    last = result.stdout.strip().splitlines()[-1]
    optimal = re.search(r"Optimal[^:]*:\s*[\[(]([^\])]*)[\])]", last)
    numbers = re.findall(r"[\d.]+", optimal.group(1)) if optimal else []
    auc = re.search(r"AUC:\s*([\d.]+)", last)
    if len(numbers) < 3 or auc is None:
        print(f"could not read the scorer's output: {last!r}", file=sys.stderr)
        return 1
    precision, recall, f1 = (float(n) for n in numbers[:3])
    print(f"CaRB: F1={f1:.3f} P={precision:.3f} R={recall:.3f} AUC={float(auc.group(1)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
