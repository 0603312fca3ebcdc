"""Read articles from files, directories and stdin; read and write JSON Lines atomically.

Inputs are any mix of ``.txt`` files (one article each, id = file stem), directories
(searched recursively in sorted order), ``.jsonl`` files (one article a line) and ``-``
(JSON Lines on standard input). Bad records become :class:`RecordError` values so the run
can go on; only a path that does not exist raises.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ftfy

from graphbuild.errors import InputError
from graphbuild.model import Article, RecordError

__all__ = [
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "atomic_write",
    "clean_text",
    "iter_input_files",
    "read_articles",
    "read_jsonl",
    "record_error_to_dict",
    "write_jsonl",
]

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
#: The reason given for a .txt or .jsonl file (or stdin) with no article in it.
EMPTY_FILE = "empty file: no article in it"
STDIN = "-"
_OPTIONAL_FIELDS = ("title", "date", "url", "source")


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    warning: str | None


#: A character ftfy might change: anything but printable ASCII, tabs and line breaks, or an HTML entity's ``&``.
_NOT_PLAIN = re.compile(r"[^\x20-\x7e\t\n\r]|&")
#: An inverted question mark inside a word is an apostrophe a feed mis-encoded: "Blair&#191;s".
_MISENCODED_APOSTROPHE = re.compile(r"(?<=[^\W\d_])¿(?=[^\W\d_])")


def clean_text(text: str) -> str:
    """Repair mojibake (``Â£`` → ``£``, ``â€™`` → ``’``, ``Blair¿s`` → ``Blair’s``) and drop NULs.

    >>> clean_text("Mr Blair&#191;s government")
    'Mr Blair’s government'
    """
    if not _NOT_PLAIN.search(text):
        return text  # printable ASCII without entities: nothing for ftfy to repair (most news text)
    fixed = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=False, normalization=None)
    return _MISENCODED_APOSTROPHE.sub("’", fixed.replace("\x00", ""))


def _decode(raw: bytes) -> _Decoded:
    """Decode UTF-8 (with or without BOM); fall back to cp1252, then latin-1, and say so."""
    try:
        return _Decoded(raw.decode("utf-8-sig"), None)
    except UnicodeDecodeError as err:
        for fallback in ("cp1252", "latin-1"):
            try:
                text = raw.decode(fallback)
            except UnicodeDecodeError:
                continue
            return _Decoded(text, f"not valid UTF-8 (byte {err.start}); decoded as {fallback}")
        raise AssertionError("latin-1 decodes every byte") from err  # pragma: no cover


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    return b"\x00" in head


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Yield the input files named by ``paths``, expanding directories recursively in sorted order.

    ``-`` is passed through as is. Raises :class:`InputError` for a path that does not exist.
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(
                f"{path}: no such file or directory; give .txt or .jsonl files, directories or -"
            )
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read_articles(paths: Iterable[str | Path], *, stdin: IO[str] | None = None) -> Iterator[Article | RecordError]:
    """Read articles from files, directories and ``-``, yielding bad records as errors.

    Args:
        paths: ``.txt``/``.jsonl`` files, directories (recursive, sorted) or ``-`` for stdin.
        stdin: the stream ``-`` reads (default ``sys.stdin``).

    Yields:
        An :class:`Article` for each good record and a :class:`RecordError` for each bad one
        (empty or binary file, malformed JSON line, missing ``text``, duplicate id, …).

    Raises:
        InputError: a named path does not exist.

    Example:
        >>> [a.id for a in read_articles(["seeds"]) if isinstance(a, Article)]  # doctest: +SKIP
        ['uk-defence-secretary-2022-01']
    """
    seen: dict[str, str] = {}
    for item in iter_input_files(paths):
        records = _read_stdin(stdin or sys.stdin) if item == STDIN else _read_file(Path(item))
        for record in records:
            if isinstance(record, Article):
                where = seen.get(record.id)
                if where is not None:
                    yield RecordError(
                        source=_source_of(item),
                        line=None,
                        record_id=record.id,
                        reason=f"duplicate article id {record.id!r} (first seen in {where}); skipped",
                        kind="duplicate id",
                    )
                    continue
                seen[record.id] = _source_of(item)
            yield record


def _source_of(item: Path | str) -> str:
    return "<stdin>" if item == STDIN else str(item)


def _read_file(path: Path) -> Iterator[Article | RecordError]:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
        yield RecordError(
            source=str(path), line=None,
            reason=f"unsupported file type {suffix or '(none)'!r}; expected .txt or .jsonl", kind="unsupported file",
        )
        return
    try:
        raw = path.read_bytes()
    except OSError as err:
        yield RecordError(source=str(path), line=None, reason=f"cannot read file: {err.strerror or err}",
                          kind="unreadable file")
        return
    if _looks_binary(raw):
        yield RecordError(source=str(path), line=None, reason="binary file (contains NUL bytes); skipped",
                          kind="binary file")
        return
    decoded = _decode(raw)
    if decoded.warning:
        log.warning("%s: %s", path, decoded.warning)
    if suffix in TEXT_SUFFIXES:
        yield _text_article(path, decoded.text)
    else:
        yield from _parse_jsonl(str(path), decoded.text.splitlines())


def _read_stdin(stream: IO[str]) -> Iterator[Article | RecordError]:
    yield from _parse_jsonl("<stdin>", (line.rstrip("\n") for line in stream))


def _text_article(path: Path, text: str) -> Article | RecordError:
    text = clean_text(text)
    if not text.strip():
        return RecordError(source=str(path), line=None, record_id=path.stem, reason=EMPTY_FILE, kind="empty file")
    return Article(id=path.stem, text=text, source=str(path))


def _parse_jsonl(source: str, lines: Iterable[str]) -> Iterator[Article | RecordError]:
    empty = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        empty = False
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield RecordError(source=source, line=number, reason=f"malformed JSON: {err.msg} (column {err.colno})",
                              kind="malformed JSON")
            continue
        yield _json_article(source, number, data)
    if empty:
        yield RecordError(source=source, line=None, reason=EMPTY_FILE, kind="empty file")


def _json_article(source: str, line: int, data: Any) -> Article | RecordError:
    if not isinstance(data, dict):
        return RecordError(source=source, line=line, reason="expected a JSON object with 'id' and 'text'",
                           kind="not a JSON object")
    raw_id = data.get("id")
    record_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else None
    if "text" not in data:
        return RecordError(source=source, line=line, record_id=record_id,
                           reason="no 'text' field; expected JSON Lines with id and text", kind="no text field")
    text = data["text"]
    if not isinstance(text, str):
        return RecordError(source=source, line=line, record_id=record_id,
                           reason=f"'text' is {type(text).__name__}, expected a string", kind="text not a string")
    if record_id is None:
        return RecordError(source=source, line=line, reason="no usable 'id' field (string or number)", kind="no id")
    text = clean_text(text)
    if not text.strip():
        return RecordError(source=source, line=line, record_id=record_id, reason="empty article (no text)",
                           kind="empty article")
    extra: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value = data.get(name)
        extra[name] = None if value is None else clean_text(str(value))
    if extra["source"] is None:
        extra["source"] = source
    return Article(id=record_id, text=text, **extra)


def record_error_to_dict(error: RecordError) -> dict[str, Any]:
    """Return the ``errors.jsonl`` row for ``error``."""
    return {"source": error.source, "line": error.line, "id": error.record_id, "kind": error.kind,
            "reason": error.reason}


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` for each non-blank line of a JSON Lines file.

    Raises:
        InputError: the file is missing or a line is not a JSON object.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: malformed JSON: {err.msg}") from err
            if not isinstance(data, dict):
                raise InputError(f"{path}:{number}: expected a JSON object")
            yield number, data


def dumps(obj: Any) -> str:
    """Serialise one JSON Lines row: compact, UTF-8, keys in the given order."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path: str | Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write ``rows`` to ``path`` atomically as JSON Lines (``-`` writes stdout); return the count."""
    count = 0
    if str(path) == STDIN:
        for row in rows:
            sys.stdout.write(dumps(row) + "\n")
            count += 1
        sys.stdout.flush()
        return count
    with atomic_write(path) as handle:
        for row in rows:
            handle.write(dumps(row) + "\n")
            count += 1
    return count


def _default_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str | Path, *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Open a temporary file beside ``path`` for writing and rename it over ``path`` on success.

    A run killed at any moment leaves either the old file or the new one, never a torn file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
