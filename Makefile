# `make run` sets everything up and starts the app with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_HOME ?= $(CURDIR)/data/demo
STAMP := $(VENV)/.installed

.PHONY: run test setup system-deps lint demo bench

run: setup demo
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No screen found: starting the app inside Xvfb."; \
		xvfb-run -a $(BIN)/salon-pos --home "$(DEMO_HOME)" gui; \
	else \
		$(BIN)/salon-pos --home "$(DEMO_HOME)" gui; \
	fi

demo: setup
	$(BIN)/salon-pos --home "$(DEMO_HOME)" init --store-name "丽人美业·演示店" --counter A1
	$(BIN)/salon-pos --home "$(DEMO_HOME)" demo-data --customers 200

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python tests/bench/checkout.py
	$(BIN)/python tests/bench/customer_search.py

setup: system-deps $(STAMP)
	@$(BIN)/python -m salon_pos.ui.translations release

system-deps:
	@installers/debian-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)
