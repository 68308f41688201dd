#!/bin/sh
# t-gen.sh — bench/gen is deterministic: the same --articles and --seed give
# byte-identical folders, and another seed gives a different one (the
# benchmarks compare runs on "the same" collection, so this must hold).
. "$(dirname "$0")/lib.sh"
gen=$DOCKET_BUILD/bench/gen
if [ ! -x "$gen" ]; then
	fail "bench/gen is built ($gen)"
	done_testing
fi

ok "gen --articles 200 --seed 7 (first run)" "$gen" --articles 200 --seed 7 "$tmp/a"
ok "gen --articles 200 --seed 7 (second run)" "$gen" --articles 200 --seed 7 "$tmp/b"
ok "gen --articles 200 --seed 8" "$gen" --articles 200 --seed 8 "$tmp/c"
n=$(find "$tmp/a" -type f | wc -l | tr -d ' ')
ok "the first run wrote files ($n)" [ "$n" -gt 0 ]
ok "the same seed twice: diff -r finds no difference" diff -r "$tmp/a" "$tmp/b"
if diff -r "$tmp/a" "$tmp/c" >/dev/null 2>&1; then
	fail "another seed gives a different collection"
else
	pass "another seed gives a different collection"
fi
ok "the same seed with another article count differs too" \
	sh -c "'$gen' --articles 199 --seed 7 '$tmp/d' && ! diff -r '$tmp/a' '$tmp/d' >/dev/null 2>&1"
done_testing
