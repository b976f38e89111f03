# Every target sets itself up: it builds the three virtual environments from the locks first.
# .venv/django and .venv/flask hold each twin's runtime alone; .venv/tools holds the suite and tools.

PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := $(VENV)/uv/bin/uv
TOOLS := $(VENV)/tools/bin
DJANGO := $(VENV)/django/bin
FLASK := $(VENV)/flask/bin
TWIN ?= django
PORT ?= 8000

.PHONY: help venvs test test-shared test-django test-flask check-migrations lint format run serve lock clean

help:
	@echo "make test                      shared suite on both twins, then each twin's own tests"
	@echo "make run                       both twins with demo data (Django :8000, Flask :5000)"
	@echo "make serve TWIN=flask PORT=5000  one twin in the foreground, honouring DATABASE_URL"
	@echo "make bench [QUICK=1]           measure both twins (benchmarks/README.md)"
	@echo "make bench-compare A=<run> B=<run>  do two bench runs agree on the ratios?"
	@echo "make evidence [QUICK=1]        every claim of the articles: experiments, figures, verdicts (EVIDENCE.md)"
	@echo "make loc                       line counts by layer and feature"
	@echo "make lint | format | lock | clean"

$(UV):
	$(PYTHON) -m venv $(VENV)/uv
	$(VENV)/uv/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/tools/.synced: tools/requirements.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/tools
	$(UV) pip sync --quiet --python $(VENV)/tools/bin/python tools/requirements.txt
	touch $@

$(VENV)/django/.synced: django_impl/requirements.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/django
	$(UV) pip sync --quiet --python $(VENV)/django/bin/python django_impl/requirements.txt
	touch $@

$(VENV)/flask/.synced: flask_impl/requirements.txt flask_impl/requirements-test.txt | $(UV)
	$(UV) venv --quiet --allow-existing --python $(PYTHON) $(VENV)/flask
	$(UV) pip sync --quiet --python $(VENV)/flask/bin/python \
		flask_impl/requirements.txt flask_impl/requirements-test.txt
	touch $@

venvs: $(VENV)/tools/.synced $(VENV)/django/.synced $(VENV)/flask/.synced

test: lint check-migrations test-shared test-django test-flask test-bench

test-shared: venvs
	$(TOOLS)/pytest tests

test-django: $(VENV)/django/.synced
	cd django_impl && SECRET_KEY=test-only-key-for-the-django-twin-own-tests ../$(DJANGO)/python manage.py test --noinput

test-flask: $(VENV)/flask/.synced
	$(FLASK)/pytest flask_impl

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

run: venvs
	$(TOOLS)/python -m launcher run

serve: venvs
	$(TOOLS)/python -m launcher serve $(TWIN) --port $(PORT)

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

.PHONY: bench bench-compare loc test-bench valgrind chromium evidence lock-evidence

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
