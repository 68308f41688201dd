# tests/fuzz/fuzz.mk — fuzz targets (included by the top Makefile).
#
#   make fuzz                          each target for FUZZ_SECONDS (60)
#   make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS="html json"
#
# Every tests/fuzz/fuzz-NAME.c defines LLVMFuzzerTestOneInput and becomes:
#   $(B)/tests/fuzz/replay-NAME  the ordinary compiler, with replay.c as
#                                main(); part of `make test` (TEST_EXTRA),
#                                run over the kept crashers and a few seeds
#                                by tests/fuzz/t-replay.sh;
#   build-fuzz/fuzz-NAME         clang -fsanitize=fuzzer,address,undefined,
#                                with the library compiled again into
#                                build-fuzz/ (-fsanitize=fuzzer-no-link,...).
# `make fuzz` runs each target with a seed corpus built from corpus/ by
# type (html: .html/.htm, json: .json/.jsonl/.ndjson, text: .txt/.md; .gz
# files gunzipped), plus tests/fuzz/seeds/NAME/ and the kept crashers; new
# inputs go to a temporary folder, crashes to tests/fuzz/crashers/NAME/.
# It fails when any target found something.  See tests/fuzz/README.md.

FUZZ_SECONDS ?= 60
FUZZ_B := build-fuzz
FUZZ_CC ?= clang
FUZZ_CXX ?= clang++
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz-%.c=%)
FUZZ_TARGETS ?= $(FUZZ_NAMES)
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(B)/tests/fuzz/replay-%)
FUZZ_SANS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 $(DEFS) $(WARN) $(XML_CFLAGS) -g -O1 $(FUZZ_SANS)
FUZZ_CXXFLAGS := -std=c++11 $(DEFS) $(WARN) -g -O1 $(FUZZ_SANS)
FUZZ_LIB_O := $(LIB_C:%.c=$(FUZZ_B)/%.o) $(LIB_CXX:%.cc=$(FUZZ_B)/%.o)

TEST_EXTRA += $(FUZZ_REPLAY)

.PHONY: fuzz fuzz-build

$(B)/tests/fuzz/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c \
		tests/fuzz/fuzz-check.h $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ tests/fuzz/fuzz-$*.c tests/fuzz/replay.c \
	    $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

$(FUZZ_B)/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_B)/%.o: %.cc
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_B)/libdocket.a: $(FUZZ_LIB_O)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_B)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz-check.h \
		$(FUZZ_B)/libdocket.a
	$(FUZZ_CXX) -x c $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< -x none \
	    $(FUZZ_B)/libdocket.a $(LIBS) -lm

fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_B)/fuzz-%)

# For each target: seeds by type into a temporary folder, run libFuzzer,
# report seconds, executions and what it found.
fuzz:
	@scripts/install-deps fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@found=0; \
	for t in $(FUZZ_TARGETS); do \
	    case $$t in \
	    html) exts="html htm"; max=65536 ;; \
	    json) exts="json jsonl ndjson"; max=65536 ;; \
	    text) exts="txt md"; max=65536 ;; \
	    *) exts=""; max=8192 ;; \
	    esac; \
	    tmp=$$(mktemp -d); mkdir -p $$tmp/new $$tmp/seeds tests/fuzz/crashers/$$t; \
	    for e in $$exts; do \
	        find corpus -type f -name "*.$$e" -exec cp {} $$tmp/seeds/ \; ; \
	        find corpus -type f -name "*.$$e.gz" | while read -r f; do \
	            gzip -dc "$$f" > $$tmp/seeds/$$(basename "$$f" .gz); done; \
	    done; \
	    [ -d tests/fuzz/seeds/$$t ] && cp tests/fuzz/seeds/$$t/* $$tmp/seeds/ 2>/dev/null; \
	    cp tests/fuzz/crashers/$$t/* $$tmp/seeds/ 2>/dev/null; \
	    echo "fuzz $$t: $(FUZZ_SECONDS)s, $$(ls $$tmp/seeds | wc -l) seeds, -max_len=$$max"; \
	    start=$$(date +%s); \
	    $(FUZZ_B)/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=$$max \
	        -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
	        -artifact_prefix=tests/fuzz/crashers/$$t/ \
	        $$tmp/new $$tmp/seeds > $$tmp/log 2>&1; \
	    rc=$$?; \
	    execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$tmp/log); \
	    echo "fuzz $$t: exit $$rc after $$(( $$(date +%s) - start ))s, $${execs:-?} execs, $$(ls $$tmp/new | wc -l) new corpus inputs"; \
	    if [ $$rc -ne 0 ]; then \
	        found=1; \
	        grep -E '^==[0-9]+==ERROR|SUMMARY|runtime error|Test unit written|^ *#[0-9]+ 0x' $$tmp/log | head -n 25; \
	        cp $$tmp/log $(FUZZ_B)/fuzz-$$t.log; \
	        echo "fuzz $$t: full log in $(FUZZ_B)/fuzz-$$t.log"; \
	    fi; \
	    rm -rf $$tmp; \
	done; \
	exit $$found

-include $(FUZZ_LIB_O:.o=.d)
