/* valuelist.h — the one encoding of a multi-valued value slot (a list).
 *
 * Owned by engine/valuelist.c.  Written by the indexer (sources, event
 * dates; legal identifiers, speakers), read by the engine's match spies
 * and the searcher's counts.  The layout, documented in common/schema.h:
 * each item as its byte length in LEB128 followed by its bytes, in order,
 * nothing else.  Pure C, no Xapian.
 */
#ifndef DOCKET_VALUELIST_H
#define DOCKET_VALUELIST_H

#include <stddef.h>

#include "../common/buf.h"

/* Append item S[0..N) to the list being built in OUT.  Sticky on *RC. */
void valuelist_add(int *rc, buf *out, const char *s, size_t n);

/* A cursor over a list value. */
struct valuelist_iter {
	const unsigned char *p; /* the next item's length */
	const unsigned char *end;
};

/* Start reading the list V[0..N). Cannot fail. */
void valuelist_begin(struct valuelist_iter *it, const char *v, size_t n);

/* The next item into *S, *N: 1 when there is one, 0 at the end or at a
 * malformed length (a damaged value ends the list; never reads past
 * END). */
int valuelist_next(struct valuelist_iter *it, const char **s, size_t *n);

#endif
