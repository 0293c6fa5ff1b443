# Benchmarks (issue 7). See bench/harness for what is measured.
#
#   make bench                     the default run (1k and 10k articles, 10k-node graph; ~10 minutes):
#                                  prints the tables and writes bench/results.md
#   make bench BENCHFLAGS='--articles 1000,10000,100000 --graphs 10k,100k'
#                                  the large sizes too (much longer)
#   make bench-smoke               a tiny run of the whole harness, as CI runs it (seconds)

GO ?= go
BENCHFLAGS ?=

.PHONY: bench bench-smoke

bench:
	$(GO) run ./bench/harness $(BENCHFLAGS)

bench-smoke:
	$(GO) test ./bench/... -count=1 -run 'TestSmoke|TestSameSeedSameBytes|TestGolden' -v
