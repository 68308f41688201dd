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

mid_run_setup fault

line() {
	echo "^docket: $tmp/index \\(shard [0-9]+\\): crashed writing the index \\($1\\); a damaged shard does this, and so can a write that failed \\(a full disk\\): run 'docket check --index $tmp/index'"
}

# fault SIGNUM CAUSE
fault() {
	shim_index SHIM_RAISE_AT_SYNC="$at" SHIM_RAISE="$1"
	is "$?" 2 "signal $1 in a commit: exit 2"
	one_line_then_sound "signal $1" "$(line "$2")"
}
fault 11 "memory fault"
fault 6 aborted

# Two writers dying at the same moment (two shards' commits aborting on a
# disk that stays full): the second signal must not take the default
# action (exit 134, no line).  Repeated, as the race is a matter of
# microseconds; one run and one line each.
runs=${DOCKET_CRASH_PAIR_RUNS:-6}
bad=0
for sig in 6 11; do
	for i in $(seq "$runs"); do
		shim_index SHIM_RAISE_AT_SYNC="$at" SHIM_RAISE="$sig" SHIM_RAISE_THREADS=2
		rc=$?
		[ "$rc" -eq 2 ] && [ "$(grep -c . "$tmp/err")" -eq 1 ] || {
			bad=$((bad + 1))
			echo "# signal $sig in two threads, run $i: exit $rc: $(head -c 200 "$tmp/err")"
		}
	done
done
is "$bad" 0 "signals 6 and 11 in two threads at once, $runs runs each: exit 2 and one line every time"
cause="memory fault" # the last run's signal, 11
one_line_then_sound "signal 11 in two threads" "$(line "$cause")"
done_testing
