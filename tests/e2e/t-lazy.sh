#!/bin/sh
# t-lazy.sh — libxml2 is loaded only when an HTML file is parsed (html.c):
# neither the executable nor libdocket.so links it, a search never loads
# it, indexing HTML does, and when it cannot be loaded each HTML file is
# skipped with one line saying why while the other files are indexed.
# libmicrohttpd (and the GnuTLS it brings) likewise only when `docket
# serve` starts (cli/httpd.c): not linked, not loaded by a search, and a
# serve that cannot load it says so in one line.
. "$(dirname "$0")/lib.sh"

for f in "$DOCKET" "$DOCKET_BUILD/libdocket.so"; do
	is "$(ldd "$f" | grep -c libxml2)" 0 "${f##*/} does not link libxml2"
done

html=$(find "$corpus" -name '*.htm*' | head -n 1)
ok "corpus/ has an HTML article" [ -n "$html" ]
mkdir "$tmp/in"
cp "$html" "$tmp/in/page.html"
printf 'title: A text article\n\nThe court heard the motion. (wired.com)\n' >"$tmp/in/a.txt"

# loaded SONAME CMD...: does CMD load SONAME (the dynamic loader's trace)?
loaded() {
	so=$1
	shift
	LD_DEBUG=files "$@" 2>&1 >/dev/null | grep -q "file=$so .*generating link map"
}
d index --index "$tmp/idx" -q "$tmp/in/a.txt"
if loaded libxml2.so.2 "$DOCKET" search --index "$tmp/idx" court; then
	fail "a search does not load libxml2"
else
	pass "a search does not load libxml2"
fi
ok "indexing an HTML file loads it" \
	loaded libxml2.so.2 "$DOCKET" index --index "$tmp/idx2" -q "$tmp/in/page.html"

# A libxml2 that cannot be loaded: an empty file in its place.
mkdir "$tmp/lib"
: >"$tmp/lib/libxml2.so.2"
out=$(LD_LIBRARY_PATH="$tmp/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
	"$DOCKET" index --index "$tmp/idx3" -v "$tmp/in" 2>&1)
is "$?" 0 "without a loadable libxml2 the run still succeeds"
like "$out" "page.html: .*cannot load libxml2\.so\.2" "the HTML file is skipped, saying why"
is "$(printf '%s\n' "$out" | grep -c 'page.html')" 1 "... on one line"
is "$(d search --index "$tmp/idx3" --json court | hits_field article_id)" "in/a.txt" \
	"the other files are indexed"

# libmicrohttpd: only docket serve opens it.
is "$(ldd "$DOCKET" | grep -c -E 'libmicrohttpd|libgnutls')" 0 \
	"the executable links neither libmicrohttpd nor GnuTLS"
if loaded libmicrohttpd.so.12 "$DOCKET" search --index "$tmp/idx" court; then
	fail "a search does not load libmicrohttpd"
else
	pass "a search does not load libmicrohttpd"
fi
: >"$tmp/lib/libmicrohttpd.so.12"
LD_LIBRARY_PATH="$tmp/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
	timeout 20 "$DOCKET" serve --index "$tmp/idx" --listen 127.0.0.1:0 2>"$tmp/serve.err"
is "$?" 2 "serve without a loadable libmicrohttpd: exit 2"
like "$(cat "$tmp/serve.err")" "^docket: serve: cannot load libmicrohttpd\.so\.12" \
	"... saying why"
is "$(grep -c . "$tmp/serve.err")" 1 "... on one line"
done_testing
