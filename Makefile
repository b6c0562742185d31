# Two commands matter: `make run` and `make test` (see README.md). Both work on a fresh Debian
# machine with only the Swift toolchain, as root or not.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

HUB_DB_PORT ?= 54329
export HUB_DB_PORT
# The schema owner (migrations, db-roles, the operator's verbs; hubctl migrate and db-roles take
# HUB_MIGRATE_DATABASE_URL instead when set); each service logs in as its own role (scripts/services),
# which the local cluster trusts on loopback.
export HUB_DATABASE_URL ?= postgresql://postgres@127.0.0.1:$(HUB_DB_PORT)/hub
SWIFT ?= swift
CONFIGURATION ?= debug
BIN = $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path 2>/dev/null)
# Release builds link the Swift runtime and Foundation in statically, as the Dockerfile does: a service
# then holds only the pages of them it uses, not whole shared libraries (issue 13's peak RSS).
RELEASE_FLAGS = --static-swift-stdlib
BUILD_FLAGS = $(if $(filter release,$(CONFIGURATION)),$(RELEASE_FLAGS))
# The project's own Python environment (scripts/python-env), never the system's; the tests find its
# programs (schemathesis) on PATH.
PYTHON = .venv/bin/python

.PHONY: all deps python-deps test-deps cluster-deps cluster cluster-stop drill db db-stop build migrate run stop test fresh-check bench fuzz clean

all: build

deps:
	@scripts/deps

db: deps
	@scripts/localdb start

db-stop:
	@scripts/localdb stop

build: deps
	$(SWIFT) build -c $(CONFIGURATION) $(BUILD_FLAGS)

migrate: db build
	@"$(BIN)/hubctl" migrate
	@"$(BIN)/hubctl" db-roles >/dev/null

# Demo accounts get random passwords, printed once, and only on a loopback HUB_LISTEN_HOST.
run: migrate
	@scripts/services start "$(BIN)"
	@echo
	@echo "Complaint hub running: http://127.0.0.1:$${HUB_GATEWAY_PORT:-8080}/"
	@scripts/demo-accounts "$(BIN)"
	@echo "Logs in .hub/run/; stop with: make stop"

stop:
	@scripts/services stop
	@scripts/localdb stop

# The hub as a cluster on one machine (scripts/cluster; README "Running as a cluster"): etcd, Patroni
# with a primary and a synchronous replica, pgbouncer, HAProxy in front of two replicas of every
# service. Ports from HUB_CLUSTER_PORT (26000) on; state in .hub/cluster.
CLUSTER_PACKAGES = etcd-server patroni haproxy pgbouncer curl

cluster-deps:
	@scripts/deps --only $(CLUSTER_PACKAGES)

cluster: build cluster-deps
	@scripts/cluster start "$(BIN)"

cluster-stop:
	@scripts/cluster stop

# The failure drills against a cluster of their own (Tests/drills; each prints its figures): a replica
# of every service killed under load, PostgreSQL failed over under load, a restore to a point in time.
drill: build cluster-deps
	@HUB_BIN_DIR="$(BIN)" Tests/drills/run-all

# The tests start their own throwaway clusters; the local one is stopped again when they end.
test: migrate test-deps
	@trap 'scripts/localdb stop' EXIT; \
	HUB_BIN_DIR="$(BIN)" $(SWIFT) test -c $(CONFIGURATION); \
	PATH="$(CURDIR)/.venv/bin:$$PATH" HUB_BIN_DIR="$(BIN)" $(PYTHON) -m pytest -q Tests/architecture Tests/deployment Tests/contract Tests/notifications Tests/statistics Tests/public Tests/browser

# What the QR code and PDF tests hand their output to: zbarimg, qpdf, pdftotext and pdftoppm.
DOCUMENT_TEST_PACKAGES = zbar-tools qpdf poppler-utils

# Python 3 (Debian's when the machine has none) and the pinned test libraries in .venv/.
python-deps:
	@scripts/python-env

test-deps: python-deps
	@scripts/browser-deps
	@scripts/deps --only $(DOCUMENT_TEST_PACKAGES) $(CLUSTER_PACKAGES)

# `make test` inside a clean Debian 12 root (debootstrap) with only the Swift toolchain, as root and
# as a user with sudo: proves the set-up from nothing. Needs root; slow; not part of `make test`.
fresh-check:
	scripts/fresh-debian
	scripts/fresh-debian --user

# Figures and ratios against baselines measured in the same run (nginx, pgbench); never fails on a slow machine.
# The real work (Benchmarks/work.sh) runs on an empty database, then again at BENCH_COMPLAINTS complaints
# (hubctl demo-data; 0 skips that pass); BENCH_SECONDS sets each run's length in every script. The plans
# of the statements each measured path runs, at the larger size, go to .build-bench/plans.txt.
BENCH_COMPLAINTS ?= 1000000
bench_started := $(shell date +%s)
bench: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --scratch-path .build-bench
	Benchmarks/http.sh .build-bench/release
	Benchmarks/queue.sh .build-bench/release
	BENCH_COMPLAINTS=$(BENCH_COMPLAINTS) BENCH_PLANS=.build-bench/plans.txt Benchmarks/work.sh .build-bench/release
	@echo "make bench took $$(( $$(date +%s) - $(bench_started) )) s"

# libFuzzer on the HTTP request and response parsers and the JSON reader, side by side, for FUZZ_SECONDS (default 60) each,
# from their committed seed corpora.
fuzz:
	scripts/fuzz

clean: stop
	rm -rf .build .build-bench .hub .venv
