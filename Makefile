# graphbuild: `make demo` builds the seed graph, `make test` runs every check.
# Both set everything up from scratch (a virtualenv in .venv) on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

.PHONY: demo test install lint typecheck unit eval clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(STAMP)  ## create .venv and install graphbuild with its model and dev tools

demo: install  ## build the graph of seeds/ into out/ and print its stats
	$(BIN)/graphbuild build seeds/ --out $(OUT)/
	@echo "files in $(OUT)/:"; ls $(OUT)/

lint: install  ## ruff
	$(BIN)/ruff check graphbuild tests

typecheck: install  ## mypy --strict
	$(BIN)/mypy

unit: install  ## pytest
	$(BIN)/pytest

test: lint typecheck unit  ## lint, type-check and run the tests

eval: install  ## score the extractor on the dev gold triples
	$(BIN)/graphbuild eval tests/data/gold-dev.jsonl

clean:  ## remove build output and caches (keeps .venv)
	rm -rf $(OUT) .mypy_cache .ruff_cache .pytest_cache
