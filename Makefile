# Welkom: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python

.PHONY: help setup run test lint check catalogs freshness eval bench load audit train clean

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## install whatever is missing (uv, both runtimes); quick when nothing changed
	@scripts/setup.sh

run: setup ## start Redis, the action server, Rasa and the api; prints the demo URL
	@$(PY) -m runner run

test: ## lint, type-check, knowledge check, then unit, integration and browser tests
	@scripts/setup.sh --browser
	@$(MAKE) --no-print-directory lint check
	@$(PY) -m runner prepare
	@$(PY) -m pytest

lint: ## ruff and mypy
	@.venv/bin/ruff check .
	@.venv/bin/ruff format --check .
	@.venv/bin/mypy
	@.venv/bin/mypy scripts/audit.py

check: ## the knowledge check and the catalog check
	@$(PY) -m knowledge check
	@mkdir -p var
	@.venv/bin/pybabel extract -F babel.cfg --no-location --omit-header -c "" -o var/messages.pot . >/dev/null
	@cmp -s var/messages.pot locales/messages.pot || { echo "locales/messages.pot is stale: run 'make catalogs'"; exit 1; }

catalogs: ## extract English text and update every catalog (marks changed text fuzzy)
	@.venv/bin/pybabel extract -F babel.cfg --no-location --omit-header -c "" -o locales/messages.pot .
	@.venv/bin/pybabel update -i locales/messages.pot -d locales -D messages
	@$(PY) -m knowledge sync-bot

freshness: ## entries by review date; figures missing for this and the coming year
	@$(PY) -m knowledge freshness

eval: setup ## held-out questions through the real chat api; writes docs/evaluation.md
	@$(PY) -m runner prepare
	@$(PY) -m evaluation

train: setup ## retrain the Rasa model even if it is cached
	@$(PY) -m runner prepare --force-train

clean: ## remove local state (var/), keeping the runtimes and the model cache
	rm -rf var

bench: setup ## latency, throughput, memory at 1, 10 and 50 users (api and Rasa); docs/benchmark.md
	@$(PY) -m runner prepare
	@$(PY) -m evaluation.bench

load: setup ## 200 conversations at once for 5 minutes: errors, order, memory; docs/load-test.md
	@$(PY) -m runner prepare
	@$(PY) -m evaluation.load

audit: setup ## known vulnerabilities in both lock files (pip-audit; strict: an unchecked pin fails)
	@$(PY) scripts/audit.py --strict
