#!/bin/sh
# t-charsets.sh — files not in UTF-8 are indexed under their real characters
# (indexer/charset.c): an HTML page's declared charset (<meta charset> or
# http-equiv), UTF-16 with a byte-order mark, and ISO-8859-1 / cp1252 text
# that is not valid UTF-8.  The fixtures in tests/fixtures/charsets are real
# files in those encodings; `docket index -v` says what was converted.
. "$(dirname "$0")/lib.sh"

fx=$DOCKET_TOP/tests/fixtures/charsets
cp -r "$fx" "$tmp/cs"
"$DOCKET" index --index "$tmp/i" -v "$tmp/cs" 2>"$tmp/err"
is "$?" 0 "the charset fixtures index"
# found WORD: the passage ids that a search for WORD finds.
found() {
	"$DOCKET" search --index "$tmp/i" --json -n 10 "$1" |
		jq -r 'select(.type=="hit") | .passage_id' | sort | tr '\n' ' '
}
is "$(found société)" "cs/latin1.html#1 cs/latin1.html#2 " "<meta charset=iso-8859-1>: société is found"
is "$("$DOCKET" search --index "$tmp/i" --json -n 1 Dufresne | jq -r 'select(.type=="hit") | .author')" \
	"Odile Préaux" "... and its metadata keeps its accents"
is "$(found Köhler)" "cs/cp1252-equiv.htm#1 " "http-equiv charset=windows-1252: Köhler"
like "$("$DOCKET" search --index "$tmp/i" --json -n 1 Köhler | jq -r 'select(.type=="hit") | .text')" \
	"covered the Köhler quarry\\. The fine was €40,000" "cp1252's € and curly quotes come through"
is "$(found façade)" "cs/cp1252.txt#2 " "cp1252 .txt (not valid UTF-8): façade"
like "$("$DOCKET" search --index "$tmp/i" --json -n 1 façade | jq -r 'select(.type=="hit") | .text')" \
	"“a façade of fairness”" "... with its curly quotes"
is "$(found Saint-Gélin)" "cs/latin1.txt#1 " "ISO-8859-1 .txt: Saint-Gélin"
is "$(found Ørsted)" "cs/utf16le.txt#1 cs/utf16le.txt#2 " "UTF-16LE with a BOM is text, not a binary file"
is "$(found Bréville)" "cs/utf16be.md#1 " "UTF-16BE .md with a BOM: its heading and text"
is "$(found Brünnhilde)" "cs/utf8-old-meta.html#1 " "valid UTF-8 under an old latin-1 declaration stays UTF-8"
unlike "$("$DOCKET" search --index "$tmp/i" --json -n 50 --per-article 0 the | jq -r 'select(.type=="hit") | .text')" \
	"$(printf '\357\277\275')" "no U+FFFD anywhere"

like "$(cat "$tmp/err")" "latin1\\.html: converted from WINDOWS-1252 \\(declared by the page\\)" "-v names the declared charset"
like "$(cat "$tmp/err")" "utf16le\\.txt: converted from UTF-16LE \\(byte-order mark\\)" "-v says UTF-16 by its byte-order mark"
like "$(cat "$tmp/err")" "cp1252\\.txt: converted from WINDOWS-1252 \\(not valid UTF-8\\)" "-v says a guess is a guess"
is "$(grep -c 'utf8-old-meta.*converted' "$tmp/err")" 0 "nothing said for a file read as UTF-8"
"$DOCKET" index --index "$tmp/j" "$tmp/cs" 2>"$tmp/err2"
is "$(grep -c converted "$tmp/err2")" 0 "without -v, conversions are not listed"
done_testing
