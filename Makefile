# Two entry points: `make demo` and `make test`. Both build .venv from the pinned lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
DB ?= demo.db
WEB_STAMP := web/node_modules/.installed
# The seed reporting sits beside a checkout of this project in ../shared/seeds; the demo adds it when present.
SEEDS ?= $(wildcard ../shared/seeds)

.PHONY: demo test lint bench clean venv lock serve web-assets

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(STAMP): $(BIN)/python requirements/dev.txt pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

# The web UI's graph library (Cytoscape.js) comes from the npm registry, pinned by web/package-lock.json.
$(WEB_STAMP): web/package.json web/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  cd web && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.installed; \
	else echo "note: npm not found; the web UI will run without its network view"; fi

web-assets: $(WEB_STAMP)

demo: $(STAMP) $(WEB_STAMP)
	rm -f $(DB)
	$(BIN)/supplytrace --db $(DB) demo $(SEEDS)
	@echo
	@echo "Start the web UI on this store:  make serve   (or: $(BIN)/supplytrace --db $(DB) serve)"

serve: $(STAMP) $(WEB_STAMP)
	$(BIN)/supplytrace --db $(DB) serve

test: $(STAMP) $(WEB_STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/resolve.py
	$(BIN)/python benchmarks/screen.py
	$(BIN)/python benchmarks/api.py

lock:
	uv pip compile --python-version 3.11 --generate-hashes requirements/main.in -o requirements/main.txt
	uv pip compile --python-version 3.11 --generate-hashes requirements/dev.in -o requirements/dev.txt

clean:
	rm -rf $(VENV) $(DB) .pytest_cache web/node_modules test-artifacts
