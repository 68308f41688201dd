#!/bin/sh
# t-walk.sh — what the walk never enters and never yields (indexer/walk.c),
# and how skips are reported (cli/cmd-index.c): the index's own folder
# inside the indexed one, /proc /sys /dev, folders on other file systems
# with --one-file-system, scripts, styles, images, fonts and a saved page's
# NAME_files folder by name; skips summarised by kind, one line per file
# only with -v; the too-large line names --max-size.
. "$(dirname "$0")/lib.sh"

c=$tmp/c
mkdir -p "$c/page_files" "$c/lib_files" "$c/fonts"
printf '<html><body><p>A saved page about the walrus ruling.</p></body></html>\n' >"$c/page.html"
printf 'var walrus = 1;\n' >"$c/page_files/app.js"
printf 'Walrus words inside the saved page assets.\n' >"$c/page_files/note.txt"
printf 'Walrus notes in a folder that only looks like assets.\n' >"$c/lib_files/n.txt"
printf 'body { walrus: 1 }\n' >"$c/style.css"
printf 'walrus();\n' >"$c/app.MJS"
printf 'walrus font\n' >"$c/fonts/serif.woff2"
printf 'walrus picture\n' >"$c/pic.svg"
head -c 4096 /dev/zero >"$c/blob.bin"
printf 'A walrus filing that is long enough to pass a tiny size cap.\n' >"$c/big.txt"

ids() {
	"$DOCKET" search --index "$1" --json -n 50 --per-article 0 walrus |
		jq -r 'select(.type=="hit") | .article_id' | sort -u | tr '\n' ' '
}

"$DOCKET" index --index "$c/ix" "$c" 2>"$tmp/err"
is "$(ids "$c/ix")" "c/big.txt c/lib_files/n.txt c/page.html " \
	"only articles are indexed: no asset folder, script, style, font or image"
like "$(cat "$tmp/err")" "6 skipped: 4 not articles, 1 asset folders, 1 binary; -v lists them" \
	"skips are summarised by kind, with the hint"
is "$(grep -c '^docket: ' "$tmp/err")" 0 "... and no line per file without -v"
is "$(grep -c 'ix' "$tmp/err")" 0 "the index folder inside the root is not mentioned"
out=$("$DOCKET" index --index "$c/ix" "$c" 2>&1)
like "$out" "0 added, 0 updated, 0 removed, 3 unchanged" "a second run: the index's own files (XAPIANDB, docket.lock) are never articles"
is "$("$DOCKET" search --index "$c/ix" --json -n 50 --per-article 0 auto | jq -r 'select(.type=="hit") | .article_id' | grep -c XAPIANDB)" 0 \
	"the stub is not searchable"
"$DOCKET" index --index "$c/ix" -v "$c" 2>"$tmp/err"
like "$(cat "$tmp/err")" "page_files: a saved page's assets" "-v lists the asset folder"
like "$(cat "$tmp/err")" "style\\.css: not an article" "-v lists each file skipped by name"
unlike "$(cat "$tmp/err")" "-v lists them" "with -v, no hint"

"$DOCKET" index --index "$tmp/small" --max-size 20 -v "$c" 2>"$tmp/err"
like "$(cat "$tmp/err")" "big\\.txt: larger than 20 bytes \\(--max-size\\)" "the too-large line names --max-size"
"$DOCKET" index --index "$tmp/small" --max-size 20 "$c" 2>"$tmp/err"
like "$(cat "$tmp/err")" "too large" "... and the summary counts it as too large"

# /proc, /sys and /dev are never entered below a root: walk / with every
# other top-level entry excluded.
set --
for e in /* /.[!.]*; do
	[ -e "$e" ] || continue
	case $e in /proc | /sys | /dev) ;; *) set -- "$@" --exclude "${e#/}" ;; esac
done
"$DOCKET" index --index "$tmp/root" -v "$@" / 2>"$tmp/err"
is "$(grep -c ': a system folder$' "$tmp/err")" 3 "walking / skips /proc, /sys and /dev"
like "$(cat "$tmp/err")" "0 added" "... and indexes nothing from them"

# --one-file-system: a folder on another device is not entered.  /dev/shm is
# usually a tmpfs mounted inside /dev.
if [ -d /dev/shm ] && [ -w /dev/shm ] &&
	[ "$(stat -c %d /dev/shm)" != "$(stat -c %d /dev)" ]; then
	f=$(mktemp /dev/shm/docket-walk.XXXXXX)
	mv "$f" "$f.txt" && f=$f.txt
	printf 'A walrus on another file system.\n' >"$f"
	set --
	for e in /dev/* /dev/.[!.]*; do
		[ -e "$e" ] || continue
		[ "$e" = /dev/shm ] || set -- "$@" --exclude "${e#/dev/}"
	done
	"$DOCKET" index --index "$tmp/x1" "$@" /dev 2>/dev/null
	"$DOCKET" index --index "$tmp/x2" --one-file-system "$@" /dev 2>/dev/null
	like "$(ids "$tmp/x1")" "docket-walk" "without --one-file-system the mounted folder is walked"
	is "$(ids "$tmp/x2")" "" "with --one-file-system it is not entered"
	rm -f "$f"
else
	pass "# skip /dev/shm is not a separate writable file system"
	pass "# skip"
fi
done_testing
