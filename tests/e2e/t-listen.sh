#!/bin/sh
# t-listen.sh — serve-shard's loopback check judges --listen's host by
# what it resolves to (getaddrinfo), never by its text (issue 15): every
# address a name resolves to must be loopback, else the warning; the
# server is told to bind the very address that was checked (numbers, so a
# name cannot resolve once for the check and again differently for the
# server); a name that does not resolve is refused.  A stand-in
# xapian-tcpsrv on PATH records what it was asked to bind and exits, so no
# port stays open and nothing depends on /etc/hosts or DNS.
. "$(dirname "$0")/lib.sh"
mkdir -p "$tmp/bin" "$tmp/docs"
printf 'Ruling\n\nJudge Okafor set a hearing.\n' >"$tmp/docs/r.txt"
d index --index "$tmp/ix" -q "$tmp/docs" 2>/dev/null
cat >"$tmp/bin/xapian-tcpsrv" <<EOS
#!/bin/sh
echo "\$*" >"$tmp/args"
EOS
chmod +x "$tmp/bin/xapian-tcpsrv"
# serve HOST: run serve-shard on HOST with the stand-in; $err, $args, $rc
serve() {
	rm -f "$tmp/args"
	PATH=$tmp/bin:$PATH "$DOCKET" serve-shard --index "$tmp/ix" --listen "$1:6499" \
		>/dev/null 2>"$tmp/err"
	rc=$?
	err=$(cat "$tmp/err")
	args=$(cat "$tmp/args" 2>/dev/null)
}

serve localhost
is "$rc" 0 "localhost: the server runs"
unlike "$err" "warning" "localhost resolves to loopback only: no warning"
like "$args" "^--interface 127\.0\.0\.1 " "... and the server binds the resolved address, not the name"

serve 0x7f000001
unlike "$err" "warning" "0x7f000001 (127.0.0.1 written in hex, not '127.') is loopback: no warning"
like "$args" "^--interface 127\.0\.0\.1 " "... bound as 127.0.0.1"

serve 127.1
unlike "$err" "warning" "127.1 (short form) is loopback"

serve 0.0.0.0
is "$rc" 0 "0.0.0.0: the server runs (asked for with --listen)"
like "$err" "warning: 0\.0\.0\.0 is not loopback; no authentication" "... with the warning"

serve 127.example.test
is "$rc" 2 "127.example.test does not resolve: refused (exit 2), though its text starts with 127."
like "$err" "cannot use host '127\.example\.test'" "... naming the host"
is "$args" "" "... and no server was started"
done_testing
