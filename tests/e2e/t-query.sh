#!/bin/sh
# t-query.sh — query forms a newcomer types that once found nothing in
# silence (issue 13): source: in any case and as a bare name, a word that
# looks like a field but names none (a warning, or with --strict an error),
# and the date: forms of the issue, each either searched or refused with a
# line naming the date.  Facts from corpus/README.md: reuters.com and
# wired.com are credited sources; no article credits "reuters" bare.
. "$(dirname "$0")/lib.sh"
make_index

# count QUERY [OPTIONS...]: how many passages match (every one listed).
count() {
	q=$1
	shift
	s --json -n 10000 --per-article 0 "$@" -- "$q" | hits_field passage_id | wc -l | tr -d ' '
}

# -- source: ---------------------------------------------------------------
want=$(count source:reuters.com)
ok "source:reuters.com finds passages" [ "$want" -gt 0 ]
is "$(count source:Reuters.com)" "$want" "source:Reuters.com: the same passages (case-insensitive)"
is "$(count source:REUTERS.COM)" "$want" "source:REUTERS.COM: the same"
is "$(count source:reuters)" "$want" "source:reuters (bare name) finds reuters.com"
is "$(count source:Reuters)" "$want" "source:Reuters (bare, capitalised) too"
is "$(count source:www.reuters.com)" "$want" "source:www.reuters.com: the www. is dropped"
is "$(s --json -n 10000 --per-article 0 source:reuters | jq -r 'select(.type=="hit") | .sources | index("reuters.com") != null' | sort -u)" \
	true "source:reuters: every hit credits reuters.com"
is "$(count source:reut)" 0 "source:reut is no prefix match: a name is a whole name"
is "$(count source:wired)" "$(count source:wired.com)" "source:wired finds wired.com"
ok "partnership source:reuters finds the partnerships passage" [ "$(count 'partnership source:reuters')" -gt 0 ]

# -- unknown fields --------------------------------------------------------
s jduge:okafor >/dev/null 2>"$tmp/err"
like "$(cat "$tmp/err")" "^docket: warning: unknown field 'jduge:' in the query \(fields: title, section, outlet, author, source, date, case, docket, court, judge, .*\); searched as words" \
	"jduge:okafor: a warning naming the word and the fields"
is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "the warning is one line"
s --strict jduge:okafor >/dev/null 2>"$tmp/err"
is "$?" 2 "--strict: an unknown field is an error (exit 2)"
like "$(cat "$tmp/err")" "^docket: unknown field 'jduge:'" "--strict: the error names it"
s --strict judge storm >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "" "--strict with no field-like word: no error"
for quiet in '"jduge:okafor"' 'http://example.com/storm' 'storm 10:30' 'judge:okafor' \
	'source:wired.com storm' 'note: storm' 'storm -appeal'; do
	s "$quiet" >/dev/null 2>"$tmp/err"
	is "$(cat "$tmp/err")" "" "no warning for $quiet"
done
s --plain jduge:okafor >/dev/null 2>"$tmp/err"
is "$(cat "$tmp/err")" "" "--plain: no fields, so no warning"
d timeline --index "$tmp/index" --by year jduge:okafor >/dev/null 2>"$tmp/err"
like "$(cat "$tmp/err")" "warning: unknown field 'jduge:'" "timeline warns too"

# -- dates (common/daterange.c, on main since issue 19) --------------------
for good in date:2026 date:2026-03 date:2026-03-30 date:yesterday date:2026-01..2026-03 \
	date:2025.. date:..2025-12-31 date:7d date:last-month; do
	s "$good" >/dev/null 2>"$tmp/err"
	st=$?
	ok "$good is searched (exit $st, no message)" [ "$st" -le 1 ] && [ ! -s "$tmp/err" ]
done
ok "date:2026 finds the 2026 articles" [ "$(count date:2026)" -gt 0 ]
for bad in date:2026-13-45.. date:2026-13-45 date:2026-02-30 date:soon date:2026-03..2026-01; do
	s "$bad" >/dev/null 2>"$tmp/err"
	is "$?" 2 "$bad: exit 2"
	like "$(cat "$tmp/err")" "date:.*${bad#date:}|${bad#date:}.*date:|date:.*$(printf '%s' "${bad#date:}" | cut -c1-7)" "$bad: the message names the date"
done
done_testing
