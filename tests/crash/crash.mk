# tests/crash/crash.mk — the crash tests' LD_PRELOAD shim (included by the
# top Makefile): $(B)/tests/crash/shim.so, never with sanitizers (it is
# preloaded into sanitized programs too).  Only make builds it; the tests
# (tests/crash/lib.sh) say so when it is missing.

TEST_EXTRA += $(B)/tests/crash/shim.so

$(B)/tests/crash/shim.so: tests/crash/shim.c
	@mkdir -p $(@D)
	$(CC) -std=c11 $(DEFS) $(WARN) -fPIC -shared -O2 -o $@ tests/crash/shim.c -ldl
