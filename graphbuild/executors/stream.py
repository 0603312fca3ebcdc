"""Keep batches under way on an executor and hand results back in input order, memory bounded.

:class:`ResultStream` is the queue behind :func:`graphbuild.extract_articles`: each record takes a
slot, filled by a known result (a bad record, a cache hit) or by the batches its text went out
in. An article longer than ``chunk_chars`` goes out as several pieces, cut where
:func:`~graphbuild.executors.base.chunks` cuts, each piece a batch of its own, so that the pieces
of one long article are parsed by every worker at once and no worker parses more than one piece
at a time; the pieces' results are joined, offsets restored, when all are back.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from graphbuild.aliases import AliasTable, resolve
from graphbuild.cache import ExtractionCache
from graphbuild.errors import StrictModeError
from graphbuild.executors.base import CHUNK_CHARS, Executor, Handle, chunks
from graphbuild.executors.batch import merge_chunks
from graphbuild.model import Article, ArticleResult, RecordError, Triple

__all__ = ["PARTITION_CHARS", "PARTITION_SIZE", "ResultStream", "error_text"]

#: Articles per batch handed to a worker (a batch also closes at PARTITION_CHARS characters): as
#: many as spaCy's default batch, so that the parser runs full batches; fewer run it measurably
#: slower (about 2% at 16 on BBC articles).
PARTITION_SIZE = 32
PARTITION_CHARS = 200_000

Progress = Callable[[int], None]


@dataclass(slots=True)
class _Batch:
    """Articles (or pieces of one) sent to a worker together, and what came back."""

    articles: list[Article] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    chars: int = 0
    handle: Handle | None = None
    results: list[ArticleResult | RecordError] | None = None


@dataclass(slots=True)
class _Slot:
    """One record's place in the queue: its result when known, else the pieces it waits for."""

    ready: ArticleResult | RecordError | None = None
    record: Article | None = None
    #: (batch, position in it, offset of the piece in the article's text)
    parts: list[tuple[_Batch, int, int]] = field(default_factory=list)
    key: str | None = None


def error_text(error: RecordError) -> str:
    """``file:line: reason`` of a bad record."""
    where = f"{error.source}:{error.line}" if error.line else error.source
    return f"{where}: {error.reason}"


def _shifted(result: ArticleResult, offset: int) -> ArticleResult:
    """A piece's result with its evidence offsets moved to where the piece starts in the article."""
    if not offset:
        return result

    def move(t: Triple) -> Triple:
        ev = t.evidence
        return dataclasses.replace(t, evidence=dataclasses.replace(ev, start=ev.start + offset, end=ev.end + offset))

    return dataclasses.replace(result, triples=tuple(move(t) for t in result.triples))


@dataclass(slots=True, kw_only=True)
class ResultStream:
    """One run of extraction: batches under way, and results waiting to go out in input order.

    The head of the queue goes out as soon as its batches are back; at most ``capacity`` batches
    are under way, and the queue is bounded, so memory stays flat however long the input.
    """

    start: Callable[[], Executor]
    cache: ExtractionCache | None
    config: str
    aliases: AliasTable
    strict: bool
    progress: Progress | None
    partition_size: int = PARTITION_SIZE
    chunk_chars: int = CHUNK_CHARS
    running: Executor | None = None
    capacity: int = 1
    slots: deque[_Slot] = field(default_factory=deque)
    under_way: deque[_Batch] = field(default_factory=deque)
    batch: _Batch = field(default_factory=_Batch)

    def run(self, records: Iterable[Article | RecordError]) -> Iterator[ArticleResult | RecordError]:
        try:
            for record in records:
                self._add(record)
                yield from self._drain(False)
                limit = max(4 * self.capacity * self.partition_size, 1024)
                while len(self.under_way) >= self.capacity or (
                        len(self.slots) > limit and self._waits_on_open_batch(self.slots[0]) is False):
                    yield from self._drain(True)
            if self.batch.articles:
                self._submit(self.batch)
            while self.slots:
                yield from self._drain(True)
        finally:
            if self.running is not None:
                self.running.close()

    def _waits_on_open_batch(self, slot: _Slot) -> bool:
        return any(batch is self.batch for batch, _, _ in slot.parts)

    def _add(self, record: Article | RecordError) -> None:
        """Give the record its slot: a known result, or places in the batches being filled."""
        if isinstance(record, RecordError):
            self.slots.append(_Slot(ready=record))
            return
        cache = self.cache
        key = cache.key(record, self.config) if cache is not None else None
        hit = cache.get(key) if cache is not None and key is not None else None
        if hit is not None:
            self.slots.append(_Slot(ready=dataclasses.replace(hit, article=record)))
            return
        if len(record.text) <= self.chunk_chars:
            self.slots.append(_Slot(record=record, parts=[self._place(record, key)], key=key))
            return
        slot = _Slot(record=record, key=key)
        self.slots.append(slot)
        if self.batch.articles:
            self._submit(self.batch)
        for offset, text in chunks(record.text, self.chunk_chars):
            piece = _Batch(articles=[dataclasses.replace(record, text=text)], keys=[None], chars=len(text))
            self._submit(piece)
            slot.parts.append((piece, 0, offset))
        self.batch = _Batch()

    def _place(self, article: Article, key: str | None) -> tuple[_Batch, int, int]:
        batch = self.batch
        position = len(batch.articles)
        batch.articles.append(article)
        batch.keys.append(key)
        batch.chars += len(article.text)
        if len(batch.articles) >= self.partition_size or batch.chars >= PARTITION_CHARS:
            self._submit(batch)
            self.batch = _Batch()
        return batch, position, 0

    def _submit(self, full: _Batch) -> None:
        if self.running is None:
            self.running = self.start()
            self.capacity = self.running.capacity
        full.handle = self.running.submit(full.articles)
        self.under_way.append(full)

    def _drain(self, block: bool) -> Iterator[ArticleResult | RecordError]:
        """Emit the results at the head of the queue that are ready; wait for the first one if ``block``."""
        while self.slots:
            slot = self.slots[0]
            if slot.ready is None:
                for batch, _, _ in slot.parts:
                    if batch.results is None:
                        if batch.handle is None or not (block or batch.handle.done()):
                            return
                        self._collect(batch)
                block = False
                slot.ready = self._join(slot)
            self.slots.popleft()
            yield self._emit(slot.ready)

    def _join(self, slot: _Slot) -> ArticleResult | RecordError:
        """The result of a slot's pieces (one piece: its result as it came)."""
        pieces = [(batch.results[position], offset) for batch, position, offset in slot.parts if batch.results]
        if len(pieces) == 1:
            return pieces[0][0]
        failed = next((r for r, _ in pieces if isinstance(r, RecordError)), None)
        assert slot.record is not None
        if failed is not None:
            return dataclasses.replace(failed, record_id=slot.record.id)
        parts = [_shifted(r, offset) for r, offset in pieces if isinstance(r, ArticleResult)]
        joined = merge_chunks(slot.record, parts)
        if self.cache is not None and slot.key is not None:
            self.cache.put(slot.key, self.config, joined)
        return joined

    def _collect(self, owner: _Batch) -> None:
        assert owner.handle is not None
        owner.results = owner.handle.result()
        self.under_way.remove(owner)
        if self.cache is not None:
            for key, result in zip(owner.keys, owner.results, strict=True):
                if key is not None and isinstance(result, ArticleResult):
                    self.cache.put(key, self.config, result)

    def _emit(self, item: ArticleResult | RecordError) -> ArticleResult | RecordError:
        if self.progress:
            self.progress(1)
        if isinstance(item, RecordError):
            if self.strict:
                raise StrictModeError(error_text(item))
            return item
        return resolve(item, self.aliases)
