# lib.sh — what the crash tests share.  Source it after tests/e2e/lib.sh:
#
#     . "$DOCKET_TOP/tests/e2e/lib.sh"
#     . "$DOCKET_TOP/tests/crash/lib.sh"
#
# It gives: `helpers` (builds the LD_PRELOAD shim and the C helpers into
# $DOCKET_BUILD/tests/crash/ unless crash.mk already did), $shim;
# `gen_corpus N SEED DIR`; `snapshot INDEX OUT` (the index's articles with
# their passage counts, files and passage ids, read with xapian-delve);
# `reference CLEAN_INDEX` (records what a converged index must match);
# `shim_count WHAT CORPUS ARGS...` (syncs or writes of a whole run);
# `check_usable INDEX WHAT` (the invariants after a crash); `same_content
# INDEX`; `check_same INDEX WHAT` (converged: same content and byte-identical
# answers to a fixed query set); `with_shim VAR=VAL... CMD`; `clean_build`.
# Knobs are read by each test (see tests/crash/README.md).

cb=$DOCKET_BUILD/tests/crash
shim=$cb/shim.so
gen=$DOCKET_BUILD/bench/gen

# Check that make built what the tests need (the shim by crash.mk, never
# with sanitizers; the generator by bench.mk).
helpers() {
	[ -f "$shim" ] || { echo "# $shim missing: run make test-build"; return 1; }
	[ -x "$gen" ] || { echo "# $gen missing: run make test-build"; return 1; }
}

# Run CMD with the shim preloaded and the given VAR=VAL settings.  ASan
# builds want their runtime first; the shim does not need that check.
with_shim() {
	env LD_PRELOAD="$shim" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" "$@"
}

gen_corpus() {
	"$gen" --articles "$1" --seed "$2" "$3" >/dev/null
}

# index_dbs INDEX: the Xapian databases of an index folder, one a line: the
# folder itself (one database), or the shards its XAPIANDB stub names.
# Prints nothing when neither is there (never committed).
index_dbs() {
	if [ -f "$1/iamglass" ]; then
		echo "$1"
	elif [ -f "$1/XAPIANDB" ]; then
		sed -n 's/^auto  *//p' "$1/XAPIANDB" | while IFS= read -r sh; do
			case $sh in
			/*) echo "$sh" ;;
			*) echo "$1/$sh" ;;
			esac
		done
	fi
}

# check_dbs INDEX: xapian-check every database of INDEX; on failure the
# last lines of its report are in $tmp/xc.out.
check_dbs() {
	for db in $(index_dbs "$1"); do
		xapian-check "$db" >"$tmp/xc.out" 2>&1 || return 1
	done
}

# snapshot INDEX OUT: OUT.articles ("XAkey passages"), OUT.files, OUT.ids.
snapshot() {
	xapian-delve -v -1 -A XA "$1" | sed 1d | sort >"$2.articles"
	xapian-delve -1 -A XF "$1" | sed 1d | sort >"$2.files"
	xapian-delve -1 -A Q "$1" | sed 1d | sort >"$2.ids"
}

# check_usable INDEX WHAT: after a crash the index must pass
# xapian-check, answer a search with exit 0 or 1 (never "locked", never 2),
# and hold only whole articles: every article it has, with all the passages
# the clean build gives it.  Prints one TAP line; returns non-zero on
# failure.
check_usable() {
	cu_why=
	if [ -z "$(index_dbs "$1")" ]; then
		# Never committed (stopped while creating it): nothing to
		# lose; the rerun that follows every such check must cope.
		pass "$2 (no commit yet)"
		return 0
	elif ! check_dbs "$1"; then
		cu_why="xapian-check failed: $(tail -n 2 "$tmp/xc.out" | tr '\n' ' ')"
	else
		"$DOCKET" search --index "$1" -n 3 court >/dev/null 2>"$tmp/cu.err"
		cu_rc=$?
		if [ "$cu_rc" -gt 1 ] || grep -q locked "$tmp/cu.err"; then
			cu_why="search exit $cu_rc: $(head -n 1 "$tmp/cu.err")"
		else
			snapshot "$1" "$tmp/cu"
			if [ -n "$(comm -23 "$tmp/cu.articles" "$tmp/ref.articles")" ]; then
				cu_why="a partial or unknown article: $(comm -23 "$tmp/cu.articles" "$tmp/ref.articles" | head -n 2 | tr '\n' ' ')"
			elif [ -n "$(comm -23 "$tmp/cu.ids" "$tmp/ref.ids")" ]; then
				cu_why="an unknown passage id"
			fi
		fi
	fi
	if [ -n "$cu_why" ]; then
		fail "$2"
		echo "#   $cu_why"
		return 1
	fi
	pass "$2"
}

# randoms N MAX SEED: N integers uniform in [0, MAX], one a line, from a
# Park-Miller generator (exact in awk's doubles; mawk's srand is not
# trustworthy with large seeds).
randoms() {
	awk -v n="$1" -v max="$2" -v s="$3" 'BEGIN {
		x = s % 2147483646 + 1
		for (i = 0; i < n; i++) {
			x = (x * 16807) % 2147483647
			printf "%d\n", x / 2147483647 * (max + 1)
		}
	}'
}

# The fixed query set: one query per line, run as text and as JSON.
queries() {
	cat <<'Q'
court
judge appeal
"motion to dismiss"
lawsuit AND NOT trial
title:ruling
outlet:politico security
source:wired.com
date:2024-01-01..2024-06-30 company
govern*
people NEAR years
Q
}

# answers INDEX OUT: the fixed query set's output (text and JSON without
# elapsed_ms) and every passage id a match-all query returns, paged.
answers() {
	: >"$2"
	queries | while IFS= read -r q; do
		printf '== %s\n' "$q" >>"$2"
		"$DOCKET" search --index "$1" -n 20 -- "$q" >>"$2" 2>&1
		echo "rc=$?" >>"$2"
		"$DOCKET" search --index "$1" -n 20 --json -- "$q" 2>&1 |
			sed 's/,"elapsed_ms":[0-9.e+-]*//' >>"$2"
		"$DOCKET" search --index "$1" -n 5 --sort date -- "$q" >>"$2" 2>&1
	done
	an_off=0
	while :; do
		"$DOCKET" search --index "$1" --json -n 10000 --per-article 0 \
			--offset "$an_off" 'NOT zzzqqxxj' 2>/dev/null |
			jq -r 'select(.type == "hit") | .passage_id' >"$tmp/an.page"
		[ -s "$tmp/an.page" ] || break
		cat "$tmp/an.page" >>"$2.all"
		an_off=$((an_off + 10000))
	done
	sort "$2.all" -o "$2.all" 2>/dev/null || : >"$2.all"
}

# reference CLEAN_INDEX: record what a converged index must match, in
# $tmp/ref.* (snapshot and answers).  Call once, before the checks.
reference() {
	snapshot "$1" "$tmp/ref"
	rm -f "$tmp/ref.ans.all"
	answers "$1" "$tmp/ref.ans"
}

# same_content INDEX: the same articles (with passage counts), files and
# passage ids as the reference; quiet, for use inside loops.
same_content() {
	snapshot "$1" "$tmp/sc"
	for part in articles files ids; do
		cmp -s "$tmp/sc.$part" "$tmp/ref.$part" || return 1
	done
}

# check_same INDEX WHAT: converged: same content as the reference and
# byte-identical answers to the query set and to a match-all query.
check_same() {
	cs_why=
	same_content "$1" || cs_why="articles, files or passage ids differ ($(wc -l <"$tmp/sc.ids") vs $(wc -l <"$tmp/ref.ids") passages);"
	rm -f "$tmp/cs.ans.all"
	answers "$1" "$tmp/cs.ans"
	cmp -s "$tmp/cs.ans" "$tmp/ref.ans" || cs_why="$cs_why query answers differ;"
	cmp -s "$tmp/cs.ans.all" "$tmp/ref.ans.all" || cs_why="$cs_why match-all passage ids differ;"
	if [ "$(wc -l <"$tmp/cs.ans.all")" -ne "$(wc -l <"$tmp/ref.ids")" ]; then
		cs_why="$cs_why the match-all query did not list every passage;"
	fi
	if [ -n "$cs_why" ]; then
		fail "$2"
		echo "#  $cs_why"
		diff "$tmp/cs.ans" "$tmp/ref.ans" | head -n 6 | sed 's/^/#   /'
		return 1
	fi
	pass "$2"
}

# shim_count WHAT CORPUS ARGS...: how many WHAT ("syncs" or "writes") a
# whole `docket index ARGS CORPUS` run makes into a fresh index, as the
# shim counts them (empty when it saw none).
shim_count() {
	rm -f "$tmp/report" && rm -rf "$tmp/count"
	sc_what=$1 sc_corpus=$2
	shift 2
	with_shim SHIM_REPORT="$tmp/report" "$DOCKET" index --index "$tmp/count" \
		-q "$@" "$sc_corpus"
	sed -n "s/.*$sc_what=\([0-9]*\).*/\1/p" "$tmp/report"
}

# mid_run_setup WHAT: the 24-article corpus of the one-fault tests in
# $tmp/corpus, its clean build (batch 4) as the reference, and $at, a sync
# in the middle of a whole run, checked to be there (WHAT: "hang", "spin",
# "fault"...).  Ends the test when the helpers or the build fail.
mid_run_setup() {
	helpers || { fail "build the helpers"; done_testing; }
	gen_corpus 24 3 "$tmp/corpus"
	clean_build "$tmp/corpus" "$tmp/clean" --batch 4 || { fail "clean build"; done_testing; }
	reference "$tmp/clean"
	total=$(shim_count syncs "$tmp/corpus" --batch 4)
	echo "# a whole run: ${total:-?} syncs"
	ok "the run syncs often enough to $1 in its middle" [ "${total:-0}" -gt 8 ]
	at=$(( ${total:-8} / 2 ))
}

# shim_index [--bg] VAR=VALUE...: `docket index --batch 4 -q` of
# $tmp/corpus into a fresh $tmp/index under the shim with the variables
# given, stderr in $tmp/err; with --bg as a background job ($! is docket
# itself, not a subshell).
shim_index() {
	si_bg=0
	[ "$1" = --bg ] && si_bg=1 && shift
	rm -rf "$tmp/index"
	set -- LD_PRELOAD="$shim" "$@" \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0:handle_segv=0:handle_abort=0" \
		"$DOCKET" index --index "$tmp/index" --batch 4 -q "$tmp/corpus"
	if [ $si_bg = 1 ]; then
		env "$@" 2>"$tmp/err" &
	else
		env "$@" 2>"$tmp/err"
	fi
}

# one_line_then_sound LABEL REGEX: after a shim_index run that failed,
# $tmp/err is one line matching REGEX, $tmp/index holds whole articles
# only, and a rerun without the shim converges to the clean build.
one_line_then_sound() {
	like "$(cat "$tmp/err")" "$2" "$1: one line naming the index, what was lost and what to run"
	is "$(grep -c . "$tmp/err")" 1 "$1: and only that line"
	check_usable "$tmp/index" "$1: the index is usable, with whole articles only"
	d index --index "$tmp/index" --batch 4 -q "$tmp/corpus"
	ok "$1: a rerun converges to the clean build" same_content "$tmp/index"
}

# clean_build CORPUS INDEX [ARGS...]: a never-interrupted build, timed into
# $clean_secs (milliseconds in $clean_ms).
clean_build() {
	cb_corpus=$1 cb_index=$2
	shift 2
	cb_start=$(date +%s%N)
	"$DOCKET" index --index "$cb_index" -q "$@" "$cb_corpus" || return 1
	clean_ms=$((($(date +%s%N) - cb_start) / 1000000))
}
