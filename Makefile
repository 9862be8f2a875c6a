# Two commands for a fresh machine: `make serve` (set up, then serve the built-in corpus) and
# `make test` (set up, then run every test suite). Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.citeqa-installed

.PHONY: install serve test test-fast browser clean

# torch first, from the local CPU wheel (a plain `torch` would pull a multi-GB CUDA build), then
# citeqa with every transitive version pinned by constraints.txt; pip check proves they agree.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test,eval,ray]'
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/citeqa serve

# The page's tests drive Debian's chromium with Playwright (no browser download: none is reachable).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; fi; }

test-fast: $(STAMP) browser
	$(BIN)/python -m pytest

# The default suite, then the slow one and the one on a local two-node Ray cluster (exit code 5
# means "no test selected", not a failure).
test: test-fast
	$(BIN)/python -m pytest -m slow; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]
	$(BIN)/python -m pytest -m ray; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 5 ]

clean:
	rm -rf $(VENV) .citeqa
