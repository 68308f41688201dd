#!/bin/sh
# t-layers.sh — the include arrows point one way: common → engine →
# indexer | searcher → cli.  A file of the library includes only from its
# own folder or a folder to its left (indexer and searcher not from each
# other), plus the public ../docket.h; cli/ includes only its own headers
# and docket.h.  Only engine/ includes <xapian.h>, with one exception:
# common/unicode.cc borrows Xapian::Unicode for the tokenizer's character
# classes (common/unicode.h), so common/ needs no engine to tokenise.
#
# The checker runs on the real tree, then on small synthetic trees with an
# arrow the wrong way, each of which it must refuse (so it can fail).
. "$(dirname "$0")/lib.sh"

# The rank of folder $1 ("" when it is no layer).
rank() {
	case $1 in
	common) echo 0 ;;
	engine) echo 1 ;;
	indexer | searcher) echo 2 ;;
	cli) echo 3 ;;
	*) echo "" ;;
	esac
}

# check_layers ROOT: print one line per wrong include under ROOT; exit
# status 1 when there is any.
check_layers() {
	bad=0
	for dir in common engine indexer searcher cli; do
		[ -d "$1/$dir" ] || continue
		r=$(rank "$dir")
		for f in "$1/$dir"/*.c "$1/$dir"/*.cc "$1/$dir"/*.h; do
			[ -e "$f" ] || continue
			name=$dir/$(basename "$f")
			grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$f" |
				sed 's/^\([0-9]*\):[^<"]*\([<"][^>"]*[>"]\).*/\1 \2/' >"$tmp/inc"
			while read -r line what; do
				why=""
				case $what in
				'<xapian.h>' | '<xapian/'*)
					[ "$dir" = engine ] || [ "$name" = common/unicode.cc ] ||
						why="only engine/ includes Xapian" ;;
				'<'*) ;;
				'"../docket.h"') ;;
				'"../'*/*)
					to=${what#\"../}
					to=${to%%/*}
					tr=$(rank "$to")
					if [ "$dir" = cli ]; then
						why="cli/ includes only docket.h"
					elif [ -z "$tr" ] || [ "$tr" -ge "$r" ]; then
						why="$dir may not include from $to"
					fi ;;
				'"'*/*) why="unexpected path" ;;
				*) ;;
				esac
				if [ -n "$why" ]; then
					echo "$name:$line: $what: $why"
					bad=1
				fi
			done <"$tmp/inc"
		done
	done
	return $bad
}

if check_layers "$DOCKET_TOP" >"$tmp/real"; then
	pass "every include of the tree points left (or stays home)"
else
	fail "every include of the tree points left (or stays home)"
	sed 's/^/#   /' "$tmp/real"
fi
n=$(cat "$DOCKET_TOP"/common/*.[ch] "$DOCKET_TOP"/engine/*.[ch] \
	"$DOCKET_TOP"/engine/*.cc "$DOCKET_TOP"/indexer/*.[ch] \
	"$DOCKET_TOP"/searcher/*.[ch] | grep -c '^#include "\.\./')
ok "the tree has cross-folder includes to check ($n)" [ "$n" -gt 20 ]

# A synthetic tree: ROOT with one FILE holding one include line.
tree() {
	rm -rf "$tmp/t"
	mkdir -p "$tmp/t/$(dirname "$1")"
	printf '#include <stdio.h>\n%s\n' "$2" >"$tmp/t/$1"
}
refused() { # FILE LINE WHY
	tree "$1" "$2"
	if check_layers "$tmp/t" >"$tmp/out"; then
		fail "refused: $1 with $2"
	else
		like "$(cat "$tmp/out")" "$3" "refused: $1 with $2"
	fi
}
accepted() { # FILE LINE
	tree "$1" "$2"
	ok "accepted: $1 with $2" check_layers "$tmp/t"
}

refused common/token.c '#include "../engine/engine.h"' 'common may not include from engine'
refused common/x.c '#include "../searcher/highlight.h"' 'common may not include from searcher'
refused engine/query.cc '#include "../searcher/highlight.h"' 'engine may not include from searcher'
refused indexer/document.c '#include "../searcher/query.h"' 'indexer may not include from searcher'
refused searcher/hits.c '#include "../indexer/article.h"' 'searcher may not include from indexer'
refused cli/output.c '#include "../common/buf.h"' 'cli/ includes only docket.h'
refused common/stem.c '#include <xapian.h>' 'only engine/ includes Xapian'
refused searcher/query.c '#include <xapian.h>' 'only engine/ includes Xapian'
refused indexer/x.c '#  include "../tests/tap.h"' 'indexer may not include from tests'
accepted engine/match.cc '#include <xapian.h>'
accepted common/unicode.cc '#include <xapian.h>'
accepted searcher/hits.c '#include "../engine/index.h"'
accepted indexer/document.c '#include "../common/schema.h"'
accepted cli/main.c '#include "../docket.h"'

done_testing
