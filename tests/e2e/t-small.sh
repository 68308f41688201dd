#!/bin/sh
# t-small.sh — the smaller first-hour items of issue 13: BibTeX citations
# escape LaTeX's special characters and keep their lines in text output,
# a backslash prints once, an -n over the cap is lowered with a warning,
# counts say "1 file" / "1 passage", and the README documents the walking
# rules and --min-normlen's real default.
. "$(dirname "$0")/lib.sh"
make_index

# -- BibTeX ------------------------------------------------------------------
s --cite bibtex -n 1 interrogatories >"$tmp/bib"
like "$(cat "$tmp/bib")" "^   @online\{bench[0-9]" "text: the entry starts on the citation line"
like "$(cat "$tmp/bib")" "
     organization = \{Bench \\\\& Bar Daily\}," "text: each field on its own line, & escaped"
like "$(cat "$tmp/bib")" "
     date = \{2025-11-13\}," "text: the entry is not re-wrapped into one paragraph"
is "$(s --json --cite bibtex -n 1 interrogatories | hits_field citation | grep -c '^  [a-z]* = {')" 6 \
	"JSON: the entry's six field lines"

# -- backslashes ---------------------------------------------------------------
mkdir -p "$tmp/bs"
printf 'Filing path dispute\n\nThe clerk found the sealed brief under C:\\cases\\harbor\\sealed on the shared drive.\n' \
	>"$tmp/bs/paths.txt"
d index --index "$tmp/bsidx" -q "$tmp/bs"
d search --index "$tmp/bsidx" sealed >"$tmp/out"
like "$(cat "$tmp/out")" 'C:\\cases\\harbor\\sealed' "a backslash in the text prints once"
unlike "$(cat "$tmp/out")" 'C:\\\\cases' "not doubled"

# -- the -n cap ----------------------------------------------------------------
s -n 20000 --json storm >"$tmp/out" 2>"$tmp/err"
is "$?" 0 "-n 20000 still searches"
like "$(cat "$tmp/err")" "^docket: warning: -n 20000 is over the cap; showing at most 10000 hits" "and warns of the cap"
is "$(s -n 10000 --json storm 2>&1 >/dev/null)" "" "-n 10000: no warning"
like "$(d search --help)" "at most 10000" "--help documents the cap"

# -- grammar ---------------------------------------------------------------------
mkdir -p "$tmp/one"
cp "$tmp/bs/paths.txt" "$tmp/one/"
d index --index "$tmp/oneidx" "$tmp/one" 2>"$tmp/err"
like "$(cat "$tmp/err")" "^indexed 1 file: 1 added" "one file: 'indexed 1 file'"
d index --index "$tmp/oneidx" "$tmp/one" "$tmp/bs" 2>"$tmp/err"
like "$(cat "$tmp/err")" "^indexed 2 files: " "two: 'indexed 2 files'"
s --facets outlet interrogatories >"$tmp/out"
like "$(cat "$tmp/out")" " 1 passage +1 article$" "facets: '1 passage', '1 article'"
unlike "$(cat "$tmp/out")" " 1 passages| 1 articles" "never '1 passages'"

# -- the README ------------------------------------------------------------------
readme=$(cat "$DOCKET_TOP/README.md")
for what in '`.docketignore`' '`--exclude GLOB`' '`--max-size BYTES`' '`--hidden`' '`--follow`'; do
	like "$readme" "$what" "the README documents $what"
done
like "$readme" '`--min-normlen X` is on, at
0.5' "the README gives --min-normlen's real default (0.5)"
like "$(d search --help)" "min-normlen X +BM25 floor on a passage's relative length \(0.5\)" "as --help does"
done_testing
