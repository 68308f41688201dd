# docket — one non-recursive Makefile.
#
#   make            build the library (static and shared) and the docket tool
#   make demo       install what is missing, build, index corpus/, search it
#   make test       install what is missing, build, run every test
#   make check      the tests again under ASan+UBSan, API tests under valgrind
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (default 60)
#   make install    PREFIX (default /usr/local) and DESTDIR honoured
#
# Sources are picked up by folder: common/, engine/, indexer/ and searcher/ make the
# library, cli/ the tool, tests/unit/test-*.c the unit tests (linked with the
# internal archive), tests/api/api-*.c the API tests (only docket.h, linked
# with the shared library).  Other folders add rules in their own *.mk.
#
# Two static archives: $(B)/libdocket.a, the one installed and linked by
# the tool, is one relocatable object whose only global symbols are
# docket_* (as the shared library's); $(B)/libdocket-internal.a ($(STLIB))
# holds the plain objects, for the tests, fuzz replays and benchmarks that
# call internal functions.

MAJOR := $(shell sed -n 's/^\#define DOCKET_VERSION_MAJOR \([0-9]*\).*/\1/p' docket.h)
MINOR := $(shell sed -n 's/^\#define DOCKET_VERSION_MINOR \([0-9]*\).*/\1/p' docket.h)

PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC ?= cc
CXX ?= c++
CFLAGS ?= -O2 -g
CXXFLAGS ?= -O2 -g
B ?= build
# One spelling of the build folder, so that the dependency files (which name
# their targets as written) match whether B was given absolute or relative.
override B := $(patsubst $(CURDIR)/%,%,$(abspath $(B)))

XML_CFLAGS := $(shell pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
WARN := -Wall -Wextra -Wshadow -Wno-unused-parameter
DEFS := -D_GNU_SOURCE
ALL_CFLAGS = -std=c11 $(DEFS) -fPIC -fvisibility=hidden $(WARN) $(XML_CFLAGS) $(SAN) $(CFLAGS)
ALL_CXXFLAGS = -std=c++11 $(DEFS) -fPIC -fvisibility=hidden $(WARN) $(SAN) $(CXXFLAGS)
LIBS := -lxapian -lstemmer -ljansson -lxxhash -lz -lpthread
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

LIB_C := $(sort $(wildcard common/*.c engine/*.c indexer/*.c searcher/*.c))
LIB_CXX := $(sort $(wildcard common/*.cc engine/*.cc))
CLI_C := $(sort $(wildcard cli/*.c))
UNIT_C := $(sort $(wildcard tests/unit/test-*.c))
API_C := $(sort $(wildcard tests/api/api-*.c))

LIB_O := $(LIB_C:%.c=$(B)/%.o) $(LIB_CXX:%.cc=$(B)/%.o)
CLI_O := $(CLI_C:%.c=$(B)/%.o)
# docket serve's page, script and OpenAPI text, compiled into the tool
# (scripts/embed-web); libmicrohttpd is opened by `docket serve` alone
# (cli/httpd.h), never linked.
WEB_FILES := $(sort $(wildcard cli/web/*))
WEB_O := $(B)/cli/web-assets.o
UNIT_BIN := $(UNIT_C:%.c=$(B)/%)
API_BIN := $(API_C:%.c=$(B)/%)

SONAME := libdocket.so.$(MAJOR)
SHLIB := $(B)/libdocket.so.$(MAJOR).$(MINOR)
STLIB := $(B)/libdocket-internal.a
LIBA := $(B)/libdocket.a

.PHONY: all deps demo test check test-build fuzz install install-built uninstall clean format
.DELETE_ON_ERROR:

all: $(LIBA) $(SHLIB) $(B)/docket $(B)/docket.pc

deps:
	@scripts/install-deps build

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/%.o: %.cc
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -MMD -MP -c -o $@ $<

# libstemmer has no version call: docket_version() reports the Debian
# package's version, taken when the library is built.
STEMMER_VERSION := $(or $(shell dpkg-query -W -f='$${Version}' libstemmer0d 2>/dev/null),unknown)
$(B)/engine/version.o: ALL_CXXFLAGS += -DDOCKET_STEMMER_VERSION='"$(STEMMER_VERSION)"'

$(STLIB): $(LIB_O)
	@rm -f $@
	ar rcs $@ $^

# The installed archive: every library object linked into one (ld -r), then
# every global but docket_* made local, as docket.sym does for the shared
# library.  Internal calls between the objects were resolved by ld -r, so
# localising breaks nothing; an embedder sees only the API (t-symbols.sh).
# objcopy cannot localise a GNU unique symbol (a static inside an inline
# C++ function, e.g. libstdc++'s to_chars digits in the ASan build) until
# it is made weak, hence the first pass, on those alone (a weakened
# undefined reference would let the linker drop the library it needs).
$(B)/libdocket.o: $(LIB_O) Makefile
	$(LD) -r -o $@.tmp $(LIB_O)
	nm --defined-only $@.tmp | awk '$$2 == "u" {print $$3}' >$@.unique
	if [ -s $@.unique ]; then objcopy --weaken-symbols=$@.unique $@.tmp; fi
	objcopy --wildcard --keep-global-symbol='docket_*' $@.tmp $@
	@rm -f $@.tmp $@.unique

$(LIBA): $(B)/libdocket.o
	@rm -f $@
	ar rcs $@ $^

$(SHLIB): $(LIB_O) docket.sym
	$(CXX) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=docket.sym \
	    $(ALL_LDFLAGS) -o $@ $(LIB_O) $(LIBS)
	ln -sf $(notdir $@) $(B)/$(SONAME)
	ln -sf $(SONAME) $(B)/libdocket.so

$(B)/cli/web-assets.c: $(WEB_FILES) scripts/embed-web
	@mkdir -p $(@D)
	scripts/embed-web $@ $(WEB_FILES)

$(B)/docket: $(CLI_O) $(WEB_O) $(LIBA)
	$(CXX) $(ALL_LDFLAGS) -o $@ $(CLI_O) $(WEB_O) $(LIBA) $(LIBS)

$(B)/docket.pc: docket.pc.in docket.h
	@mkdir -p $(@D)
	@sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(MAJOR).$(MINOR)|' \
	    docket.pc.in > $@

$(B)/tests/unit/%: tests/unit/%.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STLIB) $(ALL_LDFLAGS) -lcmocka $(LIBS) -lstdc++ -lm

$(B)/tests/api/%: tests/api/%.c $(SHLIB) docket.h
	@mkdir -p $(@D)
	$(CC) -std=c11 $(DEFS) $(WARN) $(SAN) $(CFLAGS) -I. -o $@ $< -L$(B) -ldocket $(ALL_LDFLAGS)

-include bench/bench.mk eval/eval.mk tests/fuzz/fuzz.mk tests/crash/crash.mk
-include eval/copies/copies.mk
include tests/helpers.mk
-include eval/legal/legal.mk
-include eval/quotes/quotes.mk
-include eval/dates/dates.mk
-include man/man.mk
-include completions/completions.mk
-include debian/deb.mk

test-build: all $(UNIT_BIN) $(API_BIN) $(TEST_EXTRA)

test:
	@scripts/install-deps build test
	@$(MAKE) --no-print-directory test-build
	@tests/run $(B)

# The same tests built with sanitizers into their own folder; then the API
# tests under valgrind against the ordinary build.
check:
	@scripts/install-deps build test check
	@$(MAKE) --no-print-directory B=build-asan \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    test-build
	# new_delete_type_mismatch=0: libxapian 1.4.22's own Database::check
	# frees a 440-byte object it allocated with a smaller sized delete, on
	# every call (frames inside libxapian), so docket check and the
	# seal's check before writing would abort under ASan whatever docket does
	ASAN_OPTIONS=detect_leaks=1:new_delete_type_mismatch=0 UBSAN_OPTIONS=print_stacktrace=1 \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp tests/run build-asan
	@$(MAKE) --no-print-directory test-build
	DOCKET_WRAP="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite" \
	    tests/run $(B) $(API_BIN)

demo:
	@scripts/install-deps build
	@$(MAKE) --no-print-directory all
	@scripts/demo $(B)/docket

# install: build, then copy.  install-built: copy what is built, remaking
# nothing (for tests that install a build while the suite runs on it).
# docket.pc is written for the PREFIX given here.
define install_files
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 755 $(B)/docket $(DESTDIR)$(BINDIR)/docket
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libdocket.a
	install -m 755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libdocket.so
	install -m 644 docket.h $(DESTDIR)$(INCLUDEDIR)/docket.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(MAJOR).$(MINOR)|' \
	    docket.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/docket.pc
	$(install_man)
	$(install_completions)
endef

install: all
	$(install_files)

install-built:
	$(install_files)

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/docket $(DESTDIR)$(LIBDIR)/libdocket.a \
	    $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libdocket.so $(DESTDIR)$(INCLUDEDIR)/docket.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/docket.pc
	$(uninstall_man)
	$(uninstall_completions)

# Formats with .clang-format only the lines changed since HEAD: whole
# files would lose hand alignment clang-format cannot express (435 lines
# of today's tree, see .clang-format), so on a clean tree this is a no-op.
FORMAT_PATHS = $(wildcard docket.h common engine indexer searcher cli)
format:
	git clang-format --force --quiet --extensions c,h,cc -- $(FORMAT_PATHS)

clean:
	rm -rf build build-asan build-fuzz

-include $(LIB_O:.o=.d) $(CLI_O:.o=.d)
