# Two commands for a newcomer: `make run` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/debrief --demo

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/lint-imports
	$(BIN)/ruff check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/matcher.py
	$(BIN)/python bench/typing.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/debrief.py

check: test

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
