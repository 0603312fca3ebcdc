"""What every executor shares: the protocol a pipeline drives, chunking of long texts, and the cores.

Nothing here imports spaCy, so the command line can ask for the cores without loading it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any, Protocol

from graphbuild.model import Article

__all__ = ["CHUNK_CHARS", "Executor", "Handle", "available_cores", "chunks"]

#: Largest piece of text parsed at once (about 8,500 words, longer than almost any news article);
#: longer articles are parsed in pieces, the memory of a parse growing with the length of its text.
CHUNK_CHARS = 50_000


def available_cores() -> int:
    """Return the cores this process may run on (the default for ``workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def chunks(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """Split ``text`` into pieces of at most ``limit`` characters at line or sentence ends."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n"), window.rfind(". ") + 1)
        if cut <= limit // 2:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


class Handle(Protocol):
    """A batch under way: a ``concurrent.futures.Future`` or a ``distributed.Future``."""

    def done(self) -> bool: ...

    def result(self) -> Any: ...


class Executor(Protocol):
    """Runs batches of articles through :func:`extract_batch` somewhere."""

    #: Batches worth keeping under way at once.
    capacity: int

    def submit(self, articles: list[Article]) -> Handle: ...

    def close(self) -> None: ...
