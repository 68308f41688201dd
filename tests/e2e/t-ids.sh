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

# True paragraph numbers, and parts for a paragraph cut into passages.
mkdir -p "$w/long"
{
	printf 'Title: A long ruling\n\n# Background\n\nA short opening about the quokka appeal.\n\n'
	i=0
	while [ $i -lt 30 ]; do
		printf 'Witness %d told the quokka panel about the permit dispute at length. ' $i
		i=$((i + 1))
	done
	printf '\n\nA closing paragraph on the quokka appeal.\n'
} >"$w/long/r.txt"
"$DOCKET" index --index "$tmp/i5" "$w/long" 2>/dev/null
places=$("$DOCKET" search --index "$tmp/i5" --json -n 50 --per-article 0 quokka |
	jq -r 'select(.type=="hit") | "\(.passage_id) \(.paragraph) \(.part)"' | sort -t'#' -k2n | tr '\n' ,)
is "$places" "long/r.txt#1 1 0,long/r.txt#2 2 1,long/r.txt#3 2 2,long/r.txt#4 2 3,long/r.txt#5 3 0," \
	"a cut paragraph keeps its number, its passages are parts 1..n; the next paragraph is ¶ 3 (headings not counted)"
like "$("$DOCKET" search --index "$tmp/i5" --color never -n 50 --per-article 0 'witness 29' | tr '\n' ' ')" \
	"¶ 2 \(part 3\) .*\[long/r.txt#4\]" "the text citation says ¶ 2 (part 3), then the passage id"
like "$("$DOCKET" search --index "$tmp/i5" --json -n 1 'witness 29' | jq -r 'select(.type=="hit") | .citation')" \
	"¶ 2 \(part 3\)" "so does the JSON citation"
like "$("$DOCKET" search --index "$tmp/i5" --cite bibtex --json -n 1 'witness 29' | jq -r 'select(.type=="hit") | .citation')" \
	"¶ 2 \(part 3\)" "and the BibTeX note"

# show takes a file's path, absolute or relative, alone or with #N.
like "$("$DOCKET" show --index "$tmp/i5" -C 0 "$w/long/r.txt#5")" "closing paragraph" "show ABSOLUTE_PATH#N"
like "$("$DOCKET" show --index "$tmp/i5" -C 0 "$w/long/r.txt")" "short opening" "show ABSOLUTE_PATH: its first passage"
like "$(cd "$w/long" && "$DOCKET" show --index "$tmp/i5" -C 0 'r.txt#5')" "closing paragraph" "show a path relative to the current folder"
like "$("$DOCKET" show --index "$tmp/i5" -C 0 --json "$w/long/r.txt#2" | jq -r .passage_id)" "^long/r.txt#2$" \
	"... which names the passage by its id"
"$DOCKET" show --index "$tmp/i5" "$w/x/a/f.txt#1" >/dev/null 2>"$tmp/err"
is "$?" 1 "a file on disk that this index does not hold: no passage (exit 1)"
like "$("$DOCKET" copies --index "$tmp/i5" "$w/long/r.txt#5" 2>&1)" "\\[long/r.txt#5\\]" "docket copies takes a path too"
done_testing
