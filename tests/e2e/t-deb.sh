#!/bin/sh
# t-deb.sh — the Debian packages (debian/build-debs, what `make deb` runs,
# without lintian, which takes a minute): built from this build, unpacked
# with dpkg -x into a scratch root, and used from there: the packaged
# docket indexes corpus/ and finds a passage, its man page renders, and
# the packaged libdocket.so.0 serves the Python binding.
. "$(dirname "$0")/lib.sh"
if ! command -v dpkg-deb >/dev/null || ! command -v dpkg-shlibdeps >/dev/null; then
	echo "ok 1 # SKIP dpkg-deb or dpkg-shlibdeps missing (scripts/install-deps deb)"
	echo "1..1"
	exit 0
fi
if ! "$DOCKET_TOP/debian/build-debs" "$DOCKET_BUILD" "$tmp/debs" >"$tmp/debs.list" 2>"$tmp/debs.err"; then
	fail "debian/build-debs"
	sed 's/^/#   /' "$tmp/debs.err"
	done_testing
fi
is "$(wc -l <"$tmp/debs.list" | tr -d ' ')" 3 "three packages built"
root=$tmp/root
for deb in $(cat "$tmp/debs.list"); do
	ok "dpkg -x $(basename "$deb")" dpkg -x "$deb" "$root"
	ok "$(basename "$deb") has a copyright file" \
		test -f "$root/usr/share/doc/$(dpkg-deb -f "$deb" Package)/copyright"
done
multi=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")
libdir=$root/usr/lib/$multi
ok "libdocket0 holds libdocket.so.0" test -e "$libdir/libdocket.so.0"
ok "libdocket-dev holds docket.h and docket.pc" \
	test -f "$root/usr/include/docket.h" -a -f "$libdir/pkgconfig/docket.pc"
ok "docket holds the bash completion" test -f "$root/usr/share/bash-completion/completions/docket"
like "$(dpkg-deb -f "$(grep /libdocket0_ "$tmp/debs.list")" Depends)" 'libxapian30' \
	"libdocket0 depends on Xapian's library"
like "$(dpkg-deb -f "$(grep /docket_ "$tmp/debs.list")" Depends)" 'libmicrohttpd12' \
	"docket depends on libmicrohttpd, which docket serve opens"

pdocket=$root/usr/bin/docket
export LD_LIBRARY_PATH="$libdir"
ok "the packaged docket indexes corpus/" "$pdocket" index -q --index "$tmp/idx" "$corpus"
out=$("$pdocket" search --index "$tmp/idx" --format trec -n 1 interrogatories)
like "$out" 'nyt-openai-logs.txt' "the packaged docket finds a passage"
ok "the packaged man page renders" sh -c \
	'zcat "$1" | mandoc -Tutf8 | grep -q "docket search"' - "$root/usr/share/man/man1/docket-search.1.gz"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
got=$(DOCKET_LIBRARY=$libdir/libdocket.so.0 PYTHONPATH=$DOCKET_TOP/python "$py" -c '
import docket, sys
with docket.Index(sys.argv[1]) as idx:
    print(idx.search("interrogatories")[0].passage_id)' "$tmp/idx" 2>&1)
like "$got" 'nyt-openai-logs.txt#5' "the packaged libdocket.so.0 searches (through Python)"
done_testing
