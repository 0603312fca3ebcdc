"""Shared fixtures: the spaCy model (loaded once), the seed article, and optional shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from graphbuild.building import BuildReport, build
from graphbuild.executors import available_cores
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.nlp import load_model
from graphbuild.model import Article, ArticleResult

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "bbc-news-2004-2005.jsonl"


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


def broken_files(folder: Path) -> int:
    """Write one of each kind of bad input into ``folder``; return how many records they hold."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Le ministre a rencontré Angela Merkel à Paris.".encode("latin-1"))
    (folder / "mojibake.txt").write_text("The Â£5m deal, Mr Blairâ€™s aide said, was signed in Paris.",
                                         encoding="utf-8")
    lines = ['{"id": "ok-1", "text": "Germany criticised France."}', '{"id": "bad-json", "text": ',
             '{"id": "no-text"}', '{"id": "not-a-string", "text": 42}', '["a", "list"]',
             '{"id": "bbc-0001", "text": "A duplicate of a corpus id."}', '{"id": "ws", "text": "   "}']
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "nothing.jsonl").write_text("\n\n", encoding="utf-8")
    return 5 + len(lines) + 2


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, BuildReport]:
    """The whole corpus and the broken files, built once: the folder, the broken records, the report."""
    if not CORPUS.exists():
        pytest.skip("the BBC corpus (shared/corpora) is not present")
    tmp_path = tmp_path_factory.mktemp("corpus")
    broken = broken_files(tmp_path / "broken")
    report = build([CORPUS, tmp_path / "broken"], tmp_path / "out", formats=("json",), workers=available_cores())
    return tmp_path, broken, report
