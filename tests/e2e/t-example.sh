#!/bin/sh
# t-example.sh — `make install` gives a usable library: examples/search.c
# compiles against the installed header and docket.pc, links with the
# installed libdocket.so and finds a hit in an index made by the CLI.
. "$(dirname "$0")/lib.sh"

# A make run from inside make must not inherit its flags; B points at the
# existing build so that nothing is rebuilt.
inst() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s -C "$DOCKET_TOP" install-built B="$DOCKET_BUILD" "$@" >"$tmp/make.log" 2>&1
}

prefix=$tmp/prefix
if inst PREFIX="$prefix"; then
	pass "make install PREFIX=..."
else
	fail "make install PREFIX=..."
	tail -n 5 "$tmp/make.log" | sed 's/^/#   /'
fi
for f in bin/docket include/docket.h lib/libdocket.a lib/libdocket.so \
	lib/pkgconfig/docket.pc; do
	ok "installed $f" [ -e "$prefix/$f" ]
done
ok "the installed tool runs" "$prefix/bin/docket" --version

# Build the example with pkg-config, through the docket.pc written for
# this PREFIX.
pc_dir=$prefix/lib/pkgconfig libdir=$prefix/lib
like "$(cat "$pc_dir/docket.pc" 2>/dev/null)" "prefix=$prefix" \
	"docket.pc names the PREFIX it was installed for"
flags=$(PKG_CONFIG_PATH=$pc_dir pkg-config --cflags --libs docket)
like "$flags" "-ldocket" "pkg-config --libs names -ldocket"
# A library built with sanitizers (make check) needs them in the program too.
san=
nm -D "$libdir/libdocket.so" 2>/dev/null | grep -q __asan_ &&
	san="-fsanitize=address,undefined"
# shellcheck disable=SC2086
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror $san -o "$tmp/search" \
	"$DOCKET_TOP/examples/search.c" $flags 2>"$tmp/cc.log"; then
	pass "examples/search.c compiles warning-free against the install"
else
	fail "examples/search.c compiles warning-free against the install"
	sed 's/^/#   /' "$tmp/cc.log"
fi

make_index
out=$(LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/index" partnership)
is "$?" 0 "the example finds something and exits 0"
like "$out" '^1\. [0-9]+\.[0-9]+  .+' "it prints rank, score and citation"
LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/index" zzyzxqqnotaword >/dev/null
is "$?" 1 "no hit: exit 1"
LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/nowhere" x >/dev/null 2>"$tmp/err"
is "$?" 2 "missing index: exit 2"
like "$(cat "$tmp/err")" "nowhere" "and the message names the index"
done_testing
