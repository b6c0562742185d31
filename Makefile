# Two commands matter: `make run` and `make test` (see README.md). Both work on a fresh Debian
# machine with only the Swift toolchain, as root or not.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

HUB_DB_PORT ?= 54329
export HUB_DB_PORT
export HUB_DATABASE_URL ?= postgresql://postgres@127.0.0.1:$(HUB_DB_PORT)/hub
SWIFT ?= swift
CONFIGURATION ?= debug
BIN = $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path 2>/dev/null)
DEMO_PASSWORD ?= demo-pass-123

.PHONY: all deps python-deps db db-stop build migrate run stop test bench clean

all: build

deps:
	@scripts/deps

db: deps
	@scripts/localdb start

db-stop:
	@scripts/localdb stop

build: deps
	$(SWIFT) build -c $(CONFIGURATION)

migrate: db build
	@"$(BIN)/hubctl" migrate

run: migrate
	@for account in "staff.pu staff public-works" "inspektur inspector -"; do \
	    set -- $$account; \
	    module=(); [ "$$3" = - ] || module=(--module "$$3"); \
	    echo "$(DEMO_PASSWORD)" | "$(BIN)/hubctl" user add "$$1" --role "$$2" "$${module[@]}" 2>/dev/null || true; \
	done
	@scripts/services start "$(BIN)"
	@echo
	@echo "Complaint hub running: http://127.0.0.1:$${HUB_GATEWAY_PORT:-8080}/"
	@echo "Demo logins (password $(DEMO_PASSWORD)): staff.pu (public-works staff), inspektur (inspector)"
	@echo "Logs in .hub/run/; stop with: make stop"

stop:
	@scripts/services stop
	@scripts/localdb stop

# The tests start their own throwaway clusters; the local one is stopped again when they end.
test: migrate python-deps
	@trap 'scripts/localdb stop' EXIT; \
	HUB_BIN_DIR="$(BIN)" $(SWIFT) test -c $(CONFIGURATION); \
	python3 -m pytest -q Tests/deployment

python-deps:
	@python3 -c "import pytest, yaml" 2>/dev/null || python3 -m pip install -q pytest pyyaml

bench: build
	@echo "benchmarks arrive with the HTTP and queue issues"

clean: stop
	rm -rf .build .hub
