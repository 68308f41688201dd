#!/bin/sh
# t-example.sh — `make install` gives a usable library: examples/search.c
# compiles against the installed header and docket.pc, links with the
# installed libdocket.so and finds a hit in an index made by the CLI.
. "$(dirname "$0")/lib.sh"

# A make run from inside make must not inherit its flags; B points at the
# existing build so that nothing is rebuilt.
inst() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
		make -s -C "$DOCKET_TOP" install B="$DOCKET_BUILD" "$@" >"$tmp/make.log" 2>&1
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

# Build the example with pkg-config.  docket.pc names the prefix it was
# generated for; a staged install (DESTDIR + PKG_CONFIG_SYSROOT_DIR) works
# whatever that prefix was.
if grep -q "^prefix=$prefix\$" "$prefix/lib/pkgconfig/docket.pc"; then
	pc_dir=$prefix/lib/pkgconfig sysroot= libdir=$prefix/lib
else
	echo "# note: docket.pc does not name PREFIX=$prefix (it was generated earlier);"
	echo "#       building the example from a DESTDIR install instead"
	inst DESTDIR="$tmp/stage"
	pc_dir=$(dirname "$(find "$tmp/stage" -name docket.pc | head -n 1)")
	sysroot=$tmp/stage
	libdir=$(dirname "$(find "$tmp/stage" -name 'libdocket.so' | head -n 1)")
fi
flags=$(PKG_CONFIG_PATH=$pc_dir PKG_CONFIG_SYSROOT_DIR=$sysroot \
	pkg-config --cflags --libs docket)
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
