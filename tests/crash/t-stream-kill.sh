#!/bin/sh
# t-stream-kill.sh — a JSON Lines export read record by record (past
# --max-size) is committed every 5 batches of records, so that memory stays
# bounded; killed at any of those commits' syncs, the index must be usable
# (only whole records) and a rerun must converge to the clean build.
#
# Two phases, each killing at sync N = 1, 2, ... until a run finishes:
# a new export indexed from an empty index; then an update of it (30
# records appended, 5 changed, 5 removed) from the first version's index,
# where a killed run may hold records of either version but never half of
# one, and the rerun must equal a clean build of the second version.
#
# Knobs: DOCKET_CRASH_STREAM_RECORDS (120), DOCKET_CRASH_STREAM_BATCH (3; records are committed every 5 batches),
# DOCKET_CRASH_SYNC_MAX (500).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

records=${DOCKET_CRASH_STREAM_RECORDS:-120}
batch=${DOCKET_CRASH_STREAM_BATCH:-3}
max=${DOCKET_CRASH_SYNC_MAX:-500}
opts="--max-size 4k --batch $batch"

# export FROM TO [CHANGED...]: records FROM..TO, two paragraphs each (two
# passages) of words drawn by the record's number, so that no two are
# copies of one story; a CHANGED record gets other words.
export_records() {
	awk -v from="$1" -v to="$2" -v changed=" ${3:-} " 'BEGIN {
		n = split("appeal brief clerk counsel damages deposition docket " \
		          "evidence exhibit filing hearing injunction jury lawsuit " \
		          "motion objection order panel plaintiff ruling sanction " \
		          "settlement subpoena summons testimony transcript trial " \
		          "verdict warrant witness wiretap", v, " ")
		for (i = from; i <= to; i++) {
			s = index(changed, " " i " ") ? 7 : 0
			p1 = p2 = ""
			a = i % n; b = int(i / n) % n # n is prime: no two alike
			for (k = 1; k <= 9; k++) {
				p1 = p1 " " v[(a * k + b * (k + 3) + s) % n + 1]
				p2 = p2 " " v[(a * (k + 5) + b * k * k + s) % n + 1]
			}
			printf "{\"id\":\"r%d\",\"title\":\"Filing %d\",\"outlet\":\"Harbor Ledger\",", i, i
			printf "\"date\":\"2026-03-%02d\",\"text\":\"The court in the Tillery matter", i % 28 + 1
			printf " heard%s.\\n\\nJudge Okafor then turned to%s.\"}\n", p1, p2
		}
	}'
}

# settle FILE: an mtime well in the past, so the next run trusts it.
settle() { touch -d "@$(( $(date +%s) - 60 ))" "$@"; }

# kill_each PHASE FROM: kill `docket index` at sync 1, 2, ... of a run
# over $tmp/in, each starting from a copy of index FROM (or empty); some
# kill must leave passages neither FROM's ($tmp/from.ids) nor the clean
# build's: the file committed in steps.
kill_each() {
	n=0 bad=0 done_at= mixed=0
	while [ "$n" -lt "$max" ]; do
		n=$((n + 1))
		rm -rf "$tmp/index"
		[ -z "$2" ] || cp -a "$2" "$tmp/index"
		with_shim SHIM_KILL_AT_SYNC="$n" "$DOCKET" index --index "$tmp/index" \
			$opts -q "$tmp/in" 2>"$tmp/run.err"
		rc=$?
		if [ "$rc" -eq 0 ]; then
			done_at=$n
			break
		fi
		if [ "$rc" -ne 137 ]; then
			fail "$1, sync $n: indexer exit $rc instead of being killed"
			sed 's/^/#   /' "$tmp/run.err"
			bad=$((bad + 1))
			continue
		fi
		check_usable "$tmp/index" "$1, killed at sync $n: usable, only whole records" ||
			bad=$((bad + 1))
		# a mix of the versions: a commit inside the file
		if [ -s "$tmp/cu.ids" ] && ! cmp -s "$tmp/cu.ids" "$tmp/from.ids" &&
			! cmp -s "$tmp/cu.ids" "$tmp/final.ids"; then
			mixed=$((mixed + 1))
		fi
		"$DOCKET" index --index "$tmp/index" $opts -q "$tmp/in" 2>"$tmp/run.err"
		rc=$?
		if [ "$rc" -ne 0 ] || ! converged "$tmp/index"; then
			fail "$1, killed at sync $n: a rerun converges (exit $rc)"
			sed 's/^/#   /' "$tmp/run.err"
			bad=$((bad + 1))
		else
			pass "$1, killed at sync $n: a rerun converges"
		fi
	done
	ok "$1: a run finished (after kills at syncs 1..$((n - 1)))" [ -n "$done_at" ]
	ok "$1: kills left the file part committed ($mixed times)" [ "$mixed" -gt 0 ]
	echo "# $1: killed at syncs 1..$((n - 1)), $bad bad"
}

# converged INDEX: the clean build's articles, files and passage ids.
converged() {
	snapshot "$1" "$tmp/cv"
	for part in articles files ids; do
		cmp -s "$tmp/cv.$part" "$tmp/final.$part" || return 1
	done
}

helpers || { fail "build the helpers"; done_testing; }
mkdir -p "$tmp/in"
export_records 1 "$records" >"$tmp/in/export.jsonl"
settle "$tmp/in/export.jsonl"
ok "the export is past the 4k cap" [ "$(wc -c <"$tmp/in/export.jsonl")" -gt 4096 ]

# Phase 1: a new export.
clean_build "$tmp/in" "$tmp/v1" $opts || { fail "clean build"; done_testing; }
is "$(d search --index "$tmp/v1" --json --copies -n 10000 -- tillery | hits_field passage_id |
	wc -l | tr -d ' ')" "$records" "the clean build holds every record"
reference "$tmp/v1"
snapshot "$tmp/v1" "$tmp/v1"
for part in articles files ids; do cp "$tmp/ref.$part" "$tmp/final.$part"; done
: >"$tmp/from.ids"
kill_each "new export" ""

# Phase 2: the export appended to, edited and trimmed.
export_records 6 $((records + 30)) "10 20 30 40 50" >"$tmp/in/export.jsonl"
settle "$tmp/in/export.jsonl"
clean_build "$tmp/in" "$tmp/v2" $opts || { fail "clean build of v2"; done_testing; }
snapshot "$tmp/v2" "$tmp/final"
for part in articles ids; do # a killed update may hold records of either
	sort -u "$tmp/ref.$part" "$tmp/final.$part" -o "$tmp/ref.$part"
done
cp "$tmp/v1.ids" "$tmp/from.ids"
kill_each "updated export" "$tmp/v1"
done_testing
