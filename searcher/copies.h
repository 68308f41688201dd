/* copies.h — a hit's copies and first report (docket_hit_copy*,
 * docket_hit_first_reported in docket.h), made from the members the
 * engine found for it (engine/copies.cc).  Callers: searcher/query.c,
 * searcher/hits.c (freeing).
 */
#ifndef DOCKET_SEARCHER_COPIES_H
#define DOCKET_SEARCHER_COPIES_H

#include "../engine/engine.h"
#include "query.h"

/* Fill H's copies (the members of M that match the query, oldest first,
 * undated last) and its first report (the earliest dated of H and all of
 * M's members; H when none is earlier).  H's record is decoded already.
 * Returns 0 or DOCKET_NO_MEMORY; a member whose record is damaged is
 * skipped. */
int hit_copies(struct docket_hit *h, const struct xap_match *m);

/* Free what hit_copies() made. */
void hit_copies_free(struct docket_hit *h);

/* Order the hits of a `docket copies` query oldest first, undated last,
 * ties by passage id.  Cannot fail. */
void hits_sort_by_date(struct docket_hit *hits, size_t n);

#endif
