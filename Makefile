# lede's build, test and measurement targets.
GO        ?= go
CORPUS    ?= ../shared/corpus/dev
BIN       := bin/lede
FUZZTIME  ?= 30s

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
	$(GO) test -run '^$$' -bench . -benchmem ./...

compare:
	cd bench && $(GO) run . --corpus ../$(CORPUS)

lint:
	test -z "$$(gofmt -l .)" || (gofmt -l .; exit 1)
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

fuzz:
	$(GO) test ./extract -run '^$$' -fuzz FuzzExtract -fuzztime $(FUZZTIME)

clean:
	rm -rf bin
