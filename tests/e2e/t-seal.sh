#!/bin/sh
# t-seal.sh — a writer checks a shard before writing to it when, and only
# when, its files changed since docket last left them (engine/seal.c,
# docket.seal): planted damage is refused with one line and nothing
# written, an unchanged index is not checked again.
. "$(dirname "$0")/lib.sh"

cp -r "$corpus" "$tmp/in"
idx=$tmp/idx
notes() { grep -c 'changed since docket last left them' "$tmp/err"; }

d index --index "$idx" -v "$tmp/in" >/dev/null 2>"$tmp/err"
is "$?" 0 "a first run"
is "$(notes)" 0 "... checks nothing (its shards are new)"
is "$(head -n 1 "$idx/docket.seal")" "docket seal 1" "... and leaves a seal"
nshards=$(grep -c '^auto ' "$idx/XAPIANDB")
is "$(($(wc -l <"$idx/docket.seal") - 1))" "$nshards" "... with one line per shard"

d index --index "$idx" -v "$tmp/in" >/dev/null 2>"$tmp/err"
is "$(notes)" 0 "an unchanged index is not checked again"

# another program touches one shard's file
touch "$idx/shard-0/termlist.glass"
d index --index "$idx" -v "$tmp/in" >/dev/null 2>"$tmp/err"
is "$?" 0 "a shard whose files changed behind docket's back"
is "$(notes)" 1 "... is checked, that shard only"
like "$(cat "$tmp/err")" "$idx/shard-0: its files changed since docket last left them .*checked before writing, sound" \
	"... saying which, with -v"
d index --index "$idx" -v "$tmp/in" >/dev/null 2>"$tmp/err"
is "$(notes)" 0 "... and sealed again after the run"

# an index from before the seal
rm "$idx/docket.seal"
d index --index "$idx" -v "$tmp/in" >/dev/null 2>"$tmp/err"
is "$?" 0 "an index without a seal (an older docket's)"
is "$(notes)" "$nshards" "... has every shard checked once"
ok "... and is sealed" test -f "$idx/docket.seal"

# damage planted in a table that opening the shard does not read, its
# modification time put back: refused before anything is written
python3 - "$idx/shard-0/position.glass" <<'PY'
import os, sys
st = os.stat(sys.argv[1])
with open(sys.argv[1], 'r+b') as f:
    f.seek(8192 + 100)
    f.write(b'\x5a' * 64)
os.utime(sys.argv[1], ns=(st.st_atime_ns, st.st_mtime_ns))
PY
printf 'title: A new article\n\nThe court heard a new motion today.\n' >"$tmp/in/new.txt"
sums() { (cd "$idx" && find . -type f ! -name docket.lock | sort | xargs md5sum); }
sums >"$tmp/before"
d index --index "$idx" "$tmp/in" >/dev/null 2>"$tmp/err"
is "$?" 2 "damage planted in a shard (its mtime put back): the run is refused"
like "$(cat "$tmp/err")" "^docket: $idx: shard-0 is damaged \\(Xapian's check: .*\\): nothing was written; run 'docket check --index $idx'\$" \
	"... with one line naming the index, the shard and what to run"
is "$(grep -c . "$tmp/err")" 1 "... and only that line"
sums >"$tmp/after"
ok "... and not one byte of the index changed" cmp -s "$tmp/before" "$tmp/after"
done_testing
