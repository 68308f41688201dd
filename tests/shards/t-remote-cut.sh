#!/bin/sh
# t-remote-cut.sh — a remote shard's connection cut in the middle of a
# reply (tests/shards/cutproxy.py passes the server's first CUT bytes and
# then closes both sides): at every cut, from the handshake to past the
# last document, a search, a facet count and `docket show` end in bounded
# time with exit 0 and the local answer, or exit 2 and one line naming the
# stub ("shard unreachable"; once the match is under way also the remote
# shard's address), never a crash, a hang or a partial answer.
. "$DOCKET_TOP/tests/e2e/lib.sh"
servers=
trap 'for p in $servers; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT
if ! command -v xapian-tcpsrv >/dev/null || ! command -v python3 >/dev/null; then
	echo "ok 1 # SKIP xapian-tools or python3 missing (scripts/install-deps test)"
	echo "1..1"
	exit 0
fi
"$DOCKET_BUILD/bench/gen" --articles 200 --seed 2 "$tmp/docs" >/dev/null
d index --index "$tmp/idx" -q "$tmp/docs"
ok "serve-shard listens" start_server srv "$tmp/idx"
id=$(d search --index "$tmp/idx" --json -n 1 court | jq -r 'select(.type == "hit") | .passage_id')

# run NAME ARGS: docket ARGS --index the stub, bounded; status, output, error
run() {
	name=$1
	shift
	timeout 60 "$DOCKET" "$@" --index "$tmp/stub" >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $?
}
want_search=$(d search --index "$tmp/idx" --json -n 20 court | jq -c 'select(.type == "hit") | .passage_id')
want_facets=$(d search --index "$tmp/idx" --json -n 0 --facets outlet court | jq -c 'select(.type == "facet")')
want_show=$(d show --index "$tmp/idx" --json -C 2 "$id" | jq -c 'select(.type == "hit") | .passage_id')
midway=0
for cut in 1 16 100 400 1500 5000 15000 40000 120000 1000000000; do
	rm -f "$tmp/port"
	python3 "$DOCKET_TOP/tests/shards/cutproxy.py" "$tmp/port" "$port" "$cut" &
	ppid=$!
	servers="$servers $ppid"
	for w in $(seq 100); do
		[ -s "$tmp/port" ] && break
		sleep 0.1
	done
	printf 'remote 127.0.0.1:%s\n' "$(cat "$tmp/port")" >"$tmp/stub"
	for c in search facets show; do
		case $c in
		search) rc=$(run $c search --json -n 20 court)
			got=$(jq -c 'select(.type == "hit") | .passage_id' "$tmp/$c.out" 2>/dev/null)
			want=$want_search ;;
		facets) rc=$(run $c search --json -n 0 --facets outlet court)
			got=$(jq -c 'select(.type == "facet")' "$tmp/$c.out" 2>/dev/null)
			want=$want_facets ;;
		show) rc=$(run $c show --json -C 2 "$id")
			got=$(jq -c 'select(.type == "hit") | .passage_id' "$tmp/$c.out" 2>/dev/null)
			want=$want_show ;;
		esac
		err=$(cat "$tmp/$c.err")
		if [ "$rc" = 0 ]; then
			is "$got" "$want" "cut after $cut bytes, $c: exit 0 with the local answer"
		elif [ "$rc" = 2 ]; then
			like "$err" "^docket: $tmp/stub: .*shard unreachable" "cut after $cut bytes, $c: exit 2 naming the stub"
			is "$(wc -l <"$tmp/$c.err" | tr -d ' ')" 1 "... in one line"
			is "$(grep -c '"type":"hit"' "$tmp/$c.out")" 0 "... and no hits printed"
			case $err in *"remote 127.0.0.1:"*) midway=$((midway + 1)) ;; esac
		else
			fail "cut after $cut bytes, $c: exit $rc (want 0 or 2): $err"
		fi
	done
	kill "$ppid" 2>/dev/null
	wait "$ppid" 2>/dev/null
done
ok "some cuts fell in the middle of a match (the error names the remote shard): $midway" [ "$midway" -ge 3 ]
is "$rc" 0 "the whole reply passed: the answer is the local one"
done_testing
