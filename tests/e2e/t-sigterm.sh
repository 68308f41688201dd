#!/bin/sh
# t-sigterm.sh — SIGTERM during `docket index` is honoured (issue 15): the
# run stops, commits the files complete so far, releases the lock and
# exits 143 (SIGINT: 130); the index is whole (docket check clean), holds
# what was committed, and a rerun finishes it to equal a run never
# interrupted.  The signal is sent once the run has reported 40 files, so
# nothing depends on timing.
. "$(dirname "$0")/lib.sh"
gen=$DOCKET_BUILD/bench/gen
[ -x "$gen" ] || { fail "$gen missing: run make test-build"; done_testing; }
"$gen" --articles 600 --seed 4 "$tmp/docs" >/dev/null

# stop SIG NAME: index $tmp/docs into $tmp/NAME, send SIG after 40 files;
# $rc is the exit status, $err its stderr.
stop() {
	# made first: the loop's grep must not run before the shell has made
	# it (grep failed, the loop ended at once and the signal came before
	# docket ran: an exit of 0 once in a fresh clone's make test)
	: >"$tmp/$2.err"
	"$DOCKET" index --index "$tmp/$2" -v "$tmp/docs" 2>"$tmp/$2.err" &
	pid=$!
	while [ "$(grep -c '^added ' "$tmp/$2.err")" -lt 40 ] && kill -0 $pid 2>/dev/null; do
		sleep 0.1
	done
	kill -"$1" $pid
	wait $pid
	rc=$?
	err=$(tail -n 1 "$tmp/$2.err")
}

stop TERM term
is "$rc" 143 "SIGTERM mid-run: exit 143"
like "$err" "interrupted by SIGTERM; the files committed so far are kept" "... saying so"
out=$(d check --index "$tmp/term" -q); crc=$?
is "$crc" 0 "... the index checks clean"
n=$(d search --index "$tmp/term" --json -n 1 'court OR ruling OR judge' 2>/dev/null | tail -n 1)
like "$n" '"estimated":[1-9]' "... and holds the files committed"
d index --index "$tmp/term" -q "$tmp/docs" 2>/dev/null
is "$?" 0 "... the lock is released: a second run takes it at once (no --wait)"
d index --index "$tmp/full" -q "$tmp/docs" 2>/dev/null
a=$(d search --index "$tmp/term" --json -n 30 'court OR ruling' | grep -v summary | sed 's/"score":[^,]*,//' | cksum)
b=$(d search --index "$tmp/full" --json -n 30 'court OR ruling' | grep -v summary | sed 's/"score":[^,]*,//' | cksum)
is "$a" "$b" "... and the rerun answers as a run never interrupted"

stop INT int
is "$rc" 130 "SIGINT mid-run: exit 130"
done_testing
