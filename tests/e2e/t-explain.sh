#!/bin/sh
# t-explain.sh — `docket search --explain` tells the truth about scores, and
# the ranking puts the obvious answer first.
#
# For a range of query shapes (plain words, a phrase, a field, a wildcard,
# +word, NOT) and for each ranking boost (--title-weight,
# --feedback) it checks, over every hit of `--explain --json`, that the
# explain weights add up to the hit's score (within 1e-3) and that every
# explain part names a word of the query or a boost; and that the text
# output prints the breakdown under each hit.  Then it indexes a small
# collection written here, where the right answer is known, and checks rank 1.
. "$(dirname "$0")/lib.sh"

make_index

# sums_ok FILE: every hit has a non-empty explain whose weights add up to
# its score; prints offending hits as # lines.
sums_ok() {
	bad=$(jq -r 'select(.type == "hit")
		| (.explain // []) as $e
		| ([$e[][1]] | add // 0) as $sum
		| select(($e | length) == 0 or ((.score - $sum) | fabs) > 0.001)
		| "#   rank \(.rank): score \(.score), explain sum \($sum)"' "$1") || return 1
	[ -z "$bad" ] || { printf '%s\n' "$bad"; return 1; }
}

# names_ok FILE QUERY: every explain part is a boost or a word of QUERY
# (a stem shares at least its first three letters, or all of a shorter one,
# with a query word; field prefixes and "(stem)" are set aside; a wildcard
# part is the query's own pattern).
names_ok() {
	jq -r 'select(.type == "hit") | .explain[][0]' "$1" | sort -u >"$tmp/names"
	awk -v q="$2" '
		BEGIN {
			n = split(tolower(q), w, /[^a-z0-9*]+/)
			for (i = 1; i <= n; i++) if (w[i] != "") word[w[i]] = 1
		}
		$0 == "title boost" || $0 == "heading boost" || $0 == "feedback terms" { next }
		{
			t = tolower($0)
			sub(/ \(stem\)$/, "", t)
			sub(/^[a-z]+:/, "", t)
			if (t in word) next
			need = length(t) < 3 ? length(t) : 3
			for (x in word)
				if (substr(x, 1, need) == substr(t, 1, need) && index(x, "*") == 0) next
			print "#   not a query word: " $0
			bad = 1
		}
		END { exit bad }' "$tmp/names"
}

# check DESC QUERY [OPTION...]: --explain --json of QUERY passes both
# checks; QUERY must find something.
check() {
	cdesc=$1 query=$2
	shift 2
	s --explain --json -n 20 --per-article 0 "$@" -- "$query" >"$tmp/out.json" 2>"$tmp/err"
	rc=$?
	if [ $rc -ne 0 ]; then
		fail "$cdesc: search exits 0 (got $rc)"
		sed 's/^/#   /' "$tmp/err"
		return
	fi
	ok "$cdesc: explain weights add up to each score" sums_ok "$tmp/out.json"
	ok "$cdesc: explain names only query words and boosts" names_ok "$tmp/out.json" "$query"
}

check "plain words" "court filing"
check "a phrase" '"fair use" training'
check "a field" "title:appeals court"
check "a wildcard" "monopol* google"
check "+word" "+google search"
check "NOT" "copyright NOT openai"
check "title boost" "court filing" --title-weight 1
check "feedback" "google antitrust" --feedback 0.5
check "all boosts" "google search appeal" --title-weight 0.5 --feedback 0.25
# One word in headlines and in headings: their lifts are one source
# (engine/query.cc, one_source()), whose weights must still add up.
check "one word, headline and heading" "openai"
check "one word, headline and heading (2)" "jury"

# The NOT'd word never shows in the breakdown, and a boost does once set.
s --explain --json -n 20 -- "copyright NOT openai" >"$tmp/not.json"
unlike "$(jq -r 'select(.type == "hit") | .explain[][0]' "$tmp/not.json")" '^openai' \
	"NOT: the excluded word has no explain part"
s --explain --json -n 5 --title-weight 1 -- "appeals court" >"$tmp/tb.json"
like "$(jq -r 'select(.type == "hit") | .explain[][0]' "$tmp/tb.json")" '^title boost$' \
	"--title-weight: a 'title boost' part appears"
s --explain --json -n 5 --title-weight 0 -- "appeals court" >"$tmp/nb.json"
unlike "$(jq -r 'select(.type == "hit") | .explain[][0]' "$tmp/nb.json")" 'title boost|feedback' \
	"--title-weight 0: no title boost part, and no feedback by default"
s --explain --json -n 20 --per-article 0 -- "reaction" >"$tmp/hb.json"
like "$(jq -r 'select(.type == "hit") | .explain[][0]' "$tmp/hb.json")" '^heading boost$' \
	"a word of a heading: a 'heading boost' part appears"

# Text output: under each hit, one line per part (weight, then what).
text=$(s --explain -n 3 --title-weight 1 -- "court filing")
like "$text" '^ +[0-9]+\.[0-9]+ +court \(stem\)$' "text: a word's line in the breakdown"
like "$text" '^ *\+ *[0-9]+\.[0-9]+ +title boost$' "text: the boost's line in the breakdown"
n_hits=$(printf '%s\n' "$text" | grep -Ec '^[0-9]+\. ')
n_court=$(printf '%s\n' "$text" | grep -Ec 'court \(stem\)$')
is "$n_court" "$n_hits" "text: every hit shows its breakdown"
plain=$(s -n 3 -- "court filing")
unlike "$plain" '\(stem\)$' "text: no breakdown without --explain"

# A tiny collection where the right answer is plain.
mkdir "$tmp/tiny"
cat >"$tmp/tiny/tiny.jsonl" <<'EOF'
{"id": "falcon", "title": "Peregrine falcons return to the cathedral", "text": "A pair of peregrine falcons nested on the cathedral spire again this spring.\n\nThe falcons hunt pigeons over the river and raised three chicks."}
{"id": "bakery", "title": "Sourdough bakery wins county prize", "text": "The bakery on Mill Street won the county prize for its sourdough loaf.\n\nIts baker keeps a starter that is forty years old."}
{"id": "bridge", "title": "River bridge closed for repairs", "text": "The old river bridge will close for six weeks while engineers replace its bearings.\n\nTraffic will be diverted over the ring road."}
{"id": "court", "title": "Court rejects the landlord's appeal", "text": "The appeals court rejected the landlord's appeal over the eviction notice.\n\nThe tenants may stay in the building while the case continues."}
{"id": "chess", "title": "Library chess club turns fifty", "text": "The chess club that meets in the public library celebrated fifty years.\n\nIts oldest member learned the game from a librarian in 1975."}
{"id": "pigeon", "title": "City counts its pigeons", "text": "Volunteers counted the pigeons in the market square for the annual survey.\n\nThe count fell for the third year running."}
EOF
if d index --index "$tmp/tiny-index" -q "$tmp/tiny" 2>"$tmp/tiny.err"; then
	pass "tiny collection indexed"
else
	fail "tiny collection indexed"
	sed 's/^/#   /' "$tmp/tiny.err"
fi
# first QUERY [OPTION...]: the article id (after '#') of rank 1.
first() {
	q=$1
	shift
	"$DOCKET" search --index "$tmp/tiny-index" --json -n 1 "$@" -- "$q" |
		jq -r 'select(.type == "hit") | .article_id | sub(".*#"; "")'
}
is "$(first "peregrine falcon nest")" falcon "rank 1: the falcon article for 'peregrine falcon nest'"
is "$(first "sourdough prize")" bakery "rank 1: the bakery for 'sourdough prize'"
is "$(first "landlord appeal eviction")" court "rank 1: the court case for 'landlord appeal eviction'"
is "$(first "pigeons counted in the square")" pigeon "rank 1: the pigeon count, not the falcons that hunt pigeons"
is "$(first "river bridge repairs" --title-weight 1)" bridge \
	"rank 1 with boosts: the bridge for 'river bridge repairs'"
is "$(first "chess library" --feedback 0.5)" chess "rank 1 with feedback: the chess club"

done_testing
