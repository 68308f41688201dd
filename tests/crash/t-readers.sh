#!/bin/sh
# t-readers.sh — searches while the indexer commits: no query may fail and
# no hit may point at a passage that cannot be read.
#
# The indexer adds a generated corpus in small batches (many commits), then
# four bulk loads that merge into the shards and swap their generations;
# meanwhile 4 reader processes loop over a few `docket search --json`
# queries, and for each query `docket show` the first hits.  Articles are
# only added here, so every hit must stay readable.  Counts are printed.
#
# Knobs: DOCKET_CRASH_READ_ARTICLES (200), DOCKET_CRASH_READ_BATCH (5).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

articles=${DOCKET_CRASH_READ_ARTICLES:-200}
batch=${DOCKET_CRASH_READ_BATCH:-5}
helpers || { fail "build the helpers"; done_testing; }
gen_corpus "$articles" 3 "$tmp/corpus"
idx=$tmp/index
# An index with one article first, so that readers never meet "no index".
mkdir -p "$tmp/first"
cp "$tmp/corpus/000/000000.txt" "$tmp/first/"
"$DOCKET" index --index "$idx" -q "$tmp/first" || { fail "seed index"; done_testing; }

# reader K: loop until $tmp/stop exists; write "queries failures shows
# badshows" to $tmp/reader.K.
reader() {
	nq=0 nfail=0 nshow=0 nbad=0
	while [ ! -f "$tmp/stop" ]; do
		for q in court 'judge appeal' '"motion to dismiss"' 'title:ruling' 'secur*'; do
			"$DOCKET" search --index "$idx" --json -n 5 -- "$q" \
				>"$tmp/r$1.out" 2>"$tmp/r$1.err"
			rc=$?
			nq=$((nq + 1))
			if [ "$rc" -gt 1 ]; then
				nfail=$((nfail + 1))
				while IFS= read -r line; do
					printf '# reader %s: %s: %s\n' "$1" "$q" "$line"
				done <"$tmp/r$1.err" >>"$tmp/r$1.log"
				continue
			fi
			for id in $(jq -r 'select(.type == "hit") | .passage_id' "$tmp/r$1.out" | head -n 2); do
				nshow=$((nshow + 1))
				if ! "$DOCKET" show --index "$idx" "$id" >/dev/null 2>"$tmp/r$1.err"; then
					nbad=$((nbad + 1))
					while IFS= read -r line; do
						printf '# reader %s: show %s: %s\n' "$1" "$id" "$line"
					done <"$tmp/r$1.err" >>"$tmp/r$1.log"
				fi
			done
		done
	done
	echo "$nq $nfail $nshow $nbad" >"$tmp/reader.$1"
}

for k in 1 2 3 4; do
	reader "$k" &
done
start=$(date +%s%N)
"$DOCKET" index --index "$idx" --batch "$batch" -q "$tmp/corpus" 2>"$tmp/index.err"
irc=$?
# Then bulk loads: each stages its new files and merges them into every
# shard, swapping in a new generation under the readers' feet.
gens=$(cat "$idx/XAPIANDB")
for round in 1 2 3 4; do
	[ "$irc" -eq 0 ] || break
	gen_corpus 80 $((10 + round)) "$tmp/more$round"
	"$DOCKET" index --index "$idx" --batch 1 -q "$tmp/more$round" 2>>"$tmp/index.err"
	irc=$?
done
secs_ms=$((($(date +%s%N) - start) / 1000000))
touch "$tmp/stop"
wait
is "$irc" 0 "the indexer finished while 4 readers searched"
ok "the bulk loads swapped in new shard generations" [ "$(cat "$idx/XAPIANDB")" != "$gens" ]
sed 's/^/#   /' "$tmp/index.err"
cat "$tmp/reader.1" "$tmp/reader.2" "$tmp/reader.3" "$tmp/reader.4" >"$tmp/readers"
set -- $(awk '{ q += $1; f += $2; s += $3; b += $4 } END { print q + 0, f + 0, s + 0, b + 0 }' "$tmp/readers")
echo "# indexing ${secs_ms} ms, $((articles / batch + 1)) commits: $1 queries, $2 failed; $3 hits shown, $4 unreadable"
cat "$tmp"/r*.log 2>/dev/null | head -n 10
is "$2" 0 "no query failed during indexing ($1 run)"
is "$4" 0 "every hit could be shown ($3 shown)"
[ "$1" -ge 20 ] && pass "readers ran during indexing ($1 queries)" ||
	fail "readers ran during indexing (only $1 queries)"
done_testing
