# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXTRAS := dev,postgres,server

.PHONY: install demo test test-sqlite test-postgres bench lint fix lock i18n clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e '.[$(EXTRAS)]'
	@touch $@

install: $(STAMP)

# The benchmarks also need the bench extra (WeasyPrint, for a comparison).
$(VENV)/.bench-installed: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e '.[$(EXTRAS),bench]'
	@touch $@

demo: $(STAMP)
	$(BIN)/catalogue demo

# The whole suite on a throwaway SQLite file; then, when CATALOGUE_TEST_DATABASE_URL names a
# PostgreSQL server (.ci/run sets it when one answers), the database tests again on PostgreSQL.
test: $(STAMP)
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$CATALOGUE_TEST_DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "CATALOGUE_TEST_DATABASE_URL not set: database tests ran on SQLite only."; fi

test-sqlite: $(STAMP)
	CATALOGUE_TEST_DATABASE_URL= $(BIN)/python -m pytest

test-postgres: $(STAMP)
	$(BIN)/python -m pytest -m db

bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fix: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve the pinned versions inside the ranges of pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check '.[$(EXTRAS),bench]'
	.lock-venv/bin/python -m pip freeze --exclude catalogue | sort -f > requirements.lock
	rm -rf .lock-venv

# Re-extract interface strings and merge them into the es/fr/vi catalogues (then translate).
i18n: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k N_ --no-location --omit-header \
		--sort-output -o catalogue/translations/messages.pot .
	$(BIN)/pybabel update -i catalogue/translations/messages.pot -d catalogue/translations \
		--ignore-obsolete --no-fuzzy-matching

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
