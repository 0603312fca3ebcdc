# graphbuild: `make demo` builds the seed graph, `make test` runs every check.
# Both set everything up from scratch (a virtualenv in .venv) on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

LINT_DIR := .cache/cypher-lint
LINTER   := $(LINT_DIR)/node_modules/@neo4j-cypher/language-support/package.json

.PHONY: demo test install lint lint-cypher typecheck unit eval clean help

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(STAMP)  ## create .venv and install graphbuild with its model and dev tools

demo: install  ## build the seed graph into out/, then query it with Cypher (NEO4J_URI set: push there)
	$(BIN)/graphbuild build seeds/ --out $(OUT)/
	@echo "files in $(OUT)/:"; ls $(OUT)/
	@if [ -n "$$NEO4J_URI" ]; then \
		$(BIN)/graphbuild push $(OUT)/; \
	else \
		echo "NEO4J_URI is not set: trying the curated Cypher queries on a local Bolt server"; \
		$(BIN)/graphbuild sandbox $(OUT)/ --query top_actors --query actor_actions --query roles \
			--query edge_evidence; \
	fi

lint: install  ## ruff
	$(BIN)/ruff check graphbuild tests benchmarks

$(LINTER):
	@command -v npm >/dev/null || { echo "lint-cypher needs Node.js 20+ and npm (apt-get install nodejs npm)"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix $(LINT_DIR) @neo4j-cypher/language-support@2.0.0-next.38

lint-cypher: install $(LINTER)  ## check cypher/*.cypher and the writer's queries with Neo4j's own linter
	$(BIN)/python -m graphbuild.neo4j_queries > .cache/writer-queries.cypher
	CYPHER_LINT_MODULES=$(LINT_DIR) node cypher/lint.mjs --warnings-as-errors cypher/*.cypher .cache/writer-queries.cypher

typecheck: install  ## mypy --strict
	$(BIN)/mypy

unit: install  ## pytest
	$(BIN)/pytest

test: lint lint-cypher typecheck unit  ## lint Python and Cypher, type-check and run the tests

eval: install  ## score the extractor on the dev gold triples
	$(BIN)/graphbuild eval tests/data/gold-dev.jsonl

clean:  ## remove build output and caches (keeps .venv)
	rm -rf $(OUT) .mypy_cache .ruff_cache .pytest_cache
