/* hits.h — making and freeing the hits of a run (searcher/hits.c, which
 * also holds the public docket_hit_* accessors).  Caller: searcher/query.c.
 */
#ifndef DOCKET_HITS_H
#define DOCKET_HITS_H

#include "query.h"

/* Free the hits of the last run (not the query). */
void hits_clear(docket_query *q);

/* Make hit H from record DATA[0..N) (taking ownership of DATA), with its
 * highlights and snippet for Q.  Returns 0 or a docket_status. */
int hit_fill(docket_query *q, struct docket_hit *h, char *data, size_t n);

/* Take the "what<TAB>weight" lines of EXPLAIN (NULL: none) as H's score
 * parts.  Returns 0 or DOCKET_NO_MEMORY. */
int hit_explain(struct docket_hit *h, const char *explain);

#endif
