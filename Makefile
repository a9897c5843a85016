# Each target installs what it needs first, so `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PORT ?= 8501
ADDRESS ?= localhost

.PHONY: install run test lint format typecheck validate verify bench messages clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# axe-core for the accessibility tests; skipped (and those tests skip, outside CI) where npm is missing.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $(AXE); \
	else echo "npm not found: the accessibility tests will skip (they fail under CI=true)"; fi

install: $(STAMP) $(AXE)

run: $(STAMP)
	$(PY) -m policy validate
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: $(STAMP) $(AXE)
	$(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(STAMP)
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

typecheck: $(STAMP)
	$(PY) -m mypy policy ui app.py

validate: $(STAMP)
	$(PY) -m policy validate

verify: $(STAMP)
	$(PY) -m policy verify

# The interface's messages: extract them into the template, then bring each language's catalog up to date
# (a new language: $(VENV)/bin/pybabel init -i policy/locale/messages.pot -d policy/locale -l <code>).
messages: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --sort-output -c Translators: -k _ -k ngettext:1,2 -k N_ \
		-k pgettext:1c,2 --project="Fentanyl Policy Options" -o policy/locale/messages.pot app.py policy ui
	$(VENV)/bin/pybabel update --ignore-obsolete -w 110 -i policy/locale/messages.pot -d policy/locale

bench: $(STAMP)
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
