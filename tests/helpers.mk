# tests/helpers.mk — the helper programs the shell tests run (included by
# the top Makefile), built by make so their dependencies are tracked and
# the link line is written once, here:
#
#   $(B)/tests/e2e/NAME, $(B)/tests/shards/NAME  every tests/e2e/*.c and
#       tests/shards/*.c but the two below: internal headers allowed,
#       linked with the internal archive, with the library's sanitizers
#       (make check); tests reach them through build_helper (e2e/lib.sh).
#   $(B)/tests/e2e/jsoncheck    validates --json output; jansson only.
#   $(B)/tests/shards/threads.so  an LD_PRELOAD thread counter; never
#       sanitized (it is preloaded into sanitized programs too).

HELPER_SPECIAL := tests/e2e/jsoncheck.c tests/shards/threads.c
HELPER_C := $(filter-out $(HELPER_SPECIAL), \
	$(sort $(wildcard tests/e2e/*.c tests/shards/*.c)))
HELPER_BIN := $(HELPER_C:%.c=$(B)/%)

TEST_EXTRA += $(HELPER_BIN) $(B)/tests/e2e/jsoncheck $(B)/tests/shards/threads.so

$(HELPER_BIN): $(B)/tests/%: tests/%.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -I. -MMD -MP -o $@ $< $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

$(B)/tests/e2e/jsoncheck: tests/e2e/jsoncheck.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(DEFS) $(WARN) $(SAN) $(CFLAGS) -o $@ $< $(ALL_LDFLAGS) -ljansson

$(B)/tests/shards/threads.so: tests/shards/threads.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(DEFS) $(WARN) -fPIC -shared -O2 -o $@ $< -ldl

-include $(HELPER_BIN:=.d)
