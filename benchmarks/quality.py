"""Quality on the dev gold, the way docs/QUALITY.md reports it: all articles, each fold, the unseen ones.

    python -m benchmarks.quality [--gold PATH] [--model M] [--disable-rule NAME ...] [--by-rule]

Prints F1, precision, recall and entity recall for the whole gold, for each fold, for the six
articles the rules were first written on and for the 23 added later (the honest figure for
text the rules were not written for), and optionally per rule.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.common import ROOT
from graphbuild.evaluate import ArticleScore, evaluate, format_rules
from graphbuild.evaluate.scoring import total_of
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import DEFAULT_MODEL, load_model

#: The articles of the first dev gold, which the rules up to extractor 20 were written on.
FIRST_SIX = frozenset({"seed-000", "bbc-0903", "bbc-0568", "bbc-0506", "bbc-1926", "bbc-1289"})
GOLD = ROOT / "tests" / "data" / "gold-dev.jsonl"


def _row(label: str, s: ArticleScore) -> str:
    return (f"| {label} | {s.gold} | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} | {s.entity_recall:.3f} "
            f"| {s.split_rate:.3f} |")


def _flags(name: str, others: list[str]) -> list[str]:
    words = name.split()
    flags = []
    if not any(c.isupper() for c in name):
        flags.append("no capital")
    if any(w[:1].isdigit() for w in words):
        flags.append("digits")
    if " and " in name:
        flags.append("joined")
    if len(words) != len(set(words)):
        flags.append("repeated word")
    key = name.lower().rstrip("s")
    if any(o != name and (o.lower().rstrip("s") == key or o.endswith(" " + name)) for o in others):
        flags.append("duplicate")
    return flags


def top_actors(build_dir: Path, top: int = 50) -> str:
    """A markdown table of the actors with most relations in a build's graph, with any junk or duplicate flagged."""
    from graphbuild.export import read_json

    graph = read_json(build_dir / "graph.json")
    nodes = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:top]
    names = [graph.nodes[n]["name"] for n in nodes]
    rows = ["| # | actor | type | relations | mentions | flag |", "|---|---|---|---|---|---|"]
    for rank, (node, name) in enumerate(zip(nodes, names, strict=True), 1):
        data = graph.nodes[node]
        rows.append(f"| {rank} | {name} | {data['type']} | {graph.degree(node)} | {data['mentions']} | "
                    f"{', '.join(_flags(name, names)) or '—'} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--gold", type=Path, default=GOLD)
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--disable-rule", action="append", default=[])
    p.add_argument("--by-rule", action="store_true")
    p.add_argument("--top-actors", type=Path, metavar="BUILD_DIR",
                   help="instead, list a build's 50 actors with most relations, flagging junk and duplicates")
    args = p.parse_args(argv)
    if args.top_actors:
        print(top_actors(args.top_actors))
        return 0
    report = evaluate(args.gold, nlp=load_model(args.model),
                      extractor=Extractor(disabled_rules=frozenset(args.disable_rule)), workers=1)
    print("| articles | gold triples | F1 | P | R | entity recall | split rate |")
    print("|---|---|---|---|---|---|---|")
    print(_row(f"all {len(report.articles)}", report.micro))
    for group in report.folds:
        print(_row(f"{group.label} ({group.articles})", group.score))
    first = [a for a in report.articles if a.article_id in FIRST_SIX]
    later = [a for a in report.articles if a.article_id not in FIRST_SIX]
    print(_row(f"the first {len(first)}", total_of("first", first)))
    print(_row(f"the {len(later)} added later", total_of("later", later)))
    if args.by_rule:
        print(format_rules(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
