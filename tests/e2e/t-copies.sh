#!/bin/sh
# t-copies.sh — syndicated copies (tests/fixtures/copies/README.md): exact
# and edited copies collapse into one hit that lists its copies and its
# first report, different reporting of the same quote stays apart,
# whole-article duplicates collapse passage by passage, --copies shows
# them all, wire: filters by agency, `docket copies` lists and diffs;
# groups follow an update and a deletion of one copy, and are the same
# over 3 shards and over two remote shards.
. "$(dirname "$0")/lib.sh"

servers=
trap 'for p in $servers; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT

fx=$DOCKET_TOP/tests/fixtures/copies
cp -r "$fx" "$tmp/docs"
rm "$tmp/docs/README.md"
index() { # index IDX [OPTIONS...]: index $tmp/docs into IDX
	_i=$1
	shift
	if ! d index --index "$_i" -q "$@" "$tmp/docs" 2>"$tmp/index.err"; then
		fail "index into $_i"
		sed 's/^/#   /' "$tmp/index.err"
		done_testing
	fi
}
index "$tmp/idx"
q='"charter is not a suggestion"'
sj() { d search --index "$tmp/idx" --json "$@"; }
# one line per hit: passage_id, then the copies' passage ids, then the
# first report's passage id
summary() {
	jq -r 'select(.type == "hit") | [.passage_id, ([.copies[].passage_id] | join(",")), .first_reported.passage_id] | join(" ")'
}

# -- collapsing -------------------------------------------------------------
out=$(sj -- "$q")
printf '%s\n' "$out" | jsoncheck
is "$?" 0 "--json meets the hit contract (wire, copies, first_reported)"
got=$(printf '%s\n' "$out" | summary | sort)
is "$(printf '%s\n' "$got" | wc -l)" 2 "the quote: two hits, the agency paragraph's group and the staff story"
like "$got" "^docs/(ap-original|ledger-copy|sentinel-edit)\.txt#2 " "one hit stands for the group"
grp=$(printf '%s\n' "$got" | grep -v times-staff)
for f in ap-original ledger-copy sentinel-edit; do
	like "$grp" "docs/$f\.txt#2" "$f's paragraph is in the group (exact copy, re-wrapped, curly quotes; edited copy)"
done
like "$grp" " docs/ap-original\.txt#2\$" "first_reported is the agency's, the earliest"
like "$got" "^docs/times-staff\.txt#1  docs/times-staff\.txt#1\$" \
	"the staff story quoting the same words is no copy: no copies, first report itself"
like "$(printf '%s\n' "$out" | jq -r 'select(.first_reported.passage_id == "docs/ap-original.txt#2") | .first_reported | [.outlet, .date, .wire] | join("|")')" \
	"^Associated Press\|2026-03-10\|ap\$" "first_reported names the outlet, date and agency"
is "$(printf '%s\n' "$out" | jq -r 'select(.passage_id != "docs/times-staff.txt#1") | .copies | map(.date) | join(" ")')" \
	"$(printf '%s\n' "$out" | jq -r 'select(.passage_id != "docs/times-staff.txt#1") | .copies | map(.date) | sort | join(" ")')" \
	"copies are listed oldest first"

# the first paragraph: the edited copy (a reworded phrase) joins the exact ones
# (--title-weight 0: the headline "blocks Harbor City from selling" would
# also bring the article's other passages, found through it alone, last.)
got=$(sj --title-weight 0 -- '"blocked Harbor City from selling"' | summary)
is "$(printf '%s\n' "$got" | wc -l)" 1 "the first paragraph: one hit for dateline, no-dateline and reworded copies"
is "$(printf '%s\n' "$got" | tr ' ,' '\n\n' | grep -c '#1$' | tr -d ' ')" 4 \
	"hit, two copies and the first report: 3 articles' first paragraphs"

# text: one dimmed line with the copies and the first report
txt=$(d search --index "$tmp/idx" -- "$q")
like "$txt" "^   also in 2 others: .* · first: Associated Press \(ap\) 2026-03-10\$" \
	"text: one line 'also in 2 others: … · first: …'"

# --copies: every copy its own hit, still with its group
is "$(d search --index "$tmp/idx" --json --copies -- "$q" | summary | wc -l)" 4 \
	"--copies: every copy is a hit (3 copies and the staff story)"
like "$(d search --index "$tmp/idx" --json --copies -- "$q" | summary | grep ledger-copy)" \
	"ap-original\.txt#2.* docs/ap-original\.txt#2\$" "--copies: a copy still lists its group"
# the per-article cap counts a group once: with one passage per article, the
# group's hit and the staff story are both still there
is "$(d search --index "$tmp/idx" --json --per-article 1 -- "$q" | summary | wc -l)" 2 \
	"--per-article 1: the group counts once"

# -- wire agencies ----------------------------------------------------------
wires() { sj -n 100 --per-article 0 -- "$1" | hits_field article_id | sort -u | tr '\n' ' '; }
is "$(wires 'wire:ap')" "docs/ap-original.txt docs/ledger-copy.txt " \
	"wire:ap: the dateline article and the one with an AP credit line"
is "$(wires 'wire:reuters')" "docs/reuters-story.txt " "wire:reuters"
is "$(wires 'wire:afp')" "" "wire:afp: none"
is "$(sj -- 'Northline' | hits_field wire)" "reuters" "JSON wire of a Reuters story"
is "$(sj -- '"highest water rates"' | hits_field wire)" "" "JSON wire is \"\" for an article that says none"

# -- whole-article duplicates -----------------------------------------------
got=$(sj -n 20 --per-article 0 -- 'consolidation OR "filed Friday" OR fishing' | summary)
is "$(printf '%s\n' "$got" | wc -l | tr -d ' ')" 3 "an article saved twice: one hit per passage"
like "$got" "ruling-roundup( \(1\))?\.txt#2 docs/dup/ruling-roundup( \(1\))?\.txt#2 " \
	"its 3-word passage collapses too (the whole article's fingerprint)"

# -- docket copies ----------------------------------------------------------
c=$(d copies --index "$tmp/idx" --json docs/sentinel-edit.txt#1)
is "$(printf '%s\n' "$c" | jq -r .passage_id | tr '\n' ' ')" \
	"docs/ap-original.txt#1 docs/ledger-copy.txt#1 docs/sentinel-edit.txt#1 " \
	"copies: every copy, oldest first"
is "$(printf '%s\n' "$c" | jq -r '[.words_added, .words_removed] | join("/")' | tr '\n' ' ')" \
	"0/0 0/5 2/8 " "copies: words added/removed against the earliest (the dateline; it and a reworded phrase)"
is "$(printf '%s\n' "$c" | jq -c 'select(.outlet == "Valley Sentinel") | .changes')" \
	'[["-","HARBOR CITY, Ore. (AP) —"],["-","ruling"],["+","finding"],["-","the city"],["+","members"]]' \
	"copies --json: the changed runs"
txt=$(d copies --index "$tmp/idx" --color=never docs/sentinel-edit.txt#1)
like "$txt" "^   \+ finding\$" "copies: a compact diff on a terminal"
like "$txt" "^3 copies of docs/sentinel-edit.txt#1, oldest first\$" "copies: the heading"
d copies --index "$tmp/idx" docs/nothing.txt#1 >/dev/null 2>"$tmp/err"
is "$?" 1 "copies of a passage that is not there: exit 1"
like "$(cat "$tmp/err")" "no passage 'docs/nothing.txt#1'" "… with one line naming it"

# -- 3 shards ---------------------------------------------------------------
index "$tmp/idx3" --shards 3
is "$(d search --index "$tmp/idx3" --json -- "$q" | summary | sort)" \
	"$(sj -- "$q" | summary | sort)" "--shards 3: the same groups across shards"

# -- remote shards ----------------------------------------------------------
# two indexes, the agency's and the staff story in one, the copies in the other
mkdir -p "$tmp/a/docs" "$tmp/b/docs"
cp "$fx/ap-original.txt" "$fx/times-staff.txt" "$tmp/a/docs/"
cp "$fx/ledger-copy.txt" "$fx/sentinel-edit.txt" "$tmp/b/docs/"
d index --index "$tmp/a/idx" -q "$tmp/a/docs" && d index --index "$tmp/b/idx" -q "$tmp/b/docs" ||
	fail "index the halves"
if command -v xapian-tcpsrv >/dev/null && start_server a "$tmp/a/idx" && pa=$port &&
	start_server b "$tmp/b/idx" && pb=$port; then
	printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$pa" "$pb" >"$tmp/remote.stub"
	r=$(d search --index "$tmp/remote.stub" --json -- "$q" | summary | sort)
	is "$(printf '%s\n' "$r" | wc -l | tr -d ' ')" 2 "remote shards: the group is one hit"
	is "$r" "$(sj -- "$q" | summary | grep -v 'dup\|reuters' | sort)" \
		"remote shards: the same hit, copies and first report as one local index"
	like "$r" " docs/ap-original\.txt#2\$" "remote shards: first_reported from the servers' data"
	is "$(d copies --index "$tmp/remote.stub" --json docs/ledger-copy.txt#2 2>&1 | jq -r .outlet | tr '\n' ' ')" \
		"Associated Press Bay Ledger Valley Sentinel " "remote shards: docket copies"
else
	fail "remote shards: no xapian-tcpsrv, or no free port"
fi

# -- the copy marks (engine/marks.cc) ---------------------------------------
# A search of one index looks up the copies of the hits that docket.marks
# marks (a copy key another passage holds too) only: a copy indexed in a
# later run marks the passage it copies; with a shard's file missing or
# stale, or two indexes searched together, every hit is looked up, with
# the same groups.
halves=$(sj -- "$q" | summary | grep -v 'dup\|reuters' | sort)
trace() { DOCKET_COPY_TRACE=1 d search "$@" -- "$q" 2>&1 >/dev/null | sed -n 's/^docket: copies: //p'; }
mkdir -p "$tmp/later/docs"
cp "$fx/ap-original.txt" "$fx/times-staff.txt" "$tmp/later/docs/"
d index --index "$tmp/idxl" -q "$tmp/later/docs" || fail "index the agency's story alone"
cp "$fx/ledger-copy.txt" "$fx/sentinel-edit.txt" "$tmp/later/docs/"
for s in $(ls "$tmp/idxl" | grep '^shard-'); do cp "$tmp/idxl/$s/docket.marks" "$tmp/old-$s"; done
d index --index "$tmp/idxl" -q "$tmp/later/docs" || fail "index its copies in a second run"
is "$(d search --index "$tmp/idxl" --json -- "$q" | summary | sort)" "$halves" \
	"copies indexed in a later run: one group with the passage they copy"
is "$(trace --index "$tmp/idxl")" "marked hits looked up" "one index: only marked hits are looked up"
for s in $(ls "$tmp/idxl" | grep '^shard-'); do cp "$tmp/old-$s" "$tmp/idxl/$s/docket.marks"; done
is "$(trace --index "$tmp/idxl")" "every hit looked up (no current marks for this index)" \
	"marks older than their shards are not trusted"
is "$(d search --index "$tmp/idxl" --json -- "$q" | summary | sort)" "$halves" "… and the groups are the same"
s0=$(ls "$tmp/idxl" | grep '^shard-' | head -1)
rm "$tmp/idxl/$s0/docket.marks"
is "$(trace --index "$tmp/idxl")" "every hit looked up (no current marks for this index)" \
	"a shard's marks missing: every hit looked up"
d index --index "$tmp/idxl" -q "$tmp/later/docs" || fail "index again, nothing changed"
ok "an unchanged rerun writes the missing marks again" test -s "$tmp/idxl/$s0/docket.marks"
is "$(trace --index "$tmp/idxl")" "marked hits looked up" "… which are trusted again"
is "$(d search --index "$tmp/a/idx" --index "$tmp/b/idx" --json -- "$q" | summary | sort)" \
	"$halves" "two indexes searched together: copies across them"
is "$(trace --index "$tmp/a/idx" --index "$tmp/b/idx")" \
	"every hit looked up (no current marks for this index)" "… every hit looked up, the marks being each index's own"
if [ -s "$tmp/remote.stub" ]; then
	is "$(trace --index "$tmp/remote.stub")" "every hit looked up (no current marks for this index)" \
		"remote shards: every hit looked up (their marks are the servers' files)"
else
	fail "remote shards: no stub (see above)"
fi

# Marked are the passages a search would confirm as copies, not all that
# share a key: bench/gen's corpus has no copies, though its small
# vocabulary makes many passages share band keys.
marked() { # marked IDX: passages marked over all shards
	for f in "$1"/shard-*/docket.marks; do od -A n -t u4 -j 20 -N 4 "$f"; done |
		awk '{n += $1} END {print n + 0}'
}
"$DOCKET_BUILD/bench/gen" --articles 300 --seed 5 "$tmp/gen" >/dev/null || fail "generate a corpus"
d index --index "$tmp/genidx" -q "$tmp/gen" || fail "index it"
shared=$(xapian-delve -1 -v -A XB "$tmp/genidx" 2>/dev/null | awk '$2 + 0 > 1 {n++} END {print n + 0}')
ok "the generated corpus has band keys shared by several passages ($shared)" test "$shared" -gt 0
is "$(marked "$tmp/genidx")" 0 "… and no passage marked"
ok "the fixtures' copies are marked ($(marked "$tmp/idx"))" test "$(marked "$tmp/idx")" -gt 0

# On the syndication set (eval/copies/set: 25 agency stories and their
# copies) the groups a search shows through the marks are those it shows
# looking every hit up.
groups() { # groups IDX: the groups of five searches, 200 hits each
	for w in court judge ruling said the; do
		d search --index "$1" --json -n 200 --per-article 0 "$w" |
			jq -c 'select(.type == "hit") | [.passage_id, [.copies[].passage_id], .first_reported.passage_id]'
	done
}
d index --index "$tmp/setidx" -q "$DOCKET_TOP/eval/copies/set" || fail "index the syndication set"
ok "the syndication set's copies are marked ($(marked "$tmp/setidx"))" test "$(marked "$tmp/setidx")" -gt 100
with=$(groups "$tmp/setidx")
for f in "$tmp"/setidx/shard-*/docket.marks; do rm "$f"; done
is "$(groups "$tmp/setidx")" "$with" "the syndication set: the same groups through the marks as looking every hit up"
n=$(printf '%s\n' "$with" | grep -vc '",\[\],"')
ok "… $n of whose hits have copies" test "$n" -gt 50

# -- an update and a deletion of one copy -----------------------------------
printf 'title: Water sale\noutlet: Valley Sentinel\ndate: 2026-03-12\n\nThe utility board met on Wednesday to discuss rates and heard from residents about a proposed sale, but took no vote.\n' \
	>"$tmp/docs/sentinel-edit.txt"
rm "$tmp/docs/ledger-copy.txt"
index "$tmp/idx"
got=$(sj -- "$q" | summary | grep -v times-staff)
is "$got" "docs/ap-original.txt#2  docs/ap-original.txt#2" \
	"after updating one copy and deleting another: the agency's paragraph stands alone"
rm "$tmp/docs/ap-original.txt"
cp "$fx/ledger-copy.txt" "$tmp/docs/"
index "$tmp/idx"
is "$(sj -- '"blocked Harbor City from selling"' | summary)" \
	"docs/ledger-copy.txt#1  docs/ledger-copy.txt#1" \
	"after deleting the earliest: the next copy is its own first report"

# -- a paragraph run by 40 outlets ------------------------------------------
# More than 32 passages (BAND_TERM_MAX) hold each of its band keys, so the
# search does not look them up; its exact copies are still found, by the
# rarest band and the same signature value (schema 6 has no fingerprint
# term on a banded passage).
mkdir -p "$tmp/many"
for i in $(seq 1 40); do
	printf 'title: Story %s\noutlet: Outlet %s\ndate: 2026-03-%02d\n\nThe water board approved the quarry permit after a hearing that ran past midnight, with six votes in favour and one against.\n\nLocal note number %s about the outlet.\n' \
		"$i" "$i" $((i % 28 + 1)) "$i" >"$tmp/many/s$i.txt"
done
d index --index "$tmp/many.idx" -q "$tmp/many" || fail "index 40 copies"
many=$(d search --index "$tmp/many.idx" --json -- 'quarry permit midnight')
is "$(printf '%s\n' "$many" | jq -s '[.[] | select(.type == "hit")] | length')" 1 \
	"40 exact copies: one hit"
is "$(printf '%s\n' "$many" | jq -r 'select(.type == "hit") | .copies | length')" 39 \
	"... listing the 39 others"
is "$(printf '%s\n' "$many" | jq -r 'select(.type == "hit") | .first_reported.date')" "2026-03-01" \
	"... and the earliest as the first report"

# -- near copies whose band keys many passages hold ----------------------
# 80 passages differing in one number: their band keys are each held by
# 60-70 of them (over BAND_TERM_MAX), so neither the marks nor a group's
# look-up count them.  A search without marks dropped 77 of the 80 hits
# as copies of the other three and listed them nowhere.  Now the hits are
# the same with and without the marks, and every match is a hit or listed
# among a hit's copies.
mkdir -p "$tmp/near"
for i in $(seq 80); do
	where="in the state court"
	[ "$i" -le 75 ] || where="in the county court"
	printf 'title: Filing %s\n\nThe plaintiffs filed suit %s over fees, case %s.\n' "$i" "$where" "$i" \
		>"$tmp/near/n$i.txt"
done
d index --index "$tmp/nearidx" -q "$tmp/near"
near() { d search --index "$tmp/nearidx" --json --per-article 0 -n 500 -- plaintiffs |
	jq -r 'select(.type == "hit") | [.passage_id] + [.copies[].passage_id] | join(" ")'; }
near >"$tmp/near.marked"
rm -f "$tmp"/nearidx/shard-*/docket.marks
near >"$tmp/near.unmarked"
is "$(cat "$tmp/near.unmarked")" "$(cat "$tmp/near.marked")" "near copies: the same hits and copies without the marks as with them"
is "$(tr ' ' '\n' <"$tmp/near.unmarked" | sort -u | wc -l | tr -d ' ')" 80 \
	"... and each of the 80 matches is a hit or a listed copy"
is "$(grep -c ' ' "$tmp/near.unmarked")" 1 "... the five county passages (keys only they hold) one group"
done_testing
