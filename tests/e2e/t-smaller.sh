#!/bin/sh
# t-smaller.sh — issue 13's smaller indexer items: a headline-only file is
# its headline (searchable), a file with no text at all is reported skipped;
# JSON-LD article metadata fills what the page's own meta lacks (the meta
# wins); a root folder renamed and indexed under its new name takes its
# files along (the old copies are removed).
. "$(dirname "$0")/lib.sh"

h=$tmp/h
mkdir -p "$h"
printf 'Title: Judge tosses the pelican suit\n' >"$h/only.txt"
printf '<html><head><title>Pelican appeal filed</title></head><body></body></html>\n' >"$h/only.html"
printf '<html><body><nav>menu only</nav></body></html>\n' >"$h/empty.html"
"$DOCKET" index --index "$tmp/hi" -v "$h" 2>"$tmp/err"
is "$("$DOCKET" search --index "$tmp/hi" --json pelican | jq -r 'select(.type=="hit") | .passage_id' | sort | tr '\n' ' ')" \
	"h/only.html#1 h/only.txt#1 " "headline-only files are found by their headline"
is "$("$DOCKET" search --index "$tmp/hi" --json tosses | jq -r 'select(.type=="hit") | .text')" \
	"Judge tosses the pelican suit" "... whose passage is the headline"
like "$(cat "$tmp/err")" "empty\\.html: no text" "a page with no text at all is reported, not added"
like "$(cat "$tmp/err")" "2 added.*1 skipped" "... and counted as skipped"

l=$tmp/l
mkdir -p "$l"
cat >"$l/ld.html" <<'H'
<html><head><title>Otter case | Some Site</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Not this"},{"@type":["NewsArticle"],"headline":"Otter sanctuary wins its zoning case","datePublished":"2026-03-04T09:00:00Z","author":[{"@type":"Person","name":"Mara Quill"},{"@type":"Person","name":"Jon Petrov"}],"publisher":{"@type":"Organization","name":"Harbor Gazette"},"url":"https://harbor.example/otter"}]}</script>
</head><body><p>The otter sanctuary won its zoning case on appeal.</p></body></html>
H
cat >"$l/meta.html" <<'H'
<html><head><meta name="author" content="Page Author"><meta property="og:site_name" content="Page Outlet">
<script type="application/ld+json">{"@type":"Article","headline":"Beaver dam ruling","author":"Ld Author","publisher":"Ld Outlet","datePublished":"2025-12-01"}</script>
</head><body><p>The beaver dam ruling went the county's way.</p></body></html>
H
"$DOCKET" index --index "$tmp/li" "$l" 2>/dev/null
is "$("$DOCKET" search --index "$tmp/li" --json otter | jq -r 'select(.type=="hit") | [.title, .date, .author, .outlet, .url] | join("|")')" \
	"Otter sanctuary wins its zoning case|2026-03-04|Mara Quill, Jon Petrov|Harbor Gazette|https://harbor.example/otter" \
	"JSON-LD NewsArticle in @graph: headline, datePublished, authors, publisher, url"
is "$("$DOCKET" search --index "$tmp/li" --json beaver | jq -r 'select(.type=="hit") | [.title, .date, .author, .outlet] | join("|")')" \
	"Beaver dam ruling|2025-12-01|Page Author|Page Outlet" "the page's own meta wins; JSON-LD fills the rest"

r=$tmp/r
mkdir -p "$r/cov/a/sub"
printf 'The heron ruling came down on Friday.\n' >"$r/cov/a/f.txt"
printf 'A heron expert testified on Monday.\n' >"$r/cov/a/sub/g.txt"
"$DOCKET" index --index "$tmp/ri" "$r/cov/a" 2>/dev/null
mv "$r/cov/a" "$r/cov/b"
out=$("$DOCKET" index --index "$tmp/ri" "$r/cov/b" 2>&1)
like "$out" "2 added, 0 updated, 2 removed" "a renamed root indexed under its new name: the old copies go"
is "$("$DOCKET" search --index "$tmp/ri" --json -n 10 --per-article 0 heron | jq -r 'select(.type=="hit") | .article_id' | sort | tr '\n' ' ')" \
	"b/f.txt b/sub/g.txt " "... no stale duplicate is left"
mkdir -p "$r/cov/c"
printf 'A heron filing kept elsewhere.\n' >"$r/cov/c/f.txt"
"$DOCKET" index --index "$tmp/ri" "$r/cov/c" 2>/dev/null
is "$("$DOCKET" search --index "$tmp/ri" --json -n 10 --per-article 0 heron | jq -r 'select(.type=="hit") | .article_id' | sort | tr '\n' ' ')" \
	"b/f.txt b/sub/g.txt c/f.txt " "a root that still exists is never taken for a renamed one"
done_testing
