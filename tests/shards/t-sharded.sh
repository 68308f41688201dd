#!/bin/sh
# t-sharded.sh — `docket index --shards N`: an index built as N local shards
# (one writer thread each) answers exactly as a one-shard index of the same
# files, each file lives in one stable shard, and incremental updates and
# deletions work through the shards.
. "$DOCKET_TOP/tests/e2e/lib.sh"
here=$DOCKET_TOP/tests/shards

build_helper "$tmp/shardq" "$here/shardq.c"
# Match the three shards in parallel however small the query (the one
# shard is matched in one thread): the comparisons below cover both.
export DOCKET_PARALLEL_MIN=0

cp -R "$corpus" "$tmp/corpus"
for n in 1 3; do
	d index --shards "$n" --index "$tmp/i$n" -q "$tmp/corpus" 2>"$tmp/err" ||
		{ fail "index with --shards $n"; sed 's/^/#   /' "$tmp/err"; done_testing; }
done
is "$(grep -c '^auto shard-' "$tmp/i3/XAPIANDB")" 3 "--shards 3 makes three shards and a stub naming them"
is "$(grep -c '^auto shard-' "$tmp/i1/XAPIANDB")" 1 "--shards 1 makes one"

# doccount SHARD: the passages in one shard folder.
doccount() { xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'; }
total=0 used=0 clean=0
for k in 0 1 2; do
	c=$(doccount "$tmp/i3/shard-$k")
	total=$((total + ${c:-0}))
	[ "${c:-0}" -gt 0 ] && used=$((used + 1))
	xapian-check "$tmp/i3/shard-$k" >/dev/null 2>&1 && clean=$((clean + 1))
done
is "$total" "$(doccount "$tmp/i1/shard-0")" "the three shards hold exactly the one shard's passages"
ok "the files are spread over the shards ($used of 3 used)" [ "$used" -ge 2 ]
is "$clean" 3 "xapian-check passes on every shard"

# The same files always land in the same shards: a second build agrees.
d index --shards 3 --index "$tmp/again" -q "$tmp/corpus"
same=1
for k in 0 1 2; do
	[ "$(doccount "$tmp/i3/shard-$k")" = "$(doccount "$tmp/again/shard-$k")" ] || same=0
done
is "$same" 1 "a rebuild puts every file in the same shard"

# Every query: the same passages with the same scores (to 1e-9), order kept
# as the sequence of scores (equal scores may tie either way).
while IFS='|' read -r opts query; do
	[ -n "$query" ] || continue
	# shellcheck disable=SC2086
	"$tmp/shardq" "$tmp/i1" -- $opts "$query" >"$tmp/one" 2>&1
	# shellcheck disable=SC2086
	"$tmp/shardq" "$tmp/i3" -- $opts "$query" >"$tmp/three" 2>&1
	case $opts in
	*--offset*) # passages tied at the window's edge may fall either side
		is "$(cut -f1 "$tmp/three")" "$(cut -f1 "$tmp/one")" \
			"3 shards = 1 shard: [$opts] $query (scores)" ;;
	*)
		is "$(cut -f1 "$tmp/three"; sort "$tmp/three")" "$(cut -f1 "$tmp/one"; sort "$tmp/one")" \
			"3 shards = 1 shard: [$opts] $query" ;;
	esac
done <<'Q'
|storm
|"storm off to AWS"
|partnership
|Microsoft NEAR exclusive
|title:gauntlet
|section:remedies
|source:wired.com
|remedies date:2025-01-01..2025-12-31
--per-article 1|court ruling
-n 5 --offset 3|judge
--sort date|appeal
|Microsoft's CTO
|interrogatories
Q

# Incremental work goes to the right shard.
f=$tmp/corpus/musk-v-openai/cto-testimony.txt
printf '\nA new paragraph about zyzzogeton subpoenas. (wired.com)\n' >>"$f"
out=$(d index --index "$tmp/i3" "$tmp/corpus" 2>&1)
like "$out" "1 updated" "a changed file is updated in its shard"
is "$(d search --index "$tmp/i3" --json zyzzogeton | hits_field article_id)" \
	"corpus/musk-v-openai/cto-testimony.txt" "its new text is found"
is "$(d search --index "$tmp/i3" --json -n 100 --per-article 0 'CTO' | hits_field article_id | sort | uniq -d)" "" \
	"its old passages are gone (no passage twice)"
rm "$f"
out=$(d index --index "$tmp/i3" "$tmp/corpus" 2>&1)
like "$out" "1 removed" "a deleted file is removed from its shard"
d search --index "$tmp/i3" zyzzogeton >/dev/null 2>&1
is "$?" 1 "and no longer found"
out=$(d index --index "$tmp/i3" "$tmp/corpus" 2>&1)
like "$out" "0 added, 0 updated, 0 removed" "a rerun finds nothing to do"
done_testing
