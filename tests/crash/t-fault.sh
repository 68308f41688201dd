#!/bin/sh
# t-fault.sh — a writer that dies of a memory fault, or of glibc's abort
# on a damaged heap, in the middle of a commit says so in one line naming
# the index and the shard, exits 2, and loses nothing committed.
#
# Xapian 1.4.22 reading a damaged shard can fault, or damage the heap so
# that glibc aborts, inside a commit where no exception handler sees it.
# The shim's SHIM_RAISE_AT_SYNC=N raises the signal in the thread making
# the Nth sync (the worker committing its shard).  cli/crash.c's handler
# must print "docket: INDEX (shard K): crashed writing the index (memory
# fault|aborted); ... docket check --index INDEX ..." and exit 2; the
# index must be usable (whole articles only) and a rerun must converge to
# the clean build.  A reader's line is t-messages.sh's.
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

helpers || { fail "build the helpers"; done_testing; }
gen_corpus 24 3 "$tmp/corpus"
clean_build "$tmp/corpus" "$tmp/clean" --batch 4 || { fail "clean build"; done_testing; }
reference "$tmp/clean"
total=$(shim_count syncs "$tmp/corpus" --batch 4)
echo "# a whole run: ${total:-?} syncs"
ok "the run syncs often enough to fault in its middle" [ "${total:-0}" -gt 8 ]
at=$(( ${total:-8} / 2 ))

# fault SIGNUM CAUSE
fault() {
	rm -rf "$tmp/index"
	env LD_PRELOAD="$shim" SHIM_RAISE_AT_SYNC="$at" SHIM_RAISE="$1" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0:handle_segv=0:handle_abort=0" \
		"$DOCKET" index --index "$tmp/index" --batch 4 -q "$tmp/corpus" 2>"$tmp/err"
	is "$?" 2 "signal $1 in a commit: exit 2"
	like "$(cat "$tmp/err")" "^docket: $tmp/index \\(shard [0-9]+\\): crashed writing the index \\($2\\); a damaged shard does this, and so can a write that failed \\(a full disk\\): run 'docket check --index $tmp/index'" \
		"... one line naming the index, the shard, the cause and what to run"
	is "$(grep -c . "$tmp/err")" 1 "... and only that line"
	check_usable "$tmp/index" "signal $1: the index is usable, with whole articles only"
	d index --index "$tmp/index" --batch 4 -q "$tmp/corpus"
	ok "signal $1: a rerun converges to the clean build" same_content "$tmp/index"
}
fault 11 "memory fault"
fault 6 aborted
done_testing
