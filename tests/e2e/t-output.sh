#!/bin/sh
# t-output.sh — what `docket search` prints: the JSON Lines contract, paging
# and per-article limits, date sort, TREC runs, citation styles, grouping,
# colours and wrapping.
. "$(dirname "$0")/lib.sh"
make_index

# --json: checked line by line by jsoncheck (bytes, order, types).
for q in microsoft '"Microsoft’s CTO"' 'remedies OR storm' interrogatories; do
	s --json -n 20 -- "$q" >"$tmp/out.json"
	ok "--json for $q: every line meets the contract" jsoncheck <"$tmp/out.json"
done
ok "every line parses with jq" jq -e . "$tmp/out.json" >/dev/null
s --json zzyzxqqnotaword >"$tmp/none.json"
is "$?" 1 "--json with no hit exits 1"
is "$(jq -r .type "$tmp/none.json")" summary "and prints only the summary"
ok "which meets the contract" jsoncheck <"$tmp/none.json"
is "$(s --format json -n 1 microsoft | jq -r .type | tr '\n' ' ')" "hit summary " \
	"--format json is --json"
s --json -n 1 interrogatories >"$tmp/one.json"
is "$(jq -r 'select(.type=="hit") | .highlights | length' "$tmp/one.json")" 1 \
	"a one-word query has one highlight"
is "$(jq -r 'select(.type=="hit") | .text[.highlights[0][0]:.highlights[0][1]]' "$tmp/one.json")" \
	interrogatories "the highlight covers the word (ASCII text: bytes = codepoints)"

# Per article, limits, offsets.
max_per() {
	s --json -n 100 --per-article "$1" -- 'microsoft OR google OR openai' |
		hits_field article_id | sort | uniq -c | sort -rn | awk 'NR==1 {print $1}'
}
is "$(max_per 1)" 1 "--per-article 1: no article twice"
is "$(max_per 2)" 2 "--per-article 2: some article twice, none three times"
ok "--per-article 0: more than 2 from one article" [ "$(max_per 0)" -gt 2 ]

# The cap keeps each article's best passages: the capped list is the full
# ranking with every article's passages past the first K dropped, cut at
# -n (so the searcher must look past its first fetch when the cap thins it
# out), by relevance and by date, also from a further offset.
"$DOCKET_BUILD/bench/gen" --articles 150 --seed 4 "$tmp/gen" >/dev/null
d index --index "$tmp/capidx" -q "$tmp/gen"
# capped K N OPTS...: the first N passage ids of the full ranking with at
# most K per article.
capped() {
	k=$1 n=$2
	shift 2
	d search --index "$tmp/capidx" --json -n 10000 --per-article 0 "$@" |
		jq -r 'select(.type=="hit") | "\(.article_id)\t\(.passage_id)"' |
		awk -F'\t' -v k="$k" -v n="$n" '++seen[$1] <= k && ++out <= n {print $2}'
}
for sort in relevance date; do
	for kn in "1 100" "2 60" "3 25"; do
		set -- $kn
		want=$(capped "$1" "$2" --sort "$sort" -- court)
		got=$(d search --index "$tmp/capidx" --json -n "$2" --per-article "$1" \
			--sort "$sort" court | hits_field passage_id)
		ok "court, --sort $sort, --per-article $1 -n $2: has $2 hits" \
			[ "$(printf '%s\n' "$got" | wc -l)" -eq "$2" ]
		is "$got" "$want" "... the full ranking thinned to $1 per article"
	done
done
got=$(d search --index "$tmp/capidx" --json -n 20 --offset 30 --per-article 1 court |
	hits_field passage_id)
is "$got" "$(capped 1 50 -- court | sed -n '31,50p')" \
	"--per-article 1 --offset 30 -n 20: hits 31-50 of the thinned ranking"
is "$(s --json -n 3 microsoft | hits_field rank | tr '\n' ' ')" "1 2 3 " "-n 3 gives ranks 1..3"
first5=$(s --json -n 5 microsoft | hits_field passage_id)
next=$(s --json -n 2 --offset 3 microsoft | hits_field passage_id)
is "$next" "$(printf '%s\n' "$first5" | sed -n '4,5p')" "--offset 3 -n 2 gives hits 4 and 5"
is "$(s --json -n 2 --offset 3 microsoft | hits_field rank | tr '\n' ' ')" "4 5 " \
	"ranks count the offset"

dates=$(s --json -n 50 --sort date -- 'microsoft OR google OR court' | hits_field date | grep .)
is "$dates" "$(printf '%s\n' "$dates" | sort -r)" "--sort date: dates never increase"
ok "--sort date sees several dates" [ "$(printf '%s\n' "$dates" | sort -u | wc -l)" -gt 3 ]

# TREC.
s --format trec --qid 7 -n 5 microsoft >"$tmp/trec"
is "$(awk 'NF != 6 || $1 != "7" || $2 != "Q0" || $4 != NR || $6 != "docket"' "$tmp/trec" | wc -l | tr -d ' ')" \
	0 "--format trec: QID Q0 DOCNO RANK SCORE docket"
is "$(wc -l <"$tmp/trec" | tr -d ' ')" 5 "one line per hit"
is "$(awk '{print $3}' "$tmp/trec")" "$(s --json -n 5 microsoft | hits_field article_id)" \
	"the DOCNO is the article id"
is "$(s --format trec -n 1 microsoft | cut -d' ' -f1)" 0 "the default QID is 0"

# Citations.
q='"storm off to AWS"'
plain=$(s --json -- "$q" | hits_field citation)
like "$plain" "§ Why was Amazon the nightmare scenario\?, ¶ [0-9]+ \(via wired.com\)" \
	"plain citation: section, paragraph, source"
like "$(s --json --cite markdown -- '"Microsoft’s CTO"' | hits_field citation)" \
	'^\[.+\]\(https://www\.theverge\.com/' "markdown citation links the title to the URL"
like "$(s --json --cite bibtex -- '"Microsoft’s CTO"' | hits_field citation)" \
	'^@online\{' "bibtex citation is an @online entry"
like "$(s -n 1 -- "$q")" "$(printf '%s' "$plain" | cut -c1-30)" "text output shows the citation"
s --cite chicago x >/dev/null 2>"$tmp/err"
is "$?" 2 "--cite chicago: usage error"
like "$(cat "$tmp/err")" "try 'docket search --help'" "with the hint"

# Text layout, grouping, wrapping.
out=$(s -n 3 microsoft)
like "$out" '^1\. [0-9]+\.[0-9]{2}  ' "text: RANK. SCORE  snippet"
like "$out" '^3\. ' "text: three hits"
# too_long WIDTH: lines (in codepoints, as jq counts) wider than WIDTH,
# except one unbreakable word (a long path) alone on its line.
too_long() {
	jq -R --argjson w "$1" 'select(length > $w and (sub("^ +"; "") | test(" ")))' | wc -l | tr -d ' '
}
is "$(s -n 3 microsoft | too_long 80)" 0 "no line longer than 80 columns when not a terminal"
is "$(COLUMNS=50 s -n 3 microsoft | too_long 50)" 0 "COLUMNS=50 wraps at 50"
ok "COLUMNS=50 does wrap" [ "$(COLUMNS=50 s -n 3 microsoft | wc -l)" -gt "$(s -n 3 microsoft | wc -l)" ]
like "$(s -n 1 -- '"Microsoft’s CTO"')" '…$' "a window that stops early ends with …"
g=$(s --group -n 6 --per-article 2 -- 'microsoft OR google')
like "$g" '^   1\. [0-9.]+  ' "--group: hits indented under their article"
like "$g" '^      (§ .*, )?¶ [0-9]+$' "--group: each passage's § section, ¶ n"
titles=$(s --json -n 6 --per-article 2 -- 'microsoft OR google' | hits_field title | awk '!seen[$0]++')
printf '%s\n' "$titles" >"$tmp/titles"
is "$(printf '%s\n' "$g" | grep -Fxc -f "$tmp/titles")" "$(wc -l <"$tmp/titles" | tr -d ' ')" \
	"--group: each article's title once"

# Colour.
esc=$(printf '\033')
unlike "$(s -n 3 microsoft)" "$esc" "NO_COLOR (and no terminal): no ESC bytes"
unlike "$(s --color=never -n 3 microsoft)" "$esc" "--color=never: no ESC bytes"
like "$(s --color=always -n 3 microsoft)" "$esc\[1;31m" "--color=always: highlights in colour"
like "$(NO_COLOR= s --color=always -n 3 microsoft)" "$esc\[2m" "--color=always: citation dimmed"
s --color=sometimes x >/dev/null 2>&1
is "$?" 2 "--color=sometimes: usage error"

# --bm25 K1,B reaches the ranking: with k1 = 0 BM25 ignores how often and
# in how long a passage a word occurs, so every hit of one word scores alike
# (without the headline's lift, which differs between articles).
scores() { s --json -n 20 "$@" court | jq -r 'select(.type == "hit") | .score' | sort -u | wc -l | tr -d ' '; }
is "$(scores --bm25 0,0.75 --title-weight 0)" 1 "--bm25 0,0.75: one score for every hit of one word"
ok "the default BM25 tells them apart ($(scores) scores)" [ "$(scores)" -gt 1 ]
s --bm25 1.2 court >/dev/null 2>&1
is "$?" 2 "--bm25 without B: usage error"
done_testing
