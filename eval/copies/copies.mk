# eval/copies/copies.mk — the syndication test set's scorer (included by
# the top Makefile).
#
#   make eval-copies            precision/recall of copy groups, dev and test
#   make eval-copies-explore    also the alternatives measured on dev
#
# copies-score links the static library: it measures indexer/copies.c
# through docket's own reader.  It is in TEST_EXTRA so that `make
# test-build` builds it (and a change that breaks it breaks the build).

.PHONY: eval-copies eval-copies-explore

TEST_EXTRA += $(B)/eval/copies-score

$(B)/eval/copies-score: eval/copies/score.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

eval-copies: $(B)/eval/copies-score
	@$(B)/eval/copies-score eval/copies

eval-copies-explore: $(B)/eval/copies-score
	@$(B)/eval/copies-score --explore eval/copies
