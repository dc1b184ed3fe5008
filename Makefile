# Two commands: `make build` (sources/ -> data/ + datapackage.json, validated) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test validate evaluate bench reliability release clean-venv

build: $(STAMP)
	$(BIN)/python -m scripts.build

test: $(STAMP)
	$(BIN)/python -m pytest

evaluate: $(STAMP)
	$(BIN)/python -m scripts.evaluate

bench: $(STAMP)
	$(BIN)/python -m scripts.bench_draft

reliability: $(STAMP)
	$(BIN)/python -m scripts.reliability

release: build
	$(BIN)/python -m scripts.release

validate: $(STAMP)
	$(BIN)/frictionless validate datapackage.json

$(STAMP): requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
