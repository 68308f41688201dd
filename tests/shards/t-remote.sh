#!/bin/sh
# t-remote.sh — searching several indexes as one, locally and through
# Xapian's remote backend (`docket serve-shard` = xapian-tcpsrv, and the
# program form `remote :xapian-progsrv DIR`), on loopback only.
#
# corpus/ is split into two halves indexed apart, each under a folder named
# "corpus" so that article ids are the same as in an index of the whole.
# For every query of the set, the hits over the two halves (two remote
# shards; two local paths; one local and one remote; two programs) must be
# those of the whole: the same passages in the same order (equal scores may
# tie either way), the same scores to 1e-9 (tests/shards/shardq.c), the same
# snippets, highlights and citations (the JSON output).  Then `docket show`
# through a stub file, and a shard that dies: exit 2 with one line naming
# the shard.  Servers are stopped on exit.
. "$DOCKET_TOP/tests/e2e/lib.sh"
here=$DOCKET_TOP/tests/shards
servers=
trap 'for p in $servers; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"' EXIT

if ! command -v xapian-tcpsrv >/dev/null || ! command -v xapian-progsrv >/dev/null; then
	echo "ok 1 # SKIP xapian-tools is not installed (scripts/install-deps test)"
	echo "1..1"
	exit 0
fi

# -- the indexes ------------------------------------------------------------

mkdir -p "$tmp/whole" "$tmp/a/corpus" "$tmp/b/corpus"
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
for dir in whole a b; do
	if ! d index --index "$tmp/$dir/idx" -q "$tmp/$dir/corpus" 2>"$tmp/err"; then
		fail "index $dir"
		sed 's/^/#   /' "$tmp/err"
		done_testing
	fi
done
ids() { d search --index "$1" --per-article 0 -n 10000 --json 'the OR a OR of' | hits_field article_id | sort -u; }
is "$( (ids "$tmp/a/idx"; ids "$tmp/b/idx") | sort -u)" "$(ids "$tmp/whole/idx")" \
	"the halves hold the whole corpus's articles under the same ids"

# -- the servers (start_server: tests/e2e/lib.sh) ----------------------------

if start_server a "$tmp/a/idx"; then port_a=$port pid_a=$pid; else port_a=0 pid_a=0; fi
if start_server b "$tmp/b/idx"; then port_b=$port pid_b=$pid; else port_b=0 pid_b=0; fi
ok "two shard servers listen on loopback" [ "$port_a" -ne 0 ] && [ "$port_b" -ne 0 ]
like "$(cat "$tmp/a.err")" "^docket: serving $tmp/a/idx on 127.0.0.1:$port_a; search with a stub file line 'remote 127.0.0.1:$port_a'\$" \
	"serve-shard says where it listens and the stub line"
[ "$port_a" -ne 0 ] && [ "$port_b" -ne 0 ] || done_testing

printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port_a" "$port_b" >"$tmp/remote.stub"
printf 'auto %s\nremote 127.0.0.1:%s\n' "$tmp/a/idx" "$port_b" >"$tmp/mixed.stub"
printf 'remote :xapian-progsrv %s\nremote :xapian-progsrv %s\n' "$tmp/a/idx" "$tmp/b/idx" >"$tmp/prog.stub"
# A program line runs only with the opt-in (engine/stub.c; t-safety.sh
# checks the refusal without it).
export DOCKET_ALLOW_PROGRAMS=1

# -- comparing hits ---------------------------------------------------------

# Linked with the static library, so that a rebuild of the shared one
# during the test cannot break it; with the sanitizers when the library
# was built with them (make check).
build_helper "$tmp/shardq" "$here/shardq.c"

# json SPEC OPTS QUERY: the --json output, paths made root-free, with the
# order kept only as the sequence of sort keys and the hits sorted by id
# (so equal keys may come in either order).  The summary's "estimated" is
# left out: Xapian's estimate depends on how the passages are split.  The key is the score, or the
# date and the score with --sort date.
json() {
	spec=$1 opts=$2 query=$3
	# shellcheck disable=SC2086
	d search $spec --json $opts -- "$query" 2>&1 |
		sed "s|$tmp/[a-z]*/corpus/|CORPUS/|g" |
		jq -c -s --arg opts "$opts" '(map(select(.type == "hit")) | map(del(.rank))) as $h
			| {key: ($h | map(if ($opts | test("--sort")) then [.date, .score] else .score end)),
			   hits: ($h | sort_by(.passage_id)),
			   rest: map(select(.type != "hit") | del(.elapsed_ms, .estimated))}' 2>&1
}

# exact SPEC OPTS QUERY: the scores to 1e-9, keys in order then sorted hits.
exact() {
	# shellcheck disable=SC2086
	"$tmp/shardq" $1 -- $2 "$3" >"$tmp/exact" 2>&1
	cut -f1 "$tmp/exact"
	sort "$tmp/exact"
}

# ids SPEC OPTS QUERY: the passage ids found, sorted.
hit_ids() {
	# shellcheck disable=SC2086
	d search $1 --json $2 -- "$3" | hits_field passage_id | sort
}

# A wildcard is expanded shard by shard, and the synonym of its expansions
# is weighted with each shard's own statistics (Xapian 1.4), so over
# shards it finds the same passages as over the whole but scores them
# differently.  For those queries the remote shards must agree exactly with
# the same two shards opened locally, and find the whole's passages.  That
# was seen to hold when every term a wildcard expands to lives in one half
# of the corpus only: partner* (partner, partnership: half b) and pira*
# (piraci, pirat: half a).  A term in both halves can be weighted otherwise
# over two servers than over their four shards opened locally: with the
# stems of schema 2, stor* ("store") and chrom* ("chrome") are.
while IFS='|' read -r opts query; do
	[ -n "$query" ] || continue
	want_j=$(json "--index $tmp/whole/idx" "$opts" "$query")
	want_x=$(exact "$tmp/whole/idx" "$opts" "$query")
	case $query in *'*'*)
		is "$(hit_ids "--index $tmp/remote.stub" "$opts -n 10000" "$query")" \
			"$(hit_ids "--index $tmp/whole/idx" "$opts -n 10000" "$query")" \
			"wildcard: [$opts] $query finds the whole's passages over remote shards"
		want_j=$(json "--index $tmp/a/idx --index $tmp/b/idx" "$opts" "$query")
		want_x=$(exact "$tmp/a/idx $tmp/b/idx" "$opts" "$query")
	esac
	case $want_j in *'"hits":[]'*) fail "query [$opts] $query finds something in the whole" ;; esac
	for kind in remote local mixed prog; do
		case $kind in
		remote) spec="--index $tmp/remote.stub" idxs=$tmp/remote.stub ;;
		local) spec="--index $tmp/a/idx --index $tmp/b/idx" idxs="$tmp/a/idx $tmp/b/idx" ;;
		mixed) spec="--index $tmp/mixed.stub" idxs=$tmp/mixed.stub ;;
		prog) spec="--index $tmp/prog.stub" idxs=$tmp/prog.stub ;;
		esac
		got_j=$(json "$spec" "$opts" "$query")
		got_x=$(exact "$idxs" "$opts" "$query")
		if [ "$got_j" = "$want_j" ] && [ "$got_x" = "$want_x" ]; then
			pass "$kind: [$opts] $query"
		else
			fail "$kind: [$opts] $query"
			printf '%s\n' "$want_x" >"$tmp/w"
			printf '%s\n' "$got_x" >"$tmp/g"
			diff "$tmp/w" "$tmp/g" | head -n 8 | sed 's/^/#   /'
			printf '%s\n' "$want_j" | jq -c '.hits[] | [.passage_id, .score]' 2>&1 >"$tmp/w"
			printf '%s\n' "$got_j" | jq -c '.hits[] | [.passage_id, .score]' 2>&1 >"$tmp/g"
			diff "$tmp/w" "$tmp/g" | head -n 8 | sed 's/^/#   /'
			[ "$got_j" = "$want_j" ] || printf '%s\n' "$got_j" | head -c 400 | sed 's/^/#   /'
			echo
		fi
	done
done <<'EOF'
|storm
|"storm off to AWS"
|Amazon NEAR cloud
|partner*
|pira*
|title:Microsoft
|section:remedies
|outlet:Reuters
|source:wired.com
|partnership source:reuters.com
|storm source:wired.com
|court source:Reuters
|partnership source:reuters
|ruling date:2025-01-01..2025-12-31
|OpenAI date:2026-04-01..
|copyright
--sort date|copyright
--sort date -n 20|court
--per-article 1|OpenAI
--per-article 2 -n 6 --offset 3|OpenAI
--per-article 0 -n 30|Apple OR Google
-n 5 --offset 5|judge
|Microsoft’s CTO
|judge -appeal
|"fair use" OR settlement
|Google AND remedies
|interrogatories
|antitrust NOT Google
EOF

# -- show, and a shard that dies --------------------------------------------

id=$(d search --index "$tmp/whole/idx" --json -n 1 '"storm off to AWS"' | hits_field passage_id)
want=$(d show --index "$tmp/whole/idx" --json -C 2 "$id" | sed "s|$tmp/[a-z]*/corpus/|CORPUS/|g")
got=$(d show --index "$tmp/remote.stub" --json -C 2 "$id" 2>&1 | sed "s|$tmp/[a-z]*/corpus/|CORPUS/|g")
is "$got" "$want" "show $id through two remote shards"
like "$want" '"passage_id"' "show printed the passage"

# While the index is open: kill shard a between two runs of one query.
paused_query "$tmp/remote.stub" storm
kill "$pid_a"
wait "$pid_a" 2>/dev/null
echo go >&3
exec 3>&-
wait "$qpid"
is "$?" 2 "a shard dying under an open index fails the next search"
msg=$(cat "$tmp/pause.err")
echo "# mid-run: $msg"
is "$(printf '%s\n' "$msg" | wc -l)" 1 "... on one line"

# A new search after the death.
d search --index "$tmp/remote.stub" storm >"$tmp/out" 2>"$tmp/err"
is "$?" 2 "a search with a shard down exits 2"
msg=$(cat "$tmp/err")
echo "# new search: $msg"
is "$(printf '%s\n' "$msg" | wc -l)" 1 "... with one line of error"
like "$msg" "^docket: .*($tmp/remote.stub|127\.0\.0\.1:$port_a).*unreachable" \
	"... naming the stub file or the dead shard's address"
is "$(cat "$tmp/out")" "" "... and no hits"

# -- serve-shard's own errors -----------------------------------------------

d serve-shard --index "$tmp/b/idx" --listen "127.0.0.1:$port_b" >/dev/null 2>"$tmp/err"
is "$?" 2 "serve-shard on a port in use exits 2"
like "$(cat "$tmp/err")" "^docket: cannot listen on 127.0.0.1 port $port_b: " "... saying so"
d serve-shard --index "$tmp/nothing" >/dev/null 2>"$tmp/err"
is "$?" 2 "serve-shard without an index exits 2"
PATH=/nonexistent "$DOCKET" serve-shard --index "$tmp/b/idx" >/dev/null 2>"$tmp/err"
is "$?" 2 "serve-shard without xapian-tcpsrv exits 2"
like "$(cat "$tmp/err")" "install xapian-tools" "... and says what to install"
d serve-shard --index "$tmp/b/idx" --listen 6431 >/dev/null 2>"$tmp/err"
is "$?" 2 "--listen without a host is a usage error"
done_testing
