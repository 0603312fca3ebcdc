"""Score extracted triples against hand-annotated gold (``graphbuild eval``).

The matching rules are those of the project's reference scorer, ported with types so that
``graphbuild eval`` agrees with it number for number (:mod:`.matching`); :mod:`.scoring` counts
per article, fold and rule, and :mod:`.report` runs the extractor and renders the figures.
"""

from graphbuild.evaluate.matching import rel_signature, relation_match
from graphbuild.evaluate.report import evaluate, format_confusion, format_report, format_rules
from graphbuild.evaluate.scoring import ArticleScore, EvalReport, GroupScore, RuleScore, load_gold, score, score_article

__all__ = ["ArticleScore", "EvalReport", "GroupScore", "RuleScore", "evaluate", "format_confusion", "format_report",
           "format_rules", "load_gold", "rel_signature", "relation_match", "score", "score_article"]
