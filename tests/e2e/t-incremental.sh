#!/bin/sh
# t-incremental.sh — `docket index` brings an index up to date: new files
# added, unchanged ones left alone (no rewrite), touched ones unchanged,
# modified ones updated, deleted ones removed; a second writer is refused
# while one runs; `docket show` prints a passage in context.
. "$(dirname "$0")/lib.sh"

docs=$tmp/docs
idx=$tmp/inc
mkdir -p "$docs"
cp "$corpus/musk-v-openai/cto-testimony.txt" "$docs/"
# settle FILE: date its mtime a minute back.  A file modified within 2 s of
# being indexed is re-hashed by the next run (a same-size rewrite in the
# same timestamp tick would be missed otherwise: t-safety.sh), and its
# record then rewritten once; these tests are about files long written.
settle() { touch -d "@$(( $(date +%s) - 60 ))" "$@"; }
settle "$docs/cto-testimony.txt"
run() {
	"$DOCKET" index --index "$idx" "$docs" 2>"$tmp/err"
	rc=$?
	summary=$(grep '^indexed' "$tmp/err")
	return $rc
}
find_n() {
	"$DOCKET" search --index "$idx" --json -n 100 --per-article 0 -- "$1" |
		jq -r 'select(.type=="hit") | .passage_id' | wc -l | tr -d ' '
}

ok "first run" run
like "$summary" "^indexed 1 file: 1 added, 0 updated, 0 removed, 0 unchanged, 0 skipped$" "1 added"
printf 'title: Wombats in court\ndate: 2026-04-30\n\nThe wombat lawyer filed a brief.\n' >"$docs/new.txt"
settle "$docs/new.txt"
ok "second run" run
like "$summary" " 1 added, 0 updated, 0 removed, 1 unchanged" "a new file: 1 added, 1 unchanged"
is "$(find_n wombat)" 1 "the new file is found"

before=$(find "$idx" -type f -newer "$docs/new.txt" | wc -l)
sleep 1
touch "$tmp/stamp"
ok "rerun" run
like "$summary" " 0 added, 0 updated, 0 removed, 2 unchanged" "rerun: all unchanged"
is "$(find "$idx" -type f ! -name flintlock ! -name docket.lock -newer "$tmp/stamp" | wc -l | tr -d ' ')" 0 \
	"and nothing in the index was rewritten (the lock files aside; $before files)"

touch "$docs/new.txt"
ok "after touch" run
like "$summary" " 0 updated, 0 removed, 2 unchanged" "touch without change: unchanged"

printf 'title: Marsupials in court\ndate: 2026-04-30\n\nThe echidna lawyer withdrew.\n' >"$docs/new.txt"
ok "after a change" run
like "$summary" " 0 added, 1 updated, 0 removed, 1 unchanged" "modified: 1 updated"
is "$(find_n echidna)" 1 "the new text is found"
is "$(find_n wombat)" 0 "the old text is not"

rm "$docs/new.txt"
ok "after a delete" run
like "$summary" " 0 added, 0 updated, 1 removed, 1 unchanged" "deleted: 1 removed"
is "$(find_n echidna)" 0 "the deleted file is no longer found"
"$DOCKET" index --index "$idx" -v "$docs" 2>"$tmp/err"
unlike "$(cat "$tmp/err")" "^(added|updated|removed) " "-v lists nothing when nothing changed"

# show: a passage with its neighbours and its citation.
id=$("$DOCKET" search --index "$idx" --json -n 1 -- '"Why the commitment kept growing"' |
	jq -r 'select(.type=="hit") | .passage_id')
"$DOCKET" search --index "$idx" --json -n 100 --per-article 0 -- Microsoft OR OpenAI OR the |
	jq -r 'select(.type=="hit") | .passage_id' | sort >"$tmp/ids"
id=$(sed -n 3p "$tmp/ids")
"$DOCKET" show --index "$idx" -C 1 -- "$id" >"$tmp/show"
is "$?" 0 "show $id: exit 0"
is "$(grep -c '^>' "$tmp/show")" 2 "the requested passage is marked (place line and text)"
like "$(cat "$tmp/show")" "^   .*\[.*#[0-9]+\]$" "neighbouring passages are shown unmarked"
ok "two neighbours at -C 1" [ "$(grep -c '^[ >]  .*\[.*#[0-9]*\]$' "$tmp/show")" -ge 2 ]
like "$(tail -n 3 "$tmp/show")" "The Verge, 2026-04-27" "then the citation"
"$DOCKET" show --index "$idx" -C 0 --json -- "$id" >"$tmp/show.json"
is "$(jq -r .passage_id "$tmp/show.json")" "$id" "show -C 0 --json: just that passage"
ok "show --json meets the hit contract" jsoncheck -p <"$tmp/show.json"
"$DOCKET" show --index "$idx" -- "no-such-article#9" >/dev/null 2>"$tmp/err"
is "$?" 1 "show of an unknown passage: exit 1"
like "$(cat "$tmp/err")" "no-such-article#9" "naming it"

# Locking: a long run in the background holds the writer lock.
mkdir -p "$tmp/big"
i=0
while [ $i -lt 3000 ]; do
	printf 'title: Filler %d\n\nFiller paragraph number %d about docket %d.\n' $i $i $i >"$tmp/big/f$i.txt"
	i=$((i + 1))
done
# --wait: should one of our probes below take the lock first, it waits.
"$DOCKET" index --index "$tmp/big-index" -q --batch 50 --wait=60 "$tmp/big" 2>/dev/null &
bg=$!
locked=no
n=0
while [ $n -lt 100 ] && kill -0 $bg 2>/dev/null; do
	if ! "$DOCKET" index --index "$tmp/big-index" -q "$docs" 2>"$tmp/err"; then
		grep -q "locked" "$tmp/err" && locked=yes
		break
	fi
	n=$((n + 1))
done
if [ $locked = yes ]; then
	pass "a second writer while one runs: exit 2, 'locked'"
	like "$(cat "$tmp/err")" "^docket: $tmp/big-index: .*locked by another writer" \
		"the message names the index"
	is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "in one line"
	"$DOCKET" index --index "$tmp/big-index" -q --wait=60 "$tmp/big"
	is "$?" 0 "--wait waits for the writer and then succeeds"
else
	fail "a second writer while one runs: exit 2, 'locked' (got: $(cat "$tmp/err"))"
fi
wait $bg
is "$?" 0 "the background run finished fine"
done_testing
