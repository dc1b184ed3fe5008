# Two commands: `make build` (sources/ -> data/ + datapackage.json, validated) and `make test`. `make help` lists all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -c constraints.txt

.DEFAULT_GOAL := help
.PHONY: help build test lint format validate evaluate bench bench-corpus release clean-venv

help:                ## list the targets
	@awk -F':.*## ' '/^[a-z-]+:.*## / {printf "  make %-11s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: $(RUNTIME)    ## sources/ -> data/ + datapackage.json, validated (about 3 s once .venv exists)
	$(BIN)/python -m scripts.build

test: $(TESTING)     ## run the tests (about 2 minutes on 2 cores)
	$(BIN)/python -m pytest

lint: $(TESTING)     ## ruff check and ruff format --check
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

format: $(TESTING)   ## rewrite the code in ruff's format, fix what ruff can
	$(BIN)/ruff check --fix scripts tests
	$(BIN)/ruff format scripts tests

validate: $(TESTING) ## frictionless validate datapackage.json (every resource, every format)
	$(BIN)/frictionless validate datapackage.json

evaluate: $(RUNTIME) ## the drafter against the hand-annotated corpus (precision, recall, F1)
	$(BIN)/python -m scripts.evaluate

bench: $(RUNTIME)    ## drafting throughput (articles per second), prints figures, asserts nothing
	$(BIN)/python -m scripts.tools.bench_draft

bench-corpus: $(RUNTIME) ## build time, memory and rebuild time at 1, 10, 100, 1000 generated articles (minutes)
	$(BIN)/python -m scripts.tools.bench_corpus

release: build       ## a versioned, validated, deterministic zip of the package in release/
	$(BIN)/python -m scripts.tools.release

$(RUNTIME): pyproject.toml constraints.txt
	@echo "First run: creating $(VENV) and installing the pinned dependencies (pyproject.toml, constraints.txt);"
	@echo "this takes 1-3 minutes once, later runs reuse $(VENV)."
	$(PYTHON) -m venv $(VENV)
	$(PYTHON) -m scripts.tools.requirements | $(PIP) --quiet -r /dev/stdin
	touch $(RUNTIME)

$(TESTING): $(RUNTIME)
	@echo "Installing the test tools ([test] extra of pyproject.toml: pytest, hypothesis, duckdb, polars, ruff)..."
	$(PYTHON) -m scripts.tools.requirements test | $(PIP) --quiet -r /dev/stdin
	touch $(TESTING)

clean-venv:          ## remove .venv (the next command recreates it)
	rm -rf $(VENV)
