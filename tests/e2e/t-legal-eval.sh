#!/bin/sh
# t-legal-eval.sh — indexer/legal.c keeps its targets on eval/legal's dev
# half (precision 0.97 dockets and cites, 0.95 cases, courts, judges;
# recall 0.90), and reports the held-out test half (not asserted).
. "$(dirname "$0")/lib.sh"
score=$DOCKET_BUILD/eval/legal/score
ok "scorer built" test -x "$score"
out=$("$score" --min "$DOCKET_TOP/eval/legal")
rc=$?
echo "$out" | sed 's/^/# /'
is "$rc" 0 "every kind meets its targets on dev"
like "$out" '^test +cite ' "the test split is reported"
done_testing
