# Claimtracker tasks. Quick start: `make run` (serve the seeded app) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?= -n 2

.PHONY: install run setup test test-fast lint format benchmark evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Migrate, load the curated topics, ingest the seed articles and create a local admin.
setup: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py loaddata fixtures/topics.json
	$(PY) manage.py ingest seeds/
	$(PY) manage.py ensure_local_admin

run: setup
	@echo ""
	@echo "  Admin (review):  http://127.0.0.1:8000/admin/"
	@echo "  API:             http://127.0.0.1:8000/api/"
	@echo "  API docs:        http://127.0.0.1:8000/api/docs/"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

# pytest exits 5 when it collects no test: that is not a failure of the code.
test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The tests that do not load the spaCy model (marked `nlp` in tests/conftest.py).
test-fast: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS) -m "not nlp" || [ $$? -eq 5 ]

# ruff, then the layer contracts of pyproject.toml's [tool.importlinter].
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache
