#!/bin/sh
# t-cli.sh — the tool's surface: help and version, usage errors (one line
# and a hint, exit 2), grep-like exit codes, missing indexes, where the
# index lives by default, escaping of odd paths.
. "$(dirname "$0")/lib.sh"

ok "docket --help" sh -c "'$DOCKET' --help | grep -q 'usage: docket \\[--allow-programs\\] COMMAND'"
ok "docket help" sh -c "'$DOCKET' help | grep -q search"
ok "docket help search" sh -c "'$DOCKET' help search | grep -q -- --per-article"
for c in index search show; do
	ok "docket $c --help" sh -c "'$DOCKET' $c --help | grep -q 'usage: docket $c'"
done
# --version: docket's, then the Xapian linked (as the dev package says)
# and the libstemmer package installed (or "unknown" without dpkg).
ver=$(d --version)
like "$ver" '^docket [0-9]+\.[0-9]+ \(Xapian [0-9.]+, libstemmer [^)]+\)$' "docket --version"
xv=$(pkg-config --modversion xapian-core 2>/dev/null)
like "$ver" "\\(Xapian $xv," "it names the Xapian version ($xv)"
sv=$(dpkg-query -W -f='${Version}' libstemmer0d 2>/dev/null)
like "$ver" "libstemmer ${sv:-unknown}\\)" "and libstemmer's (${sv:-unknown})"
is "$(d -V)" "$ver" "-V says the same"
d frobnicate >/dev/null 2>"$tmp/err"
is "$?" 2 "unknown command: exit 2"
like "$(cat "$tmp/err")" "^docket: no command 'frobnicate'" "and says so"
d search --index "$tmp/nowhere" --frob x >/dev/null 2>"$tmp/err"
is "$?" 2 "unknown option: exit 2"
is "$(head -n 1 "$tmp/err")" "docket: unknown option '--frob'" "one line naming it"
is "$(sed -n 2p "$tmp/err")" "try 'docket search --help'" "then the hint"
d search -n lots x 2>"$tmp/err"
is "$?" 2 "-n lots: exit 2"
d search >/dev/null 2>&1
is "$?" 2 "no query: exit 2"
d index >/dev/null 2>&1
is "$?" 2 "index without PATH: exit 2"

# Missing index.
d search --index "$tmp/nowhere" storm >/dev/null 2>"$tmp/err"
is "$?" 2 "search of a missing index: exit 2"
is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "one line on stderr"
like "$(cat "$tmp/err")" "^docket: .*$tmp/nowhere" "naming the index"
d show --index "$tmp/nowhere" x#1 >/dev/null 2>&1
is "$?" 2 "show on a missing index: exit 2"

# Exit codes like grep.
make_index
s storm >/dev/null
is "$?" 0 "hits: exit 0"
s zzyzxqqnotaword >/dev/null
is "$?" 1 "no hits: exit 1"
s -- 'a AND' >/dev/null 2>"$tmp/err"
is "$?" 2 "bad query: exit 2"
is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "one line on stderr"
like "$(cat "$tmp/err")" "^docket: .*a AND" "naming the query"
for q in '"unbalanced' '((((' 'title:' '*'; do
	s -- "$q" >/dev/null 2>&1
	rc=$?
	ok "query $q: no crash (exit $rc)" [ "$rc" -le 2 ]
done
s --index "$tmp/index" storm >/dev/null
is "$?" 0 "the same index twice is fine"

# Where the index lives.
DOCKET_INDEX=$tmp/index d search storm >/dev/null
is "$?" 0 "DOCKET_INDEX names the index"
mkdir -p "$tmp/xdg/docket"
cp -r "$tmp/index" "$tmp/xdg/docket/index"
env -u DOCKET_INDEX XDG_DATA_HOME="$tmp/xdg" "$DOCKET" search storm >/dev/null
is "$?" 0 "else \$XDG_DATA_HOME/docket/index"
mkdir -p "$tmp/home/.local/share/docket"
cp -r "$tmp/index" "$tmp/home/.local/share/docket/index"
env -u DOCKET_INDEX -u XDG_DATA_HOME HOME="$tmp/home" "$DOCKET" search storm >/dev/null
is "$?" 0 "else ~/.local/share/docket/index"
env -u DOCKET_INDEX -u XDG_DATA_HOME HOME="$tmp/empty" "$DOCKET" search storm 2>"$tmp/err"
is "$?" 2 "no index there: exit 2"
like "$(cat "$tmp/err")" "$tmp/empty/.local/share/docket/index" "naming the default place"
DOCKET_INDEX=$tmp/nowhere d search --index "$tmp/index" storm >/dev/null
is "$?" 0 "--index wins over DOCKET_INDEX"

# Odd file names are escaped on one line; '-' starts are fine after --.
mkdir -p "$tmp/odd"
nl='
'
printf 'title: Odd\n\nA wombat story.\n' >"$tmp/odd/new${nl}line.txt"
printf '\001\002\003\000binary' >"$tmp/odd/-dash.bin"
d index --index "$tmp/odd-index" -v -- "$tmp/odd" 2>"$tmp/err"
is "$?" 0 "indexing odd names: exit 0"
like "$(cat "$tmp/err")" 'new\\nline\.txt' "a newline in a name shows as \\n"
like "$(cat "$tmp/err")" "docket: .*/-dash\.bin: " "a skipped file: one line with its reason"
like "$(cat "$tmp/err")" "indexed 2 files: 1 added, 0 updated, 0 removed, 0 unchanged, 1 skipped: 1 " \
	"summary counts and groups the skip"
d index --index "$tmp/odd-index" -q -- "$tmp/odd" 2>"$tmp/err"
unlike "$(cat "$tmp/err")" "^indexed" "-q: no summary"
unlike "$(cat "$tmp/err")" "dash\.bin" "-q: a skipped file is not listed (-v lists it)"
d index --index "$tmp/odd-index" -- "$tmp/not-there" 2>"$tmp/err"
is "$?" 2 "a missing PATH: exit 2"
like "$(cat "$tmp/err")" "^docket: $tmp/not-there: " "naming it"
d index --index "$tmp/odd-index" --lang french -- "$tmp/odd" 2>"$tmp/err"
is "$?" 2 "--lang other than the index's: exit 2"
is "$(wc -l <"$tmp/err" | tr -d ' ')" 1 "one line"
# --lang is recorded in the index and searches stem with it: French joins
# "mangeaient" and "manger", English does not.
mkdir -p "$tmp/fr"
printf 'title: Audience\n\nLes jurés mangeaient pendant la suspension de séance.\n' >"$tmp/fr/a.txt"
d index --index "$tmp/fr-index" --lang french -q "$tmp/fr"
is "$?" 0 "a new index in French"
d search --index "$tmp/fr-index" manger >/dev/null
is "$?" 0 "a French index finds 'mangeaient' for 'manger'"
d index --index "$tmp/en-index" -q "$tmp/fr"
d search --index "$tmp/en-index" manger >/dev/null
is "$?" 1 "an English index of the same file does not"
d index --index "$tmp/deep/er/index" -q "$tmp/odd"
is "$?" 0 "parent folders of a new index are created"
done_testing
