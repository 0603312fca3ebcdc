"""Bare spaCy over a JSON Lines corpus, in a process of its own: the floor for graphbuild's speed and memory.

    python -m benchmarks.bare CORPUS [--workers N] [--batch-size B] [--model M]

Loads the model with the components graphbuild runs (the same ``load_model``, less graphbuild's
own headline and quote components), reads the ``text`` of every line (cleaned as graphbuild
cleans it), and runs ``nlp.pipe(texts, n_process=N)``, dropping each doc. Other benchmarks time
this process and sample its memory beside a ``graphbuild`` process doing the whole job on the
same texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graphbuild.extraction.nlp import DEFAULT_MODEL, OWN_COMPONENTS, load_model
from graphbuild.io import read_articles
from graphbuild.model import Article


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("corpus", type=Path)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--model", default=DEFAULT_MODEL)
    args = p.parse_args(argv)
    nlp = load_model(args.model)
    nlp.select_pipes(disable=[n for n in OWN_COMPONENTS if n in nlp.pipe_names])
    texts = (a.text for a in read_articles([args.corpus]) if isinstance(a, Article))
    docs = 0
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
        docs += 1
    print(f"{docs} docs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
