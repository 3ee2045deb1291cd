# Two commands matter (README): `make demo` and `make test`. Everything they need is installed here.
VENV     := .venv
PY       := $(VENV)/bin/python
HB       := $(VENV)/bin/hallbuilder
STAMP    := $(VENV)/.installed
BUNDLE   := hallbuilder/web_dist/.built
DEMO     := tours/demo-hall
HOST     ?= 0.0.0.0
PORT     ?= 8000

.PHONY: setup demo demo-build test test-fast lint lint-js test-js format bench services chromium clean

$(STAMP): pyproject.toml
	@# PyICU (the word filter) builds against Debian's ICU
	@pkg-config --exists icu-i18n && command -v g++ >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++)
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

$(BUNDLE): web/node_modules/.installed $(shell find web/src -type f 2>/dev/null) web/build.mjs
	cd web && npm run build

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here),
# CJK fonts so Chinese text renders, espeak-ng to speak the demo hall's narration, poppler-utils (pdftoppm,
# pdftotext) for the tests that render the QR posters.
# The two other engines of tests/e2e/engines: WebKitGTK (webkit2gtk-driver: WebKitWebDriver, and MiniBrowser
# in libwebkit2gtk-4.1-0; GStreamer's libav and good plugins decode the AAC narration) and Firefox ESR (driven
# over WebDriver BiDi), both drawing WebGL with Mesa's llvmpipe (libgl1-mesa-dri) on an Xvfb display.
BROWSER_PACKAGES := chromium fonts-noto-cjk espeak-ng poppler-utils \
  webkit2gtk-driver gstreamer1.0-plugins-good gstreamer1.0-libav firefox-esr xvfb libgl1-mesa-dri
chromium:
	@test -x /usr/bin/chromium && command -v espeak-ng >/dev/null && command -v pdftoppm >/dev/null && \
	  command -v WebKitWebDriver >/dev/null && command -v firefox-esr >/dev/null && command -v Xvfb >/dev/null && \
	  dpkg -s gstreamer1.0-libav >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES))

# PostgreSQL is started before a session on this kind of machine; start it if it stopped.
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start

setup: $(STAMP) $(BUNDLE)

demo-build: setup chromium
	$(PY) $(DEMO)/prepare.py
	$(HB) build $(DEMO) -o $(DEMO)/dist

demo: demo-build
	$(HB) serve $(DEMO)/dist --host $(HOST) --port $(PORT)

# mypy reads its settings from pyproject.toml ([tool.mypy]: the hallbuilder package).
# The whole suite: tests/collection_guard.py fails the run when a test_*.py file under tests/ was not collected.
test: setup chromium services lint-js test-js
	$(VENV)/bin/ruff check hallbuilder tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -n 2 --dist loadgroup

# The viewer's JavaScript: ESLint (web/eslint.config.js) and Prettier, and node --test on its pure modules.
lint-js: web/node_modules/.installed
	cd web && npm run --silent lint

test-js: web/node_modules/.installed
	cd web && npm test

test-fast: setup
	$(VENV)/bin/pytest -n 2 -m "not e2e and not slow"

lint: $(STAMP) lint-js
	$(VENV)/bin/ruff check hallbuilder tests benchmarks
	$(VENV)/bin/ruff format --check hallbuilder tests benchmarks
	$(VENV)/bin/mypy

format: $(STAMP) web/node_modules/.installed
	$(VENV)/bin/ruff check --fix hallbuilder tests benchmarks
	$(VENV)/bin/ruff format hallbuilder tests benchmarks
	cd web && npm run --silent format

bench: setup chromium services
	$(PY) -m benchmarks

clean:
	rm -rf $(VENV) web/node_modules hallbuilder/web_dist $(DEMO)/dist .pytest_cache
