"""Robustness on real news: a slice of the BBC corpus goes through without a hang, error or bad offset."""

from __future__ import annotations

import itertools
import json

import pytest
from spacy.language import Language

from graphbuild.model import Article, ArticleResult
from graphbuild.pipeline import extract_articles
from tests.conftest import SHARED

CORPUS = SHARED / "corpora" / "bbc-news-2004-2005.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="the BBC corpus (shared/corpora) is not present")
def test_bbc_slice(nlp: Language) -> None:
    with CORPUS.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, 150)]
    results = list(extract_articles([Article(id=r["id"], text=r["text"]) for r in rows], nlp=nlp))
    assert len(results) == len(rows)
    assert all(isinstance(r, ArticleResult) for r in results)
    triples = [t for r in results if isinstance(r, ArticleResult) for t in r.triples]
    assert len(triples) > 50
    for result in results:
        assert isinstance(result, ArticleResult)
        text = result.article.text
        for t in result.triples:
            assert text[t.evidence.start : t.evidence.end] == t.evidence.sentence
            assert t.subject.key != t.object.key
            assert 0 < t.confidence <= 1
        keys = [e.entity.key for e in result.entities]
        assert len(keys) == len(set(keys))
