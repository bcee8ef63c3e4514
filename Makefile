# Two entry points for a fresh machine with Python 3.11+: `make demo` and `make test`.
# Both build .venv from the hash-pinned lock files in requirements/ first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench docs lock clean browser

install: $(STAMP)

$(STAMP): pyproject.toml requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/parley demo

lint: $(STAMP)
	$(BIN)/ruff check parley tests benchmarks scripts
	$(BIN)/mypy

test: lint browser
	$(BIN)/pytest

# Debian's Chromium for the browser tests (tests/web/test_browser.py, marked `browser`);
# where it cannot be installed (no root, not Debian) those tests skip with a message.
browser:
	@test -x /usr/bin/chromium || (command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ] && \
		export DEBIAN_FRONTEND=noninteractive && \
		(apt-get install -y -q chromium >/dev/null 2>&1 || \
		 (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null))) || \
		echo "chromium not installed: the browser tests will skip"

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest_throughput.py
	$(BIN)/python benchmarks/pipeline_throughput.py

# Regenerate the hash-pinned lock files; the model keeps only its wheel's hash.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o requirements/runtime.txt pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml
	$(BIN)/python scripts/model_hash.py requirements/runtime.txt requirements/dev.txt

docs: $(STAMP)
	$(BIN)/python -m parley.cli.docgen > docs/cli.md
	$(BIN)/python -m parley.cli.docgen --schema > docs/extraction.schema.json

clean:
	rm -rf $(VENV) build dist *.egg-info
