#!/bin/sh
# t-coverage.sh — `docket coverage`: one row per outlet with its first and
# last date, distinct articles, passages and most credited sources, equal
# to what jq counts from an uncapped search's JSON, on corpus/, on a
# generated corpus and through a remote shard; sorted by first date (the
# outlet that broke it on top); copies of one wire story counted once per
# outlet, and an outlet that ran an agency's paragraphs naming the agency
# (locally and with the copies on a remote shard); CSV and text.
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
unlike "$out" '"type":"note"' "no note: copies are grouped"
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
is "$(cat "$tmp/err")" "" "CSV: nothing on stderr"

text=$(d coverage --index "$tmp/whole/idx" judge)
like "$text" '^outlet +first +last +articles +passages +top sources$' "text: a header"
like "$text" '^Reuters +[0-9-]{10} +[0-9-]{10} +[0-9]+ +[0-9]+ +[a-z.]+ \([0-9]+\)' "text: a row per outlet"
like "$text" '^\(no outlet\)' "text: passages without an outlet have a row"

# An agency's story, run by the Ledger twice (the first version and an
# update that changed one paragraph), beside a story of the Ledger's own;
# the update is indexed apart, to be a remote shard below.
mkdir -p "$tmp/wire" "$tmp/wire2"
cat >"$tmp/wire/ap.txt" <<'EOF'
title: Judge hears zqwaterq meter case
outlet: Associated Press
date: 2026-03-10

PORTMERE, Calif. (AP) — A federal judge heard arguments on Monday over the zqwaterq meters installed across the harbor district, in a lawsuit residents say exposed the habits of their households.

The judge did not rule from the bench but pressed both sides on how the meters sent hourly readings to an outside analytics firm for study.

A company spokesperson said it takes customer privacy seriously and would keep the zqwaterq meters running while the court considers the request.
EOF
{ printf 'title: Meter fight reaches court\noutlet: Ledger\ndate: 2026-03-11\n'
  sed '1,3d; s/^PORTMERE, Calif. (AP) — //' "$tmp/wire/ap.txt"; } >"$tmp/wire/ledger-1.txt"
sed 's/^title: .*/title: Meter fight reaches court (updated)/; s/date: 2026-03-11/date: 2026-03-12/;
	s/would keep the zqwaterq meters running/said late on Tuesday it would keep every zqwaterq meter running for now/' \
	"$tmp/wire/ledger-1.txt" >"$tmp/wire2/ledger-2.txt"
cat >"$tmp/wire/own.txt" <<'EOF'
title: Council debates zqwaterq rates
outlet: Ledger
date: 2026-03-13

The city council spent its Thursday session on zqwaterq rates for the coming year, with no vote taken before midnight.
EOF
cp "$tmp/wire2/ledger-2.txt" "$tmp/wire/"
d index --index "$tmp/widx" -q "$tmp/wire"
cov=$(d coverage --index "$tmp/widx" --json zqwaterq)
ledger=$(echo "$cov" | jq -c 'select(.outlet == "Ledger")')
is "$(echo "$ledger" | jq -r .articles)" 2 "copies of one wire story count once per outlet: the Ledger ran 2 stories in 3 articles"
is "$(echo "$ledger" | jq -r .passages)" \
	"$(d search --index "$tmp/widx" --copies --json -n 100 zqwaterq | jq -s '[.[] | select(.type == "hit" and .outlet == "Ledger")] | length')" \
	"... while each of its passages is counted"
is "$(echo "$ledger" | jq -c .wire)" '["ap"]' "... and its row names the agency whose paragraphs it ran"
is "$(echo "$cov" | jq -c 'select(.outlet == "Associated Press") | [.articles, .wire]')" '[1,["ap"]]' \
	"the agency's own row: 1 article, ap"
if [ "$have_remote" = 1 ]; then
	rm "$tmp/wire/ledger-2.txt"
	d index --index "$tmp/widx-a" -q "$tmp/wire"
	d index --index "$tmp/widx-b" -q "$tmp/wire2"
	printf 'auto %s\nremote :xapian-progsrv %s\n' "$tmp/widx-a" "$tmp/widx-b" >"$tmp/wmixed.stub"
	is "$(d coverage --index "$tmp/wmixed.stub" --json zqwaterq | jq -c 'select(.outlet == "Ledger") | [.articles, .wire]')" \
		'[2,["ap"]]' "the same with the update on a remote shard"
else
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
fi

d coverage --index "$tmp/whole/idx" zzzqqqxx >/dev/null
is "$?" 1 "no match: exit 1"
d coverage --index "$tmp/whole/idx" 'date:2026-99' >/dev/null 2>"$tmp/err"
is "$?" 2 "a bad date: exit 2"
done_testing
