#!/bin/sh
# t-check.sh — `docket check [--repair]` (issue 15), on real index folders:
# a clean index is exit 0; a lost or damaged XAPIANDB, a damaged shard, a
# shard of another schema, a linked docket.lock and what an interrupted
# run leaves (XAPIANDB.tmp, docket's databases the stub does not name) are
# each one line naming the part, exit 1; --repair rebuilds the stub from
# the shards found, removes docket's stale temporaries and says so, never
# touches the user's files nor rewrites a damaged shard, and does nothing
# while a writer holds the lock (exit 2).
. "$(dirname "$0")/lib.sh"
build_helper "$tmp/setmeta" "$DOCKET_TOP/tests/e2e/setmeta.c"

ix=$tmp/ix
d index --index "$ix" -q --shards 2 "$corpus" 2>/dev/null
cp "$ix/XAPIANDB" "$tmp/stub.orig"
before=$(d search --index "$ix" --json court | wc -l)

out=$(d check --index "$ix"); rc=$?
is "$rc" 0 "a fresh index checks clean (exit 0)"
like "$out" "shard-1: [0-9]+ passages, schema [0-9]+, Xapian's check clean" "each shard's line says Xapian's check ran"
like "$out" "^$ix: clean\$" "the summary line says clean"

# A lost stub: found, then rebuilt from the shards found.
rm "$ix/XAPIANDB"
out=$(d check --index "$ix"); rc=$?
is "$rc" 1 "a lost XAPIANDB is a problem (exit 1)"
like "$out" "^problem: $ix: XAPIANDB .*missing.*--repair' rebuilds it from the 2 shards" "... named, with what --repair would do"
unlike "$out" "not name" "... the shards found are checked, not taken for strays"
ok "... a check without --repair changes nothing" test ! -e "$ix/XAPIANDB"
out=$(d check --index "$ix" --repair); rc=$?
is "$rc" 0 "--repair rebuilds it: exit 0"
like "$out" "^repaired: $ix: .*rebuilt XAPIANDB from the 2 shards found" "... one line saying what it did"
ok "... the rebuilt stub is the one lost" cmp -s "$ix/XAPIANDB" "$tmp/stub.orig"
is "$(d search --index "$ix" --json court | wc -l)" "$before" "... and searches find what they found before"

# A damaged stub (not docket's shard list) is rebuilt the same way.
printf 'auto shard-0\ngarbage\n' >"$ix/XAPIANDB"
out=$(d check --index "$ix" --repair); rc=$?
is "$rc" 0 "--repair rebuilds a damaged XAPIANDB"
like "$out" "not docket's shard list: rebuilt XAPIANDB" "... and says so"
ok "... as it was" cmp -s "$ix/XAPIANDB" "$tmp/stub.orig"

# What an interrupted run leaves, beside the user's own files.
echo 'half a stub' >"$ix/XAPIANDB.tmp"
cp -r "$ix/shard-0" "$ix/shard-0.7"   # docket's by content, not named
mkdir "$ix/shard-1.stage-2"           # an empty staging folder
echo 'my notes' >"$ix/shard-7.txt"
mkdir "$ix/shard-3" && echo 'article' >"$ix/shard-3/a.txt"
out=$(d check --index "$ix"); rc=$?
is "$rc" 1 "stray temporaries are problems (exit 1)"
like "$out" "^problem: .*XAPIANDB.tmp is left" "... XAPIANDB.tmp named"
like "$out" "^problem: .*shard-0.7 is a database of docket's the stub does not name" "... a stale generation named"
like "$out" "^problem: .*shard-1.stage-2 is a database of docket's" "... a staging folder named"
like "$out" "^ok: .*shard-7.txt is not docket's: left alone" "... the user's file is only mentioned"
out=$(d check --index "$ix" --repair); rc=$?
is "$rc" 0 "--repair removes them: exit 0"
is "$(printf '%s\n' "$out" | grep -c '^repaired: .*removed')" 3 "... one 'removed' line per temporary"
ok "... they are gone" test ! -e "$ix/XAPIANDB.tmp" -a ! -e "$ix/shard-0.7" -a ! -e "$ix/shard-1.stage-2"
is "$(cat "$ix/shard-7.txt") $(cat "$ix/shard-3/a.txt")" "my notes article" "... the user's files are untouched"
rm -r "$ix/shard-7.txt" "$ix/shard-3"

# A planted link as docket.lock: reported; --repair removes the link only.
echo 'precious' >"$tmp/precious"
mv "$ix/docket.lock" "$tmp/lock.save"
ln -s "$tmp/precious" "$ix/docket.lock"
out=$(d check --index "$ix"); rc=$?
is "$rc" 1 "a linked docket.lock is a problem"
like "$out" "docket.lock is not a plain file" "... named"
out=$(d check --index "$ix" --repair); rc=$?
like "$out" "^repaired: .*removed docket.lock" "--repair removes the link"
is "$(cat "$tmp/precious")" "precious" "... never its target"

# A writer at work: --repair changes nothing (exit 2).
if command -v flock >/dev/null; then
	rm "$ix/XAPIANDB"
	out=$(flock "$ix/docket.lock" "$DOCKET" check --index "$ix" --repair); rc=$?
	is "$rc" 2 "--repair while a writer holds the lock: exit 2"
	like "$out" "a writer holds the index.*nothing repaired" "... says so"
	ok "... and repairs nothing" test ! -e "$ix/XAPIANDB"
	d check --index "$ix" --repair >/dev/null
else
	pass "# SKIP flock(1) missing" && pass "# SKIP" && pass "# SKIP"
fi

# A shard of another schema version.
cp -r "$ix" "$tmp/old"
"$tmp/setmeta" "$tmp/old/shard-1" docket.schema 1
out=$(d check --index "$tmp/old"); rc=$?
is "$rc" 1 "a shard of another schema is a problem"
like "$out" "^problem: .*shard-1 has schema version 1; this docket reads" "... named with its version"

# A damaged shard: Xapian's check finds it; --repair leaves it be.
python3 - "$ix/shard-0/position.glass" <<'PY'
import sys
with open(sys.argv[1], 'r+b') as f:
    size = f.seek(0, 2)
    for b in range(1, size // 8192):
        f.seek(8192 * b + 40)
        f.write(b'\x5a' * 32)
PY
sum=$(cat "$ix"/shard-0/* | cksum)
out=$(d check --index "$ix"); rc=$?
is "$rc" 1 "a damaged position table is a problem (exit 1)"
like "$out" "^problem: $ix: shard-0 is damaged: Xapian's check" "... one line naming the shard"
like "$out" "^ok: .*shard-1: " "... the sound shard is still checked"
out=$(d check --index "$ix" --repair); rc=$?
is "$rc" 1 "--repair cannot mend a damaged shard: exit 1"
is "$(cat "$ix"/shard-0/* | cksum)" "$sum" "... and never rewrites it"

out=$(d check --index "$tmp/none" 2>&1); rc=$?
is "$rc" 2 "no index there: exit 2"
like "$out" "no index here" "... says so"
done_testing
