#!/bin/sh
# t-ablate.sh — bench/ablate's cuts (each feature's index-time work
# removed by one substitution) still apply to this tree: when the code they
# cut moves, this fails, so `make ablate` never measures a build that cut
# nothing.  The measurement itself is `make ablate` (minutes), not a test.
. "$(dirname "$0")/lib.sh"
ab=$DOCKET_TOP/bench/ablate
for f in legal quotes copies events; do
	is "$("$ab" --check "$f" 2>&1)" "ok $f" "the cut of '$f' applies"
done
"$ab" --check klingon >"$tmp/out" 2>&1
is "$?" 1 "an unknown feature: exit 1"
is "$(cat "$tmp/out")" "ablate: no feature 'klingon' (legal, quotes, copies, events)" "... naming it"
done_testing
