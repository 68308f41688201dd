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
# a cut of two substitutions, one of which no longer applies: refused
# (a half cut measured nothing true)
python3 - "$ab" "$tmp/ablate" <<'PY'
import sys
s = open(sys.argv[1]).read()
open(sys.argv[2], 'w').write(s.replace('s/copies_sign\\(', 's/copies_gone\\(', 1))
PY
cmp -s "$ab" "$tmp/ablate" && fail "the broken copy of bench/ablate differs"
sed -i "s|^top=.*|top=$DOCKET_TOP|" "$tmp/ablate"
sh "$tmp/ablate" --check copies >"$tmp/out" 2>&1
is "$?" 1 "a cut whose second substitution no longer applies: exit 1"
like "$(cat "$tmp/out")" "the cut of 'copies' no longer applies to indexer/document.c \\(s/copies_gone" "... naming the substitution"
"$ab" --check klingon >"$tmp/out" 2>&1
is "$?" 1 "an unknown feature: exit 1"
is "$(cat "$tmp/out")" "ablate: no feature 'klingon' (legal, quotes, copies, events)" "... naming it"
done_testing
