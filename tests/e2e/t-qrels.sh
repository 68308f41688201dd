#!/bin/sh
# t-qrels.sh — the passage collection's judgments still name passages that
# exist.  eval/passages/run scores a passage it cannot find as 0 without a
# word, so a parser change that renumbers the passages of
# eval/passages/articles would quietly lower every figure of the first
# set and of set2 to set5.  Here every passage id of their qrels.txt must be a
# passage of the index docket builds from the articles, every query of
# each queries.tsv must be judged, and each must have a passage graded 2.
. "$(dirname "$0")/lib.sh"
top=$DOCKET_TOP/eval/passages
d index --index "$tmp/idx" -q "$top/articles"
d search --index "$tmp/idx" --json --per-article 0 -n 10000 -- 'NOT zzqqxxnothing' |
	jq -r 'select(.type == "hit") | .passage_id' | sort >"$tmp/ids"
is "$(wc -l <"$tmp/ids" | tr -d ' ')" 210 "the articles give 210 passages"
for set in "$top" "$top/set2" "$top/set3" "$top/set4" "$top/set5"; do
	name=${set#"$DOCKET_TOP"/}
	grep -v '^#' "$set/qrels.txt" | awk 'NF == 4 { print $3 }' | sort -u >"$tmp/judged"
	is "$(comm -23 "$tmp/judged" "$tmp/ids" | tr '\n' ' ')" "" \
		"$name: every judged passage is a passage of the index"
	grep -v '^#' "$set/queries.tsv" | cut -f1 | sort -u >"$tmp/queries"
	grep -v '^#' "$set/qrels.txt" | awk 'NF == 4 && $4 == 2 { print $1 }' | sort -u >"$tmp/answered"
	is "$(comm -23 "$tmp/queries" "$tmp/answered" | tr '\n' ' ')" "" \
		"$name: every query has a passage graded 2"
done
done_testing
