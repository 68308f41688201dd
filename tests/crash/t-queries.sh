#!/bin/sh
# t-queries.sh — malformed and oversized queries: each gives a search
# (exit 0/1) or one clear line on stderr and exit 2; never a crash, never
# over 2 s, never over 256 MB resident.
#
# The index holds a small generated corpus plus files of >= 100,000
# distinct pseudo-words starting with 'a', so that `a*` has a huge
# expansion.  Each query's exit, time and peak RSS (GNU time) is printed.
# A NUL cannot be passed in argv; tests/fuzz/fuzz-query.c feeds the C API
# strings with embedded NULs (the library sees the part before the NUL).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

max_ms=2000
max_kb=262144
helpers || { fail "build the helpers"; done_testing; }
gen_corpus 30 5 "$tmp/corpus"
mkdir -p "$tmp/corpus/awords"
# 20 files x 5,000 distinct words "a" + 4 letters, 100 words a paragraph.
awk -v dir="$tmp/corpus/awords" 'BEGIN {
	split("abcdefghijklmnopqrstuvwxyz", L, "")
	for (f = 0; f < 20; f++) {
		file = sprintf("%s/a%02d.txt", dir, f)
		printf "title: Word list %d\noutlet: Test\ndate: 2024-01-01\n\n", f > file
		for (i = 0; i < 5000; i++) {
			n = f * 5000 + i
			w = "a"
			for (k = 0; k < 4; k++) { w = w L[n % 26 + 1]; n = int(n / 26) }
			printf "%s%s", w, (i % 100 == 99) ? "\n\n" : " " > file
		}
		close(file)
	}
}'
idx=$tmp/index
"$DOCKET" index --index "$idx" -q "$tmp/corpus" || { fail "index"; done_testing; }
nterms=$(xapian-delve -1 -A a "$idx" | sed 1d | wc -l)
[ "$nterms" -ge 100000 ] && pass "the index holds $nterms distinct terms starting with 'a'" ||
	fail "the index holds only $nterms distinct terms starting with 'a'"

words=$(sed -n '6p' "$tmp/corpus/000/000001.txt")
# 100 KB of running text, within one argument (execve allows 128 KiB).
big=$(awk -v w="$words" 'BEGIN { s = ""; while (length(s) < 102400) s = s w " "; print substr(s, 1, 102400) }')
# 10,000 short terms (about 60 KB).
many=$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "w%d ", i }')
bad_utf8=$(printf 'caf\351 \377\376 court \300\200')

# try NAME QUERY: run it, check the outcome, print what happened.
try() {
	t0=$(date +%s%N)
	/usr/bin/time -f '%e %M' -o "$tmp/time" \
		timeout 5 "$DOCKET" search --index "$idx" -- "$2" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	kb=$(cut -d' ' -f2 "$tmp/time" | tail -n 1)
	lines=$(wc -l <"$tmp/err")
	echo "# $1: exit $rc, ${ms} ms, ${kb} KB; $(head -c 160 "$tmp/err" | head -n 1)"
	case $rc in
	0 | 1) pass "$1: a search (exit $rc)" ;;
	2)
		if [ "$lines" -eq 1 ] && grep -q '^docket' "$tmp/err"; then
			pass "$1: one clear line and exit 2"
		else
			fail "$1: exit 2 with $lines lines on stderr"
			head -n 3 "$tmp/err" | sed 's/^/#   /'
		fi
		;;
	*) fail "$1: exit $rc (crash or timeout)" ;;
	esac
	[ "$ms" -le "$max_ms" ] && pass "$1: under 2 s" || fail "$1: took ${ms} ms"
	[ "$kb" -le "$max_kb" ] && pass "$1: under 256 MB" || fail "$1: peak RSS ${kb} KB"
}

try 'unbalanced quote' '"unbalanced'
try 'dangling AND' 'a AND'
try 'open brackets' '(((('
try 'NOT alone' 'NOT'
try 'empty' ''
try 'blank' '   '
try '100 KB of text' "$big"
try '10,000 terms' "$many"
try 'a* over 100k terms' 'a*'
try 'aa* AND court' 'aa* AND court'
try 'aaa* (about 150 words)' 'aaa*'
try 'invalid UTF-8' "$bad_utf8"
try 'a 300-byte word' "$(printf '%0300d' 0 | tr 0 x)"
try 'bad date range' 'date:2024-13-45..yesterday court'
try 'empty field' 'title: outlet:'
try 'NEAR chain' 'NEAR NEAR NEAR'
try 'lone operators' '- + * " ( )'
echo "ok $((tap_n + 1)) - # SKIP NUL in a query: not possible in argv; fuzz-query.c covers it through the C API"
tap_n=$((tap_n + 1))
done_testing
