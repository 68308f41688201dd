#!/bin/sh
# t-search.sh — the query language end to end over corpus/ (facts from
# corpus/README.md, "Facts the tests rely on"): phrases, stemming, field
# filters, date ranges, the curly apostrophe, boolean operators, NEAR and
# wildcards.
. "$(dirname "$0")/lib.sh"
make_index

# articles QUERY [OPTIONS...]: the article ids of the hits, one a line.
articles() {
	q=$1
	shift
	s --json -n 100 --per-article 0 "$@" -- "$q" | hits_field article_id
}
# texts QUERY: the passage texts of the hits.
texts() {
	s --json -n 100 --per-article 0 -- "$1" | hits_field text
}
count() {
	articles "$@" | wc -l | tr -d ' '
}

out=$(articles '"storm off to AWS"')
is "$(printf '%s\n' "$out" | sort -u)" "corpus/musk-v-openai/amazon-fears-emails.txt" \
	"phrase \"storm off to AWS\" finds only the AWS article"
is "$(s --json -- '"storm off to AWS"' | hits_field sources)" '["wired.com"]' \
	"its passage credits wired.com"
is "$(count '"non-exclusive through 2032"')" 1 "phrase inside **bold** finds one passage"
is "$(count '"AWS off to storm"')" 0 "the same words out of order are not the phrase"

like "$(texts partnership)" "partnerships" "partnership finds the plural (stemming)"
like "$(texts storm)" "storming ahead" "storm finds storming"
is "$(count interrogatories)" 1 "a rare word is in exactly one passage"
like "$(texts "Microsoft's CTO" | head -n 1)" "Microsoft’s CTO" \
	"a straight apostrophe finds the curly one, ranked first"

is "$(articles title:gauntlet | sort -u)" "corpus/musk-v-openai/trial-opens.md" \
	"title:gauntlet finds the title-only word"
is "$(s --json -n 100 --per-article 0 section:remedies | hits_field section | sort -u)" \
	"What the remedies order requires" "section:remedies: every hit under that heading"
is "$(count section:remedies)" 6 "section:remedies finds its two paragraphs and four bullets"
is "$(s --json -n 100 -- 'outlet:"the verge"' | hits_field outlet | sort -u)" \
	"The Verge" "outlet:\"the verge\": only The Verge"
author=$(s --json -n 1 -- '"Microsoft’s CTO"' | hits_field author)
last=${author##* }
is "$(s --json -n 100 -- "author:$last" | hits_field author | sort -u)" "$author" \
	"author:$last: only that author"
is "$(s --json -n 100 --per-article 0 source:wired.com |
	jq -r 'select(.type=="hit") | .sources | index("wired.com") != null' | sort -u)" \
	true "source:wired.com: every hit credits wired.com"
ok "source:wired.com finds something" [ "$(count source:wired.com)" -gt 0 ]

dates=$(s --json -n 100 --per-article 0 date:2026-04-01..2026-04-30 | hits_field date | sort -u)
is "$(printf '%s\n' "$dates" | sed 's/-[0-9]*$//' | sort -u)" "2026-04" \
	"date:2026-04-01..2026-04-30: every date in April 2026"
is "$(printf '%s\n' "$dates" | wc -l | tr -d ' ')" 3 "three April 2026 dates"
ok "and articles outside that range exist" \
	sh -c "$DOCKET search --index '$tmp/index' --json -n 100 microsoft OR google | jq -r 'select(.type==\"hit\") | .date' | grep -qv '^2026-04'"

all=$(count microsoft)
without=$(count 'microsoft NOT azure')
ok "microsoft NOT azure finds fewer than microsoft ($without < $all)" [ "$without" -lt "$all" ]
unlike "$(texts 'microsoft NOT azure')" "[Aa]zure" "NOT: no hit mentions azure"
unlike "$(texts 'microsoft -azure')" "[Aa]zure" "-azure: no hit mentions azure"
is "$(texts '+azure microsoft' | grep -vc Azure)" 0 "+azure: every hit has azure"
like "$(texts 'aws AND storm')" "storm off to AWS" "AND finds the passage with both"
unlike "$(texts 'aws AND storm')" "storming ahead" "AND leaves out a passage with one"
ok "OR finds more than AND" [ "$(count 'aws OR storm')" -gt "$(count 'aws AND storm')" ]
is "$(count 'storm NEAR aws')" 1 "NEAR finds the passage where both are close"
like "$(texts 'shar*')" "shar(e|es|ed|ing)" "wildcard shar* matches share..."
ok "--and narrows like AND" [ "$(count 'aws storm' --and)" -eq "$(count 'aws AND storm')" ]
s --plain -- 'storm AND' >/dev/null 2>&1
is "$?" 0 "--plain: 'storm AND' is words, not a broken query"
s -- 'storm AND' >/dev/null 2>&1
is "$?" 2 "without --plain it is a bad query"

for word in zorblatt quibbleflux snorkelwhip frobnitzel plonkwidget glimmerdrock wuzzlefrump; do
	s -- "$word" >/dev/null
	is "$?" 1 "HTML boilerplate word $word is not indexed"
done
done_testing
