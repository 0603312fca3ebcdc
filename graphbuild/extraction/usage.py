"""How much each rule gives on a corpus: the library twin of ``graphbuild rules --corpus``.

An extraction rule is credited with the triples that name it. A resolution rule makes no triple
of its own, so it is credited with the triples that need it: those the article gives with every
rule on and loses with that rule switched off (each article is parsed once and extracted again
per resolution rule, which costs a fraction of the parse).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuild.executors.base import CHUNK_CHARS, chunks
from graphbuild.extraction.catalogue import CATALOGUE, Rule, Stage
from graphbuild.extraction.extractor import Extractor
from graphbuild.io import read_articles
from graphbuild.model import Article, RecordError, Triple

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["RuleCount", "RuleUsage", "rule_usage"]

_Key = tuple[str, str, str, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleCount:
    """One rule and the triples it gave (extraction) or that need it (resolution)."""

    rule: Rule
    triples: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleUsage:
    """What :func:`rule_usage` found: a count per catalogued rule, in catalogue order."""

    articles: int
    errors: int
    triples: int
    counts: tuple[RuleCount, ...]


def _keys(triples: Iterable[Triple]) -> set[_Key]:
    return {(t.subject.key, t.relation, t.object.key, t.evidence.start) for t in triples}


def rule_usage(
    inputs: Iterable[str | Path],
    *,
    nlp: Language,
    extractor: Extractor | None = None,
    batch_size: int = 32,
    progress: Callable[[int], None] | None = None,
) -> RuleUsage:
    """Count, for every rule of the catalogue, the triples it gives on the articles of ``inputs``.

    Args:
        inputs: paths as for :func:`graphbuild.extract_articles` (``.txt``, ``.jsonl``, directories).
        nlp: the loaded spaCy pipeline.
        extractor: the rules (default :class:`Extractor`); rules it disables count 0.
        batch_size: texts per spaCy batch.
        progress: called with 1 after each record.

    Returns:
        A :class:`RuleUsage` with a :class:`RuleCount` per catalogued rule.

    Example:
        >>> usage = rule_usage(["seeds/"], nlp=load_model())  # doctest: +SKIP
        >>> {c.rule.name: c.triples for c in usage.counts}["appos_role"]  # doctest: +SKIP
        4
    """
    extractor = extractor if extractor is not None else Extractor()
    resolution = [rule for rule in CATALOGUE
                  if rule.stage is Stage.RESOLUTION and rule.name not in extractor.disabled_rules]
    without = {rule.name: dataclasses.replace(extractor, disabled_rules=extractor.disabled_rules | {rule.name})
               for rule in resolution}
    counts: Counter[str] = Counter()
    articles = errors = total = 0
    limit = min(CHUNK_CHARS, nlp.max_length)

    def pieces() -> Iterable[tuple[str, tuple[Article, int]]]:
        nonlocal errors
        for record in read_articles(list(inputs)):
            if isinstance(record, RecordError):
                errors += 1
                if progress:
                    progress(1)
                continue
            for offset, text in chunks(record.text, limit):
                yield text, (record, offset)

    for doc, (article, offset) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        found = extractor.extract(doc, article, offset=offset).triples
        total += len(found)
        counts.update(t.rule for t in found)
        keys = _keys(found)
        for rule in resolution:
            counts[rule.name] += len(keys - _keys(without[rule.name].extract(doc, article, offset=offset).triples))
        if offset == 0:  # an article's first piece
            articles += 1
            if progress:
                progress(1)
    return RuleUsage(articles=articles, errors=errors, triples=total,
                     counts=tuple(RuleCount(rule=rule, triples=counts[rule.name]) for rule in CATALOGUE))
