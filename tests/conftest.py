"""Shared fixtures: the spaCy model (loaded once), the seed article, and optional shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import load_model
from graphbuild.model import Article, ArticleResult

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default model, loaded once for the whole session."""
    return load_model()


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def run(nlp: Language, extractor: Extractor) -> Callable[[str], ArticleResult]:
    """Extract one text as an article with id ``t``."""

    def _run(text: str) -> ArticleResult:
        return extractor.extract(nlp(text), Article(id="t", text=text))

    return _run


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return SEEDS


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test's extraction cache out of the user's home directory and apart from other tests."""
    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
