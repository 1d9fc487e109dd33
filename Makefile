# Hosterra Account. `make run` serves the panel with demo data; `make test` runs every test.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
SWIFT ?= swift
DATA ?= ./data
HOST ?= 127.0.0.1
PORT ?= 8080
BIN_RELEASE := .build/release/hosterra

.PHONY: run build release test test-swift test-browser bench deps deps-test deps-bench clean

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-bench:
	@scripts/deps.sh bench

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

run: release
	$(BIN_RELEASE) migrate --data-dir $(DATA)
	$(BIN_RELEASE) demo --data-dir $(DATA)
	@echo "Serving Hosterra Account on http://$(HOST):$(PORT) (data in $(DATA); Ctrl-C stops)"
	$(BIN_RELEASE) serve --data-dir $(DATA) --host $(HOST) --port $(PORT)

test: deps-test
	scripts/test.sh

bench: deps-bench release
	scripts/bench.sh

clean:
	rm -rf .build bench/out
