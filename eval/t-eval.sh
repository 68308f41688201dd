#!/bin/sh
# eval/t-eval.sh — checks eval/trec-score against figures worked out by hand.
#
# Builds nothing: `make test-build` builds $DOCKET_BUILD/eval/trec-score.
# Run with `tests/run build eval/t-eval.sh`.  Every expected number below is
# derived in the comments, to 4 decimals (log2(3) = 1.5849625, so
# 1/log2(3) = 0.6309298; log2(4) = 2).
set -u
B=${DOCKET_BUILD:-build}
TS=$B/eval/trec-score
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
n=0 failed=0

ok() { # ok COND-STATUS WHAT
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}
# is FILE MEASURE QID EXPECTED: the line "MEASURE<TAB>QID<TAB>EXPECTED" is there.
is() {
	got=$(awk -v m="$2" -v q="$3" '$1 == m && $2 == q { print $3 }' "$1")
	[ "$got" = "$4" ]
	ok $? "$2 $3 = $4 (got '$got')"
}

# ---- case 1: TREC-format qrels, four queries --------------------------------
#
# q1: relevant d1, d3, d9 (grade 1).  Run: d1 d2 d3 d4 (scores 10 9 8 7).
#     Relevant at ranks 1 and 3; d9 never retrieved; num_rel = 3.
#     DCG@10  = 1/log2(2) + 1/log2(4)               = 1 + 0.5 = 1.5
#     IDCG@10 = 1 + 1/log2(3) + 1/log2(4)          = 2.1309298
#     nDCG@10 = 1.5 / 2.1309298                     = 0.7039
#     AP      = (1/1 + 2/3) / 3                     = 0.5556
#     R@100 = R@1000 = 2/3 = 0.6667; P@10 = 2/10 = 0.2000
#
# q2: a grade 2, b grade 1, c grade 0 (judged non-relevant); num_rel = 2.
#     Run (file order, rank field deliberately misleading):
#       a score 3.0, b score 3.0, c score 4.0, then a again with score 9.0.
#     The repeated a is dropped: the first line wins.  c ranks first (highest
#     score); a and b tie at 3.0 and trec_eval breaks ties by docid in
#     DESCENDING order, so b comes before a.  Ranking: c(0) b(1) a(2).
#     DCG@10  = 0 + 1/log2(3) + 2/log2(4)           = 0.6309298 + 1 = 1.6309298
#     IDCG@10 = grades sorted 2,1: 2/1 + 1/log2(3)  = 2.6309298
#     nDCG@10 = 1.6309298 / 2.6309298               = 0.6199
#     AP      = (1/2 + 2/3) / 2                     = 0.5833
#     R@100 = 1.0000; P@10 = 0.2000
#     (Keeping the repeated a instead: a c b, nDCG 0.9502.  Ties by docid
#     ascending: c a b, nDCG 0.6697.  Using the rank field: a b c, 1.0000.)
#
# q3: judged (x grade 1) but absent from the run: 0 on every measure.
# q4: judged z grade 0 only, so no relevant doc: 0 everywhere, still counted.
# q5: only in the run: ignored.
#
# Means over the 4 qrels queries:
#   nDCG@10 = (0.7039181 + 0.6199062) / 4 = 0.3310
#   MAP     = (0.5555556 + 0.5833333) / 4 = 0.2847
#   R@100   = R@1000 = (0.6666667 + 1) / 4 = 0.4167
#   P@10    = (0.2 + 0.2) / 4 = 0.1000
# Odd queries (1, 3): nDCG 0.7039181/2 = 0.3520, MAP 0.5555556/2 = 0.2778,
#   R@100 0.6666667/2 = 0.3333, P@10 0.1000.
# Even queries (2, 4): nDCG 0.6199062/2 = 0.3100, MAP 0.5833333/2 = 0.2917,
#   R@100 1/2 = 0.5000, P@10 0.1000.
cat >"$t/qrels" <<'EOF'
# a comment line
1 0 d1 1
1 0 d3 1
1 0 d9 1
2 0 a 2
2 0 b 1
2 0 c 0
3 0 x 1
this line is junk
4 0 z 0
EOF
cat >"$t/run" <<'EOF'
1 Q0 d1 1 10 tag
1 Q0 d2 2 9 tag
1 Q0 d3 3 8 tag
1 Q0 d4 4 7 tag

2 Q0 a 1 3.0 tag
2 Q0 b 2 3 tag
2 Q0 c 3 4.0 tag
2 Q0 a 4 9.0 tag
4 Q0 z 1 1.0 tag
5 Q0 q 1 1.0 tag
1 Q0 d5 5 not-a-number tag
EOF

"$TS" -q "$t/qrels" "$t/run" >"$t/all" 2>"$t/err"
ok $? "trec-score exits 0"
is "$t/all" num_q all 4
is "$t/all" ndcg_cut_10 all 0.3310
is "$t/all" map all 0.2847
is "$t/all" recall_100 all 0.4167
is "$t/all" recall_1000 all 0.4167
is "$t/all" P_10 all 0.1000
is "$t/all" ndcg_cut_10 1 0.7039
is "$t/all" map 1 0.5556
is "$t/all" recall_100 1 0.6667
is "$t/all" P_10 1 0.2000
# P_5: query 1 has d1 and d3 in the top 5 (2/5), query 2 has b and a (2/5),
# queries 3 and 4 none: mean 0.8/4.  answer_3: only query 2 has a grade-2
# document (a) in its top 3 (c 4.0, then the tie b before a): mean 1/4.
is "$t/all" P_5 all 0.2000
is "$t/all" P_5 1 0.4000
is "$t/all" answer_3 all 0.2500
is "$t/all" answer_3 1 0.0000
is "$t/all" answer_3 2 1.0000
is "$t/all" ndcg_cut_10 2 0.6199
is "$t/all" map 2 0.5833
is "$t/all" recall_100 2 1.0000
is "$t/all" ndcg_cut_10 3 0.0000
is "$t/all" recall_100 3 0.0000
is "$t/all" ndcg_cut_10 4 0.0000
is "$t/all" map 4 0.0000
! grep -q '	5	' "$t/all"
ok $? "a query only in the run is not scored"

grep -q 'qrels:9: skipped' "$t/err"
ok $? "junk qrels line warned with its line number"
grep -q 'run:12: skipped' "$t/err"
ok $? "unparsable run score warned with its line number"
grep -q 'run:9: skipped.*doc a.*line 6' "$t/err"
ok $? "repeated docid warned, first line kept"
[ "$(wc -l <"$t/err")" -eq 3 ]
ok $? "no other warnings (comment and blank lines are silent)"

"$TS" --queries odd "$t/qrels" "$t/run" >"$t/odd" 2>/dev/null
ok $? "--queries odd exits 0"
is "$t/odd" num_q all 2
is "$t/odd" ndcg_cut_10 all 0.3520
is "$t/odd" map all 0.2778
is "$t/odd" recall_100 all 0.3333
is "$t/odd" P_10 all 0.1000
! grep -q '	1	' "$t/odd"
ok $? "no per-query lines without -q"

"$TS" --queries=even "$t/qrels" "$t/run" >"$t/even" 2>/dev/null
is "$t/even" num_q all 2
is "$t/even" ndcg_cut_10 all 0.3100
is "$t/even" map all 0.2917
is "$t/even" recall_100 all 0.5000

# ---- case 2: BEIR tsv qrels with header; depth beyond 100 -------------------
#
# q6: relevant "top" and "deep" (grade 1); num_rel = 2.  Run: top at rank 1,
#     then 148 non-relevant docs, then deep at rank 150.
#     R@100  = 1/2 = 0.5000 (deep is past 100);  R@1000 = 2/2 = 1.0000
#     AP     = (1/1 + 2/150) / 2 = (1 + 0.0133333) / 2 = 0.5067
#     nDCG@10 = 1 / (1 + 1/log2(3)) = 1 / 1.6309298 = 0.6131
#     P@10   = 1/10 = 0.1000
printf 'query-id\tcorpus-id\tscore\n6\ttop\t1\n6\tdeep\t1\n' >"$t/qrels.tsv"
{
	echo "6 Q0 top 1 1000 tag"
	i=2
	while [ $i -le 149 ]; do
		echo "6 Q0 n$i $i $((1000 - i)) tag"
		i=$((i + 1))
	done
	echo "6 Q0 deep 150 1 tag"
} >"$t/run2"
"$TS" "$t/qrels.tsv" "$t/run2" >"$t/deep" 2>"$t/err2"
ok $? "BEIR tsv qrels accepted"
[ ! -s "$t/err2" ]
ok $? "the BEIR header line is not warned about"
is "$t/deep" num_q all 1
is "$t/deep" recall_100 all 0.5000
is "$t/deep" recall_1000 all 1.0000
is "$t/deep" map all 0.5067
is "$t/deep" ndcg_cut_10 all 0.6131
is "$t/deep" P_10 all 0.1000

# ---- errors -------------------------------------------------------------------
"$TS" "$t/missing" "$t/run" >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "a missing file exits 1"
"$TS" --queries sideways "$t/qrels" "$t/run" >/dev/null 2>&1
[ $? -eq 2 ]
ok $? "a bad --queries value is a usage error"
"$TS" "$t/qrels" >/dev/null 2>&1
[ $? -eq 2 ]
ok $? "a missing argument is a usage error"
printf '7 0 only 1\n' >"$t/q7"
"$TS" --queries even "$t/q7" "$t/run" >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "no query left after the split exits 1"

# ---- eval/run and eval/sweep, with a fake docket over made-up data ----------
#
# The fake logs its arguments and prints canned TREC lines; the made-up data
# (not SciFact) has four queries:
#   q1: relevant d1, d3; the fake ranks d1 d2 d3.
#       nDCG@10 = (1 + 1/log2(4)) / (1 + 1/log2(3)) = 1.5 / 1.6309298 = 0.9197
#       AP = (1/1 + 2/3) / 2 = 0.8333; R@100 = 1
#   q2: relevant a; the fake ranks b a.  nDCG = 1/log2(3) = 0.6309; AP = 0.5
#   q3: the fake finds nothing (exit 1): 0.   q4: the fake fails (exit 2): 0.
# all:  nDCG (0.9197203 + 0.6309298) / 4 = 0.3877; R@100 2/4 = 0.5000;
#       MAP (0.8333333 + 0.5) / 4 = 0.3333
# odd (1, 3): nDCG 0.9197203/2 = 0.4599, R@100 0.5000, MAP 0.8333333/2 = 0.4167
# even (2, 4): nDCG 0.6309298/2 = 0.3155, R@100 0.5000, MAP 0.5/2 = 0.2500
top=$(cd "$(dirname "$0")/.." && pwd)
d=$t/data
mkdir -p "$d/qrels"
printf '{"_id":"d1","title":"t","text":"x"}\n' >"$d/corpus.jsonl"
printf '1\tplain words\n2\t"Quoted" (AND) -x: NOT y\n3\tnothing\n4\tbroken\n' \
	>"$d/queries.test.tsv"
printf 'query-id\tcorpus-id\tscore\n1\td1\t1\n1\td3\t1\n2\ta\t1\n3\tx\t1\n4\tz\t1\n' \
	>"$d/qrels/test.tsv"
printf '1 d1 10\n1 d2 9\n1 d3 8\n2 b 5\n2 a 4\n' >"$t/results"
# With --title-weight the fake ranks q1 d3 d1 d2: nDCG@10 1, odd 0.5000.
printf '1 d3 10\n1 d1 9\n1 d2 8\n2 b 5\n2 a 4\n' >"$t/results.better"
cat >"$t/docket" <<'FAKE'
#!/bin/sh
cmd=$1
shift
echo "$cmd" "$@" >>"$FAKE_LOG"
if [ "$cmd" = index ]; then
	mkdir -p "$2"
	exit 0
fi
qid= text=
while [ $# -gt 0 ]; do
	case $1 in
	--qid) qid=$2; shift ;;
	--title-weight) FAKE_RESULTS=$FAKE_RESULTS.better ;;
	--) text=$2; break ;;
	esac
	shift
done
echo "text=[$text]" >>"$FAKE_LOG"
[ "$qid" != 4 ] || { echo "docket: broken on purpose" >&2; exit 2; }
awk -v q="$qid" '$1 == q { print q, "Q0", "corpus.jsonl#" $2, ++r, $3, "docket" }
	END { exit !r }' "$FAKE_RESULTS"
FAKE
chmod +x "$t/docket"
export FAKE_LOG="$t/log" FAKE_RESULTS="$t/results" EVAL_DOCKET="$t/docket"
export EVAL_TREC_SCORE="$TS" DOCKET_EVAL_DIR="$d"

"$top/eval/run" --save-run "$t/saved" --bm25 0.9,0.4 >"$t/table" 2>"$t/run-err"
ok $? "eval/run exits 0"
grep -qF '| docket --bm25 0.9,0.4 | all 4 | 0.3877 | 0.5000 | 0.3333 |' "$t/table"
ok $? "docket row for all queries: 0.3877 0.5000 0.3333"
grep -qF '| docket --bm25 0.9,0.4 | odd 2 | 0.4599 | 0.5000 | 0.4167 |' "$t/table"
ok $? "docket row for odd queries: 0.4599 0.5000 0.4167"
grep -qF '| docket --bm25 0.9,0.4 | even 2 | 0.3155 | 0.5000 | 0.2500 |' "$t/table"
ok $? "docket row for even queries: 0.3155 0.5000 0.2500"
grep -q '^| Anserini BM25 flat .* | 0.6789 | 0.9253 |' "$t/table"
ok $? "reference rows printed"
grep -q '1 queries failed' "$t/run-err" && grep -q 'query 4: docket: broken on purpose' "$t/run-err"
ok $? "a failing search is reported with docket's message"
[ "$(grep -c "^index --index .* -q $d/corpus.jsonl\$" "$t/log")" -eq 1 ]
ok $? "the corpus is indexed once, quietly"
grep -q '^search --index .* --format trec --qid 2 -n 100 --per-article 1 --plain --bm25 0.9,0.4 -- ' "$t/log"
ok $? "search gets --format trec --qid -n 100 --per-article 1 --plain, then the extra options"
grep -qF 'text=["Quoted" (AND) -x: NOT y]' "$t/log"
ok $? "query text reaches docket intact, after --"
grep -qx '1 Q0 d1 1 10 docket' "$t/saved"
ok $? "run file holds the BEIR _id after the last '#'"

: >"$t/log"
"$top/eval/run" --split odd --rows-only >"$t/odd-rows" 2>/dev/null
ok $? "eval/run --split odd exits 0"
[ "$(grep -c '^search ' "$t/log")" -eq 2 ] && ! grep -q -- '--qid [24] ' "$t/log"
ok $? "--split odd searches only queries 1 and 3"
[ "$(wc -l <"$t/odd-rows")" -eq 1 ] && grep -qF '| docket | odd 2 | 0.4599 |' "$t/odd-rows"
ok $? "--rows-only prints the one odd row"

: >"$t/log"
"$top/eval/sweep" --k1 "0.9 1.2" --b 0.4 >"$t/sweep" 2>/dev/null
ok $? "eval/sweep exits 0"
[ "$(grep -c '^index ' "$t/log")" -eq 1 ] && [ "$(grep -c -- '--bm25 1.2,0.4 --' "$t/log")" -eq 2 ]
ok $? "eval/sweep indexes once and searches the odd queries per grid point"
grep -qF '| docket --bm25 0.9,0.4 | odd 2 | 0.4599 |' "$t/sweep" && grep -q 'Best nDCG@10.*0.4599' "$t/sweep"
ok $? "eval/sweep prints a row per grid point and the best"

: >"$t/log"
printf '# baseline first\nbase\t\nbetter\t--title-weight 1\nsame\t--feedback 0.1\n' >"$t/list"
"$top/eval/variants" --list "$t/list" >"$t/variants" 2>/dev/null
ok $? "eval/variants exits 0"
[ "$(grep -c '^index ' "$t/log")" -eq 1 ] && [ "$(grep -c -- '--title-weight 1 --' "$t/log")" -eq 2 ]
ok $? "eval/variants indexes once and searches the odd queries per variant"
grep -qF '| better | odd 2 | 0.5000 | 0.5000 |' "$t/variants" && grep -qF '| base | odd 2 | 0.4599 |' "$t/variants"
ok $? "eval/variants prints a row per variant"
grep -q '^better: nDCG@10 +0.0401, R@100 +0.0000 vs base: clear gain$' "$t/variants" &&
	grep -q '^same: nDCG@10 +0.0000, R@100 +0.0000 vs base: no gain$' "$t/variants"
ok $? "eval/variants judges each variant against the first"

DOCKET_EVAL_DIR=$t/nowhere "$top/eval/run" >"$t/absent" 2>&1
ok $? "eval/run exits 0 without data"
grep -q 'no evaluation data' "$t/absent" && ! grep -q '^|' "$t/absent"
ok $? "and explains why nothing was measured"

echo "1..$n"
exit $failed
