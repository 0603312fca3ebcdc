"""The README's sample output, made by running the commands it shows.

    python docs/samples.py            # check: exit 1 and a diff if a sample is out of date
    python docs/samples.py --update   # rewrite the samples in README.md (make readme)

A sample is a fenced block right after a ``<!-- sample: NAME -->`` line; :data:`SAMPLES` says which
command makes it and which of its lines are shown. The commands run in a scratch directory
holding a copy of ``seeds/`` (so paths read as in the README), with a fresh cache, 120 columns
and no colour. ``tests/test_docs.py`` runs the check.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_MARK = re.compile(r"(<!-- sample: (?P<name>[\w-]+) -->\n```[a-z]*\n)(?P<body>.*?)(```)", re.S)


@dataclass(frozen=True)
class Sample:
    """One command and the lines of its output (stdout and stderr as a terminal shows them) kept."""

    argv: tuple[str, ...]
    keep: Callable[[list[str]], list[str]]


def _build_lines(lines: list[str]) -> list[str]:
    """The top actors table's first three rows, then the closing summary lines (not the progress bar,
    whose elapsed time changes from run to run)."""
    start = next(i for i, line in enumerate(lines) if "top actors" in line)
    return [*lines[start : start + 7], "…", *lines[-2:]]


def _all(lines: list[str]) -> list[str]:
    """Every line but progress bars (their elapsed time changes from run to run)."""
    return [line for line in lines if not re.search(r"\d+/\d+ \d+:\d\d:\d\d$", line)]


SAMPLES: dict[str, Sample] = {
    "build": Sample(("build", "seeds/", "--out", "out/"), _build_lines),
    "query": Sample(("query", "out/", "--name", "actor_actions", "--param", "actor=Mr Wallace"), _all),
}


def _run(argv: tuple[str, ...], cwd: Path) -> list[str]:
    from typer.testing import CliRunner

    from graphbuild.cli import app
    from graphbuild.view.explorer import find_vis_network

    env = {"COLUMNS": "120", "NO_COLOR": "1", "TERM": "dumb", "GRAPHBUILD_CACHE_DIR": str(cwd / ".cache"),
           "GRAPHBUILD_VIS_NETWORK": str(find_vis_network())}  # found from the checkout, not the scratch directory
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(argv), env=env, catch_exceptions=False)
    finally:
        os.chdir(previous)
    if result.exit_code != 0:
        raise SystemExit(f"graphbuild {' '.join(argv)} failed ({result.exit_code}):\n{result.output}")
    return [line.rstrip() for line in result.output.splitlines() if line.strip()]


def render() -> dict[str, str]:
    """Each sample's text, made now, in order (the build first: the others read its out/)."""
    with tempfile.TemporaryDirectory(prefix="graphbuild-samples-") as scratch:
        where = Path(scratch)
        shutil.copytree(ROOT / "seeds", where / "seeds")
        return {name: "\n".join(sample.keep(_run(sample.argv, where))) + "\n"
                for name, sample in SAMPLES.items()}


def current(readme: str, made: dict[str, str]) -> str:
    """``readme`` with each sample block replaced by what was made."""
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        return match.group(1) + made.get(name, match.group("body")) + match.group(4)

    return _MARK.sub(replace, readme)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite README.md's samples")
    args = parser.parse_args(argv)
    readme = README.read_text(encoding="utf-8")
    fresh = current(readme, render())
    if args.update:
        README.write_text(fresh, encoding="utf-8")
        return 0
    if fresh != readme:
        sys.stdout.writelines(difflib.unified_diff(readme.splitlines(True), fresh.splitlines(True), "README.md",
                                                   "README.md (made now)"))
        print("the README's samples are out of date: make readme rewrites them")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
