"""Parse and extract one batch of articles: the work every executor runs, wherever it runs."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graphbuild.executors.base import CHUNK_CHARS, chunks
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import DEFAULT_MODEL
from graphbuild.model import Article, ArticleEntity, ArticleResult, RecordError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BatchResult", "ExtractionJob", "extract_batch", "merge_chunks"]

log = logging.getLogger(__name__)

BatchResult = list[ArticleResult | RecordError]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionJob:
    """What a worker needs to extract: the model to load, the rules, and how to batch."""

    model: str = DEFAULT_MODEL
    extractor: Extractor = field(default_factory=Extractor)
    batch_size: int = 32
    chunk_chars: int = CHUNK_CHARS


def merge_chunks(article: Article, parts: Sequence[ArticleResult]) -> ArticleResult:
    """Join the results of an article's chunks into one result."""
    if len(parts) == 1:
        return parts[0]
    entities: dict[str, ArticleEntity] = {}
    for part in parts:
        for item in part.entities:
            prev = entities.get(item.entity.key)
            if prev is None:
                entities[item.entity.key] = item
            else:
                entities[item.entity.key] = ArticleEntity(entity=prev.entity, mentions=prev.mentions + item.mentions)
    triples = tuple(t for part in parts for t in part.triples)
    return ArticleResult(article=article, entities=tuple(entities[k] for k in sorted(entities)), triples=triples)


def _failure(article: Article, err: Exception) -> RecordError:
    return RecordError(source=article.source or article.id, line=None, record_id=article.id,
                       reason=f"extraction failed: {type(err).__name__}: {err}", kind="extraction failed")


def _extract_one(nlp: Language, extractor: Extractor, article: Article, limit: int, batch_size: int) -> (
        ArticleResult | RecordError):
    try:
        pieces = list(chunks(article.text, limit))
        docs = nlp.pipe((text for _, text in pieces), batch_size=batch_size)
        parts = [extractor.extract(doc, article, offset=offset) for doc, (offset, _) in zip(docs, pieces, strict=True)]
        return merge_chunks(article, parts)
    except Exception as err:  # one article's failure must not stop the others
        log.warning("article %s: extraction failed: %s", article.id, err)
        return _failure(article, err)


def extract_batch(nlp: Language, job: ExtractionJob, articles: Sequence[Article]) -> BatchResult:
    """Parse and extract ``articles`` in one ``nlp.pipe`` stream; return a result or error for each, in order.

    An article whose parsing or extraction raises becomes a :class:`RecordError`; the batch is then
    redone one article at a time so the others still get their results.
    """
    limit = min(job.chunk_chars, nlp.max_length)
    pieces = [(index, offset, text) for index, article in enumerate(articles)
              for offset, text in chunks(article.text, limit)]
    parts: list[list[ArticleResult]] = [[] for _ in articles]
    try:
        docs = nlp.pipe(((text, (index, offset)) for index, offset, text in pieces), as_tuples=True,
                        batch_size=job.batch_size)
        for doc, (index, offset) in docs:
            parts[index].append(job.extractor.extract(doc, articles[index], offset=offset))
    except Exception:  # isolate the article that failed
        return [_extract_one(nlp, job.extractor, article, limit, job.batch_size) for article in articles]
    return [merge_chunks(article, part) for article, part in zip(articles, parts, strict=True)]
