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

# fuzz runs every Fuzz target of the module for FUZZTIME each (go test
# -fuzz takes one target of one package at a time).
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' .); do \
		pkg=$$(dirname $$f); \
		for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "== $$pkg $$t"; \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME); \
		done; \
	done

clean:
	rm -rf bin
