# lede's build, test and measurement targets.
GO        ?= go
CORPUS    ?= ../shared/corpus/dev
BIN       := bin/lede
FUZZTIME  ?= 30s
BENCHFLAGS ?= -count 1
RUNS      ?= 3

.PHONY: build test eval eval-check bench compare lint fuzz clean

build:
	$(GO) build -o $(BIN) ./cmd/lede

test:
	$(GO) test ./...

eval: build
	$(BIN) eval --corpus $(CORPUS)

eval-check: build
	$(BIN) eval --corpus $(CORPUS) --check evalfloor.json

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(BENCHFLAGS) ./...

compare:
	cd bench && $(GO) run . --corpus $(abspath $(CORPUS)) --runs $(RUNS)

lint:
	test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fuzz:
	$(GO) test ./extract -run '^$$' -fuzz FuzzExtract -fuzztime $(FUZZTIME)

clean:
	rm -rf bin
