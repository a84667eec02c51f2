# tt — the two commands a newcomer needs: `make demo` and `make test`.
# Both create .venv with the machine's python3 (3.11+) and install tt into it.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install schema bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## The main job on the sample plans: validate them, then render the official .docx into build/.
demo: $(STAMP)
	$(BIN)/tt --version
	$(BIN)/tt validate
	$(BIN)/tt render --docx
	@ls -l build/*.docx

## The test suite (what CI runs).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Regenerate the committed JSON Schemas (a test fails when they are stale).
schema: $(STAMP)
	$(BIN)/tt schema $(foreach r,$(sort $(wildcard plans/*/units.yaml)),--registry $(r)) -o docs/schema/plan.schema.json
	$(BIN)/tt schema --units -o docs/schema/units.schema.json
	$(BIN)/tt schema --progress -o docs/schema/progress.schema.json

## Whole-process timings (not a test).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build .pytest_cache
