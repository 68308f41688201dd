#!/bin/sh
# t-schema.sh — the index layout of common/schema.h, version 7 (stems only;
# no headline copies; an article's legal lists in its first passage's
# record only; short copy terms), on a tiny index of one shard read with xapian-delve:
# body words are their stems with positions (numbers as typed), title words
# are S+stem with positions and no unprefixed copy, there is no Z term and
# no unstemmed copy; slot 14 holds the order key of equal scores.  Then what it means for searching: a phrase matches its
# words in any form and still lights the words of the text.  Last, an index
# of another schema version is refused with one line saying to rebuild it.
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/docs"
printf 'Court rulings\n\nThe defendants filed motions to dismiss in 2019, after 24hours of talks.\n\nApples were stormed.\n' \
	>"$tmp/docs/a.txt"
if ! d index --index "$tmp/idx" --shards 1 -q "$tmp/docs" 2>"$tmp/err"; then
	fail "index the tiny folder"
	sed 's/^/#   /' "$tmp/err"
	done_testing
fi
sh0=$tmp/idx/shard-0
ok "one shard" [ -d "$sh0" ]

# -- the terms ------------------------------------------------------------

xapian-delve -1 -a "$sh0" | sed 1d >"$tmp/terms"
has() { grep -qx -- "$1" "$tmp/terms"; }
is "$(grep -c '^Z' "$tmp/terms")" 0 "no Z terms"
for t in defend file motion dismiss talk appl storm; do
	ok "the stem '$t' is a term" has "$t"
done
for t in defendants filed motions apples stormed; do
	ok "no unstemmed '$t'" sh -c "! grep -qx -- '$t' '$tmp/terms'"
done
ok "a number is kept as typed: 2019" has 2019
ok "a word starting with a digit is not stemmed: 24hours" has 24hours
ok "no '24hour'" sh -c "! grep -qx 24hour '$tmp/terms'"
ok "title words are S + stem: Scourt, Srule" sh -c "grep -qx Scourt '$tmp/terms' && grep -qx Srule '$tmp/terms'"

# The passage holding "motions" (record ids follow the order of indexing).
rec=
for r in 1 2; do
	xapian-delve -1 -r "$r" "$sh0" | grep -qx motion && rec=$r
done
ok "a record holds 'motion'" [ -n "$rec" ]
# positions TERM: the position list of TERM in that record, space-separated.
positions() {
	xapian-delve -1 -r "$rec" -t "$1" "$sh0" | sed 1d | tr '\n' ' ' | sed 's/ $//'
}
is "$(positions motion)" 4 "the body stem 'motion' carries its position"
is "$(positions dismiss)" 6 "and 'dismiss' its own"
is "$(positions 2019)" 8 "a number carries its position"
is "$(positions Srule)" 2 "a title stem carries its position in the title"
ok "no unprefixed copy of a title word: no 'rule' (schema 4)" sh -c "! grep -qx rule '$tmp/terms'"

# -- schema 3: values for counting, event dates ------------------------------

mkdir -p "$tmp/docs3"
printf 'title: Court rulings\noutlet: The Gavel\nauthor: Ann Lee\ndate: 2026-03-12\n\nThe judge ruled on Monday, and a hearing was held March 4-6. (reuters.com) (wired.com)\n' \
	>"$tmp/docs3/a.txt"
d index --index "$tmp/idx3" --shards 1 -q "$tmp/docs3"
vals=$(xapian-delve -V -r 1 "$tmp/idx3/shard-0" | head -n 1)
like "$vals" ' 2:The Gavel ' "slot 2: the outlet as written"
like "$vals" ' 3:\\x0breuters\.com\\x09wired\.com ' "slot 3: the sources as a list (LEB128 length, bytes)"
like "$vals" ' 4:Ann Lee ' "slot 4: the author"
like "$vals" ' 14:[0-9a-f]{16}00000001$' "slot 14: the article key and the passage number, in hex"
like "$vals" ' 13:\\x0820260304\\x0820260305\\x0820260306\\x0820260309 14:' \
	"slot 13: the event dates as a list of YYYYMMDD (March 4-6, and Monday before 2026-03-12)"
akey=$(xapian-delve -V1 -r 1 "$tmp/idx3/shard-0" | sed -n 's/^Value 1 for record #1: //p')
like "$vals" " 14:${akey}00000001" "slot 14 starts with the article key of slot 1"
is "$(xapian-delve -1 -a "$tmp/idx3/shard-0" | grep '^XE' | tr '\n' ' ')" \
	"XE20260304 XE20260305 XE20260306 XE20260309 " "one XE term per event day"
is "$(d search --index "$tmp/idx3" --json judge | jq -c 'select(.type == "hit") | .event_dates')" \
	'["2026-03-04","2026-03-05","2026-03-06","2026-03-09"]' "the hit's event_dates"

# A one-passage article's headline words are also words of its passage, at
# wdf 2, positioned past 1 << 24 (schema.h, ONE_PASSAGE_TITLE_WDF), so
# phrases hold inside the headline and never run into the text.
is "$(xapian-delve -1 -r 1 -t rule "$tmp/idx3/shard-0" | sed 1d | tr '\n' ' ')" "3 16777218 " \
	"one passage: the text's 'ruled' at 3, the headline's 'rulings' at 2 + 2^24"
like "$(xapian-delve -t rule "$tmp/idx3/shard-0")" 'collfreq 3,' "... the headline's at wdf 2: 3 in all"
hits() { d search --index "$1" --json -- "$2" | jq -s '[.[] | select(.type == "hit")] | length'; }
is "$(hits "$tmp/idx3" '"court rulings"')" 1 "a phrase of the headline finds the one passage"
is "$(hits "$tmp/idx3" '"rulings the judge"')" 0 "no phrase from the headline's end into the text"
is "$(hits "$tmp/idx" '"rulings the defendants"')" 0 "nor in an article of two passages"

# -- schema 5: the article's legal lists on its first passage only ----------

# On every passage the lists were 1.9 MB of the 4.8 MB legal added to a
# 1k-article index; each hit still shows its article's, read from there.
mkdir -p "$tmp/docs5"
printf 'title: A ruling on the orchard\n\nJudge Rita Lindqvist heard Delacroix v. Nimbus, No. 3:25-cv-04418, in the N.D. Cal.\n\nThe parties argued for hours.\n\nLater the jurors saw PX-17 about the orchard.\n' \
	>"$tmp/docs5/a.txt"
d index --index "$tmp/idx5" --shards 1 -q "$tmp/docs5"
data() { xapian-delve -d -r "$1" "$tmp/idx5/shard-0"; }
like "$(data 1)" 'Delacroix v\. Nimbus' "the first passage's record holds the article's case"
like "$(data 1)" 'N\.D\. Cal\.' "... and its court"
unlike "$(data 3)" 'Delacroix v\. Nimbus' "the third passage's record does not"
unlike "$(data 3)" 'Lindqvist' "... nor the judge"
like "$(data 3)" 'px-17|PX-17' "it holds its own record cite"
hit5() { d search --index "$tmp/idx5" --json -- "$1" | jq -c "select(.type == \"hit\") | $2"; }
is "$(hit5 jurors '[.cases, .courts, .judges, .dockets, .record_cites]')" \
	'[["Delacroix v. Nimbus"],["N.D. Cal."],["Rita Lindqvist"],["25-cv-4418"],["PX-17"]]' \
	"a hit on the third passage shows its article's lists and its own cite"
is "$(hit5 hours '.cases')" '["Delacroix v. Nimbus"]' "... and on the second"
is "$(hit5 'hours case:delacroix' '.passage_id' | wc -l)" 1 "case: still filters every passage"

# -- schema 6: the copy terms --------------------------------------------

# A passage of 12 words or more holds its 4 band terms ("XB" + 6 base-64
# characters) and no fingerprint term (its exact copies share its bands);
# a shorter one holds the fingerprint term: 1.077 -> 1.048 of the index
# without copies at 20,000 articles.
mkdir -p "$tmp/docs6"
printf 'title: Copies\n\nThe appeals panel heard two hours of argument about the merger on a cold Tuesday morning downtown.\n\nThe panel ruled against the lender today.\n' \
	>"$tmp/docs6/a.txt"
d index --index "$tmp/idx6" --shards 1 -q "$tmp/docs6"
terms6() { xapian-delve -1 -r "$1" "$tmp/idx6/shard-0" | sed 1d; }
is "$(terms6 1 | grep -c '^XB')" 4 "a long passage holds four band terms"
is "$(terms6 1 | grep '^XB' | awk '{ if (length($0) != 8) bad = 1 } END { print bad + 0 }')" 0 \
	"... each of 8 bytes"
is "$(terms6 1 | grep -c '^XP')" 0 "... and no fingerprint term"
is "$(terms6 2 | grep -c '^XP')" 1 "a short passage holds a fingerprint term"
is "$(terms6 2 | grep -c '^XB')" 0 "... and no band terms"

# -- schema 7: article-level legal terms on the first passage only ------

# On every passage they were most of the 1.081x the size legal brought a
# 20,000-article index to; a query widens them to the article's passages.
terms5() { xapian-delve -1 -r "$1" "$tmp/idx5/shard-0" | sed 1d; }
for p in XK XN XT XJ; do
	is "$(terms5 1 | grep -c "^$p" | awk '{ print ($1 > 0) }')" 1 "the first passage holds the article's $p terms"
	is "$(terms5 3 | grep -c "^$p")" 0 "... the third does not"
done
is "$(terms5 3 | grep -c '^XR')" 1 "the third holds its own record cite's XR term"
pids5() { d search --index "$tmp/idx5" --json --per-article 0 -n 50 -- "$1" | jq -r 'select(.type == "hit") | .passage_id' | sort | tr '\n' ' '; }
for q in 'case:delacroix' 'docket:25-cv-4418' 'court:ndcal' 'judge:lindqvist'; do
	is "$(pids5 "jurors $q")" "docs5/a.txt#3 " "$q filters the third passage in"
	is "$(pids5 "$q")" "docs5/a.txt#1 docs5/a.txt#2 docs5/a.txt#3 " "... and alone finds every passage"
	is "$(pids5 "jurors -$q")" "" "... and -$q rules every passage out"
done
is "$(pids5 'jurors OR court:ca9')" "docs5/a.txt#3 " "an article-level field that matches no article matches no passage"
# a changed file: its article's terms move with its first passage
printf '\nA fourth paragraph about the orchard came later.\n' >>"$tmp/docs5/a.txt"
d index --index "$tmp/idx5" --shards 1 -q "$tmp/docs5"
is "$(pids5 'court:ndcal')" "docs5/a.txt#1 docs5/a.txt#2 docs5/a.txt#3 docs5/a.txt#4 " \
	"after a change, court: finds the passage added at the end too"
sed -i 's/in the N\.D\. Cal\./in the D. Mass./' "$tmp/docs5/a.txt"
d index --index "$tmp/idx5" --shards 1 -q "$tmp/docs5"
is "$(pids5 'court:ndcal')" "" "... and, once the court is no longer named, no passage"
is "$(pids5 'court:dmass')" "docs5/a.txt#1 docs5/a.txt#2 docs5/a.txt#3 docs5/a.txt#4 " "... but the one it names now, on every passage"

# -- searching ------------------------------------------------------------

lit() { # the highlighted pieces of each hit, one hit a line
	d search --index "$tmp/idx" --json -- "$1" |
		jq -r 'select(.type == "hit") | .text as $t | [.highlights[] | $t[.[0]:.[1]]] | join("|")'
}
is "$(lit '"motion to dismiss"')" "motions to dismiss" \
	"a phrase matches an inflected form and lights it whole"
is "$(lit '"defendant file motion"')" "defendants filed motions" "every word of it may be inflected"
is "$(lit '"dismiss to motion"')" "" "the words still have to be in order"
is "$(lit 'motions NEAR/2 dismissed')" "motions to dismiss" "NEAR matches stems too"
is "$(lit 'Apple')" "Apples" "a Capitalised word is stemmed too"
is "$(lit '2019')" "2019" "a number is found and lit"
is "$(lit '24hours')" "24hours" "so is a word starting with a digit"
is "$(d search --index "$tmp/idx" --json -n 10 -- 'title:ruling' | jq -s '[.[] | select(.type == "hit")] | length')" 2 \
	"title:ruling finds both passages by their title's stem"

# -- another schema version ---------------------------------------------

build_helper "$tmp/setmeta" "$DOCKET_TOP/tests/e2e/setmeta.c"
# Schema 3 as main built it (headline copies in every passage, no slot 14)
# would rank and match phrases wrongly here: refused, with how to rebuild.
ok "fake a schema-3 index" "$tmp/setmeta" "$sh0" docket.schema 3
d search --index "$tmp/idx" motion >/dev/null 2>"$tmp/err"
is "$?" 2 "search of a schema-3 index: exit 2"
is "$(cat "$tmp/err")" "docket: $tmp/idx: index schema version 3; this docket reads 7: rebuild it (remove the folder, run 'docket index' again)" \
	"one line: rebuild it"
ok "fake a schema-1 index" "$tmp/setmeta" "$sh0" docket.schema 1
want="docket: $tmp/idx: index schema version 1; this docket reads 7: rebuild it (remove the folder, run 'docket index' again)"
d search --index "$tmp/idx" motion >/dev/null 2>"$tmp/err"
is "$?" 2 "search of a schema-1 index: exit 2"
is "$(cat "$tmp/err")" "$want" "one line saying what to do"
d index --index "$tmp/idx" -q "$tmp/docs" 2>"$tmp/err"
is "$?" 2 "indexing into it: exit 2"
is "$(cat "$tmp/err")" "$want" "the same line"
rm -rf "$tmp/idx"
d index --index "$tmp/idx" -q "$tmp/docs" && d search --index "$tmp/idx" motion >/dev/null
ok "removing the folder and indexing again works" [ $? -eq 0 ]
done_testing
