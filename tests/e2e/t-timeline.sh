#!/bin/sh
# t-timeline.sh — `docket timeline`: per period (day, week, month, year;
# published or event dates) the passages, distinct articles and distinct
# outlets equal those counted with jq from an uncapped search's JSON, on
# corpus/, on a generated corpus and through a remote shard; one bucket per
# period from the first to the last, empty ones included; the first
# passage is one of the bucket's earliest; --per outlet; CSV; the text bars
# and the sparkline.  Then event dates: on the hits, and event: / date:
# with every date form, and the error naming a bad date.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/counts.sh"

if ! make_count_indexes; then
	fail "make the indexes"
	done_testing
fi

# The jq expression giving a hit's periods (an array of period starts) for
# BY and DATE.
periods_of() {
	case $2 in
	event) days='.event_dates' ;;
	*) days='[.date | select(. != "")]' ;;
	esac
	case $1 in
	day) cut='.' ;;
	month) cut='.[0:7] + "-01"' ;;
	year) cut='.[0:4] + "-01-01"' ;;
	week) cut='(. + "T00:00:00Z" | fromdateiso8601 / 86400 | floor) as $z | (($z - (($z + 3) % 7)) * 86400 | todate[0:10])' ;;
	esac
	echo "($days | map($cut) | unique)"
}

# expected IDX QUERY BY DATE: "start<TAB>articles<TAB>passages<TAB>outlets"
# for every non-empty period, from the hits' JSON.
expected() {
	hits "$1" "$2" | jq -rs "map(. as \$h | $(periods_of "$3" "$4") | .[] | {p: ., a: \$h.article_id, o: \$h.outlet})
		| group_by(.p) | map([.[0].p, (map(.a) | unique | length), length,
		  (map(.o) | map(select(. != \"\")) | unique | length)]) | .[] | @tsv"
}

# got IDX QUERY BY DATE: docket's non-empty buckets as the same TSV.
got() {
	d timeline --index "$1" --json --by "$3" --date "$4" -- "$2" |
		jq -r 'select(.type == "bucket" and .passages > 0) | [.start, .articles, .passages, .outlets] | @tsv'
}

check() { # LABEL IDX QUERY BY DATE
	want=$(expected "$2" "$3" "$4" "$5")
	is "$(got "$2" "$3" "$4" "$5")" "$want" "$1: '$3' by $4 ($5): counts from the uncapped JSON"
	[ -n "$want" ] || fail "$1: '$3' by $4 ($5): something to count"
}

for by in day week month year; do
	check corpus "$tmp/whole/idx" judge $by published
done
check corpus "$tmp/whole/idx" 'the OR a OR of' month event
check corpus "$tmp/whole/idx" 'the OR a OR of' week event
check gen "$tmp/gen/idx" the month published
check gen "$tmp/gen/idx" the week published
if [ "$have_remote" = 1 ]; then
	check "one remote shard" "$tmp/mixed.stub" judge month published
	is "$(d timeline --index "$tmp/mixed.stub" --json --by week judge)" \
		"$(d timeline --index "$tmp/whole/idx" --json --by week judge)" \
		"a local and a remote half give the whole index's timeline, first passages included"
else
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
fi

# every period from the first to the last, in order, empty ones with zeros
d timeline --index "$tmp/whole/idx" --json --by month judge >"$tmp/tl"
months=$(jq -r 'select(.type == "bucket") | .start' "$tmp/tl")
first=$(echo "$months" | head -n 1) last=$(echo "$months" | tail -n 1)
span=$(jq -rn "def m: (.[0:4] | tonumber) * 12 + (.[5:7] | tonumber); (\"$last\" | m) - (\"$first\" | m) + 1")
is "$(echo "$months" | wc -l | tr -d ' ')" "$span" "one bucket per month from $first to $last"
is "$(echo "$months" | sort -c && echo sorted)" sorted "in order"
empty=$(jq -c 'select(.type == "bucket" and .passages == 0)' "$tmp/tl" | head -n 1)
like "$empty" '"articles":0,"passages":0,"outlets":0,"first":\{"passage_id":"","outlet":"","date":""\}' \
	"an empty month is there, with zeros and an empty first"
ok "the corpus has empty months inside the span" [ -n "$empty" ]
like "$(head -n 1 "$tmp/tl")" '^\{"type":"bucket","start":"[0-9-]{10}","end":"[0-9-]{10}","outlet":"","articles":[0-9]+,"passages":[0-9]+,"outlets":[0-9]+,"first":\{"passage_id":' \
	"the bucket object's keys, in order"
is "$(jq -r 'select(.type == "bucket") | select(.start | test("-01$") | not) | .start' "$tmp/tl")" "" \
	"month buckets start on the 1st"

# the first passage: of the bucket, published on its earliest date
hits "$tmp/whole/idx" judge >"$tmp/hits"
bad=0
jq -c 'select(.type == "bucket" and .passages > 0) | [.start[0:7], .first.passage_id, .first.date, .first.outlet]' "$tmp/tl" |
	while read -r row; do
		m=$(echo "$row" | jq -r '.[0]') id=$(echo "$row" | jq -r '.[1]') date=$(echo "$row" | jq -r '.[2]')
		min=$(jq -r "select(.date[0:7] == \"$m\") | .date" "$tmp/hits" | sort | head -n 1)
		found=$(jq -r "select(.passage_id == \"$id\") | [.date, .outlet] | @tsv" "$tmp/hits")
		[ "$date" = "$min" ] && [ "$found" = "$(echo "$row" | jq -r '[.[2], .[3]] | @tsv')" ] || echo bad
	done >"$tmp/firsts"
is "$(cat "$tmp/firsts")" "" "each bucket's first passage is a match of its earliest date, with its outlet"

# --per outlet: one series per outlet over the same periods
d timeline --index "$tmp/whole/idx" --json --by month --per outlet judge >"$tmp/per"
nper=$(jq -r 'select(.type == "bucket") | .outlet' "$tmp/per" | sort -u | wc -l | tr -d ' ')
nout=$(jq -r 'select(.date != "") | .outlet' "$tmp/hits" | sort -u | wc -l | tr -d ' ')
is "$nper" "$nout" "--per outlet: a series per outlet of a dated match ($nout)"
is "$(jq -r 'select(.type == "bucket") | .start' "$tmp/per" | sort | uniq -c | awk '{print $1}' | sort -u)" "$nout" \
	"every series covers every month"
is "$(jq -r 'select(.type == "bucket") | [.outlet, .passages] | @tsv' "$tmp/per" | awk -F'\t' '{s[$1] += $2} END {for (o in s) print o "\t" s[o]}' | sort)" \
	"$(jq -r 'select(.date != "") | .outlet' "$tmp/hits" | sort | uniq -c | awk '{c = $1; $1 = ""; sub(/^ /, ""); print $0 "\t" c}' | sort)" \
	"each series adds up to its outlet's dated passages"

# CSV: the same rows
csv=$(d timeline --index "$tmp/whole/idx" --format csv --by month judge 2>/dev/null)
is "$(echo "$csv" | head -n 1)" "start,end,outlet,articles,passages,outlets,first_passage_id,first_outlet,first_date" "CSV header"
is "$(echo "$csv" | sed 1d | wc -l | tr -d ' ')" "$span" "CSV: one line per bucket"
is "$(echo "$csv" | sed 1d | awk -F, '$5 > 0 {print $1 "\t" $4 "\t" $5 "\t" $6}')" \
	"$(expected "$tmp/whole/idx" judge month published)" "CSV rows carry the same counts"

# text: bars scaled to the width, or a sparkline
text=$(COLUMNS=100 d timeline --index "$tmp/whole/idx" --by month judge)
is "$(echo "$text" | grep -c '^[0-9][0-9][0-9][0-9]-[0-9][0-9]  ')" "$span" "text: a line per month"
is "$(echo "$text" | awk '{ gsub(/\xe2\x96\x88|\xe2\x96\x8f/, "#") } length($0) > 100' | wc -l | tr -d ' ')" 0 \
	"text: no line wider than the terminal"
is "$(echo "$text" | awk '{ gsub(/\xe2\x96\x88|\xe2\x96\x8f/, "#") } length($0) > 90' | wc -l | tr -d ' ')" 1 \
	"text: the longest bar fills the width"
like "$text" 'note: [0-9]+ matching passages without a publication date left out' "text: the note on undated passages"
spark=$(COLUMNS=40 d timeline --index "$tmp/whole/idx" --by month judge)
is "$(echo "$spark" | grep -vc '^note:')" 1 "narrow terminal: one sparkline"

# -- event dates ------------------------------------------------------------

ev=$(jq -r 'select(.event_dates | length > 0) | .event_dates[]' "$tmp/hits" | head -n 1)
ok "hits carry event_dates (e.g. $ev)" [ -n "$ev" ]
is "$(d search --index "$tmp/whole/idx" -n 1 --json judge | jq -r 'select(.type == "hit") | .event_dates | type')" array \
	"event_dates is always there, an array"
# event: a range gives exactly the passages with an event date in it
all='the OR a OR of OR and'
hits "$tmp/whole/idx" "$all" >"$tmp/all"
for r in 2025-11 2025 2025-09-01..2025-12-31 2026-04-27 ..2025-10 2026-04-25..; do
	lo=${r%%..*} hi=${r##*..}
	case $r in *..*) ;; *) lo=$r hi=$r ;; esac
	want=$(jq -r --arg lo "$lo" --arg hi "$hi" 'select(any(.event_dates[]; ($lo == "" or . >= $lo) and ($hi == "" or .[0:($hi | length)] <= $hi))) | .passage_id' "$tmp/all" | sort)
	got=$(hits "$tmp/whole/idx" "($all) event:$r" | jq -r '.passage_id' | sort)
	is "$got" "$want" "event:$r finds the passages stating a date in it"
	[ -n "$want" ] || fail "event:$r: something to find"
done
# date: takes the same forms
for r in 2025 2025-11 2025-11-18 2025-04..2025-09 2025-11..; do
	lo=${r%%..*} hi=${r##*..}
	case $r in *..*) ;; *) lo=$r hi=$r ;; esac
	want=$(jq -r --arg lo "$lo" --arg hi "$hi" 'select(.date != "" and ($lo == "" or .date >= $lo) and ($hi == "" or .date[0:($hi | length)] <= $hi)) | .passage_id' "$tmp/all" | sort)
	is "$(hits "$tmp/whole/idx" "($all) date:$r" | jq -r '.passage_id' | sort)" "$want" "date:$r"
done
is "$(DOCKET_TODAY=2025-11-19 d search --index "$tmp/whole/idx" --per-article 0 -n 10000 --json "($all) date:yesterday" | hits_field date | sort -u)" \
	2025-11-18 "date:yesterday, counted from DOCKET_TODAY"
is "$(DOCKET_TODAY=2025-11-19 d search --index "$tmp/whole/idx" --per-article 0 -n 10000 --json "($all) date:7d" | hits_field date | sort -u | tr '\n' ' ')" \
	"2025-11-13 2025-11-18 " "date:7d: the last seven days"
for bad in date:2026-13-45 event:2026-02-30 date:2026-01..2026-13 event:soon date:2026-03..2026-01; do
	d search --index "$tmp/whole/idx" "judge $bad" >/dev/null 2>"$tmp/err"
	is "$?" 2 "$bad: exit 2"
	like "$(cat "$tmp/err")" "(bad date|ends before it starts).*${bad%%:*}:" "$bad: one line naming the date"
done
done_testing
