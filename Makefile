# `make run` sets everything up and starts the app with demo data; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_HOME ?= $(CURDIR)/data/demo
STAMP := $(VENV)/.installed

SCREENS := signin cashier bookings payment tickets customers settings conflicts staff catalog members reports day_close commission \
	stock stock_receive stock_expiring stock_order stock_stocktake stock_stocktake_desk stock_orders stock_transfers
SCREENS_1024 := stock stock_order stock_stocktake stock_stocktake_desk stock_orders stock_transfers  # at 1024 x 768
SHOTS_HOME := $(CURDIR)/data/screenshots

.PHONY: run test setup system-deps lint demo bench screenshots web-screenshots

run: setup demo
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "No screen found: starting the app inside Xvfb."; \
		xvfb-run -a $(BIN)/salon-pos --home "$(DEMO_HOME)" gui; \
	else \
		$(BIN)/salon-pos --home "$(DEMO_HOME)" gui; \
	fi

demo: setup  ## a demo salon, once: later runs keep the store, its Settings and its data as they are
	$(BIN)/salon-pos --home "$(DEMO_HOME)" init --store-name "丽人美业·演示店" --counter A1
	$(BIN)/salon-pos --home "$(DEMO_HOME)" demo-data --customers 200 --if-new

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -n auto --maxprocesses 4 --durations=20  # pytest-xdist: one worker a core; the slowest 20 listed

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

screenshots: setup  ## docs/screenshots/<screen>_<language>.png from a fresh demo salon
	rm -rf "$(SHOTS_HOME)" && mkdir -p docs/screenshots
	$(BIN)/salon-pos --home "$(SHOTS_HOME)" init --store-name "丽人美业·演示店" --counter A1
	$(BIN)/salon-pos --home "$(SHOTS_HOME)" demo-data --customers 200 --days 7 > /dev/null
	for language in zh_CN en; do for screen in $(SCREENS); do \
		QT_QPA_PLATFORM=offscreen $(BIN)/salon-pos --home "$(SHOTS_HOME)" gui --language $$language \
			--screen $$screen --screenshot docs/screenshots/$${screen}_$$language.png || exit 1; \
	done; for screen in $(SCREENS_1024); do \
		QT_QPA_PLATFORM=offscreen $(BIN)/salon-pos --home "$(SHOTS_HOME)" gui --language $$language \
			--screen $$screen --size 1024x768 \
			--screenshot docs/screenshots/$${screen}_1024_$$language.png || exit 1; \
	done; done
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m salon_pos.ui.setup.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m salon_pos.ui.calendar_demo docs/screenshots

web-screenshots: setup  ## docs/screenshots/web_<page>_<desktop|phone>.png from a real server
	$(BIN)/python -m tests.sync.web.screenshots docs/screenshots
	$(BIN)/python -m tests.sync.web.stock_screenshots docs/screenshots

bench: setup
	$(BIN)/python tests/bench/checkout.py
	$(BIN)/python tests/bench/customer_search.py
	$(BIN)/python tests/bench/import_customers.py
	$(BIN)/python tests/bench/gui.py
	$(BIN)/python tests/bench/sync_replay.py
	$(BIN)/python tests/bench/join_store.py
	$(BIN)/python tests/bench/dashboard.py
	$(BIN)/python tests/bench/reports.py
	$(BIN)/python tests/bench/inventory.py

setup: system-deps $(STAMP)
	@$(BIN)/python -m salon_pos.ui.translations release

system-deps:
	@installers/debian-deps.sh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)
