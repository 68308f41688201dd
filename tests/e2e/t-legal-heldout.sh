#!/bin/sh
# t-legal-heldout.sh — the cross-article grouping of issue 17 over the
# held-out set eval/legal/heldout: each of its four cases written three or
# more ways across articles is found, every article of it, by `case:` (the
# aliases file of the set where the spellings differ), and `docket cases`
# counts each one once.  The writings are those of the articles, listed in
# eval/legal/heldout/README.md.
. "$(dirname "$0")/lib.sh"
set_dir=$DOCKET_TOP/eval/legal/heldout
idx=$tmp/idx
if ! d index --index "$idx" -q "$set_dir/articles" 2>"$tmp/err"; then
	fail "index the held-out set"
	sed 's/^/#   /' "$tmp/err"
	done_testing
fi

# The articles (sorted, unique, "aNN ") that QUERY finds.
arts() {
	d search --index "$idx" --json -n 1000 --per-article 1 -- "$1" | hits_field article_id |
		sed 's|^articles/||; s|\.txt$||' | sort -u | tr '\n' ' '
}

# every QUERY of the rest finds exactly the articles WANT
all_find() {
	want=$1
	shift
	for q in "$@"; do
		is "$(arts "$q")" "$want" "$q finds every article of the case"
	done
}

ostrander="a01 a02 a03 a04 a47 "
brightwater="a05 a06 a07 "
calder="a08 a09 a10 "
northwind="a11 a12 a13 "

# -- without aliases: the written forms of one spelling already meet --------
all_find "$ostrander" 'case:ostrander' 'case:quillfeather' 'case:"Ostrander vs. Quillfeather"' \
	'case:"Ostrander v. Quillfeather"'
is "$(arts 'case:"Ostrander v. Quillfeather Labs, Inc."')" "a01 a03 a04 a47 " \
	"a longer caption finds the articles that write it so, not the short a02"
is "$(arts 'case:"In re: Northwind Health Data Breach Litig."')" "a11 a12 " \
	"In re: and Litig. are the same caption; the renamed one is not, yet"
is "$(arts 'case:"SEC v. Brightwater Capital Management LLC"')" "a05 " \
	"without aliases SEC and Securities and Exchange Commission differ"

# -- with the set's aliases file in the index folder -------------------------
cp "$set_dir/docket.aliases" "$idx/docket.aliases"
all_find "$ostrander" 'case:"Ostrander vs. Quillfeather"'
all_find "$brightwater" 'case:brightwater' 'case:"SEC v. Brightwater Capital Management LLC"' \
	'case:"Securities and Exchange Commission v. Brightwater Capital Management, L.P."' \
	'case:"S.E.C. v. Brightwater"'
# the short caption reaches the longer writing's merged spelling too (a10)
all_find "$calder" 'case:calder' 'case:"U.S. v. Calder Freight"' 'case:"United States v. Calder"'
is "$(arts 'case:"United States of America v. Calder Freight Lines"')" "a08 a10 " \
	"the merged spelling finds its group's full writings"
all_find "$northwind" 'case:northwind' 'case:"In re Northwind Health Data Breach Litigation"' \
	'case:"In re: Northwind Health Data Breach Litig."' \
	'case:"In re Northwind Health Data Security Incident Litig."'

# -- docket cases counts each of the four once, with all its articles --------
cases=$(d cases --index "$idx" --json)
for c in 'Ostrander v. Quillfeather Labs	5' \
	'Securities and Exchange Commission v. Brightwater Capital Management	3' \
	'United States v. Calder Freight Lines	3' \
	'In re Northwind Health Data Breach Litigation	3'; do
	name=${c%	*}
	is "$(echo "$cases" | jq -r --arg n "$name" 'select(.case==$n) | .articles')" "${c#*	}" \
		"docket cases: $name once, with every article"
done
is "$(echo "$cases" | jq -r .case | grep -ci -e brightwater -e 'calder' -e northwind -e ostrander)" 4 \
	"no second entry for any of the four"
done_testing
