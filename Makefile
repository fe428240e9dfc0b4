# The README's commands: `make run` and `make test`, and the small steps they call.
# Works on a fresh machine (no .venv, no ~/.m2): Python packages come from PyPI, Neo4j jars from Maven Central.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Tools run as `python -m`: console-script shebangs break when a venv is copied or cloned from elsewhere.
PY := $(BIN)/python
CKG := $(PY) -m graph_service.cli
# Rebuilt only when pyproject.toml changes.
VENV_STAMP := $(VENV)/.installed-pyproject

.PHONY: venv env neo4j-jars neo4j-start neo4j-stop run test lint bench

venv: $(VENV_STAMP)

$(VENV_STAMP): pyproject.toml
	$(PY) -c '' 2>/dev/null || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# .env from .env.example when present (with a fresh random password instead of its placeholder).
env:
	@if [ -f .env ]; then \
		echo ".env exists; leaving it alone"; \
	else \
		password="$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(18))')"; \
		if [ -f .env.example ]; then \
			sed "s|^NEO4J_PASSWORD=.*|NEO4J_PASSWORD=$$password|" .env.example > .env; \
		else \
			printf 'NEO4J_PASSWORD=%s\n' "$$password" > .env; \
		fi; \
		chmod 600 .env; \
		echo "wrote .env with a random NEO4J_PASSWORD"; \
	fi

neo4j-jars: venv
	$(CKG) neo4j jars

neo4j-start: venv env
	$(CKG) neo4j start

neo4j-stop: venv
	$(CKG) neo4j stop

# Ends with the API serving in the foreground (it prints where the docs and Neo4j Browser are); Ctrl-C stops it.
run: venv env neo4j-start
	$(CKG) db init
	$(CKG) ingest examples/articles
	$(CKG) serve

test: venv
	$(PY) -m pytest -q

lint: venv
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy graph_service loaders

# Extraction, ingest (500 / 2,000 / 10,000 articles), API and memory figures -> docs/benchmarks.md (~20-30 min).
# Starts its own throwaway Neo4j servers on free ports; `make bench BENCH_ARGS=--quick` is a smoke run.
bench: venv neo4j-jars
	$(PY) -m bench.run_all $(BENCH_ARGS)
