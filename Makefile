# The two commands a newcomer needs: `make site` and `make test`. Each sets up what it needs.
# `make serve` previews with live reload; --dirty keeps unchanged pages, and the onestop plugin
# re-renders only the pages a content change touches (tests/test_incremental.py proves the
# result equals a full build).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install site serve check test bench clean

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
	$(BIN)/mkdocs serve --dirty --livereload

check: install
	$(BIN)/onestop check --strict

test: install
	scripts/ensure-chromium
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf site .site.* reports
