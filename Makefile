# eventdesk: `make demo` and `make test` are all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEMO_DB := $(CURDIR)/.demo/eventdesk.db

.PHONY: install demo test lint typecheck unit clean-demo

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

demo: install
	@mkdir -p .demo && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@echo "== ingesting the bundled sample articles (samples/articles, html, feeds, jsonl) =="
	$(BIN)/eventdesk ingest samples/articles samples/html samples/feeds samples/jsonl --db $(DEMO_DB) > /dev/null
	@echo "== stored documents =="
	@$(BIN)/eventdesk docs --db $(DEMO_DB)
	@echo "== database: $(DEMO_DB) =="
	@echo "(event coding arrives with issue 3; see README)"

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest

test: lint typecheck unit
