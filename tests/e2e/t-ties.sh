#!/bin/sh
# t-ties.sh — equal scores rank by the passage's order key, whatever the
# shard layout (engine/match.cc set_order()).  Two fixtures: three
# identical passages among others of distinct scores (ties inside the top
# K) and forty identical ones (a tie that straddles the K-th hit).  Checked
# against a tree that sorted the top K's ties itself (session 12, not
# kept): leaving the ties in docid order failed 2 checks, cutting a run of
# equal scores at the K-th failed 3.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/fx/a" "$tmp/fx/b"
for i in 1 2 3; do
	printf 'title: Same %s\n\nThe harbor ruling came today.\n' "$i" >"$tmp/fx/a/same-$i.txt"
done
for i in 1 2 3 4 5 6; do
	words=$(printf 'harbor %.0s' $(seq "$i"))
	printf 'title: Other %s\n\n%s and then a long tail of words to vary the length %s.\n' \
		"$i" "$words" "$(printf 'x%.0s ' $(seq $((i * 3))))" >"$tmp/fx/a/other-$i.txt"
done
for i in $(seq 40); do
	printf 'title: Copy %s\n\nThe harbor ruling came today, said clerk %s.\n' "$i" "$i" >"$tmp/fx/b/n-$i.txt"
done
for fx in a b; do
	for n in 1 3; do
		d index --index "$tmp/$fx-$n" --shards "$n" -q "$tmp/fx/$fx" || fail "index $fx as $n shards"
	done
done
# order INDEX OPTION...: the passage ids of 'harbor', in rank order
order() {
	oi=$1
	shift
	d search --index "$oi" --json --per-article 0 --copies "$@" -- harbor | hits_field passage_id | tr '\n' ' '
}
is "$(order "$tmp/a-1" -n 20 | wc -w | tr -d ' ')" 9 "the first fixture: nine hits"
is "$(order "$tmp/b-1" -n 50 | wc -w | tr -d ' ')" 40 "the second: forty"
for k in 2 4 9; do
	is "$(order "$tmp/a-3" -n "$k")" "$(order "$tmp/a-1" -n "$k")" "three equal scores, top $k: one shard and three agree"
done
for k in 5 39; do
	is "$(order "$tmp/b-3" -n "$k")" "$(order "$tmp/b-1" -n "$k")" "forty equal scores, top $k: one shard and three agree"
done
first=$(order "$tmp/b-1" -n 40 | cut -d' ' -f1-5)
is "$(order "$tmp/b-1" -n 5 | sed 's/ $//')" "$first" "forty equal scores: the top 5 is the start of the top 40"
done_testing
