#!/bin/sh
# t-reap.sh — the programs of "remote :PROGRAM" stub lines never outlive
# docket (issue 15): each stand-in program records its pid, and after
# docket exits no such process is left, neither when the program serves
# the shard (xapian-progsrv), nor when it fails the handshake (Xapian
# throws from the constructor and would never wait for it), nor when it
# lingers after its socket closes (Xapian's own wait would hang: run under
# timeout, so today's code fails instead of hanging the suite).
. "$(dirname "$0")/lib.sh"
if ! command -v xapian-progsrv >/dev/null; then
	pass "# SKIP xapian-progsrv missing (xapian-tools)"
	done_testing
fi
mkdir -p "$tmp/docs"
printf 'Ruling\n\nJudge Okafor set a hearing on the motion.\n' >"$tmp/docs/r.txt"
d index --index "$tmp/ix" -q "$tmp/docs" 2>/dev/null

# prog NAME BODY: a program that records its pid in $tmp/pids, then BODY.
prog() {
	printf '#!/bin/sh\necho $$ >>"%s/pids"\n%s\n' "$tmp" "$2" >"$tmp/$1"
	chmod +x "$tmp/$1"
	printf 'remote :%s/%s\n' "$tmp" "$1" >"$tmp/$1.stub"
}
# alive: the recorded pids still running (none: empty).
alive() {
	for p in $(cat "$tmp/pids" 2>/dev/null); do
		if kill -0 "$p" 2>/dev/null; then echo "$p"; fi
	done
}
# run NAME: search through NAME's stub; $rc
run() {
	rm -f "$tmp/pids"
	timeout 20 "$DOCKET" --allow-programs search --index "$tmp/$1.stub" hearing \
		>/dev/null 2>"$tmp/err"
	rc=$?
}

prog serve "exec xapian-progsrv '$tmp/ix'"
run serve
is "$rc" 0 "a program serving the shard: the search works"
is "$(alive)" "" "... and the program is gone when docket exits"

prog bad 'printf "\047\000"; exec sleep 60'
run bad
is "$rc" 2 "a program failing the handshake: exit 2"
ok "... it did run" test -s "$tmp/pids"
is "$(alive)" "" "... and it is stopped and reaped, not left running"

prog linger "xapian-progsrv '$tmp/ix'; exec sleep 60"
run linger
is "$rc" 0 "a program lingering after its socket closes: docket still ends (no hang)"
is "$(alive)" "" "... and the program is gone"

run serve
d --allow-programs show --index "$tmp/serve.stub" "$(d search --index "$tmp/ix" --json hearing | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -n 1)" \
	>/dev/null 2>&1
is "$(alive)" "" "show through a program stub leaves nothing running either"
done_testing
