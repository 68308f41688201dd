#!/bin/sh
# t-highlight.sh — every highlight of every hit, over corpus/ and a query set
# of words, stems, phrases, NEAR, wildcards and fields (facts from
# corpus/README.md), is checked by hlcheck.c against its own reading of the
# query: spans inside the snippet window, on word boundaries, each covering a
# word that matches the query or a whole phrase / NEAR group, no matching
# word of the window left plain, and nothing lit for negated words or words
# limited to another field.  The counts are printed as TAP comments.
. "$(dirname "$0")/lib.sh"
make_index

build_helper "$tmp/hlcheck" "$DOCKET_TOP/tests/e2e/hlcheck.c"

# The checker must be able to fail: hand-made hits it has to refuse.
# fake QUERY TEXT SNIPPET_START SNIPPET_END HIGHLIGHTS
fake() {
	printf '{"type":"hit","text":"%s","snippet_start":%s,"snippet_end":%s,"highlights":%s}\n' \
		"$2" "$3" "$4" "$5" | "$tmp/hlcheck" "$1" >/dev/null
}
nfake() {
	! fake "$@"
}
t="the judge ruled on the storm"
ok "hlcheck passes a right hit" fake 'judge storm' "$t" 0 28 '[[4,9],[23,28]]'
ok "hlcheck passes a stem and a phrase" fake 'rule "the storm"' "$t" 0 28 '[[10,15],[19,28]]'
ok "hlcheck refuses a span off word boundaries" nfake judge "$t" 0 28 '[[4,8]]'
ok "hlcheck refuses a word left plain" nfake 'judge storm' "$t" 0 28 '[[4,9]]'
ok "hlcheck refuses a lit word that is not in the query" nfake judge "$t" 0 28 '[[4,9],[10,15]]'
ok "hlcheck refuses a lit negated word" nfake 'judge -storm' "$t" 0 28 '[[4,9],[23,28]]'
ok "hlcheck refuses a lit title-only word" nfake 'judge title:storm' "$t" 0 28 '[[4,9],[23,28]]'
ok "hlcheck refuses half a phrase" nfake '"the storm"' "$t" 0 28 '[[23,28]]'
ok "hlcheck passes a phrase matched by stems" fake '"Judges rules"' "$t" 0 28 '[[4,15]]'
ok "hlcheck refuses a stem-matched phrase left plain" nfake '"judges rules"' "$t" 0 28 '[]'
ok "hlcheck refuses overlapping spans" nfake judge "$t" 0 28 '[[4,9],[4,9]]'
ok "hlcheck refuses a NEAR span without all its words" nfake 'judge NEAR storm' "$t" 0 28 '[[4,15]]'
ok "hlcheck passes a NEAR span" fake 'judge NEAR storm' "$t" 0 28 '[[4,28]]'
ok "hlcheck passes a NEAR/4 span of 5 words (window n + k - 1)" fake 'judge NEAR/4 storm' "$t" 0 28 '[[4,28]]'
ok "hlcheck refuses a NEAR/3 span of 5 words" nfake 'judge NEAR/3 storm' "$t" 0 28 '[[4,28]]'
printf '{"type":"hit","text":"%s","snippet_start":0,"snippet_end":9,"highlights":[[23,28]]}\n' "$t" |
	"$tmp/hlcheck" storm >"$tmp/check"
like "$(cat "$tmp/check")" "outside=1" "hlcheck counts a span outside the window"

# A NEAR group is lit within the query's own window (NEAR/n over k words:
# n + k - 1 positions, as the QueryParser builds it), not a fixed one.
mkdir -p "$tmp/near"
printf 'Near\n\nThe judge storm came; later the judge saw one big storm.\n' >"$tmp/near/a.txt"
d index --index "$tmp/near-index" -q "$tmp/near" || fail "index the NEAR text"
lit() {
	d search --index "$tmp/near-index" --json -- "$1" |
		jq -r 'select(.type == "hit") | .text as $t | [.highlights[] | $t[.[0]:.[1]]] | join("|")'
}
is "$(lit 'judge NEAR/1 storm')" "judge storm" "NEAR/1 lights the adjacent pair only"
is "$(lit 'judge NEAR/3 storm')" "judge storm" "NEAR/3 does not reach pairs 4 positions apart"
is "$(lit 'judge NEAR/4 storm')" "judge storm came; later the judge saw one big storm" \
	"NEAR/4 does (the pairs merge into one span)"

# One query a line.
cat >"$tmp/queries" <<'Q'
microsoft
openai
interrogatories
partnership
partnerships
storm
storming
judge
judges
ruled
ruling
contempt
Apple
Microsoft
Google
Microsoft's
Microsoft’s
"storm off to AWS"
"non-exclusive through 2032"
"Microsoft’s CTO"
"Microsoft's CTO"
"technical committee"
"civil contempt"
"App Store"
storm NEAR aws
judge NEAR contempt
google NEAR chrome
microsoft NEAR/5 openai
shar*
judg*
remed*
micro*
interrog*
microsoft title:openai
court section:remedies
google section:remedies
outlet:reuters search
author:marsh openai
source:wired.com microsoft
title:gauntlet trial
microsoft NOT azure
microsoft -azure
+azure microsoft
aws AND storm
aws OR storm
google -chrome search
"search engine" default
copyright fair use
settlement authors
chrome OR android OR iphone
date:2026-04-01..2026-04-30 microsoft
Q

queries=0 hits=0 spans=0 tokens=0 fieldwords=0 outside=0 bad=0
while IFS= read -r q; do
	queries=$((queries + 1))
	s --json -n 10 --per-article 0 -- "$q" >"$tmp/out.json"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		fail "search $q (exit $rc)"
		continue
	fi
	"$tmp/hlcheck" "$q" <"$tmp/out.json" >"$tmp/check" 2>&1
	rc=$?
	grep -v '^# counts\|outside the snippet window' "$tmp/check" | head -n 5
	set -- $(sed -n 's/^# counts //p' "$tmp/check" | tr '=' ' ')
	if [ $# -ne 10 ]; then
		fail "hlcheck ran for $q"
		cat "$tmp/check" | sed 's/^/#   /' | head -n 5
		continue
	fi
	hits=$((hits + $2)) spans=$((spans + $4)) tokens=$((tokens + $6))
	fieldwords=$((fieldwords + $8)) outside=$((outside + ${10}))
	[ "$2" -gt 0 ] || bad=$((bad + 1))
	ok "highlights of '$q' ($2 hits, $4 spans, $6 window words)" [ "$rc" -eq 0 ]
done <"$tmp/queries"

ok "at least 40 queries ($queries)" [ "$queries" -ge 40 ]
is "$bad" 0 "every query has hits"
ok "some spans were checked ($spans)" [ "$spans" -gt 100 ]
ok "field-limited words were seen in windows and left plain ($fieldwords)" [ "$fieldwords" -gt 0 ]
is "$outside" 0 "every span lies inside its snippet window"
echo "# counts: queries=$queries hits=$hits spans=$spans window_words=$tokens field_words_left_plain=$fieldwords spans_outside_window=$outside"
done_testing
