#!/bin/sh
# t-exact.sh — the top K of a search of three or more words is the exact
# top K: Xapian 1.4.22's pruning by the minimum weight drops documents of
# an OR of three terms (engine/match.cc, prunes_unsafely()), so docket
# checks every match of such a query.  exact/prune.jsonl is a corpus of 39
# one-passage articles (filler words and alpha, bravo, charlie at random
# counts) where "alpha bravo charlie" lost its 6th passage before.
. "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/c"
cp "$DOCKET_TOP/tests/e2e/exact/prune.jsonl" "$tmp/c/"
d index --index "$tmp/idx" -q "$tmp/c"
# ids of the top K (every match when K exceeds them: then nothing prunes)
top() {
	d search --index "$tmp/idx" -n "$1" --copies --per-article 0 --json -- "$2" |
		hits_field passage_id | head -n "$1" | tr '\n' ' '
}
all=$(top 100 "alpha bravo charlie")
like "$all" 'd0' "the three words match passages"
for k in 1 3 5 6 7 8 10; do
	is "$(top $k "alpha bravo charlie")" "$(echo "$all" | tr ' ' '\n' | head -n $k | tr '\n' ' ')" \
		"the top $k of three words is the exact top $k"
done
# two words prune safely and stay exact too
all2=$(top 100 "alpha bravo")
for k in 3 6; do
	is "$(top $k "alpha bravo")" "$(echo "$all2" | tr ' ' '\n' | head -n $k | tr '\n' ' ')" \
		"the top $k of two words is the exact top $k"
done
done_testing
