#!/bin/sh
# t-passages.sh — passages hold what was asked (issue 14).  Every check
# here failed on schema 2 (as x-passages.sh, kept out of the suite until the
# fix): 51 of the 73 phrases, 11 of the 15 words.
#
# 1. The false phrase match, on a tiny fixture of its shape: a headline
#    with word A, a body starting with word B, the query "A B".  Schema 2's
#    unprefixed headline copies have no positions, and Xapian 1.4's
#    GlassPositionList::skip_to(0) is true on an empty list, so the phrase
#    matched (as '"gig like"' on bench/gen's 20k seed-1 corpus).
# 2. The property over a generated corpus: every hit of a phrase query holds
#    the phrase's stems in order in its own text or heading, or else in its
#    headline (a real phrase there, with positions: such a hit is found,
#    as "gauntlet" is, but ranks below every hit holding it itself).  The phrases
#    are built to the failing shape (a headline word, then the first word
#    of some passage of that article) plus bench/queries.tsv's phrases.
# 3. corpus/'s one-word queries (the issue's exhibits, gauntlet and
#    microscope, and words picked before the change from headlines that
#    recur in only some paragraphs): the passages holding the word in their
#    text or heading come before every passage that holds it only in its
#    headline.
. "$(dirname "$0")/lib.sh"

bc=$DOCKET_BUILD/eval/bodycheck
[ -x "$bc" ] || build_helper "$tmp/bodycheck" "$DOCKET_TOP/tests/e2e/bodycheck.c"
[ -x "$bc" ] || bc=$tmp/bodycheck

# phrase_ok INDEX WORD...: every hit of the phrase "WORD..." holds it.
phrase_ok() {
	pi=$1
	shift
	d search --index "$pi" --json -n 200 --per-article 0 -- "\"$*\"" >"$tmp/ph.json" 2>"$tmp/ph.err"
	[ $? -le 1 ] || { sed 's/^/#   /' "$tmp/ph.err"; return 1; }
	"$bc" --phrase "$@" <"$tmp/ph.json" >"$tmp/ph.out" || { sed 's/^/#   /' "$tmp/ph.out"; return 1; }
}

# --- 1. the reproduction
mkdir -p "$tmp/fx/fixture"
printf 'title: Court hears gig worker case\noutlet: Test Wire\ndate: 2026-01-05\n\n%s\n\n%s\n' \
	'Likely the judge will rule soon on the motion.' \
	'A second paragraph names the gig economy and is like the first.' >"$tmp/fx/fixture/a.txt"
d index --index "$tmp/fx/index" -q "$tmp/fx/fixture" 2>"$tmp/err" || fail "index the fixture"
out=$(d search --index "$tmp/fx/index" --json '"gig like"' | jq -r 'select(.type == "hit") | .passage_id')
is "$out" "" 'headline "gig" + body "Likely ...": the phrase "gig like" matches nothing'
ok '"gig like": every hit holds the phrase' phrase_ok "$tmp/fx/index" gig like
out=$(d search --index "$tmp/fx/index" --json 'gig NEAR/1 likely' | jq -r 'select(.type == "hit") | .passage_id')
is "$out" "" 'headline "gig" + body "Likely ...": gig NEAR/1 likely matches nothing'
out=$(d search --index "$tmp/fx/index" --json gig | jq -r 'select(.type == "hit") | .passage_id' | head -n 1)
is "$out" "fixture/a.txt#2" 'gig: the passage that says "gig" ranks first'

# --- 2. the property over a generated corpus
mkdir -p "$tmp/gen"
"$DOCKET_BUILD/bench/gen" --articles 300 --seed 7 "$tmp/gen/corpus" >/dev/null 2>&1 ||
	fail "bench/gen"
d index --index "$tmp/gen/index" -q "$tmp/gen/corpus" 2>"$tmp/err" || fail "index the generated corpus"
# A headline word, then the first word of a passage of the same article.
d search --index "$tmp/gen/index" --json -n 60 --per-article 1 court |
	jq -r 'select(.type == "hit") | [(.title | ascii_downcase | gsub("[^a-z ]"; "") | split(" ") | map(select(length > 2)) | last // empty),
		(.text | ascii_downcase | gsub("[^a-z ]"; " ") | split(" ") | map(select(length > 0)) | first // empty)] |
		select(length == 2) | join(" ")' >"$tmp/phrases"
grep '^phrase' "$DOCKET_TOP/bench/queries.tsv" | cut -f2 | tr -d '"' >>"$tmp/phrases"
n=0 bad=0
while read -r words; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # the phrase's words are the arguments
	phrase_ok "$tmp/gen/index" $words || { bad=$((bad + 1)); echo "#   in \"$words\""; }
done <"$tmp/phrases"
[ "$n" -ge 40 ] || fail "only $n phrases built"
is "$bad" 0 "every hit of $n phrase queries on a generated corpus holds the phrase (text or heading first, then headline)"

# --- 3. corpus/: body matches first
make_index
for w in exhibits gauntlet microscope dismiss monopoly piracy prosecutors emails \
	headnotes investment chrome stand fear amazon logs; do
	s --json -n 50 --per-article 0 "$w" >"$tmp/w.json"
	if "$bc" --first "$w" <"$tmp/w.json" >"$tmp/w.out"; then
		pass "$w: the passages that hold it come first"
	else
		fail "$w: the passages that hold it come first"
		grep '^#' "$tmp/w.out" | head -n 3 | sed 's/^/#   /'
	fi
done
# --- 4. a headline word lifts most where the text lacks it
# Query "bridge repairs", headline "Harbor bridge ruling": the passage that
# holds "repairs" but not "bridge" gets the whole lift for "bridge"; the one
# that holds both, and the one that holds neither (found by its headline
# alone, last), a quarter of it (LIFT_HELD_SHARE).
# lifts DIR FORMAT SECOND: under DIR, index the article whose body is
# FORMAT (printf, three %s) around the bridge paragraph, SECOND and the
# council one; search 'bridge repairs' into $tmp/lf.json and set b1..b3 to
# each passage's headline lift; r21 is b2 / b1, as "4x" when it is 4
lifts() {
	mkdir -p "$1/fx"
	# shellcheck disable=SC2059 # the format is the fixture
	printf "title: Harbor bridge ruling\noutlet: Test Wire\ndate: 2026-01-05\n\n$2" \
		'The bridge needs repairs before winter, engineers said.' "$3" \
		'The council will meet again in March.' >"$1/fx/a.txt"
	d index --index "$1/idx" -q "$1/fx"
	d search --index "$1/idx" --json --explain --per-article 0 -n 10 -- 'bridge repairs' >"$tmp/lf.json"
	b1=$(boost 1) b2=$(boost 2) b3=$(boost 3)
	r21=$(awk -v a="$b2" -v b="$b1" 'BEGIN { r = a / b; print (r > 3.99 && r < 4.01) ? "4x" : r }')
}
boost() { jq -r "select(.type == \"hit\" and .passage_id == \"fx/a.txt#$1\") | [.explain[] | select(.[0] == \"title boost\") | .[1]] | add // 0" "$tmp/lf.json"; }
lifts "$tmp/lf" '%s\n\n%s\n\n%s\n' 'Crews began repairs on Monday morning at the east end.'
is "$r21" 4x \
	"lacking 'bridge' but holding 'repairs': four times the headline lift of a passage holding both"
is "$b3" "$b1" "a passage holding neither gets the lift of one holding both"
is "$(jq -r 'select(.type == "hit") | .passage_id' "$tmp/lf.json" | tail -n 1)" "fx/a.txt#3" \
	"... and comes last"
# --- 5. a passage found by its heading matches the query as its text would
# Same headline; "Crews started on Monday." sits under the heading
# "Repairs schedule": its heading holds "repairs", so it lacks "bridge" as
# passage 2 above did and gets the whole headline lift, not the quarter of
# the passage under "Council" that holds neither.
lifts "$tmp/hm" '%s\n\n## Repairs schedule\n\n%s\n\n## Council\n\n%s\n' 'Crews started on Monday at the east end.'
is "$r21" 4x \
	"found by its heading 'Repairs schedule': four times the headline lift of a passage holding both words"
is "$b3" "$b1" "under 'Council', holding neither: the quarter"
done_testing
