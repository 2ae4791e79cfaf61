# eventdesk: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB := $(CURDIR)/.demo/eventdesk.db

.PHONY: install demo test lint typecheck unit clean-demo serve web system-deps

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/eventdesk gazetteer build --quiet
	touch $@

demo: install
	@mkdir -p .demo && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== coding the bundled sample articles (samples/articles, html, feeds, jsonl) =="
	$(BIN)/eventdesk extract samples/articles samples/html samples/feeds samples/jsonl --db $(DEMO_DB) --out .demo/events.jsonl
	@$(BIN)/python -m eventdesk.cli.table .demo/events.jsonl
	@echo "== events (JSON Lines): .demo/events.jsonl =="
	@echo "== database: $(DEMO_DB) =="
	@echo "== dashboard: make serve  (or $(BIN)/eventdesk serve --db $(DEMO_DB)), then http://127.0.0.1:8000 =="

serve: install
	$(BIN)/eventdesk serve --db $(DEMO_DB)

# Rebuild the dashboard's third-party bundle and basemap from npm (the output is committed).
web:
	cd web && npm ci --no-audit --no-fund && node build.mjs

# PostgreSQL and Chromium for the store's and the dashboard's tests (apt-get, as root).
system-deps:
	bash scripts/system-deps.sh

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest

test: lint typecheck unit
