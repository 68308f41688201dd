# eval/quotes/quotes.mk — the quotation scorer (included by the top Makefile).
#
#   make quotes-eval     score indexer/quotes.c on the labelled set, dev and
#                        test halves (see eval/quotes/README.md)
#
# The scorer links with the static library (for quotes.c); it is in
# TEST_EXTRA so that `make test-build` builds it for tests/e2e/t-quotes.sh.

.PHONY: quotes-eval

TEST_EXTRA += $(B)/eval/quotes/score

$(B)/eval/quotes/score: eval/quotes/score.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

quotes-eval: $(B)/eval/quotes/score
	@$(B)/eval/quotes/score eval/quotes/dev.txt eval/quotes/test.txt
