#!/bin/sh
# t-lock.sh — one writer at a time: a second `docket index` exits 2 naming
# the first writer's pid, unless it is told to --wait; readers go on.
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

helpers || { fail "build the helpers"; done_testing; }
gen_corpus 150 4 "$tmp/corpus"
mkdir -p "$tmp/other"
cp "$tmp/corpus/000/000001.txt" "$tmp/other/"
idx=$tmp/index
"$DOCKET" index --index "$idx" -q "$tmp/other" || { fail "seed index"; done_testing; }

"$DOCKET" index --index "$idx" --batch 5 -q "$tmp/corpus" &
pid=$!
i=0
while [ ! -s "$idx/docket.lock" ] && [ "$i" -lt 500 ]; do
	sleep 0.01
	i=$((i + 1))
done
ok "the first writer wrote its pid in the lock file" test -s "$idx/docket.lock"
is "$(cat "$idx/docket.lock" 2>/dev/null)" "$pid" "the lock file holds the first writer's pid"

out=$("$DOCKET" index --index "$idx" -q "$tmp/other" 2>&1)
rc=$?
if kill -0 "$pid" 2>/dev/null; then
	is "$rc" 2 "a second writer exits 2"
	like "$out" "index is locked by another writer \\(pid $pid\\)\$" \
		"it names the first writer's pid"
	is "$(printf '%s\n' "$out" | wc -l)" 1 "in one line"
	"$DOCKET" search --index "$idx" court >/dev/null 2>"$tmp/search.err"
	rc=$?
	[ "$rc" -le 1 ] && pass "a reader searches meanwhile (exit $rc)" ||
		fail "a reader searches meanwhile (exit $rc: $(cat "$tmp/search.err"))"
	out=$("$DOCKET" index --index "$idx" --wait=120 -q "$tmp/other" 2>&1)
	is "$?" 0 "a writer with --wait waits for the first, then succeeds"
	# The first writer commits all before it lets go of the lock (its
	# process may take longer to exit, e.g. under ASan's leak check).
	n=$(xapian-delve -1 -A XA "$idx" | sed 1d | wc -l)
	is "$n" 151 "the waiting writer got the lock only after the first one's last commit"
else
	fail "the first writer finished too soon to test the lock"
fi
wait "$pid"
is "$?" 0 "the first writer succeeded"
ok "no stale pid is left behind (the lock file is empty)" test ! -s "$idx/docket.lock"
ok "the index passes xapian-check" check_dbs "$idx"
done_testing
