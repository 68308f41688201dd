#!/bin/sh
# t-serve-browser.sh — `docket serve`'s page in headless Chromium: starts a
# server on the corpus and one on a hostile corpus (loopback, free ports),
# runs serve-browser.py (Selenium; its TAP lines are this test's), stops
# both.  The screenshot goes to build/test-logs/serve-page.png.
. "$(dirname "$0")/lib.sh"
# Debian's python3 (where python3-selenium is), not one earlier on PATH
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for p in chromium chromedriver "$py"; do
	command -v $p >/dev/null || { echo "1..0 # SKIP $p missing (scripts/install-deps test)"; exit 0; }
done
"$py" -c 'import selenium' 2>/dev/null || { echo "1..0 # SKIP python3-selenium missing"; exit 0; }
make_index

# start NAME INDEX: a server in the background; sets $pid and $url.
start() {
	"$DOCKET" serve --index "$2" --listen 127.0.0.1:0 2>"$tmp/$1.err" &
	pid=$!
	i=0
	while [ $i -lt 200 ] && ! grep -q 'serving' "$tmp/$1.err"; do
		sleep 0.05
		i=$((i + 1))
	done
	url=$(sed -n 's|.* at \(http://[^ ]*\)/ with.*|\1|p' "$tmp/$1.err" | head -n 1)
}

mkdir -p "$tmp/hostile"
cat >"$tmp/hostile/evil.jsonl" <<'JSON'
{"id":"evil1","title":"<script>alert('t')</script> hostileword","outlet":"Evil\u001b[31m Outlet\"><img src=x onerror=alert(1)>","author":"<b>Mallory</b>","date":"2026-01-02","url":"javascript:alert(document.cookie)","text":"The hostileword filing said \"><img src=x onerror=alert(2)> and <script>alert(3)</script> and \u001b[2J end."}
{"id":"evil2","title":"Second hostileword","outlet":"Plain","date":"2026-01-03","url":"https://example.org/a?b=\"><script>alert(4)</script>","text":"hostileword in a passage whose url breaks out."}
JSON
d index --index "$tmp/hidx" "$tmp/hostile" >/dev/null 2>&1
start main "$tmp/index"
main_pid=$pid main_url=$url
start hostile "$tmp/hidx"
hostile_pid=$pid
timeout 300 "$py" "$DOCKET_TOP/tests/e2e/serve-browser.py" "$main_url" "$url" "$DOCKET_BUILD/test-logs"
rc=$?
kill -TERM "$main_pid" "$hostile_pid"
wait "$main_pid" "$hostile_pid"
rm -rf "$DOCKET_BUILD/test-logs"/chromium-*
exit $rc
