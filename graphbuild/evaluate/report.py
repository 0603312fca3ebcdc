"""Run the extractor on a gold file and render the scores (``graphbuild eval``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphbuild.evaluate.scoring import ArticleScore, EvalReport, load_gold, score

__all__ = ["evaluate", "format_confusion", "format_report", "format_rules"]

_HEADER = (f"{'article':<12} {'gold':>4} {'sys':>4} {'grnd':>4} {'ungr':>4} {'tp':>3} {'fp':>3} "
           f"{'dup':>3} {'P':>6} {'R':>6} {'F1':>6} {'entR':>6} {'split':>6}")


def _line(a: ArticleScore) -> str:
    return (f"{a.article_id:<12} {a.gold:>4} {a.system:>4} {a.grounded:>4} {a.ungrounded:>4} "
            f"{a.tp:>3} {a.fp:>3} {a.duplicates:>3} {a.precision:>6.3f} {a.recall:>6.3f} "
            f"{a.f1:>6.3f} {a.entity_recall:>6.3f} {a.split_rate:>6.3f}")


def format_report(report: EvalReport) -> str:
    """Render the report as the reference scorer does, with a line per fold; the last line is ``F1=… P=… R=…``."""
    lines = [_HEADER, *(_line(a) for a in report.articles), _line(report.micro)]
    if report.folds:
        lines += ["", _HEADER.replace("article ", "fold    "), *(_line(f.score) for f in report.folds)]
    m = report.micro
    if m.class_accuracy is not None:
        lines.append(f"class accuracy={m.class_accuracy:.3f} over {m.class_compared} matched triples")
    lines.append(f"F1={m.f1:.3f} P={m.precision:.3f} R={m.recall:.3f}")
    return "\n".join(lines)


def format_rules(report: EvalReport) -> str:
    """A line per extraction rule: its grounded triples that hit, miss or repeat a gold triple, and its precision."""
    lines = [f"{'rule':<18} {'tp':>4} {'fp':>4} {'dup':>4} {'ungr':>5} {'P':>6}"]
    lines += [f"{r.rule:<18} {r.tp:>4} {r.fp:>4} {r.duplicates:>4} {r.ungrounded:>5} {r.precision:>6.3f}"
              for r in report.rules]
    return "\n".join(lines)


def format_confusion(report: EvalReport) -> str:
    """Gold class → system class, with how many matched triples fall there (the diagonal is right)."""
    lines = [f"{'gold class':<12} {'system class':<12} {'triples':>7}"]
    lines += [f"{g:<12} {s:<12} {n:>7}{'' if g == s else '  ✗'}" for g, s, n in report.confusion]
    return "\n".join(lines)


def evaluate(gold_path: str | Path, *, details: bool = False, folds: Iterable[int] = (), **options: Any) -> EvalReport:
    """Run the extractor on the articles of a gold file and score its triples.

    Args:
        gold_path: the gold file.
        details: keep every decision in the report.
        folds: score only the articles of these folds (all when empty).
        **options: passed to :func:`graphbuild.pipeline.extract_articles` (``nlp``, ``model``, ``extractor`` …).
    """
    from graphbuild.model import Article, ArticleResult
    from graphbuild.pipeline import extract_articles
    from graphbuild.records import triple_to_row

    gold = load_gold(gold_path, folds=folds)
    articles = [Article(id=str(g["id"]), text=str(g["text"]), source=str(gold_path)) for g in gold]
    rows = [triple_to_row(t) for r in extract_articles(articles, **options)
            if isinstance(r, ArticleResult) for t in r.triples]
    return score(gold, rows, details=details)
