#!/bin/sh
# t-eventdate-set.sh — the event-date resolver still meets issue 19's
# targets (precision >= 0.95, recall >= 0.90) on both halves of the
# labelled set eval/dates/, and the scorer refuses a malformed set.
. "$(dirname "$0")/lib.sh"

score=$DOCKET_BUILD/eval/dates-score
set_dir=$DOCKET_TOP/eval/dates

for split in dev test; do
	row=$("$score" "$set_dir/$split.tsv" | awk '$2 == "all"')
	p=$(echo "$row" | awk '{print $7}')
	r=$(echo "$row" | awk '{print $8}')
	ok "$split: precision $p >= 0.95" awk -v p="$p" 'BEGIN { exit !(p >= 0.95) }'
	ok "$split: recall $r >= 0.90" awk -v r="$r" 'BEGIN { exit !(r >= 0.90) }'
	n=$(grep -vc '^#' "$set_dir/$split.tsv")
	ok "$split: $n passages, each with five fields" \
		awk -F'\t' '!/^#/ && NF != 5 { bad = 1 } END { exit bad }' "$set_dir/$split.tsv"
done
total=$(cat "$set_dir/dev.tsv" "$set_dir/test.tsv" | grep -vc '^#')
ok "at least 80 labelled passages ($total)" [ "$total" -ge 80 ]

printf 'x1\tabs-full\t2026-03-12\t2026-13-40\tOn March 4, 2026.\n' > "$tmp/bad.tsv"
"$score" "$tmp/bad.tsv" > /dev/null 2> "$tmp/err"
is "$?" 2 "a malformed expected date: exit 2"
like "$(cat "$tmp/err")" 'bad.tsv:1: malformed' "the error names the file and line"

# a wrong answer is counted as one: the scorer can fail
printf 'x1\tabs-full\t2026-03-12\t2026-03-05\tOn March 4, 2026.\n' > "$tmp/wrong.tsv"
row=$("$score" "$tmp/wrong.tsv" | awk '$2 == "all"')
is "$(echo "$row" | awk '{print $3, $4, $5, $6}')" "1 0 1 0" "a wrong date scores 0 of 1"

done_testing
