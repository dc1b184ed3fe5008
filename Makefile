# Two commands: `make build` (sources/ -> data/ + datapackage.json, validated) and `make test`. `make help` lists all.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTING := $(VENV)/.installed-test
PIP    := $(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -c constraints.txt

.DEFAULT_GOAL := help
.PHONY: help build test test-install lint format validate evaluate bench bench-corpus release clean-venv

help:                ## list the targets
	@awk -F':.*## ' '/^[a-z-]+:.*## / {printf "  make %-13s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: $(RUNTIME)    ## sources/ -> data/ + datapackage.json, validated (about 2.5 s once .venv exists)
	$(BIN)/python -m scripts.build

test: $(TESTING)     ## run the tests (about 2.5 minutes on 2 cores; skipped tests say why)
	$(BIN)/python -m pytest

test-install: $(TESTING) ## the README's frictionless install line in a fresh venv (about 2 minutes; needs PyPI)
	FRESH_VENV_TESTS=1 $(BIN)/python -m pytest tests/test_install.py

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

# First run: say what is installed and how long it takes, let pip show each package as it goes, time the whole.
$(RUNTIME): pyproject.toml constraints.txt
	@echo "First run: creating $(VENV) with the dependencies of pyproject.toml at the versions of constraints.txt:"
	@echo "  $$($(PYTHON) -m scripts.tools.requirements | tr '\n' ' ')and what they need."
	@echo "This downloads about 130 MB and takes 1-3 minutes, once (pip lists each package below); later runs reuse $(VENV)."
	@start=$$(date +%s) && $(PYTHON) -m venv $(VENV) && \
	$(PYTHON) -m scripts.tools.requirements | $(PIP) -r /dev/stdin && touch $(RUNTIME) && \
	echo "$(VENV) is ready ($$(( $$(date +%s) - start )) s)."

$(TESTING): $(RUNTIME)
	@echo "Installing the test tools ([test] extra of pyproject.toml: pytest, hypothesis, duckdb, polars, ruff)..."
	@start=$$(date +%s) && $(PYTHON) -m scripts.tools.requirements test | $(PIP) -r /dev/stdin && touch $(TESTING) && \
	echo "Test tools installed ($$(( $$(date +%s) - start )) s)."

clean-venv:          ## remove .venv (the next command recreates it)
	rm -rf $(VENV)
