#!/bin/sh
# t-stopwords.sh — the query drops the commonest English function words
# (common/stopwords.c, engine/query.cc unstopped()): not inside a phrase,
# not when nothing else is left, never so that a NOT becomes a word, and
# not for a language without a list, the same through a remote shard;
# --keep-stopwords searches them all.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/fx/docs"
printf 'title: Footage ruling\noutlet: Test Wire\ndate: 2026-01-05\n\n%s\n\n%s\n\n%s\n' \
	'The judge unsealed the footage on Friday.' \
	'Lawyers for the city said it was a mistake.' \
	'Footage of a second arrest stays under seal.' >"$tmp/fx/docs/a.txt"
d index --index "$tmp/fx/en" -q "$tmp/fx/docs" || fail "index the fixture"
d index --index "$tmp/fx/fr" --lang french -q "$tmp/fx/docs" || fail "index it in French"
# words IX [OPTION...] -- QUERY: the query words the hits matched, sorted
words() {
	ix=$1
	shift
	d search --index "$ix" --json --explain --per-article 0 -n 20 "$@" |
		jq -r 'select(.type == "hit") | .explain[][0]' | grep -v boost | sort -u | tr '\n' ' '
}
ids() { d search --index "$tmp/fx/en" --json --per-article 0 -n 20 "$@" | hits_field passage_id | sort | tr '\n' ' '; }

is "$(words "$tmp/fx/en" -- 'why was the footage sealed')" "footag (stem) seal (stem) " \
	"'why was the footage sealed': only footage and sealed are searched"
is "$(words "$tmp/fx/en" --keep-stopwords -- 'why was the footage sealed')" \
	"footag (stem) seal (stem) the (stem) was (stem) " "--keep-stopwords: the and was too"
like "$(words "$tmp/fx/fr" -- 'why was the footage sealed')" \
	'the \(stem\) was \(stem\)' "an index in French: no English stopwords dropped"
is "$(ids -- '"the footage"')" "docs/a.txt#1 " '"the footage": the phrase keeps "the" (not passage 3)'
is "$(ids -- 'the was')" "docs/a.txt#1 docs/a.txt#2 " "a query of stopwords only keeps them"
is "$(ids -- 'the -footage')" "docs/a.txt#2 " "'the -footage': the NOT stays a NOT"
is "$(ids --keep-stopwords -- 'the -footage')" "docs/a.txt#2 " "... as with --keep-stopwords"
like "$(d search --help)" 'keep-stopwords' "docket search --help names --keep-stopwords"
# the query is parsed where docket runs, so a remote shard sees it stopped
if command -v xapian-tcpsrv >/dev/null; then
	start_server srv "$tmp/fx/en" || fail "serve-shard listens"
	printf 'remote 127.0.0.1:%s\n' "$port" >"$tmp/remote.stub"
	is "$(words "$tmp/remote.stub" -- 'why was the footage sealed')" "footag (stem) seal (stem) " \
		"through a remote shard: only footage and sealed are searched"
	is "$(d search --index "$tmp/remote.stub" --json -n 20 -- 'the -footage' | hits_field passage_id)" \
		"docs/a.txt#2" "... and 'the -footage' stays a NOT"
fi
done_testing
