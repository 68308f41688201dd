#!/bin/sh
# t-stall.sh — a run stuck spinning ends by itself, with nobody to stop it.
#
# Xapian can spin for ever in a commit over a damaged shard: 100% CPU, no
# system call, the writer lock held.  A run started by cron gets no
# signal, so `docket index` watches its own threads (cli/stall.c): one
# that has spent DOCKET_STALL_S seconds on the CPU without reading or
# writing a byte ends the run, exit 2, one line naming the index and the
# shard.  The shim's SHIM_SPIN_AT_SYNC=N makes the Nth sync spin so.  The
# index must be usable (whole articles only) and a rerun must converge to
# the clean build.  The same run with the watchdog off is still spinning
# after 10 s (the shim's spin never ends: the watchdog ended the other),
# and a run that is not stuck is not stopped (every other test runs with
# the watchdog on, at its default).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

mid_run_setup spin

# spin STALL: spin at sync AT with DOCKET_STALL_S=STALL, in the background
# ($pid is docket itself, not a subshell).
spin() {
	shim_index --bg SHIM_SPIN_AT_SYNC="$at" DOCKET_STALL_S="$1"
	pid=$!
}

spin 0
sleep 10
ok "with the watchdog off (DOCKET_STALL_S=0) the run still spins after 10 s" kill -0 "$pid"
kill -9 "$pid"
wait "$pid" 2>/dev/null

spin 3
start=$(date +%s)
wait "$pid"
rc=$?
took=$(( $(date +%s) - start ))
is "$rc" 2 "a run spinning without I/O ends by itself: exit 2"
# (the upper bound is loose: a loaded machine samples late; the spin
# itself never ends, as the run above shows)
ok "... not before the 3 s asked for, and by itself (${took} s)" \
	test "$took" -ge 3 -a "$took" -le 60
one_line_then_sound spin "^docket: $tmp/index \\(shard [0-9]+\\): busy 3 s on the CPU without reading or writing anything, .*stopped without the commit in progress .*docket check --index $tmp/index'\$"
done_testing
