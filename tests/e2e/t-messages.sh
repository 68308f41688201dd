#!/bin/sh
# t-messages.sh — one clear line for what used to give engine text or a
# leftover (issue 15): an empty stub (a file, or a folder's XAPIANDB) says
# so instead of Xapian's "uninitialised Database object"; an error raised
# mid-search names the index and the damaged shard; --max-size 0 and an
# unknown --lang name the bad value and leave no index behind (a new
# folder is never made, an existing index is unchanged).
. "$(dirname "$0")/lib.sh"

: >"$tmp/empty.stub"
err=$(d search --index "$tmp/empty.stub" court 2>&1 >/dev/null); rc=$?
is "$rc" 2 "an empty stub file: exit 2"
is "$err" "docket: $tmp/empty.stub: an empty stub file (it names no database)" "... one line saying so"
mkdir "$tmp/ef" && printf '# only a comment\n\n' >"$tmp/ef/XAPIANDB"
err=$(d search --index "$tmp/ef" court 2>&1 >/dev/null)
is "$err" "docket: $tmp/ef/XAPIANDB: an empty stub file (it names no database)" "a folder whose XAPIANDB names nothing: the same line"

err=$(d index --index "$tmp/new1" --max-size 0 "$corpus" 2>&1 >/dev/null); rc=$?
is "$rc" 2 "--max-size 0: exit 2"
like "$err" "^docket: --max-size: '0' is not a size above 0" "... naming the value"
ok "... and no index folder is made" test ! -e "$tmp/new1"
err=$(d index --index "$tmp/new2/sub" --lang klingon "$corpus" 2>&1 >/dev/null); rc=$?
is "$rc" 2 "--lang klingon: exit 2"
like "$err" "^docket: --lang: unknown stemming language 'klingon'" "... naming the value"
ok "... and no folder is made, not even its parent" test ! -e "$tmp/new2"

d index --index "$tmp/ix" --shards 2 -q "$corpus" 2>/dev/null
before=$(cd "$tmp/ix" && ls -lR --time-style=full-iso . | cksum)
d index --index "$tmp/ix" --lang klingon "$corpus" >/dev/null 2>&1
d index --index "$tmp/ix" --max-size 0 "$corpus" >/dev/null 2>&1
is "$(cd "$tmp/ix" && ls -lR --time-style=full-iso . | cksum)" "$before" "an existing index is unchanged by either"

# A shard damaged under a search: the line names the index and the shard.
# Every block after the first of both shards' postlists is overwritten
# whole: which shard a file goes to depends on the checkout's path, and a
# partial overwrite (32 bytes a block) gave, depending on that layout, an
# error, a SIGSEGV inside Xapian or no hits at all (glass blocks carry no
# checksum; docket check finds it).  Whole blocks fail the same way in
# every clone.
python3 - "$tmp/ix/shard-0/postlist.glass" "$tmp/ix/shard-1/postlist.glass" <<'PY'
import sys
for name in sys.argv[1:]:
    with open(name, 'r+b') as f:
        size = f.seek(0, 2)
        for b in range(1, size // 8192):
            f.seek(8192 * b)
            f.write(b'\x5a' * 8192)
PY
for q in "--title-weight 0 court" "-n 500 --per-article 0 court"; do
	err=$(d search --index "$tmp/ix" $q 2>&1 >/dev/null); rc=$?
	is "$rc" 2 "a search ($q) meeting a damaged shard: exit 2"
	like "$err" "^docket: $tmp/ix: .*damaged: shard-[01](, shard-[01])*; see 'docket check'" \
		"... names the index and the damaged shards"
	is "$(printf '%s\n' "$err" | wc -l)" 1 "... in one line"
done

# The fault handler itself, on a process that is surely reading an index:
# a docket serve sent SIGSEGV says so in one line and exits 2.
d index --index "$tmp/ok" -q "$corpus" 2>/dev/null
"$DOCKET" serve --index "$tmp/ok" --listen 127.0.0.1:0 2>"$tmp/serve.err" &
spid=$!
i=0
while [ $i -lt 200 ] && ! grep -q serving "$tmp/serve.err"; do sleep 0.05; i=$((i + 1)); done
kill -SEGV "$spid"
wait "$spid"
is "$?" 2 "a memory fault ends the tool with exit 2"
like "$(tail -n 1 "$tmp/serve.err")" "^docket: $tmp/ok: crashed reading the index \\(memory fault\\).*docket check --index $tmp/ok" \
	"... and one line naming the index and docket check"
DOCKET_CRASH=core "$DOCKET" serve --index "$tmp/ok" --listen 127.0.0.1:0 2>"$tmp/serve2.err" &
spid=$!
i=0
while [ $i -lt 200 ] && ! grep -q serving "$tmp/serve2.err"; do sleep 0.05; i=$((i + 1)); done
kill -SEGV "$spid"
wait "$spid"
is "$?" 139 "DOCKET_CRASH=core keeps the default action"
done_testing
