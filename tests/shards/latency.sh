#!/bin/sh
# latency.sh — what a remote shard costs per query: N runs (default 50) of
# each of five queries, whole `docket search` processes, over one local
# index of corpus/ and over the same index behind `docket serve-shard` on
# loopback; prints the median and 95th percentile in milliseconds.  Not run
# by tests/run (its name does not start with t).
#
#   DOCKET=build/docket sh tests/shards/latency.sh [N]
set -u
D=${DOCKET:-build/docket}
runs=${1:-50}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-lat.XXXXXX")
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$D" index --index "$tmp/idx" -q "$(dirname "$0")/../../corpus" || exit 2
port=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
"$D" serve-shard --index "$tmp/idx" --listen "127.0.0.1:$port" >"$tmp/out" 2>/dev/null &
pid=$!
for i in $(seq 50); do grep -q Listening "$tmp/out" && break; sleep 0.1; done
echo "remote 127.0.0.1:$port" >"$tmp/stub"

# time_ms INDEX QUERY: milliseconds of one search, printed.
time_ms() {
	a=$(date +%s%N)
	"$D" search --index "$1" -n 10 -- "$2" >/dev/null
	b=$(date +%s%N)
	echo $(((b - a) / 1000))
}

# stats: median and p95 of the numbers (microseconds) on stdin, in ms.
stats() {
	sort -n | awk '{v[NR] = $1} END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)];
		printf "median %.2f ms  p95 %.2f ms", m / 1000, p / 1000 }'
}

printf '%-28s %-34s %s\n' query local remote
for q in storm '"storm off to AWS"' 'Amazon NEAR cloud' 'stor*' 'ruling date:2025-01-01..2025-12-31'; do
	for i in $(seq "$runs"); do time_ms "$tmp/idx" "$q"; done >"$tmp/l"
	for i in $(seq "$runs"); do time_ms "$tmp/stub" "$q"; done >"$tmp/r"
	printf '%-28s %-34s %s\n' "$q" "$(stats <"$tmp/l")" "$(stats <"$tmp/r")"
done
