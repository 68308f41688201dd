#!/bin/sh
# t-symbols.sh — libdocket.so exports exactly the functions docket.h
# declares (DOCKET_EXPORT), nothing more (no internal helpers, no C++
# library symbols) and nothing less; and so does the installed static
# archive libdocket.a (its one object's global symbols, weak ones
# included).  The archive check is shown to fail on an archive that was
# not localised: libdocket-internal.a, the plain objects the tests link.
. "$(dirname "$0")/lib.sh"

lib=$DOCKET_BUILD/libdocket.so
if [ ! -e "$lib" ]; then
	fail "$lib exists"
	done_testing
fi

sed -n 's/^DOCKET_EXPORT[^(]*[ *]\(docket_[a-z0-9_]*\)(.*/\1/p' \
	"$DOCKET_TOP/docket.h" | sort -u >"$tmp/declared"
# Defined dynamic symbols, less the ELF bookkeeping ones.
nm -D --defined-only "$lib" | awk '{print $NF}' |
	grep -Ev '^(_init|_fini|_edata|_end|__bss_start)$' | sort -u >"$tmp/exported"

n=$(wc -l <"$tmp/declared")
ok "docket.h declares some functions ($n)" [ "$n" -gt 30 ]
if comm -23 "$tmp/declared" "$tmp/exported" >"$tmp/missing" && [ ! -s "$tmp/missing" ]; then
	pass "every declared function is exported"
else
	fail "every declared function is exported"
	sed 's/^/#   missing: /' "$tmp/missing"
fi
if comm -13 "$tmp/declared" "$tmp/exported" >"$tmp/extra" && [ ! -s "$tmp/extra" ]; then
	pass "nothing else is exported"
else
	fail "nothing else is exported"
	head -n 20 "$tmp/extra" | sed 's/^/#   extra: /'
	echo "#   ($(wc -l <"$tmp/extra") in all)"
fi
# only_declared ARCHIVE: 0 when the defined global symbols (weak ones
# too) of ARCHIVE's members are exactly the declared functions; else 1,
# with the difference in $tmp/diff.
only_declared() {
	nm -g --defined-only "$1" 2>/dev/null | awk 'NF == 3 {print $3}' |
		sort -u >"$tmp/got"
	comm -3 "$tmp/declared" "$tmp/got" >"$tmp/diff"
	[ ! -s "$tmp/diff" ]
}

archive=$DOCKET_BUILD/libdocket.a
ok "$archive exists" [ -s "$archive" ]
if only_declared "$archive"; then
	pass "libdocket.a defines exactly the declared functions as globals"
else
	fail "libdocket.a defines exactly the declared functions as globals"
	head -n 20 "$tmp/diff" | sed 's/^/#   differs: /'
	echo "#   ($(wc -l <"$tmp/diff") in all)"
fi
ok "libdocket.a is one relocatable object" \
	[ "$(ar t "$archive" 2>/dev/null | wc -l)" -eq 1 ]
if nm "$archive" 2>/dev/null | grep -q " t buf_append$"; then
	pass "internal helpers such as buf_append are local in it"
else
	fail "internal helpers such as buf_append are local in it"
fi

# The same check on an archive that was not localised must fail.
plain=$DOCKET_BUILD/libdocket-internal.a
ok "$plain exists" [ -s "$plain" ]
if only_declared "$plain"; then
	fail "the check fails on an archive that was not localised"
else
	pass "the check fails on an archive that was not localised"
	echo "#   $(grep -c . "$tmp/diff") undeclared globals there"
fi

soname=$(objdump -p "$lib" 2>/dev/null | awk '$1 == "SONAME" {print $2}')
major=$(sed -n 's/^#define DOCKET_VERSION_MAJOR \([0-9]*\).*/\1/p' "$DOCKET_TOP/docket.h")
is "$soname" "libdocket.so.$major" "SONAME is libdocket.so.MAJOR"
done_testing
