#!/bin/sh
# t-man.sh — the man pages in man/: each is mandoc -Tlint clean (warnings
# too), every command `docket --help` lists has its page docket-CMD.1, and
# every option `docket CMD --help` shows appears in that page as `Fl x` or
# `Fl \-name`, so neither can be added undocumented.  The checker is first
# run on a help text with an invented option, to prove it can fail.
. "$(dirname "$0")/lib.sh"
man=$DOCKET_TOP/man

# The options a --help text shows: every --name, and each -x that starts
# an option line.  One per line.
help_options() {
	grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}
help_short() {
	grep -oE -- '^ +-[a-zA-Z],' | tr -d ' ,' | sort -u
}

# missing_options HELP_FILE PAGE: the options of HELP_FILE that PAGE does
# not document, one per line (nothing when all are there).
missing_options() {
	for o in $(help_options <"$1"); do
		grep -qE -- "Fl \\\\-${o#--}([^a-z0-9-]|\$)" "$2" || echo "$o"
	done
	for o in $(help_short <"$1"); do
		grep -qE -- "Fl ${o#-}([^a-zA-Z0-9]|\$)" "$2" || echo "$o"
	done
}

if ! command -v mandoc >/dev/null; then
	fail "mandoc is installed (scripts/install-deps test)"
	done_testing
fi

for page in "$man"/*.[1-9]; do
	out=$(mandoc -Tlint -Wwarning "$page" 2>&1)
	is "$out" "" "mandoc -Tlint -Wwarning $(basename "$page")"
done

for page in docket.1 docket-query.7 libdocket.3; do
	ok "man/$page exists" test -f "$man/$page"
done

# The checker itself: an invented option and short flag must be reported.
d search --help >"$tmp/fake.help"
printf '  -Z, --no-such-option  invented\n' >>"$tmp/fake.help"
is "$(missing_options "$tmp/fake.help" "$man/docket-search.1" | tr '\n' ' ')" \
	"--no-such-option -Z " "the checker reports an option the page lacks"

d --help >"$tmp/top.help" 2>&1
cmds=$(sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' "$tmp/top.help" | grep -v '^help$')
like "$cmds" "^search$" "docket --help lists its commands"
like "$cmds" "^serve-shard$" "the command list parser reads a name as long as its column"
for cmd in $cmds; do
	page=$man/docket-$cmd.1
	if [ ! -f "$page" ]; then
		fail "man/docket-$cmd.1 exists"
		continue
	fi
	pass "man/docket-$cmd.1 exists"
	d "$cmd" --help >"$tmp/$cmd.help" 2>&1
	is "$(missing_options "$tmp/$cmd.help" "$page" | tr '\n' ' ')" "" \
		"every option of docket $cmd --help is in docket-$cmd.1"
done

# Every field of the README's query table is in docket-query(7).
# (the table's rows only: the prose after it names non-fields like jduge:)
readme_fields=$(awk '/^### Query language/ { p = 1; next } p && /^#/ { exit } p && /^\|/' \
	"$DOCKET_TOP/README.md" |
	grep -oE '`[a-z]+:' | tr -d '`:' | sort -u)
like "$readme_fields" '^title$' "README's query table lists fields"
missing=$(for f in $readme_fields; do grep -q "^\.It Cm $f:" "$man/docket-query.7" || echo "$f"; done | tr '\n' ' ')
is "$missing" "" "every field of the README's query table is in docket-query.7"

# Every function docket.h exports is in libdocket(3)'s synopsis.
fns=$(grep -A2 DOCKET_EXPORT "$DOCKET_TOP/docket.h" | grep -oE '\bdocket_[a-z0-9_]+\(' | tr -d '(' | sort -u)
like "$fns" '^docket_query_run$' "docket.h's exported functions are read"
missing=$(for f in $fns; do grep -q "^\.Fn $f " "$man/libdocket.3" || echo "$f"; done | tr '\n' ' ')
is "$missing" "" "every function docket.h exports is in libdocket.3"

ok "docket.1 names every command page" sh -c '
	for c in $1; do grep -q "Xr docket-$c 1" "$2" || exit 1; done' - "$cmds" "$man/docket.1"
done_testing
