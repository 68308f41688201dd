/* search.c — the smallest useful libdocket program: search an index and
 * print each hit's rank, score and citation.
 *
 *     cc -o search search.c $(pkg-config --cflags --libs docket)
 *     ./search ~/.local/share/docket/index '"storm off" AWS'
 */
#include <stdio.h>

#include <docket.h>

int main(int argc, char **argv)
{
	docket_index *idx;
	docket_query *q = NULL;
	docket_hits *hits;
	docket_status st;
	int found = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: %s INDEX QUERY\n", argv[0]);
		return 2;
	}
	st = docket_index_open(argv[1], DOCKET_OPEN_READ, &idx);
	if (st == DOCKET_OK)
		st = docket_query_new(idx, argv[2], &q);
	if (st == DOCKET_OK)
		st = docket_query_run(q, &hits);
	for (; st == DOCKET_OK && docket_hits_valid(hits); docket_hits_next(hits)) {
		const docket_hit *h = docket_hits_get(hits);
		printf("%zu. %.2f  %s\n", docket_hit_rank(h), docket_hit_score(h),
		       docket_hit_field(h, DOCKET_FIELD_CITATION));
		found = 1;
	}
	if (st == DOCKET_OK)
		st = docket_hits_status(hits);
	if (st != DOCKET_OK)
		fprintf(stderr, "search: %s\n", docket_index_last_error(idx));
	docket_query_free(q); /* frees the hits and their strings */
	docket_index_close(idx);
	return st != DOCKET_OK ? 2 : found ? 0 : 1;
}
