# Two entry points: `make demo` and `make test`. Both build .venv from the pinned lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
DB ?= demo.db

.PHONY: demo test lint bench clean venv lock

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(STAMP): $(BIN)/python requirements/dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f $(DB)
	$(BIN)/supplytrace --db $(DB) demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py

lock:
	uv pip compile --python-version 3.11 --generate-hashes requirements/main.in -o requirements/main.txt
	uv pip compile --python-version 3.11 --generate-hashes requirements/dev.in -o requirements/dev.txt

clean:
	rm -rf $(VENV) $(DB) .pytest_cache
