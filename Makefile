# gatewaygen: the two commands of the quick start are `make generate` and
# `make test`. Tools beyond Go itself are run at pinned versions through the
# module proxy, so a machine with Go, git and make is enough.

GO              ?= go
STATICCHECK     ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME        ?= 30s

.PHONY: all generate check test vet race lint example build bench fuzz clean

all: generate test

## generate: regenerate generated/gateway from the embedded specs
generate:
	$(GO) run ./cmd/gatewaygen generate

## check: fail if generated/gateway is not what generate would write
check:
	$(GO) run ./cmd/gatewaygen check

## test: vet, the race-enabled tests (with the fuzz seed corpora), check, lint
## and the example module
test: vet race check lint example

vet:
	$(GO) vet ./...

race:
	$(GO) test -race -count=1 ./...

## lint: gofmt, go vet and staticcheck over everything, generated code
## included, and over the packages generated from generator/testdata
lint: bin/staticcheck
	@unformatted=$$(gofmt -l .); if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	bin/staticcheck ./...
	GATEWAYGEN_STATICCHECK=$(CURDIR)/bin/staticcheck $(GO) test -count=1 -run TestGeneratedPackages ./generator
	cd examples/bot && $(GO) vet ./... && $(CURDIR)/bin/staticcheck ./...

bin/staticcheck:
	GOBIN=$(CURDIR)/bin $(GO) install $(STATICCHECK)

## example: test examples/bot, a separate module that runs gatewaygen through
## the tool directive; its tests check that its generated package is up to
## date. It needs nothing beyond the main module's dependencies.
example:
	cd examples/bot && $(GO) test -race -count=1 ./...

## fuzz: run each fuzz target for FUZZTIME (make test runs their seed corpora)
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./parser
	$(GO) test -run='^$$' -fuzz='^FuzzBlankMDX$$' -fuzztime=$(FUZZTIME) ./parser
	$(GO) test -run='^$$' -fuzz='^FuzzPipeline$$' -fuzztime=$(FUZZTIME) ./generator

## build: build the binary into bin/
build:
	$(GO) build -o bin/gatewaygen ./cmd/gatewaygen

clean:
	rm -rf bin
