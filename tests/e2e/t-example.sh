#!/bin/sh
# t-example.sh — `make install` gives a usable library: examples/search.c
# compiles against the installed header and docket.pc, links with the
# installed libdocket.so and finds a hit in an index made by the CLI; and
# links statically with `pkg-config --static` against the installed
# libdocket.a alone (a second install with the shared library removed),
# needing no libdocket.so to run.
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
for f in share/man/man1/docket-search.1 share/man/man7/docket-query.7 \
	share/man/man3/libdocket.3 share/bash-completion/completions/docket \
	share/zsh/vendor-completions/_docket share/fish/vendor_completions.d/docket.fish; do
	ok "installed $f" [ -e "$prefix/$f" ]
done
# `man docket-search` as a user with the prefix on MANPATH would type it
# (man-db's man where the machine has it, else mandoc's own man).
manpage() {
	if command -v man >/dev/null; then MANWIDTH=80 man -M "$prefix/share/man" "$1"
	else mandoc -Tutf8 "$prefix/share/man/man1/$1.1"; fi
}
like "$(manpage docket-search 2>&1)" \
	'find the passages of a docket index' "man docket-search works after make install"

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

# The static link: the same install without libdocket.so, so that
# -ldocket can only mean libdocket.a; its Libs.private and Requires.private
# must name everything the archive needs.
sprefix=$tmp/sprefix
if inst PREFIX="$sprefix"; then
	pass "a second install for the static link"
else
	fail "a second install for the static link"
fi
rm -f "$sprefix"/lib/libdocket.so*
sflags=$(PKG_CONFIG_PATH=$sprefix/lib/pkgconfig pkg-config --static --cflags --libs docket)
like "$sflags" "-lstdc++" "pkg-config --static names the C++ runtime"
# shellcheck disable=SC2086
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror $san -o "$tmp/ssearch" \
	"$DOCKET_TOP/examples/search.c" $sflags 2>"$tmp/scc.log"; then
	pass "examples/search.c links statically with pkg-config --static"
else
	fail "examples/search.c links statically with pkg-config --static"
	sed 's/^/#   /' "$tmp/scc.log"
fi
needed=$(objdump -p "$tmp/ssearch" 2>/dev/null | awk '$1 == "NEEDED" {print $2}')
unlike "$needed" "libdocket" "the static program needs no libdocket.so"
like "$needed" "libxapian" "but links Xapian as the .pc says"

make_index
sout=$(env -u LD_LIBRARY_PATH "$tmp/ssearch" "$tmp/index" partnership)
is "$?" 0 "the static example finds something without LD_LIBRARY_PATH"
like "$sout" '^1\. [0-9]+\.[0-9]+  .+' "and prints rank, score and citation"
out=$(LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/index" partnership)
is "$?" 0 "the example finds something and exits 0"
like "$out" '^1\. [0-9]+\.[0-9]+  .+' "it prints rank, score and citation"
LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/index" zzyzxqqnotaword >/dev/null
is "$?" 1 "no hit: exit 1"
LD_LIBRARY_PATH=$libdir "$tmp/search" "$tmp/nowhere" x >/dev/null 2>"$tmp/err"
is "$?" 2 "missing index: exit 2"
like "$(cat "$tmp/err")" "nowhere" "and the message names the index"
done_testing
