#!/bin/sh
# t-coverage.sh — `docket coverage`: one row per outlet with its first and
# last date, distinct articles, passages and most credited sources, equal
# to what jq counts from an uncapped search's JSON, on corpus/, on a
# generated corpus and through a remote shard; sorted by first date (the
# outlet that broke it on top); the note while the index has no copy
# groups; CSV and text.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/counts.sh"

if ! make_count_indexes; then
	fail "make the indexes"
	done_testing
fi

# expected IDX QUERY: "outlet<TAB>first<TAB>last<TAB>articles<TAB>passages<TAB>sources"
# per outlet (sources: the top three as "name:count" by count then name),
# sorted by first date (undated last), then name.
expected() {
	hits "$1" "$2" | jq -rs 'group_by(.outlet) | map({o: .[0].outlet,
		d: (map(.date) | map(select(. != "")) | sort),
		a: (map(.article_id) | unique | length), p: length,
		s: ([.[].sources[]] | group_by(.) | map([.[0], length]) | sort_by(-.[1], .[0]) | .[0:3] | map("\(.[0]):\(.[1])") | join(","))})
		| sort_by((if (.d | length) == 0 then "9999" else .d[0] end), .o)
		| .[] | [.o, (.d[0] // ""), (.d[-1] // ""), .a, .p, .s] | @tsv'
}

got() {
	d coverage --index "$1" --json -- "$2" | jq -r 'select(.type == "coverage") |
		[.outlet, .first, .last, .articles, .passages, (.sources | map("\(.source):\(.passages)") | join(","))] | @tsv'
}

check() { # LABEL IDX QUERY
	want=$(expected "$2" "$3")
	is "$(got "$2" "$3")" "$want" "$1: '$3': one row per outlet, counts from the uncapped JSON"
	[ -n "$want" ] || fail "$1: '$3': something to count"
}

check corpus "$tmp/whole/idx" judge
check corpus "$tmp/whole/idx" 'the OR a OR of'
check gen "$tmp/gen/idx" the
if [ "$have_remote" = 1 ]; then
	check "one remote shard" "$tmp/mixed.stub" judge
	is "$(d coverage --index "$tmp/mixed.stub" --json judge)" "$(d coverage --index "$tmp/whole/idx" --json judge)" \
		"a local and a remote half give the whole index's coverage"
else
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
fi

out=$(d coverage --index "$tmp/whole/idx" --json judge)
like "$(echo "$out" | head -n 1)" '^\{"type":"coverage","outlet":"[^"]*","first":"[0-9-]*","last":"[0-9-]*","articles":[0-9]+,"passages":[0-9]+,"sources":\[.*\],"wire":\[\]\}$' \
	"the coverage object's keys, in order"
like "$(echo "$out" | tail -n 1)" '^\{"type":"note","text":"copies of one wire story count as separate articles' \
	"a note says copies are not grouped in this index"
firsts=$(echo "$out" | jq -r 'select(.type == "coverage" and .first != "") | .first')
is "$(echo "$firsts" | sort -c && echo sorted)" sorted "sorted by first date"
is "$(echo "$out" | jq -r 'select(.type == "coverage") | .first' | head -n 1)" \
	"$(hits "$tmp/whole/idx" judge | jq -r 'select(.date != "") | .date' | sort | head -n 1)" \
	"the outlet that ran it first is on top"

csv=$(d coverage --index "$tmp/whole/idx" --format csv judge 2>"$tmp/err")
is "$(echo "$csv" | head -n 1)" "outlet,first,last,articles,passages,sources,source_passages,wire" "CSV header"
is "$(echo "$csv" | sed 1d | wc -l | tr -d ' ')" "$(echo "$out" | grep -c '"type":"coverage"')" "CSV: one line per outlet"
like "$(echo "$csv" | sed -n 2p)" '^[^,]*,[0-9-]+,[0-9-]+,[0-9]+,[0-9]+,[a-z0-9.]+(; [a-z0-9.]+)*,[0-9]+(; [0-9]+)*,$' \
	"CSV: a list cell's items joined with '; '"
like "$(cat "$tmp/err")" '^docket: note: copies' "CSV: the note goes to stderr"

text=$(d coverage --index "$tmp/whole/idx" judge)
like "$text" '^outlet +first +last +articles +passages +top sources$' "text: a header"
like "$text" '^Reuters +[0-9-]{10} +[0-9-]{10} +[0-9]+ +[0-9]+ +[a-z.]+ \([0-9]+\)' "text: a row per outlet"
like "$text" '^\(no outlet\)' "text: passages without an outlet have a row"

d coverage --index "$tmp/whole/idx" zzzqqqxx >/dev/null
is "$?" 1 "no match: exit 1"
d coverage --index "$tmp/whole/idx" 'date:2026-99' >/dev/null 2>"$tmp/err"
is "$?" 2 "a bad date: exit 2"
done_testing
