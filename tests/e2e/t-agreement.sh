#!/bin/sh
# t-agreement.sh — the words the highlighter finds are the terms the indexer
# stored.  For every passage of corpus/ (every document of every shard), its
# term list (xapian-delve) is compared by agree.c with token_scan() over the
# passage text (docket show --json), title and section: every word of the
# text has its stem as an unprefixed term, every unprefixed term is the stem
# of a word of the text, title or section, and no term has a prefix the
# schema lacks (no Z terms: schema 2 holds stems only).
. "$(dirname "$0")/lib.sh"
make_index

build_helper "$tmp/agree" "$DOCKET_TOP/tests/e2e/agree.c"

# The shard folders (a single-database index is its own shard).
shards=$(ls -d "$tmp/index"/shard-* 2>/dev/null)
[ -n "$shards" ] || shards=$tmp/index
passages=0 terms=0 words=0 docs=0
for sh in $shards; do
	name=$(basename "$sh")
	last=$(xapian-delve "$sh" | sed -n 's/^highest document id ever used = //p')
	docs=$((docs + $(xapian-delve "$sh" | sed -n 's/^number of documents = //p')))
	ok "$name: has documents ($last)" [ "${last:-0}" -gt 0 ] || continue
	xapian-delve -1 $(seq 1 "$last" | sed 's/^/-r /') "$sh" >"$tmp/terms" 2>"$tmp/delve.err"
	sed -n 's/^Q//p' "$tmp/terms" | while IFS= read -r id; do
		d show --index "$tmp/index" --json -C 0 -- "$id" || echo "# show $id failed" >&2
	done >"$tmp/passages" 2>"$tmp/show.err"
	is "$(cat "$tmp/show.err")" "" "$name: docket show finds every passage by its Q term"
	"$tmp/agree" "$tmp/terms" "$tmp/passages" >"$tmp/agree.out"
	rc=$?
	grep -v '^# counts' "$tmp/agree.out" | head -n 10
	set -- $(sed -n 's/^# counts //p' "$tmp/agree.out" | tr '=' ' ')
	[ $# -eq 6 ] || set -- passages 0 terms 0 words 0
	ok "$name: text words, stems and terms agree ($2 passages, $4 terms, $6 words)" [ "$rc" -eq 0 ]
	passages=$((passages + $2)) terms=$((terms + $4)) words=$((words + $6))
done
is "$passages" "$docs" "every document of every shard was compared"
ok "corpus/ makes over 100 passages ($passages)" [ "$passages" -gt 100 ]
# agree.c must be able to fail: drop a word every passage here uses (the
# first document's first term could be a title-only word, and which
# document comes first depends on the shard its file hashed to), then add
# a stray term.
grep -q '"text":"[^"]*\<the\>' "$tmp/passages" || fail "the passages use the word 'the'"
grep -v '^the$' "$tmp/terms" >"$tmp/terms.less"
ok "agree refuses a text word missing from the terms" sh -c "! '$tmp/agree' '$tmp/terms.less' '$tmp/passages' >/dev/null"
awk '{print} /^Q/ && !done {print "zzstrayterm"; done = 1}' "$tmp/terms" >"$tmp/terms.more"
ok "agree refuses a term that is no word" sh -c "! '$tmp/agree' '$tmp/terms.more' '$tmp/passages' >/dev/null"
awk '{print} /^Q/ && !done {print "Zthe"; done = 1}' "$tmp/terms" >"$tmp/terms.z"
ok "agree refuses a Z term (schema 1)" sh -c "! '$tmp/agree' '$tmp/terms.z' '$tmp/passages' >/dev/null"
echo "# counts: passages=$passages unprefixed_terms=$terms text_words=$words"
done_testing
