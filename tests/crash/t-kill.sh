#!/bin/sh
# t-kill.sh — SIGKILL the indexer at random moments; the index must stay
# usable after every kill and converge to a clean build.
#
# A generated corpus is indexed once cleanly (the reference and the time T
# a full run takes).  Then, over and over, `docket index --batch B` resumes
# on the same index and is killed with SIGKILL after a random delay within
# T; after each kill the index must pass xapian-check, answer a search (exit
# 0/1, never "locked") and hold only whole articles of the reference.  A run
# that finishes before its kill must equal the reference; the index then
# starts over.  Finally one run to completion must equal the reference in
# content and in byte-identical answers.
#
# Knobs: DOCKET_CRASH_KILLS (30 runs killed mid-run), DOCKET_CRASH_ARTICLES (150),
# DOCKET_CRASH_BATCH (20), DOCKET_CRASH_SEED (random; printed).
. "$DOCKET_TOP/tests/e2e/lib.sh"
. "$DOCKET_TOP/tests/crash/lib.sh"

kills=${DOCKET_CRASH_KILLS:-30}
articles=${DOCKET_CRASH_ARTICLES:-150}
batch=${DOCKET_CRASH_BATCH:-20}
seed=${DOCKET_CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# $kills kills, $articles articles, batch $batch, seed $seed"

helpers || { fail "build the helpers"; done_testing; }
gen_corpus "$articles" 1 "$tmp/corpus"
if ! clean_build "$tmp/corpus" "$tmp/clean" --batch "$batch"; then
	fail "clean build"
	done_testing
fi
reference "$tmp/clean"
echo "# clean build: ${clean_ms} ms, $(wc -l <"$tmp/ref.ids") passages"

# The delays, in ms, uniform in [0, T].
# Runs that finish before their kill do not count: up to 3x as many tries.
randoms $((kills * 3)) "$clean_ms" "$seed" >"$tmp/delays"

idx=$tmp/index
i=0 killed=0 finished=0 bad=0
while [ "$killed" -lt "$kills" ] && read -r ms; do
	i=$((i + 1))
	"$DOCKET" index --index "$idx" --batch "$batch" -q "$tmp/corpus" 2>"$tmp/run.err" &
	pid=$!
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	if [ "$rc" -eq 137 ]; then
		killed=$((killed + 1))
		check_usable "$idx" "kill $i after ${ms} ms: index usable" || bad=$((bad + 1))
	elif [ "$rc" -eq 0 ]; then
		finished=$((finished + 1))
		ok "kill $i: run finished first (${ms} ms) and equals the clean build" same_content "$idx"
		rm -rf "$idx"
	else
		fail "kill $i: indexer exit $rc before its kill"
		sed 's/^/#   /' "$tmp/run.err"
		bad=$((bad + 1))
	fi
done <"$tmp/delays"
echo "# $killed killed mid-run, $finished finished first, $bad bad"
[ "$killed" -ge "$kills" ] && pass "$killed kills survived" ||
	fail "only $killed of $kills runs could be killed"

"$DOCKET" index --index "$idx" --batch "$batch" -q "$tmp/corpus" 2>"$tmp/run.err"
is "$?" 0 "a last uninterrupted run completes"
grep -q locked "$tmp/run.err" && fail "the last run found the index locked"
check_same "$idx" "the result equals the clean build (content and answers)"
out=$("$DOCKET" index --index "$idx" "$tmp/corpus" 2>&1)
like "$out" " 0 added, 0 updated, 0 removed, $articles unchanged" \
	"a further run finds every file up to date"
done_testing
