# eval/legal/legal.mk — the legal-entity labelled set (included by the top
# Makefile).
#
#   make legal-score      precision and recall per kind: dev, test, heldout,
#                         heldout2, heldout3, heldout4, heldout5,
#                         heldout6
#
# The scorer links the static library: it parses the articles as the
# indexer does and calls indexer/legal.c through legal.h.

.PHONY: legal-score

TEST_EXTRA += $(B)/eval/legal/score

$(B)/eval/legal/score: eval/legal/score.c $(STLIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STLIB) $(ALL_LDFLAGS) $(LIBS) -lstdc++ -lm

legal-score: $(B)/eval/legal/score
	@$(B)/eval/legal/score eval/legal eval/legal/heldout
	@echo "second held-out set (eval/legal/heldout2, tuned on once since: a dev set now):"
	@$(B)/eval/legal/score eval/legal eval/legal/heldout2 | sed -n 's/^heldout /heldout2 /p'
	@echo "third held-out set (eval/legal/heldout3, tuned on once since: a dev set now):"
	@$(B)/eval/legal/score eval/legal eval/legal/heldout3 | sed -n 's/^heldout /heldout3 /p'
	@echo "fourth held-out set (eval/legal/heldout4, tuned on once since: a dev set now):"
	@$(B)/eval/legal/score eval/legal eval/legal/heldout4 | sed -n 's/^heldout /heldout4 /p'
	@echo "fifth held-out set (eval/legal/heldout5, tuned on once since: a dev set now):"
	@$(B)/eval/legal/score eval/legal eval/legal/heldout5 | sed -n 's/^heldout /heldout5 /p'
	@echo "sixth held-out set (eval/legal/heldout6, not tuned on):"
	@$(B)/eval/legal/score eval/legal eval/legal/heldout6 | sed -n 's/^heldout /heldout6 /p'
