# eval/eval.mk — ranking-quality evaluation (included by the top Makefile).
#
#   make eval                          index BEIR SciFact, search its 300 test
#                                      queries, score them (see eval/README.md);
#                                      then the passage collection's table
#                                      and its later sets, set2/ to
#                                      set5/ (eval/passages/README.md)
#   make eval EVAL_ARGS="--bm25 0.9,0.4"   extra options for `docket search`
#   make eval-sweep                    the --bm25 grid on the odd queries
#
# trec-score is plain C with libm only: it must not depend on the library it
# measures.  It is in TEST_EXTRA so that `make test-build` builds it for
# eval/t-eval.sh.

.PHONY: eval eval-sweep

TEST_EXTRA += $(B)/eval/trec-score

$(B)/eval/trec-score: eval/trec-score.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) -lm

eval: all $(B)/eval/trec-score
	@scripts/install-deps test
	@eval/run --build $(B) $(EVAL_ARGS)
	@eval/passages/run --build $(B) $(EVAL_ARGS)
	@eval/passages/run --build $(B) --set eval/passages/set2 $(EVAL_ARGS)
	@eval/passages/run --build $(B) --set eval/passages/set3 $(EVAL_ARGS)
	@eval/passages/run --build $(B) --set eval/passages/set4 $(EVAL_ARGS)
	@eval/passages/run --build $(B) --set eval/passages/set5 $(EVAL_ARGS)

eval-sweep: all $(B)/eval/trec-score
	@eval/sweep --build $(B) $(EVAL_ARGS)

# make eval-variants: each ranking knob alone on the odd queries (eval/variants);
# EVAL_ARGS="--split all" for the report rows, "--list FILE" for other variants.
.PHONY: eval-variants
eval-variants: all $(B)/eval/trec-score
	@eval/variants --build $(B) $(EVAL_ARGS)

# make eval-bodymatch: the body-match share of the top 5 on bench/gen corpora
# (eval/passages/bodymatch; EVAL_ARGS="--articles 20000" for the big one).
# bodycheck reads hits with the library's own tokenizer and stemmer.
.PHONY: eval-bodymatch
TEST_EXTRA += $(B)/eval/bodycheck

$(B)/eval/bodycheck: tests/e2e/bodycheck.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

eval-bodymatch: all $(B)/eval/bodycheck $(B)/bench/gen
	@eval/passages/bodymatch --build $(B) $(EVAL_ARGS)
