# Every target sets itself up: it builds the virtual environments it needs from the locks first.
# .venv/django and .venv/flask hold each twin's runtime alone; .venv/flask-test adds the Flask
# twin's test runner to that runtime; .venv/tools holds the suite and tools. The launcher needs only
# the standard library: `make serve` and `make run` run it on $(PYTHON) itself.

PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := $(VENV)/uv/bin/uv
TOOLS := $(VENV)/tools/bin
DJANGO := $(VENV)/django/bin
FLASK := $(VENV)/flask/bin
FLASK_TEST := $(VENV)/flask-test/bin
TWIN ?= django
PORT ?= 8000
HOST ?= 127.0.0.1
SEED ?=
SEED_FILE := shared_spec/seed/seed.json

.PHONY: help check-python venvs test test-shared test-launcher test-django test-flask \
	check-migrations lint format run serve unknown-twin lock clean

help:
	@echo "make test                      lint, migration checks, the shared suite, then every own test set"
	@echo "make run                       both twins with demo data (Django :8000, Flask :5000)"
	@echo "make serve TWIN=flask PORT=5000  one twin in the foreground, honouring DATABASE_URL"
	@echo "    SEED=1                     ... with the demo data loaded (once: a second run keeps it)"
	@echo "    HOST=0.0.0.0               ... reachable from other machines (set ALLOWED_HOSTS too)"
	@echo "make bench [QUICK=1]           measure both twins (benchmarks/README.md)"
	@echo "make bench-compare A=<run> B=<run>  do two bench runs agree on the ratios?"
	@echo "make evidence [QUICK=1]        every claim of the articles: experiments, figures, verdicts (EVIDENCE.md)"
	@echo "make loc                       line counts by layer and feature"
	@echo "make nginx                     Debian's nginx, for the deployment of deploy/ (README: Deployment)"
	@echo "make lint | format | lock | clean"

# Python 3.11 or newer makes every environment; checked before anything is built.
check-python:
	@version=$$($(PYTHON) -c 'import sys; print("%d %d" % sys.version_info[:2])' 2>/dev/null) || { \
		echo "make: no Python found as PYTHON=$(PYTHON). Install Python 3.11 or newer, or name it: make PYTHON=python3.11 ..." >&2; \
		exit 1; }; \
	set -- $$version; \
	if [ "$$1" -lt 3 ] || { [ "$$1" -eq 3 ] && [ "$$2" -lt 11 ]; }; then \
		echo "make: PYTHON=$(PYTHON) is Python $$1.$$2; the twins need Python 3.11 or newer: make PYTHON=python3.11 ..." >&2; \
		exit 1; fi

$(UV): | check-python
	$(PYTHON) -m venv $(VENV)/uv
	$(VENV)/uv/bin/pip install --quiet uv==$(UV_VERSION)

# Each environment is synced from its locks (and again when this Makefile changes how).
$(VENV)/tools/.synced: tools/requirements.txt Makefile | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/tools
	$(UV) pip sync --quiet --python $(VENV)/tools/bin/python tools/requirements.txt
	touch $@

$(VENV)/django/.synced: django_impl/requirements.txt Makefile | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/django
	$(UV) pip sync --quiet --python $(VENV)/django/bin/python django_impl/requirements.txt
	touch $@

$(VENV)/flask/.synced: flask_impl/requirements.txt Makefile | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/flask
	$(UV) pip sync --quiet --python $(VENV)/flask/bin/python flask_impl/requirements.txt
	touch $@

$(VENV)/flask-test/.synced: flask_impl/requirements.txt flask_impl/requirements-test.txt Makefile | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/flask-test
	$(UV) pip sync --quiet --python $(VENV)/flask-test/bin/python \
		flask_impl/requirements.txt flask_impl/requirements-test.txt
	touch $@

venvs: $(VENV)/tools/.synced $(VENV)/django/.synced $(VENV)/flask/.synced $(VENV)/flask-test/.synced

test: lint check-migrations test-shared test-launcher test-django test-flask test-bench

test-shared: venvs nginx
	$(TOOLS)/pytest tests

test-launcher: $(VENV)/tools/.synced $(VENV)/django/.synced $(VENV)/flask/.synced
	$(TOOLS)/pytest launcher/tests

test-django: $(VENV)/django/.synced
	cd django_impl && SECRET_KEY=test-only-key-for-the-django-twin-own-tests ../$(DJANGO)/python manage.py test --noinput

test-flask: $(VENV)/flask-test/.synced
	$(FLASK_TEST)/pytest flask_impl

check-migrations: $(VENV)/django/.synced $(VENV)/flask/.synced
	cd django_impl && SECRET_KEY=migration-check DATABASE_URL=sqlite:///:memory: ../$(DJANGO)/python manage.py makemigrations --check --dry-run
	rm -f var/migration-check.sqlite3 && mkdir -p var
	SECRET_KEY=migration-check DATABASE_URL=sqlite:///$(CURDIR)/var/migration-check.sqlite3 $(FLASK)/flask --app flask_impl db upgrade
	SECRET_KEY=migration-check DATABASE_URL=sqlite:///$(CURDIR)/var/migration-check.sqlite3 $(FLASK)/flask --app flask_impl db check

lint: $(VENV)/tools/.synced
	$(TOOLS)/ruff check .
	$(TOOLS)/ruff format --check .

format: $(VENV)/tools/.synced
	$(TOOLS)/ruff check --fix .
	$(TOOLS)/ruff format .

run: check-python $(VENV)/django/.synced $(VENV)/flask/.synced
	$(PYTHON) -m launcher run

# One twin: only its own runtime environment is built. SEED=1 loads the demo data into a database
# that has no users yet (a second run leaves it as it is); HOST=0.0.0.0 binds every interface.
serve: check-python $(if $(filter $(TWIN),django flask),$(VENV)/$(TWIN)/.synced,unknown-twin)
	$(PYTHON) -m launcher serve $(TWIN) --port $(PORT) --host $(HOST) \
		$(if $(filter 1 yes true,$(SEED)),--seed $(SEED_FILE))

unknown-twin:
	@echo "make: TWIN=$(TWIN) is not a twin: make serve TWIN=django or make serve TWIN=flask" >&2
	@exit 1

lock: | $(UV)
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes django_impl/requirements.in -o django_impl/requirements.txt
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes flask_impl/requirements.in -o flask_impl/requirements.txt
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes flask_impl/requirements-test.in -o flask_impl/requirements-test.txt
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes tools/requirements.in -o tools/requirements.txt
	$(MAKE) lock-bench
	$(MAKE) lock-evidence

clean:
	rm -rf $(VENV) var django_impl/staticfiles

# Benchmarks (benchmarks/README.md): `make bench` (at most 40 min), `make bench QUICK=1` (at most
# 5 min, not fit for verdicts), BENCH_ARGS for more options, BENCH_DATABASE_URL for PostgreSQL.
QUICK ?=
BENCH_ARGS ?=

.PHONY: bench bench-compare loc test-bench valgrind chromium nginx evidence lock-evidence

bench: bench-venvs valgrind
	$(TOOLS)/python -m benchmarks $(if $(filter 1 yes true,$(QUICK)),--quick) $(BENCH_ARGS)

# The evidence report (benchmarks/evidence/): every claim's experiments, figures and verdict, at most
# 60 minutes (10 with QUICK=1); it reuses a bench record of the same commit when there is one.
evidence: bench-venvs valgrind chromium
	$(TOOLS)/python -m benchmarks.evidence $(if $(filter 1 yes true,$(QUICK)),--quick)

# The throwaway environments of the experiments on freshly made apps, relocked.
lock-evidence: | $(UV)
	for file in benchmarks/evidence/requirements/*.in; do \
		$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes $$file -o $${file%.in}.txt || exit 1; done

bench-compare: $(VENV)/tools/.synced
	$(TOOLS)/python -m benchmarks.report.compare $(A) $(B)

loc: venvs
	$(TOOLS)/python -m benchmarks.size.loc

test-bench: $(VENV)/tools/.synced bench-venvs chromium
	$(TOOLS)/pytest benchmarks/tests

# The evidence report's page is checked in Debian's Chromium (driven by Playwright), installed here
# when it is missing.
chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# The shared suite runs deploy/'s nginx site in front of the twins (tests/security/): Debian's
# nginx package, installed here when it is missing.
nginx:
	@command -v nginx >/dev/null || (apt-get update -qq && apt-get install -y -qq nginx)

# Instruction counts need valgrind (Debian's package), installed here when it is missing.
valgrind:
	@command -v valgrind >/dev/null || (apt-get update -qq && apt-get install -y -qq valgrind)

# Small apps measured beside the twins (benchmarks/apps/): the Flask extension ladder's environment
# (the Flask twin's plus Flask-Admin) and the template-engine comparison's (the Django twin's plus
# Jinja2). `make bench-venvs` builds them; `make lock-bench` relocks them on the twins' versions.
BENCH_APP_VENVS := $(VENV)/bench-flask/.synced $(VENV)/bench-django/.synced

.PHONY: bench-venvs lock-bench

$(VENV)/bench-flask/.synced: benchmarks/apps/requirements-flask.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/bench-flask
	$(UV) pip sync --quiet --python $(VENV)/bench-flask/bin/python benchmarks/apps/requirements-flask.txt
	touch $@

$(VENV)/bench-django/.synced: benchmarks/apps/requirements-django.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/bench-django
	$(UV) pip sync --quiet --python $(VENV)/bench-django/bin/python benchmarks/apps/requirements-django.txt
	touch $@

bench-venvs: venvs $(BENCH_APP_VENVS)

lock-bench: | $(UV)
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes benchmarks/apps/requirements-flask.in -o benchmarks/apps/requirements-flask.txt
	$(UV) pip compile --quiet --python $(PYTHON) --generate-hashes benchmarks/apps/requirements-django.in -o benchmarks/apps/requirements-django.txt
