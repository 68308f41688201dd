# eval/dates/dates.mk — event-date resolution against its labelled set
# (included by the top Makefile).
#
#   make eval-dates     precision and recall per class on dev and test
#                       (eval/dates/README.md)
#
# The scorer links only the two objects it measures (no Xapian); it is in
# TEST_EXTRA so that `make test-build` builds it for eval/dates/t-dates.sh.

.PHONY: eval-dates

TEST_EXTRA += $(B)/eval/dates-score

$(B)/eval/dates-score: eval/dates/score.c $(B)/indexer/eventdate.o $(B)/common/days.o
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS)

eval-dates: $(B)/eval/dates-score
	@$(B)/eval/dates-score eval/dates/dev.tsv eval/dates/test.tsv
