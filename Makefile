# gatewaygen: the two commands of the quick start are `make generate` and
# `make test`. Tools beyond Go itself are run at pinned versions through the
# module proxy, so a machine with Go, git and make is enough.

GO              ?= go
STATICCHECK     ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
BENCHSTAT       ?= golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
FUZZTIME        ?= 30s
BENCHCOUNT      ?= 10
BENCHOUT        ?= bench.out

.PHONY: all generate check test vet race lint example adopt build bench fuzz clean

all: generate test

## generate: regenerate generated/gateway from the embedded specs
generate:
	$(GO) run ./cmd/gatewaygen generate

## check: fail if generated/gateway is not what generate would write
check:
	$(GO) run ./cmd/gatewaygen check

## test: vet, the race-enabled tests (with the fuzz seed corpora), check, lint
## and the example modules
test: vet race check lint example adopt

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
	cd examples/adopt && $(GO) vet ./... && $(CURDIR)/bin/staticcheck ./...

bin/staticcheck:
	GOBIN=$(CURDIR)/bin $(GO) install $(STATICCHECK)

## example: test examples/bot, a separate module that runs gatewaygen through
## the tool directive; its tests check that its generated package is up to
## date. Beyond the main module's dependencies it needs coder/websocket, from
## the module proxy.
example:
	cd examples/bot && $(GO) test -race -count=1 ./...

## adopt: test examples/adopt, a module shaped like a Discord library whose
## hand-written Gateway tables gatewaygen replaced (docs/adopting.md); its
## tests check that its generated files are up to date.
adopt:
	cd examples/adopt && $(GO) test -race -count=1 ./...

## fuzz: run each fuzz target for FUZZTIME (make test runs their seed corpora)
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./parser
	$(GO) test -run='^$$' -fuzz='^FuzzBlankMDX$$' -fuzztime=$(FUZZTIME) ./parser
	$(GO) test -run='^$$' -fuzz='^FuzzPipeline$$' -fuzztime=$(FUZZTIME) ./generator
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./internal/config
	$(GO) test -run='^$$' -fuzz='^FuzzScanFrame$$' -fuzztime=$(FUZZTIME) ./generator/internal/framescan
	$(GO) test -run='^$$' -fuzz='^FuzzDecodeFrame$$' -fuzztime=$(FUZZTIME) ./generated/gateway

## bench: run the benchmarks of the performance targets with their baselines
## (BENCHCOUNT times each; a few minutes), save them in BENCHOUT, and print
## benchstat's comparison and the table of ratios; see BENCHMARKS.md. The
## test binary runs BENCHCOUNT times with -count 1, rather than once with
## -count, so that each baseline runs next to what it is compared with,
## not ten seconds before it: this machine's speed drifts over seconds.
bench:
	cd bench/stringerbase && $(GO) generate .
	$(GO) test -c -o bin/bench.test ./bench
	: > $(BENCHOUT)
	for i in $$(seq $(BENCHCOUNT)); do \
		(cd bench && ../bin/bench.test -test.run '^$$' -test.bench . -test.benchmem) >> $(BENCHOUT) || { cat $(BENCHOUT); exit 1; }; \
	done
	$(GO) run $(BENCHSTAT) -filter '.name:(ParseEvent OR ParseOpcode) .unit:(ns/op OR allocs/op)' -col '/impl@(map gatewaygen)' $(BENCHOUT)
	$(GO) run $(BENCHSTAT) -filter '.name:(EventTypeIsKnown OR EventTypeIntents) .unit:(ns/op OR allocs/op)' -col '/impl@(map gatewaygen)' $(BENCHOUT)
	$(GO) run $(BENCHSTAT) -filter '.name:(OpcodeString OR EventString OR SenderString) .unit:(ns/op OR allocs/op)' -col '/impl@(stringer gatewaygen)' $(BENCHOUT)
	$(GO) run $(BENCHSTAT) -filter '.name:(DecodeFrame OR Payload) .unit:(ns/op OR allocs/op)' -col '/impl@(json gatewaygen)' $(BENCHOUT)
	$(GO) run $(BENCHSTAT) -filter '.name:Generate .unit:(stringer-ns OR gatewaygen-ns OR speedup)' $(BENCHOUT)
	$(GO) run $(BENCHSTAT) -filter '.name:GenerateScale .unit:(ns/op OR peak-MB)' -col /events $(BENCHOUT)
	@echo
	$(GO) run ./bench/ratios $(BENCHOUT)

## build: build the binary into bin/. Without cgo: gatewaygen links the net
## package only through pflag's IP flags, and with cgo that makes a dynamic
## binary whose loader and cgo runtime cost a millisecond and a half of every
## run (BENCHMARKS.md); stringer's binary is static too.
build:
	CGO_ENABLED=0 $(GO) build -o bin/gatewaygen ./cmd/gatewaygen

clean:
	rm -rf bin
