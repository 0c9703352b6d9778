# Two commands on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench mutation fuzz monkey system-deps clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian packages the program needs: a CJK font for placards and notices.
system-deps:
	@if command -v apt-get >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi 'wqy'; then \
		(apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei fontconfig) || \
		echo "warning: could not install fonts-wqy-microhei (placards need a CJK font)"; \
	fi

demo: $(STAMP) system-deps
	$(BIN)/fieldapp demo

lint: $(STAMP)
	$(BIN)/ruff check fieldapp sync tests bench
	$(BIN)/ruff format --check fieldapp sync tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy fieldapp sync

# The suite in parallel: most tests wait on a server, a subprocess or a disk, so more
# workers than the 2 CPUs shortens the run (a Pilot test sleeps 20 ms or more after each
# key while Textual waits for the app to be idle); a module's tests stay in one worker. The
# slowest tests are listed at the end, so a CI run's log shows where its time went.
PYTEST_WORKERS ?= 4
pytest: $(STAMP)
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) --dist loadfile --durations=30

test: $(STAMP) system-deps lint typecheck pytest

# Mutation testing of the modules where an invariant is the product (tests/mutation_run.py).
# All of them takes hours on two cores; name a few with MODULES=fieldapp/domain/placard.py.
MODULES ?=
mutation: $(STAMP)
	$(BIN)/python tests/mutation_run.py $(MODULES)

# The long schemathesis run of POST /push with an enrolled device's id in every batch;
# schemathesis prints how many cases it generated (the CI run is tests/sync/test_schema_fuzz.py).
# FUZZ_PROCESSES schemathesis processes at once, each for at most FUZZ_TIME seconds.
FUZZ_EXAMPLES ?= 5000
FUZZ_PATH ?= /push
FUZZ_PROCESSES ?= 1
FUZZ_TIME ?= 3600
fuzz: $(STAMP)
	$(BIN)/python tests/sync/fuzz_push.py --examples $(FUZZ_EXAMPLES) --path $(FUZZ_PATH) \
		--processes $(FUZZ_PROCESSES) --max-time $(FUZZ_TIME)

# The long monkey walk: 8 cases (inspector and supervisor, zh and en, 80x24 and 120x36)
# of MONKEY_STEPS random keys each, a new seed every run (MONKEY_SEED=n to replay one).
MONKEY_STEPS ?= 2500
monkey: $(STAMP)
	MONKEY_STEPS=$(MONKEY_STEPS) MONKEY_SEED=$${MONKEY_SEED:-$$(date +%s)} \
		$(BIN)/pytest -q tests/test_monkey.py

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info
