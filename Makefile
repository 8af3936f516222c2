# The two commands a newcomer needs: `make site` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# lunr.js from npm, for the test that holds the Python index builder to lunr.js (tests/search).
NODE_STAMP := tests/search/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install site serve check test clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

site: install
	$(BIN)/onestop build --strict
	@echo
	@echo "The site is in $(CURDIR)/site/ (open site/index.html, or serve the folder with any web server)."
	@echo "Preview it with live reload while you edit YAML, Markdown or templates:  make serve"

serve: install
	$(BIN)/mkdocs serve --livereload

check: install
	$(BIN)/onestop check --strict

$(NODE_STAMP): tests/search/package.json tests/search/package-lock.json
	cd tests/search && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: install $(NODE_STAMP)
	scripts/ensure-chromium
	$(BIN)/python -m pytest

clean:
	rm -rf site .site.* reports tests/search/node_modules
