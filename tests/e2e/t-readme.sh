#!/bin/sh
# t-readme.sh — the README's examples work on the shipped corpus (issue 13:
# a newcomer's first query must not come back empty).  Every `docket …`
# command of the README's indented code blocks that searches or reads
# (search, show, quotes, copies, cases, timeline, coverage; a leading "$ "
# and a trailing "# comment" dropped) is run on an index of corpus/ copied
# to a folder named "coverage", as the README's examples assume
# (`docket index ~/coverage`), and fails when it errs or finds nothing.  An
# example's own --index folders (/data/2025) stand for this index.  Then
# `scripts/demo` (what `make demo` runs): it exits 0 only when every one of
# its searches has hits, prints no ANSI into a pipe, prints each command so
# that a shell reads it back as it ran, and leaves its index, which the
# closing lines say how to search.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
	echo "ok 1 # SKIP python3 is not installed (the examples are split with shlex)"
	echo "1..1"
	exit 0
fi
mkdir -p "$tmp/home"
cp -R "$corpus" "$tmp/home/coverage"
d index --index "$tmp/idx" -q "$tmp/home/coverage" 2>"$tmp/err" || fail "index corpus/ as coverage/"

# The examples, one a line, as NUL-free shell words (python's shlex).
python3 - "$DOCKET_TOP/README.md" >"$tmp/examples" <<'PY'
import re, shlex, sys
reading = {"search", "show", "quotes", "copies", "cases", "timeline", "coverage"}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^    (?:\$ )?docket (.*)$", line.rstrip("\n"))
    if not m:
        continue
    words = shlex.split(m.group(1), comments=True)
    if words and words[0] in reading:
        print("\t".join(words))
PY
n=$(wc -l <"$tmp/examples" | tr -d ' ')
ok "the README has example commands to run ($n)" [ "$n" -ge 15 ]
while IFS= read -r ex; do
	# rebuild the words: tabs separate them; --index VALUE -> this index
	set --
	sub=0
	oldifs=$IFS
	IFS='	'
	for w in $ex; do
		if [ "$sub" -eq 1 ]; then
			w=$tmp/idx
			sub=0
		elif [ "$w" = --index ]; then
			sub=1
		fi
		set -- "$@" "$w"
	done
	IFS=$oldifs
	shown=$(printf '%s' "$ex" | tr '\t' ' ')
	DOCKET_INDEX=$tmp/idx "$DOCKET" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	if [ "$st" -eq 0 ] && [ -s "$tmp/out" ]; then
		pass "README: docket $shown"
	else
		fail "README: docket $shown (exit $st)"
		sed 's/^/#   /' "$tmp/err" | head -n 3
	fi
done <"$tmp/examples"

# -- the demo ----------------------------------------------------------------
(cd "$DOCKET_TOP" && TERM=xterm sh scripts/demo "$DOCKET" "$tmp/demo-index") >"$tmp/demo" 2>"$tmp/demo.err"
is "$?" 0 "scripts/demo: every example search has hits"
is "$(grep -c "$(printf '\033')" "$tmp/demo")" 0 "no ANSI escapes into a pipe"
ok "it leaves its index" [ -e "$tmp/demo-index/XAPIANDB" ]
like "$(cat "$tmp/demo")" "export DOCKET_INDEX=$tmp/demo-index" "and says how to search it"
like "$(cat "$tmp/demo")" "export PATH=" "and how to put the tool on PATH"
grep '^\$ ' "$tmp/demo" | sed 's/^\$ //' >"$tmp/lines"
bad=0
while IFS= read -r line; do
	# the shell must read the printed line back into the words that ran
	eval "set -- $line"
	[ "$1" = "$(printf '%s' "$line" | cut -d' ' -f1)" ] || bad=$((bad + 1))
	case $line in *"storm off to AWS"*) [ "$7" = '"storm off to AWS"' ] || bad=$((bad + 1)) ;; esac
	case $line in *"CTO"*) [ "$7" = "Microsoft's CTO" ] || bad=$((bad + 1)) ;; esac
done <"$tmp/lines"
is "$bad" 0 "each command is printed shell-quoted (read back, the words are the ones run)"
ok "the demo printed its commands" [ "$(wc -l <"$tmp/lines")" -ge 8 ]
like "$(sed -n '/^The index is in/,$p' "$tmp/demo" | sed -n 3p)" "search 'judge:lindqvist hearing'" "the closing lines give a search to try"
DOCKET_INDEX=$tmp/demo-index d search 'judge:lindqvist hearing' >/dev/null
is "$?" 0 "which finds something in the demo's index"
done_testing
