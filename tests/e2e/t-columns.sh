#!/bin/sh
# t-columns.sh — facet columns (engine/columns.cc): every run leaves each
# shard a current docket.columns; facets counted in the search's own pass,
# from the columns, or from the value slots give the same numbers, and so
# do timelines read from the columns or the slots (the
# value slots' counts are checked against jq in t-facets.sh), on corpus/
# and a generated corpus, after updates and deletions, after a bulk
# build's merges and through a remote shard; a missing, stale or damaged
# file is never trusted (DOCKET_COUNT_TRACE says which way counted).
. "$(dirname "$0")/lib.sh"

FIELDS=outlet,source,author,month,year
mkdir -p "$tmp/gen"
"$DOCKET_BUILD/bench/gen" --articles 300 --seed 5 "$tmp/gen/corpus" || fail "generate a corpus"
cp -R "$corpus" "$tmp/corpus"
d index --index "$tmp/idx" -q "$tmp/corpus" || fail "index corpus/"
d index --index "$tmp/gen/idx" -q "$tmp/gen/corpus" || fail "index the generated corpus"

shards() { sed -n 's/^auto  *//p' "$1/XAPIANDB"; }
for s in $(shards "$tmp/idx"); do
	ok "a run leaves $s its facet columns" test -s "$tmp/idx/$s/docket.columns"
done

# facets IDX QUERY [ENV...]: the facet lines of a search with the counts
# asked for, one a line.
facets() {
	i=$1 q=$2
	shift 2
	env "$@" "$DOCKET" search --index "$i" -n 3 --json --facet-limit 0 --facets $FIELDS -- "$q" |
		grep '"type":"facet"'
}
# how IDX QUERY [ENV...]: how the facets were counted (the trace line).
how() {
	i=$1 q=$2
	shift 2
	env DOCKET_COUNT_TRACE=1 "$@" "$DOCKET" search --index "$i" -n 3 --facets $FIELDS -- "$q" 2>&1 >/dev/null |
		sed -n 's/^docket: facets counted //p'
}
# same LABEL IDX QUERY: the three ways agree on QUERY.
same() {
	slots=$(facets "$2" "$3" DOCKET_NO_COLUMNS=1)
	ok "$1: '$3' has counts" [ -n "$slots" ]
	is "$(facets "$2" "$3")" "$slots" "$1: '$3': the columns count as the value slots do"
	is "$(facets "$2" "$3" DOCKET_PARALLEL_MIN=0)" "$slots" \
		"$1: '$3': the search's own pass counts as the value slots do"
}

for q in judge 'court OR ruling' '"motion to dismiss"' 'outlet:reuters' 'date:2026-03..2026-12 said' 'rul*'; do
	same corpus "$tmp/idx" "$q"
done
for q in the court gachy '"the court"' 'date:2025-01..2025-06 ruling'; do
	same gen "$tmp/gen/idx" "$q"
done
# timelines by publication date read the article, date and outlet from
# the columns too
for q in court gachy 'date:2025-01..2025-06 ruling'; do
	for opt in "--by month" "--by week --per outlet" "--by day --date event"; do
		is "$(d timeline --index "$tmp/gen/idx" $opt --json "$q")" \
			"$(DOCKET_NO_COLUMNS=1 d timeline --index "$tmp/gen/idx" $opt --json "$q")" \
			"timeline $opt '$q': the columns give the value slots' buckets"
	done
done
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "in the search's pass" \
	"shards matched one by one count in the search's pass"
is "$(how "$tmp/gen/idx" court)" "in the search's pass" \
	"... whenever counts are asked for"
is "$(how "$tmp/gen/idx" 'cour*')" "from the facet columns" \
	"a search over the combined shards (a wildcard) leaves the counts to the columns"
is "$(how "$tmp/gen/idx" court DOCKET_NO_COLUMNS=1)" "from the value slots" \
	"DOCKET_NO_COLUMNS counts from the value slots"
is "$(DOCKET_COUNT_TRACE=1 d search --index "$tmp/gen/idx" -n 0 --facets outlet,case court 2>&1 >/dev/null |
	sed -n 's/^docket: facets counted //p')" "from the value slots" \
	"a field without a column (case) counts from the value slots"

# -n 0 counts in the same pass too (one shard: the combined database is
# that shard)
d index --shards 1 --index "$tmp/one" -q "$tmp/gen/corpus" || fail "index into one shard"
is "$(DOCKET_COUNT_TRACE=1 d search --index "$tmp/one" -n 0 --facets $FIELDS court 2>&1 >/dev/null |
	sed -n 's/^docket: facets counted //p')" "in the search's pass" "-n 0 on one shard counts in the search's pass"
is "$(d search --index "$tmp/one" -n 0 --json --facet-limit 0 --facets $FIELDS court | grep '"type":"facet"')" \
	"$(facets "$tmp/gen/idx" court DOCKET_NO_COLUMNS=1)" "... as two shards count from the value slots"

# a missing file: the value slots count, and the next run writes it again
s0=$(shards "$tmp/gen/idx" | head -n 1)
want=$(facets "$tmp/gen/idx" court DOCKET_NO_COLUMNS=1)
rm "$tmp/gen/idx/$s0/docket.columns"
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "from the value slots" \
	"without a shard's columns, facets count from the value slots"
is "$(facets "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "$want" "... with the same counts"
d index --index "$tmp/gen/idx" -q "$tmp/gen/corpus" || fail "rerun"
ok "an unchanged rerun writes the missing file again" test -s "$tmp/gen/idx/$s0/docket.columns"
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "in the search's pass" "... and it is used"

# a damaged file (one byte of its body changed) fails its checksum
cp "$tmp/gen/idx/$s0/docket.columns" "$tmp/good.columns"
size=$(wc -c <"$tmp/good.columns")
printf '\377' | dd of="$tmp/gen/idx/$s0/docket.columns" bs=1 seek=$((size - 9)) conv=notrunc 2>/dev/null
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "from the value slots" \
	"a damaged columns file is not trusted"
is "$(facets "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "$want" "... and the counts stay right"
cp "$tmp/good.columns" "$tmp/gen/idx/$s0/docket.columns"

# a stale file (the shard changed after it was written: a crash between
# the commit and the rename leaves this) is not trusted either
f=$(cd "$tmp/gen/corpus" && find . -type f | sort | head -n 1)
sed 's/court/tribunal/g' "$tmp/gen/corpus/$f" >"$tmp/edit" && cat "$tmp/edit" >"$tmp/gen/corpus/$f"
rm "$tmp/gen/corpus/$(cd "$tmp/gen/corpus" && find . -type f | sort | sed -n 2p)"
for s in $(shards "$tmp/gen/idx"); do cp "$tmp/gen/idx/$s/docket.columns" "$tmp/old-$s"; done
d index --index "$tmp/gen/idx" -q "$tmp/gen/corpus" || fail "index an update and a deletion"
after=$(facets "$tmp/gen/idx" court DOCKET_NO_COLUMNS=1)
isnt() { if [ "$1" != "$2" ]; then pass "$3"; else fail "$3"; fi; }
isnt "$after" "$want" "the update and the deletion change the counts"
is "$(facets "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "$after" \
	"after an update and a deletion the columns count as the value slots do"
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "in the search's pass" "... from rewritten columns"
for s in $(shards "$tmp/gen/idx"); do cp "$tmp/old-$s" "$tmp/gen/idx/$s/docket.columns"; done
is "$(how "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "from the value slots" \
	"columns older than their shard are not trusted"
is "$(facets "$tmp/gen/idx" court DOCKET_PARALLEL_MIN=0)" "$after" "... and the counts stay right"

# a bulk build (staging databases merged into new generations): the new
# shards have their columns, the old folders are gone with theirs
d index --shards 2 --batch 40 --index "$tmp/staged" -q "$tmp/gen/corpus" || fail "staged build"
like "$(shards "$tmp/staged")" '^shard-0\.[1-9]' "the bulk build merged generations"
for s in $(shards "$tmp/staged"); do
	ok "merged $s has its columns" test -s "$tmp/staged/$s/docket.columns"
done
is "$(ls "$tmp/staged" | grep -v -e XAPIANDB -e docket.lock -e docket.seal $(shards "$tmp/staged" | sed 's/^/-e /'))" "" \
	"no old generation is left"
is "$(facets "$tmp/staged" court)" "$after" "the merged shards count as the others"

# a remote shard has no columns a reader can see: the value slots count
if command -v xapian-progsrv >/dev/null; then
	export DOCKET_ALLOW_PROGRAMS=1
	printf 'remote :xapian-progsrv %s\n' "$tmp/gen/idx/$s0" >"$tmp/remote.stub"
	printf 'auto %s\n' "$tmp/gen/idx/$s0" >"$tmp/local.stub"
	is "$(how "$tmp/remote.stub" court DOCKET_PARALLEL_MIN=0)" "from the value slots" \
		"through a remote shard facets count from the value slots"
	is "$(facets "$tmp/remote.stub" court)" "$(facets "$tmp/local.stub" court DOCKET_NO_COLUMNS=1)" \
		"... as the shard counts locally"
else
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
	pass "# SKIP xapian-progsrv is not installed: no remote shard"
fi

# docket check is content with the file beside the tables
ok "docket check passes with the columns in the shards" d check --index "$tmp/gen/idx"
done_testing
