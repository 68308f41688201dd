#!/bin/sh
# t-python.sh — the Python binding (python/): its pytest suite against the
# library of this build (DOCKET_LIBRARY=$DOCKET_BUILD/libdocket.so), each
# pytest test turned into one TAP line; then `pip install --no-deps
# --target` of python/, offline, and an import of the installed copy.
# Debian's python3 (/usr/bin/python3, with python3-pytest) is used rather
# than whatever python3 comes first on PATH.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
export DOCKET_LIBRARY="$DOCKET_BUILD/libdocket.so"

if ! "$py" -c 'import pytest' 2>/dev/null; then
	fail "pytest is importable (python3-pytest, scripts/install-deps test)"
	done_testing
fi

# -rA lists every test as PASSED/FAILED/ERROR/SKIPPED NODE in the summary.
PYTHONPATH=$DOCKET_TOP/python "$py" -m pytest -q -rA -p no:cacheprovider \
	--basetemp="$tmp/pytest" "$DOCKET_TOP/python/tests" >"$tmp/pytest.out" 2>&1
rc=$?
grep -E '^(PASSED|FAILED|ERROR|SKIPPED) ' "$tmp/pytest.out" >"$tmp/results"
while read -r verdict node rest; do
	case $verdict in
	PASSED) pass "pytest ${node##*::}" ;;
	SKIPPED) echo "ok $((tap_n += 1)) # SKIP $node $rest" ;;
	*) fail "pytest ${node##*::} $rest" ;;
	esac
done <"$tmp/results"
if [ "$rc" -ne 0 ] || [ ! -s "$tmp/results" ]; then
	fail "pytest exited $rc"
	tail -n 30 "$tmp/pytest.out" | sed 's/^/#   /'
fi

# Installable offline: no index, no build isolation (which would download
# setuptools); from a copy, so the checkout gets no build/ or egg-info.
cp -r "$DOCKET_TOP/python" "$tmp/src"
rm -rf "$tmp/src/tests"
if "$py" -m pip install -q --no-deps --no-index --no-build-isolation \
	--disable-pip-version-check --target "$tmp/site" "$tmp/src" >"$tmp/pip.out" 2>&1; then
	pass "pip install --no-deps --target TMP ./python (offline)"
else
	fail "pip install --no-deps --target TMP ./python (offline)"
	sed 's/^/#   /' "$tmp/pip.out"
fi
ok "the installed package carries py.typed" test -f "$tmp/site/docket/py.typed"
got=$(cd "$tmp" && PYTHONPATH=$tmp/site "$py" -c '
import docket, sys
print(docket.__file__.startswith(sys.argv[1]))' "$tmp/site" 2>&1)
is "$got" "True" "import docket from the installed copy"
done_testing
