"""What the benchmarks share: the corpus, argument parsing, peak memory of a process tree, timing."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphbuild.executors import available_cores
from graphbuild.extraction.nlp import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc-news-2004-2005.jsonl"
#: Where benchmarks keep their work (a build of the corpus, caches, copies of the corpus).
WORK = ROOT / ".cache" / "bench"
GRAPHBUILD = [sys.executable, "-m", "graphbuild"]


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with the options every benchmark takes."""
    p = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines with id and text "
                   "(default: the BBC corpus beside the checkout)")
    p.add_argument("--limit", type=int, default=0, help="use the first N articles (0: all)")
    p.add_argument("--model", default=DEFAULT_MODEL)
    p.add_argument("--work", type=Path, default=WORK, help="scratch directory")
    return p


def corpus_missing(corpus: Path) -> bool:
    """Print the skip message and return True when the corpus is absent."""
    if corpus.exists():
        return False
    print(f"skipped: corpus {corpus} not found (pass --corpus PATH)")
    return True


def corpus_slice(corpus: Path, limit: int, work: Path, *, repeat: int = 1, name: str = "corpus") -> Path:
    """Write the first ``limit`` rows of ``corpus`` (all when 0), ``repeat`` times with distinct ids."""
    rows = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = rows[:limit] if limit else rows
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"{name}-{limit or 'all'}x{repeat}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(repeat):
            for line in rows:
                row = json.loads(line)
                if copy:
                    row["id"] = f"{row['id']}~{copy}"
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def words_in(path: Path) -> int:
    """Count whitespace-separated words in the ``text`` fields of a JSON Lines file."""
    return sum(len(str(json.loads(line).get("text", "")).split())
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@dataclass(frozen=True)
class Run:
    """One timed command: wall seconds, peak memory of its process tree, exit code.

    ``peak_rss`` sums each process's resident set, so pages that forked workers share with
    their parent (the model they inherit) count once per process; ``peak_pss`` sums the
    proportional set sizes, which split shared pages among the processes that share them: the
    memory the tree really occupies (0 where the system does not report it).
    """

    seconds: float
    peak_rss: int
    code: int
    stderr: str
    peak_pss: int = 0


def run(command: Sequence[str], *, env: dict[str, str] | None = None, poll: float = 0.05) -> Run:
    """Run ``command``, sampling the summed RSS of it and all its children every ``poll`` seconds."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peak = peak_pss = 0
    stop = threading.Event()

    def pss(p: psutil.Process) -> int:
        try:
            return int(getattr(p.memory_full_info(), "pss", 0))
        except psutil.Error:  # not Linux, or not allowed to read smaps
            return 0

    def sample() -> None:
        nonlocal peak, peak_pss
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            total = total_pss = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    with suppress(psutil.Error):
                        total += p.memory_info().rss
                        total_pss += pss(p)
            except psutil.Error:
                break
            peak = max(peak, total)
            peak_pss = max(peak_pss, total_pss)
            stop.wait(poll)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, stderr = proc.communicate()
    stop.set()
    thread.join()
    return Run(time.perf_counter() - started, peak, proc.returncode, stderr, peak_pss)


def check(result: Run, what: str) -> None:
    """Stop the benchmark with the command's error output when it failed (3 = records skipped is fine)."""
    if result.code not in (0, 3):
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"{what} failed with exit code {result.code}")


@contextmanager
def timed() -> Iterator[list[float]]:
    """``with timed() as t: ...`` then ``t[0]`` is the elapsed seconds."""
    box: list[float] = []
    started = time.perf_counter()
    yield box
    box.append(time.perf_counter() - started)


def machine() -> str:
    """One line describing the machine, for the figures' record."""
    return (f"{platform.processor() or platform.machine()}, {available_cores()} cores usable, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def verdict(ratio: float, target: float, *, at_least: bool = True) -> str:
    met = ratio >= target if at_least else ratio <= target
    return f"(target {'>=' if at_least else '<='} {target}: {'met' if met else 'NOT met'})"


def save(name: str, figures: dict[str, Any], work: Path = WORK) -> None:
    """Keep the figures as JSON under the work directory for docs/PERFORMANCE.md."""
    work.mkdir(parents=True, exist_ok=True)
    figures = {"benchmark": name, "machine": machine(), "date": time.strftime("%Y-%m-%d"), **figures}
    (work / f"{name}.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
