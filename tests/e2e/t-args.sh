#!/bin/sh
# t-args.sh — the command line as a newcomer types it (issue 13): errors
# that name the real offending word and the nearest option or command, a
# '-word' after the first query word as a query word, "--" before a query
# that starts with '-', --color WHEN with a space, --no-color and the
# colour conventions of the environment (NO_COLOR, CLICOLOR_FORCE,
# FORCE_COLOR, TERM=dumb, the last through a real terminal by script(1)),
# usage on stderr with no arguments, and SIGINT during `docket index`:
# exit 130 with what was indexed committed.
. "$(dirname "$0")/lib.sh"
make_index
esc=$(printf '\033')

# err ARGS...: stderr of a docket run; its exit status in $tmp/st.
err() {
	"$DOCKET" "$@" >/dev/null 2>"$tmp/err"
	echo $? >"$tmp/st"
	cat "$tmp/err"
}

like "$(err search --index "$tmp/index" -wiretap motion)" \
	"^docket: unknown option '-w' in '-wiretap' .*'--'" "-wiretap first: the error names -wiretap, not 'search'"
is "$(cat "$tmp/st")" 2 "and exits 2"
s judge -appeal >"$tmp/out" 2>"$tmp/err"
is "$?" 0 "judge -appeal: -appeal after a query word is a query word"
is "$(cat "$tmp/err")" "" "with no complaint"
is "$(s --json -n 100 judge -appeal | hits_field passage_id)" "$(s --json -n 100 'judge -appeal' | hits_field passage_id)" \
	"judge -appeal as two words = the query 'judge -appeal'"
is "$(s --json -n 100 -- -appeal judge | hits_field passage_id)" "$(s --json -n 100 'judge -appeal' | hits_field passage_id)" \
	"-- -appeal judge: after '--' a leading -word is a query word"
is "$(s storm -n 1 --json | grep -c '"type":"hit"')" 1 "options may still follow the query (storm -n 1 --json)"
is "$(s storm -n1 --json | grep -c '"type":"hit"')" 1 "-n1 after the query is the option too"
like "$(err search --index "$tmp/index" --jsno storm)" "^docket: unknown option '--jsno'; did you mean '--json'\?" "--jsno: did you mean --json"
like "$(err search --index "$tmp/index" --co storm)" "^docket: option '--co' is ambiguous: --copies or --color\?" "--co: ambiguous, naming both"
is "$(s --lim 1 --json storm | grep -c '"type":"hit"')" 1 "an unambiguous abbreviation (--lim) works"
like "$(err quotes --index "$tmp/index" jduge:okafor)" "warning: unknown field 'jduge:'" "quotes warns of an unknown field"
like "$(err cases --index "$tmp/index" jduge:okafor)" "warning: unknown field 'jduge:'" "cases too"
like "$(err search --index "$tmp/index" --json=3 storm)" "^docket: option '--json' takes no value" "--json=3 names --json"
like "$(err search --index "$tmp/index" storm -n)" "^docket: option '-n' needs a value" "a missing value names the option"
like "$(err search --index "$tmp/index" --limit)" "^docket: option '--limit' needs a value" "and a long one"
like "$(err --verison)" "^docket: unknown option '--verison'; did you mean '--version'\?" "docket --verison: did you mean --version"
is "$(cat "$tmp/st")" 2 "exit 2"
like "$(err serch storm)" "^docket: no command 'serch'; did you mean 'search'\?" "docket serch: did you mean search"
like "$(err idnex x)" "did you mean 'index'" "docket idnex: did you mean index"
unlike "$(err frobnicate)" "did you mean" "a word far from every command gets no guess"
"$DOCKET" >"$tmp/out" 2>"$tmp/err"
is "$?" 2 "no arguments: exit 2"
is "$(cat "$tmp/out")" "" "no arguments: nothing on stdout"
like "$(cat "$tmp/err")" "^usage: docket" "no arguments: the usage on stderr"
"$DOCKET" --help >"$tmp/out" 2>&1
like "$(cat "$tmp/out")" "^usage: docket" "--help: the usage on stdout, exit $?"

# -- colour ----------------------------------------------------------------
# The tests run with NO_COLOR=1 (tests/run); these checks start without it.
unset NO_COLOR
hascolor() { grep -c "$esc" | tr -d ' '; }
ok "--color always (a space) colours a pipe" [ "$(s --color always storm | hascolor)" -gt 0 ]
is "$(s storm --color always --json | grep -c '"type":"hit"')" "$(s storm --json | grep -c '"type":"hit"')" \
	"--color always leaves the next words alone"
is "$(s --color never storm | hascolor)" 0 "--color never"
is "$(s storm | hascolor)" 0 "a pipe gets no colour by default"
is "$(CLICOLOR_FORCE=1 s storm | hascolor)" "$(s --color always storm | hascolor)" "CLICOLOR_FORCE=1 colours a pipe"
ok "FORCE_COLOR=1 too" [ "$(FORCE_COLOR=1 s storm | hascolor)" -gt 0 ]
is "$(FORCE_COLOR=0 s storm | hascolor)" 0 "FORCE_COLOR=0 does not"
is "$(NO_COLOR=1 CLICOLOR_FORCE=1 s storm | hascolor)" 0 "NO_COLOR wins over CLICOLOR_FORCE"
is "$(CLICOLOR_FORCE=1 s --no-color storm | hascolor)" 0 "--no-color"
is "$(s --no-color storm -n 1 | wc -l)" "$(s --color=never storm -n 1 | wc -l)" "--no-color = --color=never"
for cmd in show timeline coverage quotes copies; do
	like "$(d "$cmd" --help)" "--no-color" "$cmd --help lists --no-color"
done
if script -qc true /dev/null >/dev/null 2>&1; then
	script -qc "TERM=xterm $DOCKET search --index '$tmp/index' storm" /dev/null >"$tmp/tty" 2>&1
	ok "on a terminal (script), TERM=xterm: colour" [ "$(hascolor <"$tmp/tty")" -gt 0 ]
	script -qc "TERM=dumb $DOCKET search --index '$tmp/index' storm" /dev/null >"$tmp/tty" 2>&1
	is "$(hascolor <"$tmp/tty")" 0 "on a terminal, TERM=dumb: no colour"
	like "$(cat "$tmp/tty")" "storm" "(and the hits are there)"
else
	echo "ok # SKIP script(1) cannot make a terminal here"
fi

export NO_COLOR=1

# -- SIGINT during index ---------------------------------------------------
# A folder big enough that the signal comes mid-run: sent once the first
# file is reported added; doubled and tried again if the run was done.
n=1500
for try in 1 2 3; do
	rm -rf "$tmp/big" "$tmp/bidx"
	mkdir -p "$tmp/big"
	i=0
	while [ $i -lt $n ]; do
		i=$((i + 1))
		printf 'Filing %d before the Harbor County court\n\nThe clerk docketed motion %d, numbered %d-%d, over the wiretap evidence.\n' \
			$i $i $i $((i * 7)) >"$tmp/big/f$i.txt"
	done
	"$DOCKET" index --index "$tmp/bidx" -v "$tmp/big" 2>"$tmp/berr" &
	pid=$!
	for wait in $(seq 600); do
		grep -q '^added' "$tmp/berr" && break
		sleep 0.05
	done
	kill -INT "$pid" 2>/dev/null
	wait "$pid"
	st=$?
	[ "$st" -ne 0 ] && break
	n=$((n * 2))
done
is "$st" 130 "SIGINT during docket index: exit 130"
like "$(tail -n 1 "$tmp/berr")" "^docket: interrupted by SIGINT; the files committed so far are kept" "and says so"
added=$(grep -c '^added' "$tmp/berr")
kept=$("$DOCKET" search --index "$tmp/bidx" --json -n 10000 --per-article 0 --copies clerk | grep -c '"type":"hit"')
is "$kept" "$added" "every file reported added is in the index ($added)"
ok "and not the whole folder" [ "$kept" -lt "$n" ]
"$DOCKET" index --index "$tmp/bidx" -q "$tmp/big"
is "$?" 0 "a second run completes"
is "$("$DOCKET" search --index "$tmp/bidx" --json -n 10000 --per-article 0 --copies clerk | grep -c '"type":"hit"')" "$n" \
	"and the index holds all $n files"
done_testing
