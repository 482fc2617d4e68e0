# The two commands of the README: `make demo` and `make test`.
# Both create .venv if needed and (re)install the project only when pyproject.toml changed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Keyed on pyproject.toml's content: an unchanged file means nothing to install.
STAMP := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-16)

.PHONY: demo demo-reset test install test-packages pdf-packages

# Where `make demo` listens: `make demo HOST=0.0.0.0 PORT=8000` lets the laptops of the room in (the
# QR code and the join URL then give this machine's address on the local network). Set on make's
# command line; an exported HOST of the shell is ignored (some shells set it to the machine's name).
HOST = 127.0.0.1
PORT = 8000

demo: $(STAMP) pdf-packages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --address $(HOST):$(PORT)
	DEBUG=true $(PY) manage.py serve_room $(HOST):$(PORT)

# The demo workshop back to its start: what the room did in it is deleted, then it is loaded again.
demo-reset: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --reset --address $(HOST):$(PORT)

# With no DATABASE_URL / REDIS_URL, the run starts a PostgreSQL and a Redis of its own (tests/servers.py).
test: $(STAMP) test-packages pdf-packages
	$(PY) -m pytest

# What the suite needs from Debian: Chromium for the browser tests, and the PostgreSQL and Redis
# servers that tests/servers.py starts when DATABASE_URL / REDIS_URL are not set. Installed when
# missing if we are root with apt; otherwise said, and the run says what it could not do.
test-packages:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -n "$$DATABASE_URL" ] || command -v pg_ctl >/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
	  || missing="$$missing postgresql"; \
	[ -n "$$REDIS_URL" ] || command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's$$missing for the tests"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q $$missing \
	    || echo "Could not install$$missing: the tests that need them will say so"; \
	else \
	  echo "The tests need Debian's$$missing: install them (sudo apt-get install$$missing)."; \
	  echo "Without Chromium the browser tests are skipped, without Redis the worker tests (with CI=true they fail); without PostgreSQL nothing runs."; \
	fi

# What WeasyPrint (the cahier's PDF export) needs from Debian: Pango, HarfBuzz's subsetter and the
# serif fonts the PDF is set in. Installed when missing if we are root with apt; otherwise said, and
# never an error: without them only the PDF export fails (with this message), the rest works.
PDF_LIBRARIES = libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
PDF_FONTS = fonts-dejavu-core fonts-liberation
pdf-packages: $(STAMP)
	@missing=""; \
	$(PY) -c 'import weasyprint' >/dev/null 2>&1 || missing="$(PDF_LIBRARIES)"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing="$$missing fonts-dejavu-core"; \
	[ -d /usr/share/fonts/truetype/liberation ] || missing="$$missing fonts-liberation"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's $$missing for the PDF export"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -q && apt-get install -y -q $$missing \
	    || echo "Could not install $$missing: the PDF export will say what it lacks"; \
	else \
	  echo "The cahier's PDF export needs Debian's $$missing: install them (sudo apt-get install $$missing)."; \
	  echo "Without them everything else works; the PDF export fails and says so."; \
	fi

install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@
