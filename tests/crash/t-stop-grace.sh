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

mid_run_setup hang

# stop SIGNAL CODE: hang at sync AT, then send SIGNAL; check the run ends
# within the grace with CODE and the line, then the index.
stop() {
	shim_index --bg SHIM_HANG_AT_SYNC="$at"
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
	one_line_then_sound "$1" "^docket: $tmp/index: still busy 10 s after the signal to stop: stopped without the commit in progress"
}
stop TERM 143
stop INT 130
done_testing
