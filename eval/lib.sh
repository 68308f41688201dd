# eval/lib.sh — shell helpers that eval/run and eval/sweep source: where the
# evaluation data is, how to explain its absence, and how to build the
# throwaway index.  Nothing here copies the data anywhere: the corpus is
# read in place and the index lives in a temporary folder.

# eval_top: the checkout (the folder above eval/).
eval_top=$(cd "$(dirname "$0")/.." && pwd)

# eval_find_data: set EVAL_DATA to the SciFact folder ($DOCKET_EVAL_DIR, else
# ../shared/eval/scifact beside the checkout); returns 1 when it is not
# there or is missing one of the files used.
eval_find_data() {
	EVAL_DATA=${DOCKET_EVAL_DIR:-$eval_top/../shared/eval/scifact}
	for f in corpus.jsonl queries.test.tsv qrels/test.tsv; do
		[ -r "$EVAL_DATA/$f" ] || return 1
	done
	EVAL_DATA=$(cd "$EVAL_DATA" && pwd)
}

# eval_explain_absence: say why nothing is measured (the caller exits 0).
eval_explain_absence() {
	cat <<EOF
eval: no evaluation data at $EVAL_DATA
      (expected corpus.jsonl, queries.test.tsv and qrels/test.tsv of BEIR
      SciFact there).  The data is CC BY-NC and evaluation-only, so it is never
      part of this repository: point DOCKET_EVAL_DIR at a copy of BEIR's
      scifact folder (with the 300 test queries as "qid<TAB>text" in
      queries.test.tsv) and run 'make eval' again.  Nothing was measured.
EOF
}

# eval_now_ms: wall-clock milliseconds (GNU date).
eval_now_ms() {
	date +%s%3N
}

# eval_index DOCKET DIR: index the corpus into DIR with DOCKET; prints the
# time it took on stderr; returns docket's failure.
eval_index() {
	t0=$(eval_now_ms)
	"$1" index --index "$2" -q "$EVAL_DATA/corpus.jsonl" || return 1
	echo "eval: indexed $EVAL_DATA/corpus.jsonl in $(( $(eval_now_ms) - t0 )) ms" >&2
}

# eval_table_header: the Markdown table's header and the published figures
# (all 300 test queries; see eval/README.md for their sources).
eval_table_header() {
	cat <<'EOF2'
| system | queries | nDCG@10 | R@100 | MAP | median ms | p95 ms |
| --- | --- | --- | --- | --- | --- | --- |
| BEIR BM25 (paper; Elasticsearch, title and text fields) | all 300 | 0.665 | 0.908 | – | – | – |
| Anserini BM25 flat (Lucene, k1=0.9 b=0.4) | all 300 | 0.6789 | 0.9253 | – | – | – |
| SQLite FTS5 bm25 (measured) | all 300 | 0.6824 | 0.9253 | – | – | – |
| Xapian 1.4 BM25, one doc per abstract (measured) | all 300 | 0.6860 | 0.9110 | – | – | – |
EOF2
}
