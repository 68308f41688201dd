#!/bin/sh
# t-legal-eval.sh — indexer/legal.c keeps its targets on eval/legal's dev
# half (precision 0.97 dockets and cites, 0.95 cases, courts, judges;
# recall 0.90), and reports the held-out test half and the second author's
# eval/legal/heldout set (not asserted: they are only measured).
. "$(dirname "$0")/lib.sh"
score=$DOCKET_BUILD/eval/legal/score
ok "scorer built" test -x "$score"
out=$("$score" --min "$DOCKET_TOP/eval/legal" "$DOCKET_TOP/eval/legal/heldout")
rc=$?
echo "$out" | sed 's/^/# /'
is "$rc" 0 "every kind meets its targets on dev"
like "$out" '^test +cite ' "the test split is reported"
is "$(echo "$out" | grep -c '^heldout ')" 5 "the heldout split is reported for every kind"
one=$("$score" "$DOCKET_TOP/eval/legal")
unlike "$one" '^heldout ' "without a second folder there is no heldout row"
done_testing
