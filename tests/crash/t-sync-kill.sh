#!/bin/sh
# t-sync-kill.sh — kill the indexer at its Nth sync, for N = 1, 2, 3, ...
# until a run finishes; after each kill the index must be usable and a
# rerun must converge to the clean build.
#
# Xapian syncs every table it changed when it commits, so the shim's
# SHIM_KILL_AT_SYNC=N stops the process in every phase of every commit in
# turn (before the Nth sync: the data written, the sync not done).  Each N
# starts from an empty index.  Two phases: small batches (many commits; the
# few files staged after the first batch are copied into the shards), then
# a bulk load with --batch 1 whose staged files are merged into a new
# generation of each shard (the merged tables' syncs, the stub's, the
# folder's: every step of the swap).
#
# Knobs: DOCKET_CRASH_SYNC_ARTICLES (20), DOCKET_CRASH_SYNC_BATCH (4),
# DOCKET_CRASH_SYNC_BULK (150 articles for the merge phase, 0 to skip),
# DOCKET_CRASH_SYNC_MAX (500, a bound in case runs never finish).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

max=${DOCKET_CRASH_SYNC_MAX:-500}

# phase ARTICLES SEED BATCH: generate a corpus, then kill at every sync.
phase() {
articles=$1 batch=$3
rm -rf "$tmp/corpus" "$tmp/clean"
gen_corpus "$articles" "$2" "$tmp/corpus"
clean_build "$tmp/corpus" "$tmp/clean" --batch "$batch" || { fail "clean build"; done_testing; }
reference "$tmp/clean"

# How many syncs does a whole run make?
total=$(shim_count syncs "$tmp/corpus" --batch "$batch")
echo "# a whole run of $articles articles, batch $batch: ${total:-?} syncs"
[ "${total:-0}" -gt 0 ] && pass "the shim sees the indexer's syncs" ||
	fail "the shim sees the indexer's syncs"

idx=$tmp/index
n=0 bad=0 done_at=
while [ "$n" -lt "$max" ]; do
	n=$((n + 1))
	rm -rf "$idx"
	with_shim SHIM_KILL_AT_SYNC="$n" "$DOCKET" index --index "$idx" \
		--batch "$batch" -q "$tmp/corpus" 2>"$tmp/run.err"
	rc=$?
	if [ "$rc" -eq 0 ]; then
		done_at=$n
		break
	fi
	if [ "$rc" -ne 137 ]; then
		fail "sync $n: indexer exit $rc instead of being killed"
		sed 's/^/#   /' "$tmp/run.err"
		bad=$((bad + 1))
		continue
	fi
	check_usable "$idx" "killed at sync $n: index usable" || bad=$((bad + 1))
	"$DOCKET" index --index "$idx" --batch "$batch" -q "$tmp/corpus" 2>"$tmp/run.err"
	rc=$?
	if [ "$rc" -ne 0 ] || ! same_content "$idx"; then
		fail "killed at sync $n: a rerun converges (exit $rc)"
		sed 's/^/#   /' "$tmp/run.err"
		bad=$((bad + 1))
	else
		pass "killed at sync $n: a rerun converges"
	fi
done
if [ -n "$done_at" ]; then
	pass "the run with SHIM_KILL_AT_SYNC=$done_at finished (killed at syncs 1..$((done_at - 1)))"
	is "$((done_at - 1))" "$total" "every sync of a whole run was a kill point"
	check_same "$idx" "that run equals the clean build (content and answers)"
else
	fail "no run finished within $max syncs"
fi
echo "# $articles articles, batch $batch: killed at syncs 1..$((n - 1)), $bad bad"
}

helpers || { fail "build the helpers"; done_testing; }
phase "${DOCKET_CRASH_SYNC_ARTICLES:-20}" 2 "${DOCKET_CRASH_SYNC_BATCH:-4}"
bulk=${DOCKET_CRASH_SYNC_BULK:-150}
if [ "$bulk" -gt 0 ]; then
	phase "$bulk" 7 1
	ok "the bulk load merged: the stub names a new generation" \
		grep -q '^auto shard-[0-9]*\.[1-9]' "$tmp/index/XAPIANDB"
fi
done_testing
