#!/bin/sh
# t-codepoints.sh — JSON hits carry code-point offsets beside the byte
# offsets (README, JSON contract): snippet_start_cp, snippet_end_cp and
# highlights_cp index the text as Python's str (and JavaScript, jq) do, so
# a consumer slicing after a curly quote or an accented letter cuts the
# matched word, not "adow l".  Sliced here with Python.
. "$(dirname "$0")/lib.sh"
if ! command -v python3 >/dev/null; then
	echo "ok 1 # SKIP python3 is not installed"
	echo "1..1"
	exit 0
fi
mkdir -p "$tmp/in"
cat >"$tmp/in/shadow.txt" <<'TXT'
‘Shadow’ catalogues on trial — Lakeside Courier

The plaintiffs’ lawyers told Judge Ortiz that the “shadow” catalogue held
café menus, résumés and a shadow library of novels; the défense said no
shadow copy was ever kept.
TXT
d index --index "$tmp/idx" -q "$tmp/in" 2>"$tmp/err" || fail "index the fixture"
d search --index "$tmp/idx" --json -n 5 shadow >"$tmp/hits.json"
is "$?" 0 "shadow is found"
python3 - "$tmp/hits.json" >"$tmp/py.out" 2>&1 <<'PY'
import json, sys
hits = [h for h in map(json.loads, open(sys.argv[1], encoding="utf-8")) if h["type"] == "hit"]
n = moved = 0
for h in hits:
    text, raw = h["text"], h["text"].encode("utf-8")
    assert text[h["snippet_start_cp"]:h["snippet_end_cp"]] == h["snippet"], "snippet by code points"
    assert len(h["highlights_cp"]) == len(h["highlights"]), "one _cp pair per highlight"
    for (b0, b1), (c0, c1) in zip(h["highlights"], h["highlights_cp"]):
        word = text[c0:c1]
        assert word == raw[b0:b1].decode("utf-8"), (word, raw[b0:b1])
        assert word.lower() == "shadow", word
        n += 1
        moved += (c0, c1) != (b0, b1)
print("highlights", n, "moved", moved)
PY
st=$?
sed 's/^/# /' "$tmp/py.out"
is "$st" 0 "Python: text[snippet_start_cp:snippet_end_cp] is the snippet, text[highlights_cp] each 'shadow'"
like "$(cat "$tmp/py.out")" "moved [1-9]" "some highlight sits after a curly quote (byte and code-point offsets differ)"
is "$(jq -r 'select(.type=="hit") | .text[.highlights_cp[-1][0]:.highlights_cp[-1][1]]' "$tmp/hits.json" | sort -u)" \
	"shadow" "jq slices by code points too"
d show --index "$tmp/idx" --json "$(jq -r 'select(.type=="hit") | .passage_id' "$tmp/hits.json" | head -n 1)" shadow >"$tmp/show.json"
ok "show --json has the _cp keys too" jq -e 'select(.type=="passage") | has("highlights_cp") and has("snippet_start_cp") and has("snippet_end_cp")' "$tmp/show.json"
done_testing
