#!/bin/sh
# t-stop-grace.sh — a stop is honoured even when a commit never ends.
#
# Xapian can spin for ever in a commit over a damaged shard, holding the
# lock; asked to stop, `docket index` then waits for a commit that never
# comes.  The shim's SHIM_HANG_AT_SYNC=N makes the Nth sync never return
# (signals still handled).  SIGTERM (and SIGINT) must end the run within
# its 10 s grace with exit 143 (130) and one line naming the index; the
# index must be usable (only whole articles) and a rerun must converge to
# the clean build.  A run that is not stuck stops at once (t-sigterm.sh).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

helpers || { fail "build the helpers"; done_testing; }
gen_corpus 24 3 "$tmp/corpus"
clean_build "$tmp/corpus" "$tmp/clean" --batch 4 || { fail "clean build"; done_testing; }
reference "$tmp/clean"
total=$(shim_count syncs "$tmp/corpus" --batch 4)
echo "# a whole run: ${total:-?} syncs"
ok "the run syncs often enough to hang in its middle" [ "${total:-0}" -gt 8 ]
at=$(( ${total:-8} / 2 ))

# stop SIGNAL CODE: hang at sync AT, then send SIGNAL; check the run ends
# within the grace with CODE and the line, then the index.
stop() {
	rm -rf "$tmp/index"
	# not with_shim: $! must be docket itself, not a subshell
	env LD_PRELOAD="$shim" SHIM_HANG_AT_SYNC="$at" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
		"$DOCKET" index --index "$tmp/index" --batch 4 -q "$tmp/corpus" 2>"$tmp/err" &
	pid=$!
	sleep 2 # a whole run takes well under a second
	ok "$1: the run is stuck (still running after 2 s)" kill -0 "$pid"
	start=$(date +%s)
	kill -"$1" "$pid"
	wait "$pid"
	rc=$?
	took=$(( $(date +%s) - start ))
	is "$rc" "$2" "$1 while stuck in a commit: exit $2"
	ok "$1: ended within the grace and not before it (${took} s)" \
		test "$took" -ge 9 -a "$took" -le 20
	like "$(cat "$tmp/err")" "^docket: $tmp/index: still busy 10 s after the signal to stop: stopped without the commit in progress" \
		"$1: one line names the index and what was lost"
	is "$(grep -c . "$tmp/err")" 1 "$1: and only that line"
	check_usable "$tmp/index" "$1: the index is usable, with whole articles only"
	d index --index "$tmp/index" --batch 4 -q "$tmp/corpus"
	ok "$1: a rerun converges to the clean build" same_content "$tmp/index"
}
stop TERM 143
stop INT 130
done_testing
