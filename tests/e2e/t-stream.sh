#!/bin/sh
# t-stream.sh — JSON exports past --max-size are read record by record, not
# skipped: a 200-record JSON Lines file over a 4 KiB cap is indexed whole
# (the same passage ids as when it fits), its malformed line 100 reported
# as FILE: line 100 and the other 199 records kept; the same for a .json
# array (a bad element named with its record number and line) and a
# .jsonl.gz; a truncated .gz past the cap is skipped as such; any other
# file past the cap is still skipped, naming --max-size.  An appended export
# rewrites only its new record (per-record hashes, "R" + file key in the
# metadata); a changed record is replaced, a removed one removed, whether
# the file is held whole or streamed; the records' ids never change.  Past
# 4 MiB a JSON file is read record by record even under --max-size.
. "$(dirname "$0")/lib.sh"

settle() { touch -d "@$(( $(date +%s) - 60 ))" "$@"; }
in=$tmp/in
mkdir -p "$in" "$tmp/gz" "$tmp/arr"
# records N..M of the invented export, record 100 cut in the middle
records() {
	for i in $(seq "$1" "$2"); do
		if [ "$i" = 100 ]; then
			echo '{"id": "r100", "title": "Cut short", "text": "the ruling on'
		else
			printf '{"id":"r%d","title":"Filing %d","outlet":"Harbor Ledger","text":"Judge Okafor heard motion q%dq in the Tillery matter."}\n' "$i" "$i" "$i"
		fi
	done
}
records 1 200 >"$in/export.jsonl"
settle "$in/export.jsonl"
size=$(wc -c <"$in/export.jsonl")
ok "the export ($size bytes) is larger than the 4k cap" [ "$size" -gt 4096 ]

ids() { d search --index "$1" --json -n 1000 -- tillery | hits_field passage_id | sort; }
d index --index "$tmp/ix" -v --max-size 4k "$in" >/dev/null 2>"$tmp/err"
is "$?" 0 "indexing the export past --max-size exits 0"
err=$(cat "$tmp/err")
like "$err" "export\.jsonl: read record by record \(over --max-size 4096 bytes\)" \
	"-v says it was read record by record, naming --max-size"
like "$err" "export\.jsonl: line 100: " "the malformed line is reported as file: line 100"
unlike "$err" "line (99|101):" "... and no other line"
is "$(ids "$tmp/ix" | wc -l | tr -d ' ')" 199 "the other 199 records are indexed"
ok "the last record is found" [ -n "$(d search --index "$tmp/ix" --json -- q200q | hits_field path)" ]
d index --index "$tmp/whole" "$in" >/dev/null 2>"$tmp/err2"
like "$(cat "$tmp/err2")" "export\.jsonl: line 100: " "held whole (under the default cap), the same line is reported"
is "$(ids "$tmp/ix" | md5sum)" "$(ids "$tmp/whole" | md5sum)" \
	"streamed or held whole, the passage ids are the same"
d index --index "$tmp/ix" -v --max-size 4k "$in" >"$tmp/out" 2>&1
like "$(cat "$tmp/out")" "0 added, 0 updated, 0 removed, 1 unchanged" "indexed again untouched: unchanged"

# A .json array (pretty-printed, one bad element) and a .jsonl.gz.
{
	echo '['
	for i in $(seq 1 200); do
		[ "$i" -gt 1 ] && echo ','
		if [ "$i" = 50 ]; then
			printf ' {"id": "a50",\n  "text": "broken" oops}'
		else
			printf ' {"id": "a%d",\n  "text": "Array brief {x%dx} [\\"quoted\\"] filed."}' "$i" "$i"
		fi
	done
	echo ']'
} >"$tmp/arr/export.json"
d index --index "$tmp/ixa" --max-size 4k "$tmp/arr" >/dev/null 2>"$tmp/err"
is "$?" 0 "a .json array past --max-size: exit 0"
like "$(cat "$tmp/err")" "export\.json: record 50 \(line 101\): " "its bad element is named with the line of the error"
is "$(d search --index "$tmp/ixa" --json -n 1000 -- brief | hits_field passage_id | wc -l | tr -d ' ')" 199 \
	"the other 199 elements are indexed"
ok "the last element is found" [ -n "$(d search --index "$tmp/ixa" --json -- x200x | hits_field path)" ]

records 1 200 | gzip -n >"$tmp/gz/export.jsonl.gz"
head -c 600 "$tmp/gz/export.jsonl.gz" >"$tmp/gz/cut.jsonl.gz"
d index --index "$tmp/ixg" -v --max-size 4k "$tmp/gz" >/dev/null 2>"$tmp/err"
is "$?" 0 "a .jsonl.gz decompressing past --max-size: exit 0"
is "$(d search --index "$tmp/ixg" --json -n 1000 -- tillery | hits_field article_id | grep -c '^gz/export')" 199 \
	"... its 199 good records are indexed"
like "$(cat "$tmp/err")" "cut\.jsonl\.gz: truncated gzip" "a truncated .gz past the cap is skipped as truncated"

# Any other file past the cap is still skipped, naming --max-size.
records 1 200 >"$in/notes.txt"
d index --index "$tmp/ix" -v --max-size 4k "$in" >/dev/null 2>"$tmp/err"
like "$(cat "$tmp/err")" "notes\.txt: larger than 4096 bytes \(--max-size\)" \
	"a .txt past the cap is skipped, naming --max-size"

# Per-record hashes: append one record, change one, remove one.
mkdir -p "$tmp/app"
records 101 300 | sed 's/r100/r100x/' >"$tmp/app/e.jsonl" # all 200 good
settle "$tmp/app/e.jsonl"
d index --index "$tmp/ixp" "$tmp/app" >/dev/null 2>&1
before=$(ids "$tmp/ixp")
echo '{"id":"r301","title":"Filing 301","text":"Judge Okafor heard motion q301q in the Tillery matter."}' >>"$tmp/app/e.jsonl"
settle "$tmp/app/e.jsonl"
d index --index "$tmp/ixp" -v "$tmp/app" >"$tmp/out" 2>&1
like "$(cat "$tmp/out")" "e\.jsonl: 1 of 201 records rewritten, 0 removed" \
	"one record appended: only it is rewritten"
like "$(cat "$tmp/out")" "1 updated" "... and the file counts as updated"
ok "the appended record is found" [ -n "$(d search --index "$tmp/ixp" --json -- q301q | hits_field path)" ]
is "$(ids "$tmp/ixp" | grep -v '#r301#' | md5sum)" "$(printf '%s\n' "$before" | md5sum)" \
	"the other 200 keep their passage ids"
sed -i 's/motion q150q/motion q150q amended zqamendq/; /"r160"/d' "$tmp/app/e.jsonl"
settle "$tmp/app/e.jsonl"
d index --index "$tmp/ixp" -v --max-size 4k "$tmp/app" >"$tmp/out" 2>&1
like "$(cat "$tmp/out")" "e\.jsonl: read record by record .*; 1 of 200 records rewritten, 1 removed" \
	"streamed: one changed record rewritten, one removed"
is "$(d search --index "$tmp/ixp" --json -- zqamendq | hits_field passage_id)" "app/e.jsonl#r150#1" \
	"the changed record is found by its new words, under its id"
is "$(d search --index "$tmp/ixp" --json -- q160q | hits_field passage_id)" "" "the removed record is gone"
is "$(ids "$tmp/ixp" | wc -l | tr -d ' ')" 200 "200 records, one passage each, no leftovers"
ok "docket check passes" d check --index "$tmp/ixp"
rm "$tmp/app/e.jsonl"
d index --index "$tmp/ixp" "$tmp/app" >/dev/null 2>&1
is "$(ids "$tmp/ixp" | wc -l | tr -d ' ')" 0 "the export deleted: its records are removed"
echo '{"id":"r1","text":"Back again q1q Tillery."}' >"$tmp/app/e.jsonl"
settle "$tmp/app/e.jsonl"
d index --index "$tmp/ixp" -v "$tmp/app" >"$tmp/out" 2>&1
unlike "$(cat "$tmp/out")" "records rewritten" "re-created after removal: no stale hashes"
is "$(ids "$tmp/ixp" | wc -l | tr -d ' ')" 1 "... and indexed"

# Held whole, a JSON file costs ~16x its size in memory: past 4 MiB it is
# read record by record even under --max-size, and its records are the same.
mkdir -p "$tmp/big"
awk 'BEGIN { for (i = 1; i <= 2600; i++) { t = ""
	for (k = 0; k < 70; k++) t = t " tillery w" (i * 7 + k) "x clause" k
	printf "{\"id\":\"b%d\",\"title\":\"Filing %d\",\"text\":\"%s\"}\n", i, i, t } }' \
	>"$tmp/big/e.jsonl"
settle "$tmp/big/e.jsonl"
ok "the export is past 4 MiB" [ "$(wc -c <"$tmp/big/e.jsonl")" -gt 4194304 ]
d index --index "$tmp/ixb" -v "$tmp/big" >"$tmp/out" 2>&1
like "$(cat "$tmp/out")" "e\.jsonl: read record by record \(over 4194304 bytes\)" \
	"a 4 MiB+ export under --max-size is read record by record"
is "$(d search --index "$tmp/ixb" --json --copies -n 10000 -- tillery | hits_field passage_id |
	sed 's/#[0-9]*$//' | sort -u | wc -l | tr -d ' ')" 2600 "... and holds all 2600 records"
done_testing
