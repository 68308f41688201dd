#!/bin/sh
# t-symbols.sh — libdocket.so exports exactly the functions docket.h
# declares (DOCKET_EXPORT), nothing more (no internal helpers, no C++
# library symbols) and nothing less.
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
soname=$(objdump -p "$lib" 2>/dev/null | awk '$1 == "SONAME" {print $2}')
major=$(sed -n 's/^#define DOCKET_VERSION_MAJOR \([0-9]*\).*/\1/p' "$DOCKET_TOP/docket.h")
is "$soname" "libdocket.so.$major" "SONAME is libdocket.so.MAJOR"
done_testing
