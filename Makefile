# Hip Drop: `make serve` builds the course and serves it; `make test` runs every test.
# Set-up is done on the first run and skipped after (stamp files), unless its inputs change.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM ?= /usr/bin/chromium

.PHONY: help setup site serve preview test test-quick lint bench bundle scorm handouts lock clean wheel

help:
	@echo "make serve   build the course and serve it on http://127.0.0.1:$(PORT)"
	@echo "make preview while writing: mkdocs serve --dirty, only the edited pages rebuilt (no PDFs)"
	@echo "make test    set up, then run every test (make lint first), on 2 workers"
	@echo "make test-quick  the tests that need no browser and no session build of minutes: a few minutes"
	@echo "make lint    ruff (lint, and format check of src/ and macros/) and mypy over src/ and macros/: a few seconds"
	@echo "make bench   measure build, load and Lighthouse against their baselines (bench/report.json, README)"
	@echo "make site    build the course into site/, with its PDF handouts in site/handouts/"
	@echo "make bundle  write the classroom bundle, dist/hip-drop-course-<version>.zip"
	@echo "make scorm   write the SCORM 1.2 package, dist/hip-drop-course-<version>-scorm12.zip"
	@echo "make wheel   build the installable package, dist/hipdrop-<version>-py3-none-any.whl"
	@echo "make clean   remove build output and installed dependencies"

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Python: exact pins of everything (transitive too) from requirements.lock, then the project.
$(VENV)/.installed: $(BIN)/activate requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# pyodide-build (it needs Python 3.12 or newer) writes the engine's pyodide-lock.json: installed in
# .venv-pyodide from requirements-pyodide-build.lock when this machine has such a Python (pyenv's
# included); without one the build writes the same lock with hipdrop's own code, and says so.
PYODIDE_VENV := .venv-pyodide
PYODIDE_PYTHON ?= $(shell for p in python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python) $(wildcard $(HOME)/.pyenv/versions/3.12*/bin/python); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
$(PYODIDE_VENV)/.installed: requirements-pyodide-build.lock
	@if [ -z "$(PYODIDE_PYTHON)" ]; then \
		echo "note: no Python 3.12 or newer here, so no pyodide-build: the build writes the engine's lock itself"; \
		mkdir -p $(PYODIDE_VENV) && touch $@; \
	else \
		rm -rf $(PYODIDE_VENV) && $(PYODIDE_PYTHON) -m venv $(PYODIDE_VENV) && \
		$(PYODIDE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $< && touch $@; \
	fi

# Front end: the Pyodide runtime (and test tools) exactly as package-lock.json pins them.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium and poppler (browser tests, PDF checks); apt is used only when missing.
/usr/bin/chromium /usr/bin/pdftoppm:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium poppler-utils

# Debian's Firefox ESR, WebKitGTK's WebDriver (MiniBrowser comes with it) and Xvfb: the Firefox and
# WebKit suites (tests/engines/); apt is used only when missing.
/usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb

ENGINES := /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb

# The runtime the installed package brings (package data, not committed): Pyodide's five boot files,
# the iframe-worker shim and the QR code library (npm `qr`: draws and reads result codes), copied
# from the pinned npm packages.
RUNTIME := src/hipdrop_tools/vendor
PYODIDE_FILES := pyodide.mjs pyodide.asm.mjs pyodide.asm.wasm python_stdlib.zip pyodide-lock.json
QR_FILES := index.js decode.js LICENSE-MIT
$(RUNTIME)/.staged: node_modules/.installed
	rm -rf $(RUNTIME) && mkdir -p $(RUNTIME)/pyodide $(RUNTIME)/qr
	cp $(addprefix node_modules/pyodide/,$(PYODIDE_FILES)) $(RUNTIME)/pyodide/
	cp node_modules/iframe-worker/shim/index.js $(RUNTIME)/iframe-worker-shim.js
	cp $(addprefix node_modules/qr/,$(QR_FILES)) $(RUNTIME)/qr/
	touch $@

setup: $(VENV)/.installed $(PYODIDE_VENV)/.installed node_modules/.installed $(RUNTIME)/.staged

# The installable package: the generator alone (the plugin, the core and the staged runtime; no
# course's macros/ or site_assets/).
# setup.py stops the build when the runtime is missing.
wheel: setup
	rm -rf build/lib dist/hipdrop-*.whl
	$(BIN)/python -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation --wheel-dir dist .

# The IMS QTI 1.2 DTD, for the export tests: taken from PyPI's pyslet source package (pinned), which
# ships it with its own tests; unpacked under build/ (not committed).
QTI12_DTD := build/schemas/qti/qtiv1p2/ims_qtiasiv1p2p1.dtd
$(QTI12_DTD): $(VENV)/.installed
	rm -rf build/pyslet && mkdir -p build/pyslet $(dir $@)
	$(BIN)/python -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: --dest build/pyslet pyslet==0.7.20170805
	tar -xzf build/pyslet/pyslet-0.7.20170805.tar.gz -C build/pyslet pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd
	cp build/pyslet/pyslet-0.7.20170805/unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd $@

site: setup $(CHROMIUM)
	$(BIN)/mkdocs build --strict
	$(BIN)/hipdrop handouts

# The PDFs again (site/handouts/), from the site already built.
handouts: setup $(CHROMIUM)
	$(BIN)/hipdrop handouts

# The classroom bundle: dist/<course>-course-<version>.zip, named from the plugin's short_name
# (this course: hip-drop-course-<version>.zip; offline build + serve.py launcher).
bundle: setup
	$(BIN)/hipdrop bundle

# The SCORM 1.2 package for learning platforms: dist/<course>-course-<version>-scorm12.zip.
scorm: setup
	$(BIN)/hipdrop scorm

serve: site
	$(BIN)/python -m hipdrop_tools.offline.serve site --port $(PORT)

# While writing: MkDocs' own server, rebuilding only the pages whose source changed (`--dirty`; the
# navigation and the search index of other pages may lag until a full build). No service worker,
# no compressed copies, no PDFs under it. Not strict: MkDocs warns on every dirty build (`make site`
# checks strictly).
preview: setup
	$(BIN)/mkdocs serve --dirty --no-strict -a 127.0.0.1:$(PORT)

# Ruff's lint rules (src/, macros/, tests/), its formatter's check (src/, macros/) and mypy over src/ and macros/ (pyproject.toml
# holds their settings); `make test` runs them before the tests.
lint: $(VENV)/.installed
	$(BIN)/ruff check src macros tests
	$(BIN)/ruff format --check src macros
	$(BIN)/mypy

# Two xdist workers (the machine's 2 cores): each test module stays on one worker (its module
# fixtures are made once; each engines suite is a module), and the session builds are made once for
# both (tests/conftest.py). PYTEST_WORKERS=0 runs everything in one process.
PYTEST_WORKERS ?= 2
test: setup lint $(CHROMIUM) /usr/bin/pdftoppm $(ENGINES) $(QTI12_DTD)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadscope

# The fast lane: no browser (Chromium, Firefox, WebKit) and none of the session builds of minutes
# (public build, bundle, example course, handouts); the course is built once.
test-quick: setup lint $(QTI12_DTD)
	$(BIN)/python -m pytest -m "not browser and not engines and not slow"

# The course measured side by side with its baselines (issues 9 and 16): build time, Lighthouse
# beside a stock mkdocs-material page, reading bytes, quiz feedback, widget ready against a bare
# Pyodide boot, a rebuild under mkdocs serve. Prints the tables, writes bench/report.json and
# README.md's Benchmark section. Takes several minutes.
LIGHTHOUSE_RUNS ?= 3
bench: setup $(CHROMIUM)
	$(BIN)/python bench/run.py --readme --lighthouse-runs $(LIGHTHOUSE_RUNS)

# Regenerate requirements.lock from the direct pins in pyproject.toml (maintainers only).
lock: $(BIN)/activate
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip freeze --all --exclude-editable | grep -vE '^(hipdrop|pip)==' > requirements.lock

clean:
	rm -rf site dist build $(VENV) $(PYODIDE_VENV) node_modules $(RUNTIME) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
