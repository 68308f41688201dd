# lib.sh — what every end-to-end test shares.  Source it first:
#
#     . "$(dirname "$0")/lib.sh"
#
# It gives: a temporary folder $tmp removed on exit; TAP helpers `ok DESC
# CMD...` (passes when CMD exits 0), `fail DESC`, `pass DESC`, `is GOT WANT
# DESC`, `like TEXT PATTERN DESC` (grep -E), `unlike TEXT PATTERN DESC`;
# `d ...` runs $DOCKET; `make_index` indexes corpus/ into $tmp/index once;
# `s ...` runs `docket search --index $tmp/index`; `jsoncheck` (a small C
# program built by make) validates `docket search --json` output;
# `done_testing` prints the plan and exits 1 if anything failed.
#
# Environment (set by tests/run): $DOCKET the binary, $DOCKET_TOP the
# checkout, $DOCKET_BUILD the build folder.  The tests run under sh (dash).
set -u
: "${DOCKET:?run me through tests/run}" "${DOCKET_TOP:?}" "${DOCKET_BUILD:?}"
export NO_COLOR=1 LC_ALL=C.UTF-8
unset DOCKET_INDEX COLUMNS
corpus=$DOCKET_TOP/corpus
tap_n=0
tap_failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/docket-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

pass() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1"
}

fail() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
}

# ok DESC CMD...: CMD's exit status decides.
ok() {
	desc=$1
	shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

# is GOT WANT DESC
is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# like TEXT ERE DESC / unlike TEXT ERE DESC
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		pass "$3"
	else
		fail "$3"
		printf '%s\n' "$1" | head -n 5 | sed 's/^/#   /'
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		fail "$3"
		printf '%s\n' "$1" | grep -E -- "$2" | head -n 5 | sed 's/^/#   /'
	else
		pass "$3"
	fi
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}

d() {
	"$DOCKET" "$@"
}

# Index corpus/ into $tmp/index (quietly); fails the test when it cannot.
make_index() {
	if ! "$DOCKET" index --index "$tmp/index" -q "$corpus" 2>"$tmp/index.err"; then
		fail "index corpus/"
		sed 's/^/#   /' "$tmp/index.err"
		done_testing
	fi
}

s() {
	"$DOCKET" search --index "$tmp/index" "$@"
}

# jsoncheck < JSONL: exit 0 when every line is a well-formed hit or the
# closing summary (see jsoncheck.c); problems go to stdout as # lines.
# Built with jansson by make (tests/helpers.mk), since jq counts
# codepoints and offsets are bytes.
jsoncheck() {
	if [ ! -x "$DOCKET_BUILD/tests/e2e/jsoncheck" ]; then
		echo "# $DOCKET_BUILD/tests/e2e/jsoncheck missing: run make test-build"
		return 2
	fi
	"$DOCKET_BUILD/tests/e2e/jsoncheck" "$@"
}

# paused_query INDEX ARGS...: run "$tmp/shardq --pause INDEX -- ARGS" in
# the background (tests/shards/shardq.c, built by the caller) and wait
# until it has run its query once.  Its output goes to $tmp/pause.out and
# $tmp/pause.err, its pid is $qpid; `echo go >&3; exec 3>&-` makes it run
# the query again on the same open index and exit (with
# PAUSE_MODE=--pause-lists: read the hits' lists instead).
paused_query() {
	pq_index=$1
	shift
	mkfifo "$tmp/go"
	"$tmp/shardq" "${PAUSE_MODE:---pause}" "$pq_index" -- "$@" <"$tmp/go" >"$tmp/pause.out" 2>"$tmp/pause.err" &
	qpid=$!
	exec 3>"$tmp/go"
	for wait in $(seq 50); do
		grep -q ready "$tmp/pause.out" && break
		sleep 0.1
	done
}

# The values of one JSON key over the hit lines of a --json output, one
# per line (strings raw).
hits_field() {
	jq -r "select(.type == \"hit\") | .$1 | if type == \"array\" then tostring else . end"
}

# build_helper OUT SOURCE: make OUT the test's helper program SOURCE
# (tests/e2e/X.c or tests/shards/X.c), which make builds as
# $DOCKET_BUILD/tests/.../X against the internal archive, with the
# library's sanitizers (tests/helpers.mk).  Fails the test when it was not
# built.
build_helper() {
	_rel=${2#"$DOCKET_TOP"/}
	_bin=$DOCKET_BUILD/${_rel%.c}
	if [ ! -x "$_bin" ] || ! ln -sf "$_bin" "$1"; then
		fail "build $(basename "$2")"
		echo "#   $_bin missing: run make test-build"
		done_testing
	fi
}

# start_server NAME DIR [PORT]: `docket serve-shard` of index DIR on
# loopback PORT, or on a free port (random, retried when taken), its output
# in $tmp/NAME.out and .err; sets $port and $pid and adds the pid to
# $servers, which the caller's EXIT trap kills.  Fails when none listens
# after ten tries.
start_server() {
	for _try in 1 2 3 4 5 6 7 8 9 10; do
		port=${3:-$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))}
		"$DOCKET" serve-shard --index "$2" --listen "127.0.0.1:$port" --timeout 120 \
			>"$tmp/$1.out" 2>"$tmp/$1.err" &
		pid=$!
		servers="${servers:-} $pid"
		for _w in $(seq 50); do
			grep -q Listening "$tmp/$1.out" 2>/dev/null && return 0
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		[ -z "${3:-}" ] || sleep 0.5 # the given port: let it be freed
	done
	return 1
}
