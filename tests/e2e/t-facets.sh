#!/bin/sh
# t-facets.sh — `docket search --facets`: for every field (outlet, source,
# author, month, year), the passages and distinct articles per value equal
# those counted with jq from an uncapped search's JSON, on corpus/, on a
# generated corpus and through a remote shard; most passages first, then
# by value; --facet-limit; the JSON line before the summary; CSV; the text
# table; errors for an unknown field and for one not indexed yet.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/counts.sh"

if ! make_count_indexes; then
	fail "make the indexes"
	done_testing
fi

# expected IDX QUERY FIELD: "value<TAB>articles<TAB>passages" per value, from
# the hits' JSON, sorted as docket sorts.
expected() {
	case $3 in
	outlet | author) pick=".$3" ;;
	source) pick='.sources[]' ;;
	month) pick='.date[0:7]' ;;
	year) pick='.date[0:4]' ;;
	case | court | judge) pick=".${3}s[]" ;;
	speaker) pick='(.quotes | map(.speaker) | unique | .[])' ;;
	esac
	hits "$1" "$2" | jq -rs "map({a: .article_id, v: ([$pick] | map(select(. != \"\")))}) | map(.a as \$a | .v[] | {v: ., a: \$a})
		| group_by(.v) | map([.[0].v, (map(.a) | unique | length), length])
		| sort_by(-.[2], .[0]) | .[] | @tsv"
}

# got IDX QUERY FIELD [OPTS]: docket's facet for FIELD as the same TSV.
got() {
	d search --index "$1" -n 0 --json --facet-limit 0 --facets "$3" ${4:-} -- "$2" |
		jq -r "select(.type == \"facet\" and .field == \"$3\") | .values[] | [.value, .articles, .passages] | @tsv"
}

check() { # LABEL IDX QUERY
	for f in outlet source author month year; do
		want=$(expected "$2" "$3" "$f")
		is "$(got "$2" "$3" "$f")" "$want" "$1: '$3' by $f: counts from the uncapped JSON"
		[ -n "$want" ] || fail "$1: '$3' by $f: the expected counts are not empty"
	done
}

check corpus "$tmp/whole/idx" judge
# the fields the legal and quotes features fill count the same way
for f in case court judge; do
	want=$(expected "$tmp/whole/idx" 'court OR judge OR said' "$f")
	is "$(got "$tmp/whole/idx" 'court OR judge OR said' "$f")" "$want" "corpus: by $f: counts from the uncapped JSON"
	[ -n "$want" ] || fail "corpus: by $f: the expected counts are not empty"
done
check corpus "$tmp/whole/idx" 'court OR ruling'
check gen "$tmp/gen/idx" the
if [ "$have_remote" = 1 ]; then
	check "one remote shard" "$tmp/mixed.stub" judge
	is "$(got "$tmp/mixed.stub" judge source)" "$(got "$tmp/whole/idx" judge source)" \
		"a local and a remote half count as the whole index does"
	# an article's lists sit on its first passage only: a remote shard
	# looks them up for every other passage
	for f in case court judge; do
		want=$(expected "$tmp/whole/idx" 'court OR judge OR said' "$f")
		is "$(got "$tmp/mixed.stub" 'court OR judge OR said' "$f")" "$want" \
			"one remote shard: by $f: counts from the uncapped JSON"
	done
else
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
fi

# the limit keeps the top values, in order
is "$(d search --index "$tmp/whole/idx" -n 0 --json --facet-limit 2 --facets source judge |
	jq -r 'select(.type == "facet") | .values | length')" 2 "--facet-limit 2: two values"
is "$(got "$tmp/whole/idx" judge source "--facet-limit 2" | head -n 2)" \
	"$(expected "$tmp/whole/idx" judge source | head -n 2)" "--facet-limit 2: the top two"
default=$(d search --index "$tmp/gen/idx" -n 0 --json --facets source the |
	jq -r 'select(.type == "facet") | .values | length')
is "$default" 10 "ten values by default"

# the JSON lines: hits, facets in the order asked, then the summary
types=$(d search --index "$tmp/whole/idx" -n 2 --json --facets year,outlet judge |
	jq -r '.type + (if .field then ":" + .field else "" end)' | tr '\n' ' ')
is "$types" "hit hit facet:year facet:outlet summary " "facet lines come after the hits, before the summary"

# CSV: a header and one line per value, the same counts
csv=$(d search --index "$tmp/whole/idx" --format csv --facet-limit 0 --facets outlet judge)
is "$(echo "$csv" | head -n 1)" "field,value,articles,passages" "CSV header"
is "$(echo "$csv" | sed 1d | sed 's/^outlet,//; s/^"\(.*\)",/\1,/' | tr ',' '\t')" \
	"$(expected "$tmp/whole/idx" judge outlet)" "CSV rows carry the same counts"
like "$(d search --index "$tmp/whole/idx" --format csv --facets outlet judge 2>&1)" '^field,value' \
	"--format csv with --facets prints only the table"
d search --index "$tmp/whole/idx" --format csv judge >/dev/null 2>"$tmp/err"
is "$?" 2 "--format csv without --facets: exit 2"
like "$(cat "$tmp/err")" "give --facets" "... saying to give --facets"

# text: a block per field
text=$(d search --index "$tmp/whole/idx" -n 1 --facets outlet,year judge)
like "$text" '^outlet$' "text: the field's name on its own line"
like "$text" '^  Reuters +[0-9]+ passages +[0-9]+ articles$' "text: value, passages, articles"

# errors naming the field
d search --index "$tmp/whole/idx" --facets outlet,judgez judge >/dev/null 2>"$tmp/err"
is "$?" 2 "an unknown field: exit 2"
like "$(cat "$tmp/err")" "unknown facet field 'judgez'" "... naming it"
d search --index "$tmp/whole/idx" --facets case,court,judge,speaker,wire judge >/dev/null 2>"$tmp/err"
is "$?" 0 "every facet field of the round is indexed: exit 0"

# a query with no match: every field, no values, exit 1
d search --index "$tmp/whole/idx" --json --facets outlet zzzqqqxx >"$tmp/out"
is "$?" 1 "no match: exit 1"
is "$(jq -c 'select(.type == "facet") | .values' "$tmp/out")" "[]" "no match: the facet has no values"
# -n 0 --facets asks for the counts alone: its status says whether they
# found a match (it was 1, "nothing found", whatever they counted)
d search --index "$tmp/whole/idx" -n 0 --facets outlet judge >/dev/null
is "$?" 0 "-n 0 --facets on a matching query: exit 0"
d search --index "$tmp/whole/idx" -n 0 --facets outlet zzzqqqxx >/dev/null
is "$?" 1 "-n 0 --facets on a query with no match: exit 1"
# ... and its summary says how many matched, as a run with hits does
# (it said 0 whatever matched)
est() { d search --index "${3:-$tmp/whole/idx}" -n "$1" --json --facets outlet -- "$2" |
	jq -r 'select(.type == "summary") | .estimated'; }
for q in judge 'judge OR storm' '"the court"'; do
	e0=$(est 0 "$q")
	ok "-n 0 --facets '$q': the summary's estimate is positive ($e0)" [ "${e0:-0}" -gt 0 ]
	is "$e0" "$(est 10 "$q")" "... and that of -n 10"
done
is "$(est 0 zzzqqqxx)" 0 "... and 0 when nothing matched"
if [ "$have_remote" = 1 ]; then
	e0=$(est 0 judge "$tmp/mixed.stub")
	ok "-n 0 through a remote shard: the estimate is positive ($e0)" [ "${e0:-0}" -gt 0 ]
	is "$e0" "$(est 0 judge)" "... and the local index's"
fi
done_testing
