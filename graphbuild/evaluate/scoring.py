"""Score system triples against gold articles: per article, per fold, per rule and overall.

The rules are the reference scorer's (see :mod:`.matching`); on top of its figures this reports
each fold of a gold file that has folds, how each extraction rule fares (its triples that hit a
gold triple, that miss, and its precision), and the class accuracy and confusion of the matched
triples that carry a class.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.errors import InputError
from graphbuild.evaluate.matching import EntityIndex, Signature, norm_name, rel_signature, relation_match

__all__ = ["ArticleScore", "EvalReport", "GroupScore", "RuleScore", "load_gold", "score", "score_article", "total_of"]

#: One decision: verdict (TP, FP, DUP, UNGROUNDED, FN), article, subject, relation, object.
Decision = tuple[str, str, str, str, str]
_COUNTS = ("gold", "system", "grounded", "ungrounded", "tp", "fp", "duplicates", "gold_entities",
           "entities_found", "entities_split", "class_compared", "class_correct")


def _prf(tp: int, fp: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleScore:
    """The counts and scores of one article (or of a group of them, for the micro average)."""

    article_id: str
    gold: int
    system: int
    grounded: int
    ungrounded: int
    tp: int
    fp: int
    duplicates: int
    gold_entities: int
    entities_found: int
    entities_split: int
    class_compared: int = 0
    class_correct: int = 0
    split_entities: tuple[str, ...] = ()
    fold: int | None = None

    @property
    def precision(self) -> float:
        return _prf(self.tp, self.fp, self.gold)[0]

    @property
    def recall(self) -> float:
        return _prf(self.tp, self.fp, self.gold)[1]

    @property
    def f1(self) -> float:
        return _prf(self.tp, self.fp, self.gold)[2]

    @property
    def entity_recall(self) -> float:
        """The share of the gold entities in some gold triple that are an end of some system triple."""
        return self.entities_found / self.gold_entities if self.gold_entities else 0.0

    @property
    def split_rate(self) -> float:
        return self.entities_split / self.entities_found if self.entities_found else 0.0

    @property
    def class_accuracy(self) -> float | None:
        return self.class_correct / self.class_compared if self.class_compared else None


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupScore:
    """The micro average of a group of articles (a fold), named by its label."""

    label: str
    articles: int
    score: ArticleScore


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleScore:
    """What one extraction rule's grounded triples did: hits, errors and duplicates."""

    rule: str
    tp: int
    fp: int
    duplicates: int
    ungrounded: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """Per-article scores, their micro average, per fold and per rule, and each decision when asked for."""

    articles: tuple[ArticleScore, ...]
    micro: ArticleScore
    macro_f1: float
    folds: tuple[GroupScore, ...] = ()
    rules: tuple[RuleScore, ...] = ()
    confusion: tuple[tuple[str, str, int], ...] = ()
    unknown_article_triples: int = 0
    details: tuple[Decision, ...] = field(default=())


@dataclass(slots=True)
class _Tally:
    """The running counts of one article while its system triples are matched."""

    tp: int = 0
    fp: int = 0
    dup: int = 0
    ungrounded: int = 0
    class_compared: int = 0
    class_correct: int = 0
    verdicts: list[str] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    names_of: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def _best_gold(s_cands: frozenset[str], o_cands: frozenset[str], sig: Signature, gold_triples: Sequence[dict[str, Any]],
               gold_sigs: Sequence[Sequence[Signature]], matched: Sequence[bool]) -> int | None:
    """The gold triple a grounded system triple matches best (an unmatched one first), if any."""
    best: tuple[tuple[int, int, int, int, int], int] | None = None
    for i, g in enumerate(gold_triples):
        forward = g["subject"] in s_cands and g["object"] in o_cands
        reverse = bool(g.get("symmetric")) and g["subject"] in o_cands and g["object"] in s_cands
        if not (forward or reverse):
            continue
        match = relation_match(sig, gold_sigs[i])
        if not match:
            continue
        exact = int(len(s_cands) == 1) + int(len(o_cands) == 1)
        key = (int(not matched[i]), match, exact, int(forward), -i)
        if best is None or key > best[0]:
            best = (key, i)
    return None if best is None else best[1]


def _judge(row: dict[str, Any], gold: dict[str, Any], index: EntityIndex, gold_sigs: Sequence[Sequence[Signature]],
           matched: list[bool], tally: _Tally) -> tuple[str, str]:
    """Match one system triple and count it: TP, FP, DUP or UNGROUNDED, and a note when a TP's class is wrong."""
    s_name, o_name = str(row.get("subject", "")), str(row.get("object", ""))
    s_cands, o_cands = index.resolve(s_name), index.resolve(o_name)
    for name, cands in ((s_name, s_cands), (o_name, o_cands)):
        for entity in cands:
            tally.names_of[entity].add(norm_name(name))
    if not s_cands or not o_cands:
        tally.ungrounded += 1
        return "UNGROUNDED", ""
    gold_triples = gold.get("triples", [])
    i = _best_gold(s_cands, o_cands, rel_signature(str(row.get("relation", ""))), gold_triples, gold_sigs, matched)
    if i is None:
        tally.fp += 1
        return "FP", ""
    if matched[i]:
        tally.dup += 1
        return "DUP", ""
    matched[i] = True
    tally.tp += 1
    gold_class, system_class = gold_triples[i].get("class"), row.get("class")
    if not (gold_class and system_class):
        return "TP", ""
    gold_class, system_class = str(gold_class).upper(), str(system_class).upper()
    tally.class_compared += 1
    tally.class_correct += int(system_class == gold_class)
    tally.confusion[(gold_class, system_class)] += 1
    return "TP", "" if system_class == gold_class else f"  [class {system_class}, gold {gold_class}]"


def score_article(gold: dict[str, Any], system: Sequence[dict[str, Any]], details: list[Decision] | None = None,
                  tally: _Tally | None = None) -> ArticleScore:
    """Score one article's system triples (rows with subject, relation, object) against its gold."""
    index = EntityIndex(gold.get("entities", []))
    gold_triples = gold.get("triples", [])
    gold_sigs = [[rel_signature(r) for r in (g["relation"] if isinstance(g["relation"], list) else [g["relation"]])]
                 for g in gold_triples]
    matched = [False] * len(gold_triples)
    tally = tally if tally is not None else _Tally()
    for row in system:
        verdict, note = _judge(row, gold, index, gold_sigs, matched, tally)
        tally.verdicts.append(verdict)
        if details is not None:
            details.append((verdict, gold["id"], str(row.get("subject", "")), str(row.get("relation", "")) + note,
                            str(row.get("object", ""))))
    if details is not None:
        for i, g in enumerate(gold_triples):
            if not matched[i]:
                rel = g["relation"][0] if isinstance(g["relation"], list) else g["relation"]
                details.append(("FN", gold["id"], g["subject"], rel, g["object"]))
    # entity recall counts the entities that take part in some gold triple; the others still
    # ground system triples (a relation invented between them is an error) but cannot be found
    relational = {g["subject"] for g in gold_triples} | {g["object"] for g in gold_triples}
    found = [e for e in index.names if e in relational and tally.names_of.get(e)]
    split = sorted(e for e in found if len(tally.names_of[e]) >= 2)
    return ArticleScore(
        article_id=str(gold["id"]), gold=len(gold_triples), system=len(system),
        grounded=tally.tp + tally.fp + tally.dup, ungrounded=tally.ungrounded, tp=tally.tp, fp=tally.fp,
        duplicates=tally.dup,
        gold_entities=len([e for e in index.names if e in relational]), entities_found=len(found),
        entities_split=len(split), class_compared=tally.class_compared, class_correct=tally.class_correct,
        split_entities=tuple(split), fold=gold.get("fold"),
    )


def _load(path: str | Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    try:
        with Path(path).open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise InputError(f"{path}:{number}: malformed JSON ({err.msg})") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    return rows


def load_gold(path: str | Path, *, folds: Iterable[int] = ()) -> list[dict[str, Any]]:
    """Read a gold file: one article a line with ``id``, ``text``, ``entities`` and ``triples``.

    Args:
        path: the gold file.
        folds: keep only the articles of these folds (all when empty).

    Raises:
        InputError: the file is missing, malformed, or a line lacks those fields.
    """
    rows = _load(path)
    for number, row in enumerate(rows, start=1):
        missing = [k for k in ("id", "text", "entities", "triples") if k not in row]
        if missing:
            raise InputError(f"{path}: article {number} lacks {', '.join(missing)}; expected a gold file")
    wanted = set(folds)
    if wanted:
        known = {row.get("fold") for row in rows}
        if not wanted <= known:
            raise InputError(f"{path}: no fold {', '.join(map(str, sorted(wanted - known)))}; "
                             f"its folds are {', '.join(str(f) for f in sorted(f for f in known if f is not None))}")
        rows = [row for row in rows if row.get("fold") in wanted]
    return rows


def total_of(label: str, scores: Sequence[ArticleScore]) -> ArticleScore:
    return ArticleScore(article_id=label, **{k: sum(getattr(s, k) for s in scores) for k in _COUNTS})


def score(gold: Sequence[dict[str, Any]], system: Iterable[dict[str, Any]], *, details: bool = False) -> EvalReport:
    """Score system triple rows against gold articles.

    Args:
        gold: gold articles as read by :func:`load_gold`.
        system: rows with ``article_id``, ``subject``, ``relation``, ``object`` (``triples.jsonl`` rows),
            and optionally ``rule`` (for the per-rule figures) and ``class``.
        details: keep each TP/FP/DUP/UNGROUNDED/FN decision in the report.
    """
    ids = {str(g["id"]) for g in gold}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    unknown = 0
    for row in system:
        if not all(k in row for k in ("article_id", "subject", "relation", "object")):
            continue
        if str(row["article_id"]) not in ids:
            unknown += 1
            continue
        by_article[str(row["article_id"])].append(row)
    decisions: list[Decision] | None = [] if details else None
    scores: list[ArticleScore] = []
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    for g in gold:
        rows, tally = by_article.get(str(g["id"]), []), _Tally()
        scores.append(score_article(g, rows, decisions, tally))
        confusion.update(tally.confusion)
        for row, verdict in zip(rows, tally.verdicts, strict=True):
            per_rule[str(row.get("rule") or "?")][verdict] += 1
    folds = sorted({s.fold for s in scores if s.fold is not None})
    return EvalReport(
        articles=tuple(scores), micro=total_of("MICRO", scores),
        macro_f1=sum(s.f1 for s in scores) / (len(scores) or 1),
        folds=tuple(GroupScore(label=f"fold {f}", articles=len(group), score=total_of(f"fold {f}", group))
                    for f in folds for group in [[s for s in scores if s.fold == f]]),
        rules=tuple(RuleScore(rule=rule, tp=c["TP"], fp=c["FP"], duplicates=c["DUP"], ungrounded=c["UNGROUNDED"])
                    for rule, c in sorted(per_rule.items(), key=lambda item: (-item[1]["TP"], item[0]))),
        confusion=tuple((g, s, n) for (g, s), n in sorted(confusion.items())),
        unknown_article_triples=unknown, details=tuple(decisions or ()))
