/* highlight.h — which words of a passage match the query.
 *
 * The query is reduced (by the engine, engine/query.cc, from the parsed
 * Xapian query; common/termgroups.h) to groups: single terms, phrases, NEAR groups and wildcard prefixes, each
 * tagged with the field it may match in.  The highlighter tokenises text
 * with token_scan() — the indexer's own tokenizer — so a highlight always
 * covers a word the index holds.
 */
#ifndef DOCKET_HIGHLIGHT_H
#define DOCKET_HIGHLIGHT_H

#include <stddef.h>

#include "../common/stem.h"
#include "../common/termgroups.h"

struct span {
	size_t start; /* byte offsets [start, end) into the text */
	size_t end;
	int group;    /* index of the group that matched */
};

/* The spans of TEXT[0..N) that match Q's groups for FIELD: ascending,
 * disjoint (overlaps merged, a phrase as one span).  *OUT is malloc'd (free
 * it); returns 0 or DOCKET_NO_MEMORY. */
int highlight_find(const struct term_groups *q, int field, struct stemmer *st,
                   const char *text, size_t n, struct span **out,
                   size_t *nout);

#endif
