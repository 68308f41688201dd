#!/bin/sh
# t-ids.sh — article ids never collide and do not depend on the order roots
# were indexed in (indexer/roots.c): two roots of one name get distinct ids
# (the second reported in one line), a subfolder indexed before its parent
# ends with the ids a rebuild from the parent gives, and a subfolder indexed
# after its parent keeps the parent's ids.
. "$(dirname "$0")/lib.sh"

w=$tmp/ids
mkdir -p "$w/x/a/sub" "$w/y/a"
printf 'Counsel argued the wombat motion before the county bench.\n' >"$w/x/a/f.txt"
printf 'The judge denied the wombat motion on the second day.\n' >"$w/y/a/f.txt"
printf 'A wombat expert testified about burrows under the courthouse.\n' >"$w/x/a/sub/g.txt"
ids() {
	"$DOCKET" search --index "$1" --json -n 100 --per-article 0 wombat |
		jq -r 'select(.type=="hit") | .passage_id' | sort | tr '\n' ' '
}

"$DOCKET" index --index "$tmp/i1" "$w/x/a" 2>/dev/null
"$DOCKET" index --index "$tmp/i1" "$w/y/a" 2>"$tmp/err"
is "$(ids "$tmp/i1")" "a/f.txt#1 a/sub/g.txt#1 y/a/f.txt#1 " "two roots named a: distinct ids, the first keeps its name"
is "$(grep -c 'another root named so' "$tmp/err")" 1 "the second root of a name is reported in one line"
like "$(cat "$tmp/err")" "/x/a" "the report names the other root"
"$DOCKET" index --index "$tmp/i1" "$w/y/a" 2>"$tmp/err"
is "$(grep -c 'another root' "$tmp/err")" 0 "re-indexing that root: its label is recorded, no report"
is "$(ids "$tmp/i1")" "a/f.txt#1 a/sub/g.txt#1 y/a/f.txt#1 " "and its ids stay"
"$DOCKET" show --index "$tmp/i1" 'y/a/f.txt#1' >"$tmp/out"
like "$(cat "$tmp/out")" "denied" "show finds the second root's passage, not the first's"

"$DOCKET" index --index "$tmp/rebuild" "$w/x" 2>/dev/null
"$DOCKET" index --index "$tmp/i2" "$w/x/a/sub" 2>/dev/null
"$DOCKET" index --index "$tmp/i2" "$w/x" 2>/dev/null
is "$(ids "$tmp/i2")" "$(ids "$tmp/rebuild")" "subfolder first, then its parent: the ids of a rebuild from the parent"
is "$(ids "$tmp/i2")" "x/a/f.txt#1 x/a/sub/g.txt#1 " "which are the parent's name and the path below it"
"$DOCKET" index --index "$tmp/i2" "$w/x/a/sub" 2>/dev/null
"$DOCKET" index --index "$tmp/i2" "$w/x/a/sub/g.txt" 2>/dev/null
is "$(ids "$tmp/i2")" "x/a/f.txt#1 x/a/sub/g.txt#1 " "a subfolder or file indexed inside a recorded root keeps the root's ids"
"$DOCKET" index --index "$tmp/i3" "$w/x/a/sub/g.txt" 2>/dev/null
is "$(ids "$tmp/i3")" "g.txt#1 " "a lone file under no recorded root: its name"
# A root whose files all land in other shards is still recorded (shard 0's
# worker writes the roots inside its batch, or alone when it has none).
mkdir -p "$w/p/a" "$w/q/a"
"$DOCKET" index --index "$tmp/i4" --shards 3 "$w/p/a" 2>/dev/null
"$DOCKET" index --index "$tmp/i4" "$w/q/a" 2>"$tmp/err"
is "$(grep -c 'another root named so' "$tmp/err")" 1 "an empty root is recorded too: the next of its name is reported"
pid=$("$DOCKET" search --index "$tmp/i1" --color never 'judge denied wombat' |
	grep -o '\[[^]]*#[0-9]*\]$' | head -1 | tr -d '[]')
is "$pid" "y/a/f.txt#1" "the text output ends the citation line with the passage id"
like "$("$DOCKET" show --index "$tmp/i1" "$pid")" "denied" "which docket show takes as printed"
like "$("$DOCKET" show --index "$tmp/i1" y/a/f.txt)" "denied" "docket show takes an article id for its first passage"
done_testing
