# graphbuild: `make demo` builds the seed graph, `make test` runs every check.
# Both set everything up from scratch (a virtualenv in .venv) on a fresh machine.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

VIS_DIR  := .cache/explorer
VIS_JS   := $(VIS_DIR)/node_modules/vis-network/standalone/umd/vis-network.min.js
LINT_DIR := .cache/cypher-lint
LINTER   := $(LINT_DIR)/node_modules/@neo4j-cypher/language-support/package.json

.PHONY: bench bench-speed readme demo test install lint lint-cypher typecheck unit eval clean help chromium

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

$(VIS_JS):
	@command -v npm >/dev/null || { echo "the explorer needs vis-network from npm: install Node.js 20+ and npm"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix $(VIS_DIR) vis-network@10.1.5

install: $(STAMP) $(VIS_JS)  ## create .venv and install graphbuild, its model, dev tools and the explorer's library

demo: install  ## build the seed graph into out/, then query it with Cypher (NEO4J_URI set: push there)
	$(BIN)/graphbuild build seeds/ --out $(OUT)/
	@echo "files in $(OUT)/:"; ls $(OUT)/
	@echo "open $(OUT)/explorer.html in a browser to explore the graph"
	@if [ -n "$$NEO4J_URI" ]; then \
		$(BIN)/graphbuild push $(OUT)/; \
	else \
		echo "NEO4J_URI is not set: querying the graph with Cypher on a local Bolt server"; \
		$(BIN)/graphbuild query $(OUT)/ --name actor_actions --param actor="Ben Wallace"; \
		$(BIN)/graphbuild sandbox $(OUT)/ --query top_actors --query roles --query edge_evidence; \
	fi

readme: install  ## rewrite the README's sample output from real runs (make test checks it is current)
	$(BIN)/python docs/samples.py --update

lint: install  ## ruff
	$(BIN)/ruff check graphbuild tests benchmarks

$(LINTER):
	@command -v npm >/dev/null || { echo "lint-cypher needs Node.js 20+ and npm (apt-get install nodejs npm)"; exit 1; }
	npm install --silent --no-audit --no-fund --prefix $(LINT_DIR) @neo4j-cypher/language-support@2.0.0-next.38

lint-cypher: install $(LINTER)  ## check cypher/*.cypher and the writer's queries with Neo4j's own linter
	$(BIN)/python -m graphbuild.neo4j.queries > .cache/writer-queries.cypher
	$(BIN)/python -m graphbuild.neo4j.queries --db-schema > .cache/db-schema.json
	CYPHER_LINT_MODULES=$(LINT_DIR) node cypher/lint.mjs --warnings-as-errors --schema .cache/db-schema.json \
		cypher/*.cypher .cache/writer-queries.cypher

typecheck: install  ## mypy --strict
	$(BIN)/mypy

chromium:  ## headless Chromium for the browser tests (Debian package; needs root, skipped otherwise)
	@command -v chromium >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "could not install chromium: the browser tests will skip"; \
		else echo "chromium is not installed and this is not root: the browser tests will skip"; fi; }

unit: install chromium  ## pytest
	$(BIN)/pytest

test: lint lint-cypher typecheck unit  ## lint Python and Cypher, type-check and run the tests

bench-speed: install  ## the build's six speed and memory figures (about 25 min): start-up, explorer, cache, build vs parse, long article
	$(BIN)/python -m benchmarks.startup
	$(BIN)/python -m benchmarks.explorer
	$(BIN)/python -m benchmarks.cached
	$(BIN)/python -m benchmarks.build
	$(BIN)/python -m benchmarks.long

bench: bench-speed  ## every benchmark on the BBC corpus (about an hour): the above, then cores, cache, memory, graph, push, CaRB
	$(BIN)/python -m benchmarks.overhead
	$(BIN)/python -m benchmarks.incremental
	$(BIN)/python -m benchmarks.memory
	$(BIN)/python -m benchmarks.graph
	$(BIN)/python -m benchmarks.push
	$(BIN)/python benchmarks/carb.py benchmarks/carb/data/dev.txt -o .cache/carb-dev.tsv \
		--gold benchmarks/carb/data/gold/dev.tsv

eval: install  ## score the extractor on the dev gold triples
	$(BIN)/graphbuild eval tests/data/gold-dev.jsonl

clean:  ## remove build output and caches (keeps .venv)
	rm -rf $(OUT) .mypy_cache .ruff_cache .pytest_cache
