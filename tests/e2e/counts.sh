# counts.sh — what t-facets.sh, t-timeline.sh and t-coverage.sh share
# (sourced after lib.sh): the indexes they count on, and the expected
# counts computed independently, with jq, from the JSON of an uncapped
# search (`--per-article 0 -n 10000`), never from docket's own counting.
#
# make_count_indexes: $tmp/whole/idx (corpus/), $tmp/gen/idx (bench/gen,
# 300 articles), and when xapian-progsrv exists $tmp/mixed.stub: corpus/
# split in two halves, one local and one a remote shard (`remote
# :xapian-progsrv`), so that remote counts can be checked.
# Sets $have_remote to 1 or 0.

# A program line in a stub runs only with the opt-in (engine/stub.c;
# t-safety.sh checks the refusal without it); these stubs are named here.
export DOCKET_ALLOW_PROGRAMS=1

make_count_indexes() {
	mkdir -p "$tmp/whole" "$tmp/a/corpus" "$tmp/b/corpus" "$tmp/gen"
	cp -R "$corpus" "$tmp/whole/corpus"
	n=0
	(cd "$corpus" && find . -type f ! -name README.md ! -name .docketignore | sort) >"$tmp/files"
	while read -r f; do
		n=$((n + 1))
		half=a
		[ $((n % 2)) -eq 0 ] && half=b
		mkdir -p "$tmp/$half/corpus/$(dirname "$f")"
		cp "$corpus/$f" "$tmp/$half/corpus/$f"
	done <"$tmp/files"
	"$DOCKET_BUILD/bench/gen" --articles 300 --seed 11 "$tmp/gen/corpus" || return 1
	for dir in whole a b gen; do
		d index --index "$tmp/$dir/idx" -q "$tmp/$dir/corpus" 2>"$tmp/err" || {
			sed 's/^/#   /' "$tmp/err"
			return 1
		}
	done
	have_remote=0
	if command -v xapian-progsrv >/dev/null; then
		have_remote=1
		printf 'auto %s\nremote :xapian-progsrv %s\n' "$tmp/a/idx" "$tmp/b/idx" >"$tmp/mixed.stub"
	fi
}

# hits INDEX QUERY: every matching passage's JSON hit, one a line (copies
# too: the counts count every match, as README says for coverage).
hits() {
	d search --index "$1" --per-article 0 --copies -n 10000 --json -- "$2" | jq -c 'select(.type == "hit")'
}
