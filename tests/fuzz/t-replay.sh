#!/bin/sh
# t-replay.sh — replay every kept crasher and a few seeds through each fuzz
# target's replay binary (built by `make test`, see tests/fuzz/fuzz.mk).
#
# For each $DOCKET_BUILD/tests/fuzz/replay-NAME: one TAP line for the
# inputs kept in tests/fuzz/crashers/NAME/ (if any), one for the seeds
# (the corpus/ files of NAME's type, gunzipped when .gz, plus
# tests/fuzz/seeds/NAME/), and one for two generic inputs (an empty file
# and a line of text).  ok when the replay exits 0.  Run by tests/run,
# which sets DOCKET_BUILD and DOCKET_TOP; under `make check` the replay
# binaries carry ASan and UBSan.
set -u
B=${DOCKET_BUILD:?run me from tests/run}
top=${DOCKET_TOP:?run me from tests/run}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0 failed=0

check() { # check WHAT COMMAND...
	what=$1
	shift
	n=$((n + 1))
	if "$@" >"$tmp/out" 2>&1; then
		echo "ok $n - $what"
	else
		echo "not ok $n - $what"
		sed 's/^/# /' "$tmp/out" | tail -n 30
		failed=$((failed + 1))
	fi
}

found=0
for bin in "$B"/tests/fuzz/replay-*; do
	[ -x "$bin" ] || continue
	found=1
	name=${bin##*/replay-}
	kept=$top/tests/fuzz/crashers/$name
	if [ -d "$kept" ] && [ -n "$(ls "$kept" 2>/dev/null)" ]; then
		check "$name: replays $(ls "$kept" | wc -l) kept crasher(s)" \
			"$bin" "$kept"
	fi
	case $name in
	html) exts="html htm" ;;
	json) exts="json jsonl ndjson" ;;
	text) exts="txt md" ;;
	*) exts="" ;;
	esac
	seeds=$tmp/seeds-$name
	mkdir -p "$seeds"
	for e in $exts; do
		find "$top/corpus" -type f -name "*.$e" -exec cp {} "$seeds/" \;
		find "$top/corpus" -type f -name "*.$e.gz" | while read -r f; do
			gzip -dc "$f" >"$seeds/$(basename "$f" .gz)"
		done
	done
	if [ -d "$top/tests/fuzz/seeds/$name" ]; then
		cp "$top/tests/fuzz/seeds/$name"/* "$seeds/" 2>/dev/null
	fi
	if [ -n "$(ls "$seeds")" ]; then
		check "$name: replays $(ls "$seeds" | wc -l) seed(s)" "$bin" "$seeds"
	fi
	: >"$tmp/empty"
	printf 'Judge Mehta ruled (wired.com).\n\nA second paragraph.\n' >"$tmp/line"
	check "$name: replays an empty input and a line of text" \
		"$bin" "$tmp/empty" "$tmp/line"
done
if [ $found -eq 0 ]; then
	n=$((n + 1))
	echo "not ok $n - no replay binaries in $B/tests/fuzz (make test-build)"
	failed=1
fi
echo "1..$n"
[ $failed -eq 0 ]
