# bench/bench.mk — the benchmark harness (included by the top Makefile).
#
#   make bench                      1,000 generated articles (~6 MB)
#   make bench BENCH_ARTICLES=20000 the issue's 20,000 articles (~120 MB)
#
# Builds the generator, the two baselines (plain Xapian, SQLite FTS5), the
# page-cache helper and, when the library builds, the in-process docket
# query driver; then bench/run prints one Markdown table (also written to
# $(B)/bench/results.md).  Only the generator is part of `make test-build`
# (the crash tests use it).  See bench/README.md.

BENCH_ARTICLES ?= 1000
BENCH_SEED ?= 1
BENCH_TOOLS := $(B)/bench/gen $(B)/bench/evict $(B)/bench/base-xapian \
	$(B)/bench/base-fts5

TEST_EXTRA += $(B)/bench/gen

.PHONY: bench bench-tools

$(B)/bench/gen: bench/gen.c bench/words.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ bench/gen.c $(ALL_LDFLAGS) -lm

$(B)/bench/evict: bench/evict.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ bench/evict.c $(ALL_LDFLAGS)

$(B)/bench/base-xapian: bench/base-xapian.cc bench/passages.c \
		bench/driver.c bench/passages.h bench/driver.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $(B)/bench/passages-x.o bench/passages.c
	$(CC) $(ALL_CFLAGS) -c -o $(B)/bench/driver-x.o bench/driver.c
	$(CXX) $(ALL_CXXFLAGS) -o $@ bench/base-xapian.cc \
	    $(B)/bench/passages-x.o $(B)/bench/driver-x.o $(ALL_LDFLAGS) -lxapian

$(B)/bench/base-fts5: bench/base-fts5.c bench/passages.c bench/driver.c \
		bench/passages.h bench/driver.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ bench/base-fts5.c bench/passages.c \
	    bench/driver.c $(ALL_LDFLAGS) -lsqlite3

$(B)/bench/docket-query: bench/docket-query.c bench/driver.c bench/driver.h \
		docket.h $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -I. -o $@ bench/docket-query.c bench/driver.c \
	    $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

bench-tools: $(BENCH_TOOLS)

# docket itself may not build yet: its part is tried, and bench/run prints
# "n/a" for whatever is missing.
bench:
	@scripts/install-deps build bench
	@$(MAKE) --no-print-directory bench-tools
	-@$(MAKE) --no-print-directory -k $(B)/docket $(B)/bench/docket-query
	bench/run --build $(B) --articles $(BENCH_ARTICLES) --seed $(BENCH_SEED)

# make load: docket serve under load on loopback while docket index commits
# (bench/load-run; bounded in time and count).  The issue's run is
# LOAD_ARTICLES=20000 LOAD_SECONDS=60 LOAD_CLIENTS=32.
LOAD_ARTICLES ?= 20000
LOAD_SECONDS ?= 60
LOAD_CLIENTS ?= 32

.PHONY: load

$(B)/bench/load: bench/load.c bench/driver.c bench/driver.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ bench/load.c bench/driver.c $(ALL_LDFLAGS) -lpthread

load:
	@scripts/install-deps build
	@$(MAKE) --no-print-directory $(B)/docket $(B)/bench/gen $(B)/bench/load \
	    $(B)/bench/docket-query
	bench/load-run --build $(B) --articles $(LOAD_ARTICLES) \
	    --seconds $(LOAD_SECONDS) --clients $(LOAD_CLIENTS)

# make ablate: what each index-time feature (legal, quotes, copies, event
# dates) costs on today's tree: bench/ablate builds the tree without each
# and indexes one generated corpus with every build.  The issues' size is
# ABLATE_ARTICLES=20000; ABLATE_INSTRUCTIONS=1 adds instruction counts
# under cachegrind (use 300-1000 articles for that); ABLATE_LEGAL_SHARE=22
# gives the corpus eval/legal's density of legal entities (bench/gen.c).
ABLATE_ARTICLES ?= 20000
ABLATE_LEGAL_SHARE ?= 100
ABLATE_RUNS ?= 3
ABLATE_INSTRUCTIONS ?= 0

.PHONY: ablate

ablate:
	@scripts/install-deps build
	@$(MAKE) --no-print-directory $(B)/docket $(B)/bench/gen
	bench/ablate --work $(B)/ablate --articles $(ABLATE_ARTICLES) --runs $(ABLATE_RUNS) \
	    --legal-share $(ABLATE_LEGAL_SHARE) $(if $(filter 1,$(ABLATE_INSTRUCTIONS)),--instructions)
