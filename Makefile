# The two commands a newcomer needs: `make site` and `make test`. Each sets up what it needs.
# `make serve` previews with live reload; --dirty keeps unchanged pages, and the onestop plugin
# re-renders only the pages a content change touches (tests/test_preview.py proves the
# result equals a full build); with a broken file, every page shows its problems until it is fixed.
# `make serve`, `make site` and `make check` need the Python packages alone (install-preview);
# `make install` and `make test` add node's tools and the test tools.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# What checking, building and previewing need: the Python packages alone (no node, no test tools).
PREVIEW_STAMP := $(VENV)/.installed-preview
# The accessibility gate's node tools (pa11y-ci, for its pa11y and puppeteer, and vnu-jar), pinned in package-lock.json; npm ci
# writes this file last, so deleting node_modules/ or changing the lock file reinstalls them.
NODE_STAMP := node_modules/.package-lock.json
# lunr.js from npm, for the test that holds the Python index builder to lunr.js (tests/search).
SEARCH_NODE_STAMP := tests/search/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install install-preview site serve check test bench a11y messages clean

install: $(STAMP) $(NODE_STAMP)

# For editors: enough for `make serve`, `make site` and `onestop check`, without node and npm.
install-preview: $(PREVIEW_STAMP)

$(PREVIEW_STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e .
	touch $@

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	touch $@ $(PREVIEW_STAMP)

# node comes from the machine (`--node=system`: the prebuilt download cannot be reached), put into
# .venv by nodeenv. `npm ci` installs exactly package-lock.json. PUPPETEER_SKIP_DOWNLOAD: the
# browser is Debian's chromium. --ignore-scripts: no install script may download anything
# (puppeteer's fetches Chrome, vnu-jar's a Java runtime; the machine's java runs vnu.jar).
$(NODE_STAMP): $(STAMP) package.json package-lock.json
	test -x $(BIN)/node || $(BIN)/nodeenv -p --node=system
	PATH="$(CURDIR)/$(BIN):$$PATH" PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Warnings are printed and never stop the build (as in the pull-request workflow): an editor's
# valid change builds on their computer too; `onestop check --strict` fails on them.
site: install-preview
	$(BIN)/onestop build
	@echo
	@echo "The site is in $(CURDIR)/site/ (open site/index.html, or serve the folder with any web server)."
	@echo "Preview it with live reload while you edit YAML, Markdown or templates:  make serve"

serve: install-preview
	$(BIN)/mkdocs serve --dirty --livereload

check: install-preview
	$(BIN)/onestop check

$(SEARCH_NODE_STAMP): tests/search/package.json tests/search/package-lock.json
	cd tests/search && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: install $(SEARCH_NODE_STAMP)
	scripts/ensure-chromium
	scripts/ensure-java
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python benchmarks/bench.py

# The accessibility gate alone (pa11y, the HTML checker, keyboard, reflow, structure, print);
# reports in reports/a11y/.
a11y: install
	scripts/ensure-chromium
	scripts/ensure-java
	$(BIN)/python -m pytest tests/a11y tests/browser

# The message catalogue's template, locales/messages.pot: every word of generator/ and overrides/
# (babel.cfg), extracted by pybabel (the options are in scripts/extract-messages). Run it after
# adding or changing a word, and commit the result: tests/test_messages.py fails until you do.
messages: install
	PYTHON=$(BIN)/python scripts/extract-messages locales/messages.pot

clean:
	rm -rf site .site.* reports tests/search/node_modules
