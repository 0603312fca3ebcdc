"""The extraction cache: never parse the same article twice with the same model and rules.

A result is stored under a key made of the article (id, text and metadata), the model (name and
installed version) and the extractor (its version and the content of its tables). Change any of
them and the key changes, so a stale result is never served. Results live in one SQLite file
(``extract-v1.sqlite``) in the cache directory: ``$GRAPHBUILD_CACHE_DIR``, else
``$XDG_CACHE_HOME/graphbuild``, else ``~/.cache/graphbuild``. Only the process that runs the
pipeline reads and writes it, never the workers, so a cluster needs no shared disk.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from graphbuild.errors import CacheError
from graphbuild.extraction.extractor import EXTRACTOR_VERSION, Extractor
from graphbuild.model import Article, ArticleResult
from graphbuild.records import dict_to_result, result_to_dict

__all__ = ["CACHE_FILE", "CacheInfo", "ExtractionCache", "config_id", "default_cache_dir", "model_id"]

CACHE_FILE = "extract-v1.sqlite"
#: The folder beside it that keeps explorer layouts.
LAYOUTS = "layouts"
#: Results written between two commits (a crash loses at most this many).
COMMIT_EVERY = 64


def default_cache_dir() -> Path:
    """Return the cache directory the environment names, or the per-user default."""
    explicit = os.environ.get("GRAPHBUILD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "graphbuild"


def model_id(model: str) -> str:
    """Return ``name==version`` of an installed model package without loading it.

    A model given as a directory is identified by the version and hash of its ``meta.json``.
    """
    path = Path(model)
    meta = path / "meta.json"
    if meta.is_file():
        data = meta.read_bytes()
        version = json.loads(data).get("version", "?")
        return f"{path.resolve()}=={version}#{hashlib.sha256(data).hexdigest()[:12]}"
    for name in (model, model.replace("_", "-")):
        try:
            return f"{model}=={importlib.metadata.version(name)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return model


def extractor_fingerprint(extractor: Extractor) -> str:
    """Hash everything that shapes the extractor's output: its version, its tables, the rules switched off
    and the relation schema."""
    gazetteer = sorted((key, entry.name, str(entry.type)) for key, entry in extractor.gazetteer.by_alias.items())
    demonyms = sorted((key, entry.name) for key, entry in extractor.gazetteer.by_demonym.items())
    payload = json.dumps(
        [EXTRACTOR_VERSION, sorted(extractor.relations.canonical.items()), sorted(extractor.relations.inverse),
         gazetteer, demonyms,
         sorted(extractor.labels), extractor.min_confidence, sorted(extractor.disabled_rules),
         extractor.schema.fingerprint()],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def config_id(model: str, extractor: Extractor) -> str:
    """Return the part of every cache key that names the model and the rules."""
    return hashlib.sha256(f"{model_id(model)}\n{extractor_fingerprint(extractor)}".encode()).hexdigest()[:32]


def article_key(article: Article, config: str) -> str:
    """Return the cache key of ``article`` under extraction configuration ``config``.

    The key covers what extraction reads (id, text, title, date), not where the article came
    from: the same article moved to another file is still served from the cache, with its
    ``url`` and ``source`` taken from the new record.
    """
    payload = json.dumps([config, article.id, article.text, article.title, article.date], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class CacheInfo:
    """What a cache holds: its file, result count and size, and results per configuration."""

    path: Path
    entries: int
    bytes: int
    configs: dict[str, int]


class ExtractionCache:
    """Extraction results keyed by article content, model and extractor.

    Use as a context manager (or call :meth:`close`) so the last results are committed::

        with ExtractionCache.open(default_cache_dir()) as cache:
            key = cache.key(article, config_id(model, extractor))
            result = cache.get(key)

    Raises:
        CacheError: the directory cannot be created or the file is not a graphbuild cache.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._pending = 0
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, directory: str | Path | None = None) -> ExtractionCache:
        """Open (creating if needed) the cache in ``directory`` (default: :func:`default_cache_dir`)."""
        folder = Path(directory) if directory is not None else default_cache_dir()
        path = folder / CACHE_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=60, isolation_level="DEFERRED", check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, config TEXT NOT NULL, "
                       "value BLOB NOT NULL, created REAL NOT NULL)")
            db.commit()
        except (OSError, sqlite3.Error) as err:
            raise CacheError(f"cannot use the extraction cache at {path}: {err}; "
                             "pass --cache-dir with a writable directory, or --no-cache") from err
        return cls(db, path)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @staticmethod
    def key(article: Article, config: str) -> str:
        """Return the key of ``article`` under ``config`` (see :func:`config_id`)."""
        return article_key(article, config)

    def get(self, key: str) -> ArticleResult | None:
        """Return the stored result for ``key``, or None (an unreadable entry counts as a miss)."""
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            result = dict_to_result(json.loads(zlib.decompress(row[0])))
        except (zlib.error, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def contains(self, key: str) -> bool:
        """Whether a result is stored under ``key``."""
        return self._db.execute("SELECT 1 FROM results WHERE key = ?", (key,)).fetchone() is not None

    def put(self, key: str, config: str, result: ArticleResult) -> None:
        """Store ``result`` under ``key``; committed every few results and on :meth:`close`."""
        value = zlib.compress(json.dumps(result_to_dict(result), ensure_ascii=False).encode("utf-8"), 6)
        self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", (key, config, value, time.time()))
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Make the stored results durable."""
        self._db.commit()
        self._pending = 0

    def keys(self) -> Iterator[str]:
        """Every stored key."""
        for (key,) in self._db.execute("SELECT key FROM results ORDER BY key"):
            yield key

    def info(self) -> CacheInfo:
        """Count the stored results, in all and per configuration."""
        configs = dict(self._db.execute("SELECT config, COUNT(*) FROM results GROUP BY config ORDER BY config"))
        size = sum(p.stat().st_size for p in self.path.parent.glob(CACHE_FILE + "*") if p.is_file())
        return CacheInfo(path=self.path, entries=sum(configs.values()), bytes=size, configs=configs)

    @property
    def layouts(self) -> Path:
        """Where explorer layouts are kept beside the results (a layout is a pure function of the graph drawn)."""
        return self.path.parent / LAYOUTS

    def clear(self) -> int:
        """Delete every stored result (and kept layout) and return how many results there were."""
        count = self.info().entries
        self._db.execute("DELETE FROM results")
        self._db.commit()
        self._db.execute("VACUUM")
        for kept in self.layouts.glob("*.json") if self.layouts.is_dir() else ():
            kept.unlink(missing_ok=True)
        return count

    def close(self) -> None:
        """Commit and close the database."""
        try:
            self._db.commit()
        finally:
            self._db.close()
