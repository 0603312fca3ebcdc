"""Start-up: ``graphbuild --help``, ``--version`` and ``build --help`` against Python starting bare.

    python -m benchmarks.startup [--rounds 7]

Each command runs ``--rounds`` times, alternating with ``python -c pass`` on the same interpreter,
each a process of its own (the ``graphbuild`` script beside the interpreter, as a user runs it).
The best run of each counts, the spread is printed. Target: every command in <= 0.3 s, which
needs the CLI to parse its arguments before it imports spaCy, NetworkX or the Neo4j driver.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from benchmarks.common import parser, save, verdict

COMMANDS = {"--help": ["--help"], "--version": ["--version"], "build --help": ["build", "--help"]}
TARGET_S = 0.3


def _seconds(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed with exit code {done.returncode}: {done.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    p = parser(__doc__)
    p.add_argument("--rounds", type=int, default=7)
    args = p.parse_args(argv)
    script = Path(sys.executable).with_name("graphbuild")
    program = [str(script)] if script.exists() else [sys.executable, "-m", "graphbuild"]
    times: dict[str, list[float]] = {"python -c pass": [], **{name: [] for name in COMMANDS}}
    for _ in range(args.rounds):
        times["python -c pass"].append(_seconds([sys.executable, "-c", "pass"]))
        for name, extra in COMMANDS.items():
            times[name].append(_seconds([*program, *extra]))
    bare = min(times["python -c pass"])
    print(f"{args.rounds} rounds, best (spread); {' '.join(program)}")
    figures: dict[str, object] = {"rounds": args.rounds, "python_s": round(bare, 3)}
    for name, values in times.items():
        best = min(values)
        line = f"{name}: {best:.3f} s ({min(values):.3f}-{max(values):.3f})"
        if name in COMMANDS:
            line += f", {best / bare:.1f}x bare Python {verdict(best, TARGET_S, at_least=False)}"
            figures[name] = {"best_s": round(best, 3), "worst_s": round(max(values), 3)}
        print(line)
    save("startup", figures, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
