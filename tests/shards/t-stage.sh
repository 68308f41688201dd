#!/bin/sh
# t-stage.sh — bulk loading through staging databases (indexer/stage.c).
#
# Once a run has written a batch of new files into a shard, the rest go to
# fresh staging databases that are merged into the shard with Xapian's
# Compactor and swapped in as its next generation (shard-K.G, named by the
# stub).  A staged build must answer exactly as a direct one, keep every
# file record (a rerun has nothing to do), take later updates and
# deletions, leave no staging folder behind, and the next writer must
# sweep what a crash left (folders the stub does not name) and nothing
# else.  A few new files next to a big shard are copied in, not merged.
. "$DOCKET_TOP/tests/e2e/lib.sh"
here=$DOCKET_TOP/tests/shards
gen=$DOCKET_BUILD/bench/gen

build_helper "$tmp/shardq" "$here/shardq.c"
[ -x "$gen" ] || { fail "$gen missing: run make test-build"; done_testing; }
"$gen" --articles 150 --seed 5 "$tmp/corpus" >/dev/null

# named INDEX: the folders the stub names, one a line.
named() { sed -n 's/^auto  *//p' "$1/XAPIANDB"; }
# others INDEX: entries of the index folder that are neither named by the
# stub nor the stub and the lock.
others() {
	for e in "$1"/* "$1"/.[!.]*; do
		[ -e "$e" ] || continue
		b=${e##*/}
		case $b in XAPIANDB | docket.lock | docket.seal) continue ;; esac
		named "$1" | grep -qx "$b" || echo "$b"
	done
}

d index --shards 2 --batch 100000 --index "$tmp/direct" -q "$tmp/corpus" ||
	fail "direct build"
d index --shards 2 --batch 3 --index "$tmp/staged" -q "$tmp/corpus" ||
	fail "staged build"
is "$(named "$tmp/direct")" "$(printf 'shard-0\nshard-1')" \
	"a build within one batch writes the shards in place"
like "$(named "$tmp/staged")" '^shard-0\.[1-9][0-9]*' \
	"a bulk build swaps in a merged generation of shard 0"
like "$(named "$tmp/staged")" 'shard-1\.[1-9][0-9]*$' "... and of shard 1"
is "$(others "$tmp/staged")" "" "no staging folder or old generation is left"
ok "xapian-check passes on every merged shard" sh -c '
	for s in $(sed -n "s/^auto  *//p" "$1/XAPIANDB"); do
		xapian-check "$1/$s" >/dev/null 2>&1 || exit 1
	done' sh "$tmp/staged"

# The same passages with the same scores (to 1e-9) for every query.
while IFS='|' read -r opts query; do
	[ -n "$query" ] || continue
	# shellcheck disable=SC2086
	"$tmp/shardq" "$tmp/direct" -- $opts "$query" >"$tmp/a" 2>&1
	# shellcheck disable=SC2086
	"$tmp/shardq" "$tmp/staged" -- $opts "$query" >"$tmp/b" 2>&1
	ok "query has hits: [$opts] $query" [ -s "$tmp/a" ]
	is "$(cut -f1 "$tmp/b"; sort "$tmp/b")" "$(cut -f1 "$tmp/a"; sort "$tmp/a")" \
		"staged = direct: [$opts] $query"
done <<'Q'
|court
|"motion to dismiss"
|judge NEAR ruling
|source:wired.com
|ruling date:2025-01-01..2025-06-30
--per-article 1|appeal
--sort date|antitrust
Q

# Every file record made it through the merge.
out=$(d index --index "$tmp/staged" "$tmp/corpus" 2>&1)
like "$out" "0 added, 0 updated, 0 removed" "a rerun after a staged build has nothing to do"

# Updates and deletions reach staged files.
f=$(find "$tmp/corpus" -name '*.txt' | sort | tail -n 1)
printf '\nA late paragraph about zyzzogeton filings. (wired.com)\n' >>"$f"
g=$(find "$tmp/corpus" -name '*.txt' | sort | sed -n 2p)
gid=${g#"$tmp"/}
rm "$g"
out=$(d index --index "$tmp/staged" "$tmp/corpus" 2>&1)
like "$out" "0 added, 1 updated, 1 removed" "an update and a deletion after a staged build"
is "$(d search --index "$tmp/staged" -n 1 --json zyzzogeton | hits_field article_id)" \
	"${f#"$tmp"/}" "the updated text is found"
is "$(d search --index "$tmp/staged" --json -n 1000 --per-article 0 court |
	hits_field article_id | grep -cx "$gid")" 0 "the deleted file's passages are gone"

# A few new files next to a big shard are copied in: no new generation.
before=$(named "$tmp/staged")
"$gen" --articles 10 --seed 6 "$tmp/more" >/dev/null
out=$(d index --index "$tmp/staged" --batch 1 "$tmp/more" 2>&1)
like "$out" "10 added" "ten more files"
is "$(named "$tmp/staged")" "$before" "a small stage is copied into the shards, not merged"
is "$(others "$tmp/staged")" "" "... and leaves no staging folder"
d index --index "$tmp/r" --shards 1 -q --batch 100000 "$tmp/more"
# articles INDEX QUERY: the distinct articles of more/ that QUERY finds
# (all of its hits: one found only through its headline ranks low).
articles() {
	d search --index "$1" --json -n 10000 --per-article 0 "$2" |
		hits_field article_id | grep '^more/' | sort -u
}
for q in court '"motion to dismiss"' 'court NEAR judge'; do
	want=$(articles "$tmp/r" "$q")
	ok "the new files match $q" [ -n "$want" ]
	is "$(articles "$tmp/staged" "$q")" "$want" \
		"every new file that matches $q is found (positions copied too)"
done

# What a crash leaves is swept by the next writer; other folders stay.
s0=$(named "$tmp/staged" | head -n 1)
mkdir "$tmp/staged/shard-0.999" "$tmp/staged/shard-1.stage-0" "$tmp/staged/notes"
: >"$tmp/staged/shard-0.999/postlist.glass"
: >"$tmp/staged/shard-1.stage-0/iamglass"
d index --index "$tmp/staged" -q "$tmp/corpus" "$tmp/more"
is "$(others "$tmp/staged")" "notes" "leftover generations and stages are swept; other folders stay"
is "$(named "$tmp/staged" | head -n 1)" "$s0" "the live shard is untouched"

# A reader opened before a merge keeps answering from what it opened (the
# old generation's files stay readable while open); a new reader sees the
# merged shard.
paused_query "$tmp/r" -n 1000 court
d index --index "$tmp/r" --batch 1 -q "$tmp/corpus"
like "$(named "$tmp/r")" '^shard-0\.[1-9]' "a bulk load into a live index merges a new generation"
echo go >&3
exec 3>&-
wait "$qpid"
is "$?" 0 "a reader open across the merge still answers"
first=$(sed -n '1,/^ready$/p' "$tmp/pause.out" | grep -vc '^ready$')
second=$(sed -n '/^ready$/,$p' "$tmp/pause.out" | grep -vc '^ready$')
is "$second" "$first" "... from the index it opened"
ok "a new reader sees the merged files" \
	[ "$("$tmp/shardq" "$tmp/r" -- -n 1000 court | wc -l)" -gt "$first" ]
done_testing
