#!/bin/sh
# t-legal.sh — the legal fields end to end over tests/fixtures/legal:
# case:, docket:, court:, judge:, exhibit: in several written forms; the
# JSON keys; one case written four ways found by every form; `docket
# cases` in text and JSON; show's and --group's case line; the aliases
# file (in the index folder and --aliases; merge and drop; a bad line);
# and docket cases and case: through a remote shard.
. "$(dirname "$0")/lib.sh"
fx=$DOCKET_TOP/tests/fixtures/legal
servers=
trap 'for p in $servers; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
idx=$tmp/idx
if ! d index --index "$idx" -q "$fx" 2>"$tmp/err"; then
	fail "index the fixtures"
	sed 's/^/#   /' "$tmp/err"
	done_testing
fi

# The articles (sorted, unique) that QUERY finds.
arts() { d search --index "${IDX:-$idx}" --json -n 1000 --per-article 1 -- "$1" | hits_field article_id | sort -u | tr '\n' ' '; }

# -- fields, every written form -------------------------------------------
delacroix="legal/a01.txt legal/a02.txt legal/a39.txt legal/f01.txt legal/f02.txt "
for q in 'case:delacroix' 'case:Nimbus' 'case:"Delacroix v. Nimbus"' 'case:"delacroix vs nimbus"' \
	'case:"Delacroix v Nimbus, Inc. et al."'; do
	is "$(arts "$q")" "$delacroix" "$q finds every writing of the case"
done
is "$(arts 'case:"Delacroix v. Nimbus Technologies"')" "legal/a01.txt legal/f02.txt " \
	"the longer caption finds the articles that write it so"
for q in 'docket:3:25-cv-04418-RFL' 'docket:25-cv-4418' 'docket:"No. 25-cv-04418"'; do
	is "$(arts "$q")" "legal/a01.txt legal/a02.txt legal/f02.txt " "$q: any form of the number"
done
is "$(arts 'docket:24-1234')" "legal/a11.txt legal/a12.txt " "docket: an appellate number"
is "$(arts 'docket:"MDL No. 3101"')" "legal/a15.txt legal/a16.txt " "docket: an MDL number"
for q in 'court:ndcal' 'court:"N.D. Cal."' 'court:"Northern District of California"'; do
	is "$(arts "$q")" "legal/a01.txt legal/a02.txt " "$q"
done
is "$(arts 'court:ca9')" "legal/a11.txt legal/a12.txt " "court:ca9"
is "$(arts 'court:"9th Cir."')" "legal/a11.txt legal/a12.txt " "court:\"9th Cir.\""
is "$(arts 'judge:lindqvist')" "legal/a01.txt legal/a02.txt legal/a39.txt legal/f02.txt " \
	"judge: by surname"
is "$(arts 'judge:"Rita F. Lindqvist"')" "legal/a01.txt " "judge: by full name"
is "$(arts 'judge:szabo')" "legal/a05.txt legal/a06.txt " "judge:szabo"
is "$(d search --index "$idx" --json -n 100 --per-article 0 'exhibit:PX-17' | hits_field passage_id | sort | tr '\n' ' ')" \
	"legal/a02.txt#2 legal/f01.txt#2 " "exhibit:PX-17 finds the passages that cite it, not their articles"
is "$(d search --index "$idx" --json -n 100 --per-article 0 'exhibit:px17' | hits_field passage_id | sort | tr '\n' ' ')" \
	"legal/a02.txt#2 legal/f01.txt#2 " "exhibit:px17, typed loosely"
is "$(d search --index "$idx" --json -n 100 --per-article 0 'exhibit:42' | hits_field passage_id | sort | tr '\n' ' ')" \
	"legal/a01.txt#2 legal/f02.txt#2 " "exhibit:42 is Exhibit 42"
is "$(arts 'exhibit:42 OR case:halvorsen OR court:ndcal OR judge:kagan' | wc -w)" 5 "fields combine with OR"
is "$(arts 'privacy case:delacroix')" "legal/a01.txt legal/a02.txt legal/a39.txt legal/f01.txt " "a field filters words"
for neg in a22 a23 a36; do
	out=$(d search --index "$idx" --json -n 100 --per-article 0 'the OR a' | jq -c "select(.type==\"hit\" and .article_id==\"legal/$neg.txt\") | [.cases,.dockets,.courts,.judges,.record_cites]" | sort -u)
	is "$out" '[[],[],[],[],[]]' "negative $neg names no case, docket, court, judge or cite"
done

# -- JSON keys ------------------------------------------------------------
hit=$(d search --index "$idx" --json -n 1 'exhibit:PX-17 case:delacroix' | jq -c 'select(.type=="hit" and .article_id=="legal/a02.txt") | [.cases,.dockets,.courts,.judges,.record_cites]')
is "$hit" '[["Delacroix v. Nimbus"],["25-cv-4418"],["N.D. Cal."],["Lindqvist"],["Dkt. 88","DX-5","PX-17"]]' \
	"JSON hit keys cases, dockets, courts, judges, record_cites"
ok "the JSON output is well-formed" sh -c "'$DOCKET' search --index '$idx' --json 'case:delacroix' | '$DOCKET_BUILD/tests/e2e/jsoncheck'"

# -- docket cases ---------------------------------------------------------
d cases --index "$idx" >"$tmp/cases" 2>&1
like "$(head -5 "$tmp/cases")" '^Delacroix v\. Nimbus Technologies$' "docket cases: the case written four ways is one, under its longest caption"
like "$(sed -n 2,5p "$tmp/cases")" 'dockets 25-cv-4418$' "docket cases: its docket number"
like "$(sed -n 2,5p "$tmp/cases")" 'judges  Rita F\. Lindqvist$' "docket cases: its judge, the surname folded in"
like "$(sed -n 2,5p "$tmp/cases")" '5 articles, 4 outlets, 2026-03-04 \.\. 2026-06-11' "docket cases: articles, outlets, dates"
unlike "$(cat "$tmp/cases")" 'Pioneers|Times v|Main Street' "docket cases: no negatives"
d cases --index "$idx" --json >"$tmp/cases.json"
is "$(jq -r 'select(.case=="Okafor v. Ridgeline Freight") | [.articles, .outlets, (.courts|sort|join("|")), .first, .last] | @tsv' "$tmp/cases.json")" \
	"$(printf '3\t2\tE.D. Tex.|Fed. Cir.\t2026-04-08\t2026-06-02')" "docket cases --json"
is "$(d cases --index "$idx" --json 'judge:szabo' | jq -r .case)" "In re Brightwater Data Breach Litigation" "docket cases QUERY: only the matches' cases"
d cases --index "$idx" 'nosuchwordanywhere' >/dev/null 2>&1
is "$?" 1 "docket cases: exit 1 when no case"

# A wire story two outlets ran is two articles and two outlets (the copy
# collapse of a search must not hide the second); captions cut short fold
# into their one longest writing, and stay apart when two longer ones part.
w=$tmp/wire
mkdir -p "$w"
body='A federal judge on Monday refused to dismiss the lawsuit Hollis v. Marren Logistics, in which warehouse workers say the company tracked their breaks with wristbands and docked pay for every minute over the limit, and ordered both sides to meet before the summer to set a schedule for the trial.'
printf 'title: Judge keeps wristband suit alive\noutlet: Harbor Wire\ndate: 2026-05-04\n\n%s\n' "$body" >"$w/w1.txt"
printf 'title: Wristband lawsuit against Marren goes on\noutlet: Valley Ledger\ndate: 2026-05-05\n\n%s\n' "$body" >"$w/w2.txt"
n=0
for c in 'Quill v. Tessaract' 'Quill v. Tessaract Labs' 'Quill v. Tessaract Labs Group' \
	'Orrin v. Castell' 'Orrin v. Castell Mining' 'Orrin v. Castell Shipping'; do
	n=$((n + 1))
	printf 'title: Filing %s\noutlet: Outlet %s\ndate: 2026-06-0%s\n\nThe lawsuit %s was filed in federal court on Friday.\n' \
		"$n" "$n" "$n" "$c" >"$w/c$n.txt"
done
d index --index "$tmp/wire.idx" -q "$w" 2>"$tmp/err" || fail "index the wire corpus"
d cases --index "$tmp/wire.idx" --json >"$tmp/wire.json"
is "$(jq -r 'select(.case=="Hollis v. Marren Logistics") | [.articles, .outlets] | @tsv' "$tmp/wire.json")" \
	"$(printf '2\t2')" "docket cases: a story two outlets ran counts both"
is "$(jq -r 'select(.case | startswith("Quill")) | [.case, .articles] | @tsv' "$tmp/wire.json")" \
	"$(printf 'Quill v. Tessaract Labs Group\t3')" "docket cases: a chain of cut-short captions is one case, under the longest"
is "$(jq -r 'select(.case | startswith("Orrin")) | .case' "$tmp/wire.json" | sort | tr '\n' '|')" \
	"Orrin v. Castell|Orrin v. Castell Mining|Orrin v. Castell Shipping|" \
	"docket cases: a caption two longer ones share stays its own"
like "$(d show --index "$idx" 'legal/a01.txt#1' | sed -n 2p)" 'case Delacroix v\. Nimbus Technologies · No\. 25-cv-4418 · N\.D\. Cal\. · Judge Rita F\. Lindqvist' "show prints the case line"
like "$(d search --index "$idx" --group 'exhibit:PX-17' | sed -n 3p)" '^   case Delacroix v\. Nimbus' "--group prints the case line"

# -- aliases --------------------------------------------------------------
is "$(d cases --index "$idx" --json | jq -r .case | grep -c Kestrel)" 2 "without aliases the SEC case is two"
printf '# merge the two writings of the SEC case, drop one\nSEC v. Kestrel Capital Partners => Securities and Exchange Commission v. Kestrel Capital Partners\ncase: Harrow Systems vs. Department of Commerce => drop\njudge: Lindqvist => Rita F. Lindqvist\n' >"$idx/docket.aliases"
is "$(d cases --index "$idx" --json | jq -r .case | grep Kestrel)" "Securities and Exchange Commission v. Kestrel Capital Partners" \
	"aliases in the index folder merge two writings in docket cases"
is "$(arts 'case:"SEC v. Kestrel Capital Partners"')" "legal/a25.txt legal/a26.txt " "aliases widen case: at query time"
unlike "$(d cases --index "$idx")" 'Harrow' "a dropped case is not listed"
is "$(d search --index "$idx" --json 'case:harrow' | jq -c 'select(.type=="hit") | .cases' | sort -u)" '[]' "a dropped case leaves the hits' cases"
is "$(d search --index "$idx" --json 'exhibit:PX-17' | jq -r 'select(.article_id=="legal/a02.txt") | .judges[0]')" "Rita F. Lindqvist" "judge aliases rename in hits"
printf 'Delacroix v. Nimbus => Delacroix (privacy)\n' >"$tmp/other.aliases"
is "$(d cases --index "$idx" --aliases "$tmp/other.aliases" --json | jq -r .case | grep -c -e Kestrel -e '^Delacroix (privacy)$')" 3 \
	"--aliases PATH replaces the folder's file"
printf 'no arrow here\n' >"$tmp/bad.aliases"
d cases --index "$idx" --aliases "$tmp/bad.aliases" >/dev/null 2>"$tmp/err"
is "$?" 2 "a bad aliases file is an error"
like "$(cat "$tmp/err")" "bad.aliases:1: expected" "the error names the file and line"
rm -f "$idx/docket.aliases"

# -- a remote shard ------------------------------------------------------
if command -v xapian-tcpsrv >/dev/null; then
	start_server srv "$idx" || fail "serve-shard listens"
	printf 'remote 127.0.0.1:%s\n' "$port" >"$tmp/remote.stub"
	IDX=$tmp/remote.stub
	is "$(arts 'case:"delacroix v nimbus"')" "$delacroix" "case: through a remote shard"
	is "$(arts 'docket:3:25-cv-04418-RFL')" "legal/a01.txt legal/a02.txt legal/f02.txt " "docket: through a remote shard"
	is "$(d cases --index "$tmp/remote.stub" --json | jq -c .)" "$(jq -c . "$tmp/cases.json")" "docket cases through a remote shard: as local"
	lists() { d search --index "$1" --json --per-article 0 -n 200 -- 'case:delacroix' |
		jq -c 'select(.type == "hit") | [.passage_id, .cases, .dockets, .courts, .judges]'; }
	lists "$idx" >"$tmp/lists.local"
	is "$(grep -c -v Delacroix "$tmp/lists.local")" 0 "every hit of case:delacroix shows the case"
	ok "... passages past the first among them" grep -q -v '#1"' "$tmp/lists.local"
	is "$(lists "$tmp/remote.stub")" "$(lists "$idx")" \
		"each hit's article lists through a remote shard (read from its first passage there): as local"
	# article-level terms are on first passages only (schema 7): a remote
	# server widens them through the OR of the articles' XA terms
	pids() { d search --index "$1" --json --per-article 0 -n 500 -- "$2" | hits_field passage_id | sort | tr '\n' ' '; }
	for q in 'court:ndcal OR judge:szabo' 'docket:24-1234' 'the -court:ndcal -case:delacroix'; do
		pids "$idx" "$q" >"$tmp/pids.local"
		is "$(pids "$tmp/remote.stub" "$q")" "$(cat "$tmp/pids.local")" "$q through a remote shard: the passages found locally"
	done
	ok "... passages past the first among them" grep -q '#[2-9]' "$tmp/pids.local"
	unlike "$(cat "$tmp/pids.local")" 'a01\.txt|a02\.txt' "... and -court: rules out every passage of its articles"
	# more articles than one group of the remote widening (ARTICLE_GROUP,
	# 32): 75 articles of two passages name the court, 5 do not; passages
	# under 8 words, so that no two are copies (their fingerprints are of
	# their places in articles that differ)
	mkdir -p "$tmp/many"
	for i in $(seq 80); do
		court="in the N.D. Cal."
		[ "$i" -le 75 ] || court="in the county court"
		printf 'title: Filing %s\n\nSuit %s was filed %s.\n\nA hearing is set for spring.\n' \
			"$i" "$i" "$court" >"$tmp/many/m$i.txt"
	done
	d index --index "$tmp/manyidx" -q "$tmp/many"
	first_pid=$pid first_port=$port
	start_server many "$tmp/manyidx" || fail "serve-shard listens (many)"
	printf 'remote 127.0.0.1:%s\n' "$port" >"$tmp/many.stub"
	pids "$tmp/manyidx" 'court:ndcal' >"$tmp/many.local"
	is "$(wc -w <"$tmp/many.local" | tr -d ' ')" 150 "court: over 75 articles finds their 150 passages"
	is "$(pids "$tmp/many.stub" 'court:ndcal')" "$(cat "$tmp/many.local")" "... and through a remote shard the same"
	is "$(pids "$tmp/many.stub" 'hearing -court:ndcal' | wc -w | tr -d ' ')" 5 "... and -court: there leaves the other five"
	kill "$pid" 2>/dev/null
	pid=$first_pid port=$first_port
	printf 'SEC v. Kestrel Capital Partners => drop\n' >"$tmp/docket.aliases"
	unlike "$(d cases --index "$tmp/remote.stub")" '^SEC v' "docket.aliases beside the stub file applies"
	rm "$tmp/docket.aliases"

	# A hit's article lists are read when first asked for (docket.h), so
	# a caller that shows only snippets never pays for them: with the
	# server gone after the run, the snippets are still there, the first
	# passage's own lists too, and the first list read from another
	# passage's article fails and stops the hits with one line.
	build_helper "$tmp/shardq" "$DOCKET_TOP/tests/shards/shardq.c"
	PAUSE_MODE=--pause-lists paused_query "$tmp/remote.stub" --per-article 0 -n 200 'case:delacroix'
	kill "$pid"
	wait "$pid" 2>/dev/null
	echo go >&3
	exec 3>&-
	wait "$qpid"
	is "$?" 2 "lists read after the shard died: the read fails"
	sed '1,/^ready$/d' "$tmp/pause.out" >"$tmp/after"
	last=$(tail -n 1 "$tmp/after")
	echo "# last read: $last"
	like "$last" '#([2-9]|[1-9][0-9]+)	[1-9][0-9]*	$' \
		"... at a passage past its article's first, whose snippet was read at the run"
	is "$(sed '$d' "$tmp/after" | grep -c -v '#1	[1-9][0-9]*	Delacroix')" 0 \
		"... and every hit before it is a first passage, shown with its case"
	is "$(wc -l <"$tmp/pause.err")" 1 "... with one line"
	like "$(cat "$tmp/pause.err")" "(remote\.stub|127\.0\.0\.1:$port)" "... naming the stub or the shard"
else
	pass "# SKIP xapian-tools is not installed"
fi
done_testing
