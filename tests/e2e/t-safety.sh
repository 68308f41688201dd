#!/bin/sh
# t-safety.sh — docket never loses a user's file or an article (issue 15),
# with real files, folders, symbolic links and permissions:
#   - only databases docket made (judged by their contents, not their
#     names) are ever removed from an index folder, by any command,
#     bulk loads and their sweep included; a non-empty folder that is not
#     a docket index is refused before anything is written into it;
#   - a lost stub (XAPIANDB) is rebuilt from the shards found;
#   - a planted symbolic link docket.lock or XAPIANDB.tmp never has its
#     target truncated or overwritten;
#   - a folder unreadable this time, or a file grown past --max-size, keeps
#     what was indexed from it; only what is really gone is removed.
. "$(dirname "$0")/lib.sh"
gen=$DOCKET_BUILD/bench/gen

# A small corpus of our own: two roots.
mkdir -p "$tmp/docs/a" "$tmp/docs/b" "$tmp/other"
for i in 1 2 3 4 5 6; do
	printf 'Ruling %s in the Harlow matter\n\nJudge Okafor set a hearing on the motion number %s.\n' \
		"$i" "$i" >"$tmp/docs/a/r$i.txt"
	printf 'Filing %s\n\nThe Brennick Mills docket shows exhibit %s was sealed.\n' \
		"$i" "$i" >"$tmp/docs/b/f$i.txt"
	printf 'Other %s\n\nTestimony from the Quorra Bay trial, day %s.\n' \
		"$i" "$i" >"$tmp/other/o$i.txt"
done

# plant DIR: user files named like shards, in folder DIR.
plant() {
	mkdir -p "$1/shard-12" "$1/shard-1" "$1/shard-0.3"
	echo 'my notes' >"$1/shard-7.txt"
	echo 'my notes' >"$1/shard-12/notes.txt"
	echo 'article' >"$1/shard-1/a.txt"
	echo 'article' >"$1/shard-0.3/b.txt"
}
# intact DIR: are all the planted files there, unchanged?
intact() {
	for f in shard-7.txt shard-12/notes.txt; do
		[ "$(cat "$1/$f" 2>/dev/null)" = 'my notes' ] || return 1
	done
	for f in shard-1/a.txt shard-0.3/b.txt; do
		[ "$(cat "$1/$f" 2>/dev/null)" = 'article' ] || return 1
	done
}

# --- a non-empty folder that is not an index is refused, untouched
plant "$tmp/mine"
out=$(d index --index "$tmp/mine" "$tmp/docs" 2>&1)
is "$?" 2 "a non-empty folder that is no index: exit 2"
like "$out" "^docket: .*mine: not a docket index and not empty" "... one line saying so"
is "$(echo "$out" | wc -l)" 1 "... and only one"
ok "... its files are untouched" intact "$tmp/mine"
is "$(ls "$tmp/mine" | tr '\n' ' ')" "shard-0.3 shard-1 shard-12 shard-7.txt " \
	"... and nothing was added to it (no lock, no shard)"

# --- user files planted in an index folder survive every command
d index --index "$tmp/ix" --shards 1 -q "$tmp/docs" || fail "index docs"
plant "$tmp/ix"
d index --index "$tmp/ix" -q "$tmp/docs" || fail "reindex with planted files"
ok "a rerun (the writer's sweep) leaves them" intact "$tmp/ix"
d search --index "$tmp/ix" Harlow >/dev/null || fail "search with planted files"
d show --index "$tmp/ix" "docs/a/r1.txt#1" >/dev/null 2>&1
ok "search and show leave them" intact "$tmp/ix"

# A bulk load: after the first batch the rest is staged, merged into a
# new generation of the shard (shard-0.1, ...) and swapped in; the user's
# shard-0.3 lies on that road.
if [ -x "$gen" ]; then
	"$gen" --articles 120 --seed 3 "$tmp/bulk" >/dev/null
	d index --index "$tmp/bix" --shards 1 -q "$tmp/docs" || fail "index docs"
	plant "$tmp/bix"
	for round in 1 2 3 4; do
		d index --index "$tmp/bix" --batch 2 -q "$tmp/bulk" 2>"$tmp/bulk.err" ||
			{ fail "bulk load $round"; sed 's/^/#   /' "$tmp/bulk.err"; }
		touch "$tmp/bulk"/*/* 2>/dev/null
		find "$tmp/bulk" -type f | head -n 30 | while read -r f; do echo " more" >>"$f"; done
	done
	ok "four bulk loads (merges, swaps, sweeps) leave them" intact "$tmp/bix"
	like "$(cat "$tmp/bix/XAPIANDB")" "^auto shard-0\.[0-9]+$" "... and did merge into a new generation"
	unlike "$(cat "$tmp/bix/XAPIANDB")" "shard-0\.3$" "... never into the user's shard-0.3"
	n=$(d search --index "$tmp/bix" --json -n 1 Harlow | jq -r 'select(.type=="summary") | .estimated')
	ok "... and the first root's articles are still there" [ "${n:-0}" -gt 0 ]
else
	fail "$gen missing: run make test-build"
fi

# --- a lost stub is rebuilt from the shards found, by content
d index --index "$tmp/two" --shards 2 -q "$tmp/docs" || fail "index root 1"
d index --index "$tmp/two" -q "$tmp/other" || fail "index root 2"
before=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
rm "$tmp/two/XAPIANDB"
after=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
is "$after" "$before" "a lost stub: a search still finds both roots' passages"
d index --index "$tmp/two" -q "$tmp/docs" || fail "reindex root 1 without a stub"
is "$(cat "$tmp/two/XAPIANDB")" "auto shard-0
auto shard-1" "a writer rewrites the lost stub from the shards it found"
after=$(d search --index "$tmp/two" --json -n 100 --per-article 0 'Quorra OR Harlow' | jq -r 'select(.type=="hit") | .passage_id' | sort)
is "$after" "$before" "... and keeps the other root's passages"

# --- planted links: docket.lock and XAPIANDB.tmp never write through
echo 'precious' >"$tmp/victim1"
echo 'precious' >"$tmp/victim2"
d index --index "$tmp/lk" --shards 1 -q "$tmp/docs" || fail "index docs"
rm "$tmp/lk/docket.lock"
ln -s "$tmp/victim1" "$tmp/lk/docket.lock"
out=$(d index --index "$tmp/lk" -q "$tmp/docs" 2>&1)
is "$?" 2 "a symbolic link docket.lock: the writer refuses (exit 2)"
like "$out" "docket.lock is a symbolic link" "... saying what is wrong"
is "$(cat "$tmp/victim1")" precious "... and its target is not truncated"
rm "$tmp/lk/docket.lock"
ln "$tmp/victim1" "$tmp/lk/docket.lock"
out=$(d index --index "$tmp/lk" -q "$tmp/docs" 2>&1)
like "$out" "docket.lock is not a plain file of its own" "a hard link docket.lock is refused too"
is "$(cat "$tmp/victim1")" precious "... and its target is not truncated"
rm "$tmp/lk/docket.lock"
ln -s "$tmp/victim2" "$tmp/lk/XAPIANDB.tmp"
rm "$tmp/lk/XAPIANDB"   # the writer rewrites the stub, through XAPIANDB.tmp
d index --index "$tmp/lk" -q "$tmp/docs" || fail "reindex past a planted XAPIANDB.tmp"
is "$(cat "$tmp/victim2")" precious "a symbolic link XAPIANDB.tmp: its target is not overwritten"
is "$(cat "$tmp/lk/XAPIANDB")" "auto shard-0" "... and the stub is written as a file of its own"

# --- what could not be read this time is kept; only what is gone goes
# Root ignores permissions, so the run that meets them is a user's.
if [ "$(id -u)" = 0 ]; then
	if command -v setpriv >/dev/null; then
		as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	else
		as_user() { return 77; }
	fi
else
	as_user() { "$@"; }
fi
chmod 755 "$tmp"
mkdir -p "$tmp/p/docs"
cp -r "$tmp/docs/a" "$tmp/docs/b" "$tmp/p/docs/"
chmod -R a+rX "$tmp/p"
d index --index "$tmp/p/ix" -q "$tmp/p/docs" || fail "index p/docs"
[ "$(id -u)" = 0 ] && chown -R 65534:65534 "$tmp/p/ix"
count() { d search --index "$tmp/p/ix" --json -n 1 "$1" | jq -r 'select(.type=="summary") | .estimated'; }
is "$(count Brennick)" 6 "six articles from folder b"
chmod 000 "$tmp/p/docs/b"
out=$(as_user "$DOCKET" index --index "$tmp/p/ix" "$tmp/p/docs" 2>&1)
rc=$?
chmod 755 "$tmp/p/docs/b"
if [ $rc = 77 ]; then
	pass "# SKIP no way to run as a user here"
else
	is "$rc" 0 "an unreadable folder (chmod 000): the run succeeds"
	like "$out" "docs/b: Permission denied; what was indexed from it is kept" "... reports it kept, with the reason"
	like "$out" " 0 removed" "... removes nothing"
	is "$(count Brennick)" 6 "... and its six articles are still found"
	chmod 644 "$tmp/p/docs/b"   # readable, cannot be entered
	out=$(as_user "$DOCKET" index --index "$tmp/p/ix" "$tmp/p/docs" 2>&1)
	chmod 755 "$tmp/p/docs/b"
	like "$out" " 0 removed" "a folder that cannot be entered (no x): nothing removed"
	like "$out" "f1.txt: Permission denied; what was indexed from it is kept" "... each file reported kept"
	is "$(count Brennick)" 6 "... and still found"
fi
printf 'Filing 1\n\nThe Brennick Mills docket grew a long appendix of %s.\n' \
	"$(seq 200 | tr '\n' ' ')" >"$tmp/p/docs/b/f1.txt"
out=$(d index --index "$tmp/p/ix" --max-size 300 "$tmp/p/docs" 2>&1)
like "$out" "f1.txt: larger than 300 bytes \\(--max-size\\); what was indexed from it is kept" "a file grown past --max-size is reported kept"
like "$out" " 0 removed" "... not removed"
is "$(count Brennick)" 6 "... and its old passages are still found"
rm -r "$tmp/p/docs/b"
out=$(d index --index "$tmp/p/ix" "$tmp/p/docs" 2>&1)
like "$out" " 6 removed" "a folder really gone: its six files are removed"
is "$(count Brennick)" 0 "... and no longer found"

# --- stubs: recursion is an error, never SIGSEGV; index folders never run
# programs (the planted program would create $tmp/pwned)
d index --index "$tmp/st/ix" --shards 1 -q "$tmp/docs" || fail "index docs"
echo "auto $tmp/st/self.stub" >"$tmp/st/self.stub"
echo "auto b.stub" >"$tmp/st/a.stub"
echo "auto a.stub" >"$tmp/st/b.stub"
mkdir "$tmp/st/loop"
echo "auto ." >"$tmp/st/loop/XAPIANDB"
for stub in self.stub a.stub loop; do
	for cmd in search show; do
		arg=Harlow
		[ $cmd = show ] && arg=docs/a/r1.txt#1
		out=$(d $cmd --index "$tmp/st/$stub" "$arg" 2>&1)
		rc=$?
		is "$rc" 2 "$cmd on a stub leading back to itself ($stub): exit 2, no crash"
		like "$out" "^docket: .*line 1 names .*which leads back to the stub itself\$" "... one line naming the stub and the line"
	done
done
mkdir "$tmp/st/evil"
cp -r "$tmp/st/ix/shard-0" "$tmp/st/evil/"
printf 'auto shard-0\nremote :touch %s\n' "$tmp/pwned" >"$tmp/st/evil/XAPIANDB"
printf 'remote :touch %s\n' "$tmp/pwned" >"$tmp/st/prog.stub"
printf 'auto %s\n' "$tmp/st/prog.stub" >"$tmp/st/outer.stub"
for how in "search --index $tmp/st/evil Harlow" "show --index $tmp/st/evil docs/a/r1.txt#1" \
	"search --index $tmp/st/prog.stub Harlow" "search --index $tmp/st/outer.stub Harlow"; do
	# shellcheck disable=SC2086
	out=$(d $how 2>&1)
	is "$?" 2 "a program line is refused: docket $how"
	like "$out" "line [0-9]+ runs a program" "... saying which line"
done
# shellcheck disable=SC2086
out=$(DOCKET_INDEX=$tmp/st/evil DOCKET_ALLOW_PROGRAMS=1 d search Harlow 2>&1)
like "$out" "evil/XAPIANDB: line 2 runs a program" "an index folder's stub never runs one, even with the opt-in"
out=$(DOCKET_ALLOW_PROGRAMS=1 d search --index "$tmp/st/outer.stub" Harlow 2>&1)
like "$out" "prog.stub: line 1 runs a program" "... nor a stub named by the named stub"
ok "no program ran" [ ! -e "$tmp/pwned" ]
d --allow-programs search --index "$tmp/st/evil" Harlow >/dev/null 2>&1
ok "... nor with --allow-programs" [ ! -e "$tmp/pwned" ]
d --allow-programs search --index "$tmp/st/prog.stub" Harlow >/dev/null 2>&1
ok "the stub file named, with --allow-programs, does run its program" [ -e "$tmp/pwned" ]

# --- JSON Lines: colliding ids are reported and both records kept; a bad
# line's message never carries the file's control bytes
mkdir -p "$tmp/j/d"
{
	echo '{"id":"a","title":"One","text":"Wexford alpha"}'
	echo '{"id":"a","title":"Two","text":"Wexford beta"}'
	echo '{"id":4,"title":"Three","text":"Wexford gamma"}'
	echo '{"title":"Four","text":"Wexford delta"}'
	printf '{"bad \033[31m \302\233 \233\n'
	printf '\033[2J\n'
	printf '\302\233 x\n'
} >"$tmp/j/d/r.jsonl"
out=$(d index --index "$tmp/j/ix" "$tmp/j/d" 2>&1)
like "$out" "r.jsonl: record 2: its id is also record 1's; kept as #a~2" "a duplicate id: a warning naming the file and both records"
like "$out" "r.jsonl: record 4: its id is also record 3's; kept as #4~4" "a line-number id equal to a numeric id: the same"
ids=$(d search --index "$tmp/j/ix" --json Wexford | jq -r 'select(.type=="hit") | .article_id' | sort | tr '\n' ' ')
is "$ids" "d/r.jsonl#4 d/r.jsonl#4~4 d/r.jsonl#a d/r.jsonl#a~2 " "... and all four records are kept, under distinct ids"
# a file named like one of the export's records
mkdir -p "$tmp/j2/d"
echo '{"id":"x","title":"One","text":"Wexford record"}' >"$tmp/j2/d/r.jsonl"
printf 'title: Two\n\nWexford file.\n' >"$tmp/j2/d/r.jsonl#x"
d index --index "$tmp/j2/ix" -q "$tmp/j2/d" || fail "index j2"
is "$(d search --index "$tmp/j2/ix" --json Wexford | jq -r 'select(.type=="hit") | .article_id' | sort | tr '\n' ' ')" \
	"d/r.jsonl#x d/r.jsonl%23x " "a file named FILE#ID beside FILE's record ID: both kept, the file's '#' written %23"
like "$out" "r.jsonl: line 5: " "a bad line is reported"
like "$out" "r.jsonl: line 6: .* near '\\?'" "a line starting with ESC: reported, the byte shown as ?"
if printf '%s' "$out" | LC_ALL=C grep -q "$(printf '[\033\233]')"; then
	fail "... without raw ESC or C1 bytes"
else
	pass "... without raw ESC or C1 bytes"
fi
if printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\302\233')"; then
	fail "... nor a UTF-8 C1 control"
else
	pass "... nor a UTF-8 C1 control"
fi

# --- a same-size rewrite within one timestamp tick is seen: the file's
# mtime is pinned to one second (as a 1-second file system would), just
# ahead of now, both before and after the rewrite
mkdir -p "$tmp/tick/d"
tick=$(( $(date +%s) + 30 ))
printf 'Head\n\nThe fruit is apple.\n' >"$tmp/tick/d/a.txt"
touch -d "@$tick" "$tmp/tick/d/a.txt"
d index --index "$tmp/tick/ix" -q "$tmp/tick/d" || fail "index tick"
printf 'Head\n\nThe fruit is mango.\n' >"$tmp/tick/d/a.txt"
touch -d "@$tick" "$tmp/tick/d/a.txt"
out=$(d index --index "$tmp/tick/ix" "$tmp/tick/d" 2>&1)
like "$out" " 1 updated" "a same-size rewrite with the same mtime is re-indexed"
like "$(d search --index "$tmp/tick/ix" mango 2>&1)" "fruit is mango" "... and the new words are found"
out=$(d index --index "$tmp/tick/ix" "$tmp/tick/d" 2>&1)
like "$out" " 1 unchanged" "... and a rerun with no change reports it unchanged (by its hash)"

done_testing
