#!/bin/sh
# t-progress.sh — `docket index` draws a progress line on a terminal (with
# script(1) giving it one), never when stderr is piped, never with -q; the
# summary comes after the line is cleared.
. "$(dirname "$0")/lib.sh"

if ! command -v script >/dev/null; then
	echo "ok 1 # SKIP script(1) is not installed"
	echo "1..1"
	exit 0
fi
"$DOCKET_BUILD/bench/gen" --articles 300 --seed 5 "$tmp/corpus" >/dev/null ||
	{ fail "generate a corpus"; done_testing; }

d index --index "$tmp/piped" "$tmp/corpus" 2>"$tmp/piped.err"
is "$?" 0 "indexing with stderr piped"
is "$(grep -c 'indexing:' "$tmp/piped.err")" 0 "piped: no progress line"
is "$(grep -c "$(printf '\r')" "$tmp/piped.err")" 0 "piped: no carriage return"
like "$(cat "$tmp/piped.err")" "^indexed 300 files: 300 added" "piped: the summary"

# A terminal: script runs the command on a pseudo-terminal.
script -qfec "$DOCKET index --index $tmp/tty $tmp/corpus" /dev/null >"$tmp/tty.out" 2>&1
is "$?" 0 "indexing on a terminal"
ok "a terminal: the progress line is drawn" grep -q 'indexing: [0-9]* files, [0-9]* files/s' "$tmp/tty.out"
ok "a terminal: redrawn in place" grep -q "$(printf '\r')" "$tmp/tty.out"
like "$(tr '\r' '\n' <"$tmp/tty.out" | tail -n 2)" "indexed 300 files: 300 added" \
	"a terminal: the summary comes last"

# A bulk load: after a batch of 10 new files per shard the rest is staged
# and merged, and the line says so while the merge runs.
script -qfec "$DOCKET index --batch 10 --index $tmp/bulk $tmp/corpus" /dev/null >"$tmp/bulk.out" 2>&1
is "$?" 0 "a bulk load on a terminal"
ok "a terminal: the line says when staged files are merged" \
	grep -q 'indexing: [0-9]* files, [0-9]* files/s, [0-9.]* s; merging shard [0-9], [0-9]* passages' "$tmp/bulk.out"
like "$(tr '\r' '\n' <"$tmp/bulk.out" | tail -n 2)" "indexed 300 files: 300 added" \
	"a bulk load: the summary comes last"

script -qfec "$DOCKET index -q --index $tmp/quiet $tmp/corpus" /dev/null >"$tmp/quiet.out" 2>&1
is "$(grep -c 'indexing:' "$tmp/quiet.out")" 0 "a terminal with -q: no progress line"
done_testing
