#!/bin/sh
# t-formats.sh — the output formats are one table shared by `search` and
# `show` (cli/printer.h): `show --format json|text` are the very bytes of
# `show --json` and plain `show`, trec is refused by show with the list of
# formats it can print, an unknown format is refused naming the table's
# formats.  And the option tables (cli.h, struct cli_option): every option
# each command's --help lists is accepted by its parser with a value of the
# shape the help gives, short forms included; one that is not listed is
# refused, bar the documented spelling alias --colour.
. "$(dirname "$0")/lib.sh"

make_index
id=$(s --json -n 1 microsoft | jq -r 'select(.type == "hit") | .passage_id')
like "$id" '#[0-9]+$' "a passage id to show ($id)"
show() { d show --index "$tmp/index" "$@"; }

show -C 1 --json -- "$id" >"$tmp/json"
show -C 1 --format json -- "$id" >"$tmp/fjson"
is "$?" 0 "show --format json: exit 0"
ok "show --format json is show --json, byte for byte" cmp -s "$tmp/json" "$tmp/fjson"
is "$(jq -r .type "$tmp/fjson" | sort -u)" passage "one passage object a line"
ok "show --format json meets the hit contract" jsoncheck -p <"$tmp/fjson"
is "$(jq -r 'select(.passage_id == "'"$id"'") | .passage_id' "$tmp/fjson")" "$id" \
	"the asked-for passage is among them"

show -C 1 -- "$id" >"$tmp/text"
show -C 1 --format text -- "$id" >"$tmp/ftext"
is "$?" 0 "show --format text: exit 0"
ok "show --format text is plain show, byte for byte" cmp -s "$tmp/text" "$tmp/ftext"
is "$(grep -c '^>' "$tmp/ftext")" 2 "text marks the asked-for passage (place and text)"
title=$(jq -r 'select(.passage_id == "'"$id"'") | .title' "$tmp/fjson")
is "$(head -n 1 "$tmp/ftext")" "$title" "text starts with the article's title"
show -C 1 --format json --format text -- "$id" >"$tmp/last"
ok "the last --format wins" cmp -s "$tmp/text" "$tmp/last"

show --format trec -- "$id" >/dev/null 2>"$tmp/err"
is "$?" 2 "show --format trec: usage error"
is "$(head -n 1 "$tmp/err")" "docket: --format: 'trec' is not text or json" \
	"naming the formats show can print"
s --format yaml x >/dev/null 2>"$tmp/err"
is "$?" 2 "search --format yaml: usage error"
is "$(head -n 1 "$tmp/err")" "docket: --format: 'yaml' is not text, json, trec or csv" \
	"naming the formats search can print"
s -n 3 microsoft >"$tmp/s1"
s -n 3 --format text microsoft >"$tmp/s2"
ok "search --format text is the default" cmp -s "$tmp/s1" "$tmp/s2"

# sample PLACEHOLDER: a value of that shape, or nothing when unknown.
sample() {
	case $1 in
	N | S | SECONDS | ID) echo 1 ;;
	DIR) echo "$tmp/no-index" ;;
	WHAT) echo date ;;
	FMT) echo json ;;
	K1,B) echo 1.2,0.75 ;;
	X | W) echo 0.5 ;;
	STYLE) echo markdown ;;
	WHEN) echo never ;;
	QUERY | GLOB) echo word ;;
	LANG) echo english ;;
	BYTES) echo 1M ;;
	HOST:PORT) echo 127.0.0.1:7001 ;;
	FIELDS) echo outlet,month ;;
	FIELD:VALUE) echo outlet:Reuters ;;
	PERIOD) echo week ;;
	WHICH) echo event ;;
	outlet) echo outlet ;;
	esac
}

# options: each option line of --help as "SHORT LONG KIND VALUE": SHORT
# the letter or "-", KIND "none", "req" or "opt" (--x[=VALUE]), VALUE the
# placeholder or "-".  The left column ends at the first two spaces.
options() {
	awk '/^  (-., )?--|^      --/ {
		sub(/^ +/, ""); i = index($0, "  "); left = i ? substr($0, 1, i - 1) : $0
		n = split(left, w, " "); s = "-"; k = 1
		if (w[1] ~ /^-.,$/) { s = substr(w[1], 2, 1); k = 2 }
		long = w[k]; kind = "none"; val = "-"
		if (long ~ /\[=/) { kind = "opt"; val = long; sub(/.*\[=/, "", val); sub(/\]$/, "", val); sub(/\[=.*/, "", long) }
		else if (n > k) { kind = "req"; val = w[k + 1] }
		sub(/^--/, "", long)
		print s, long, kind, val
	}'
}

# Every listed option, then --help: the parser must take the option (with
# a sample value of its shape) and reach --help (exit 0, the usage line).
for c in index search show serve-shard timeline coverage; do
	d "$c" --help | options >"$tmp/opts"
	n=$(wc -l <"$tmp/opts" | tr -d ' ')
	want=$(d "$c" --help | grep -Ec '^  (-., )?--|^      --')
	is "$n" "$want" "$c --help: every option line parsed ($n)"
	bad=
	while read -r short long kind val; do
		[ "$long" = help ] && continue
		v=
		if [ "$kind" != none ]; then
			v=$(sample "$val")
			[ -n "$v" ] || { bad="$bad --$long(no sample for $val)"; continue; }
		fi
		set -- "--$long"
		[ -n "$v" ] && set -- "--$long=$v"
		d "$c" "$@" --help 2>/dev/null | grep -q "^usage: docket $c" || bad="$bad $*"
		[ "$short" = - ] && continue
		set -- "-$short"
		[ "$kind" = req ] && set -- "-$short" "$v"
		d "$c" "$@" --help 2>/dev/null | grep -q "^usage: docket $c" || bad="$bad $*"
	done <"$tmp/opts"
	is "${bad:-none}" none "$c accepts every option its --help lists, long and short"
	d "$c" --frobnicate --help >/dev/null 2>&1
	is "$?" 2 "$c refuses an option its --help does not list"
done
d search --colour=never --help | grep -q '^usage: docket search'
is "$?" 0 "--colour, the unlisted spelling alias, is accepted"
# a bad --color or --cite value is a usage error naming the value, in every
# command that takes it (cli/options.c: take_color, take_cite)
for c in search show copies quotes timeline coverage; do
	d $c --color=sometimes x >/dev/null 2>"$tmp/err"
	is "$?" 2 "$c --color=sometimes: exit 2"
	like "$(cat "$tmp/err")" "--color: 'sometimes' is not auto, always or never" "... naming the value"
done
for c in search show copies; do
	d $c --cite=apa x >/dev/null 2>"$tmp/err"
	is "$?" 2 "$c --cite=apa: exit 2"
	like "$(cat "$tmp/err")" "--cite: 'apa' is not plain, markdown or bibtex" "... naming the value"
done
done_testing
