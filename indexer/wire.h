/* wire.h — which wire agency an article says it is copy of.
 *
 * Caller: indexer/document.c (the wire field of every passage of the
 * article); the rules live in common/copies.c.
 */
#ifndef DOCKET_WIRE_H
#define DOCKET_WIRE_H

#include "article.h"

/* The agency article A says it is copy of — by a dateline in its first
 * passage ("(AP) —"), else a credit passage (the last one first), else its
 * byline — as a short lower-case name ("ap", "reuters", "afp", …), or ""
 * when it says none.  The string is static.  Cannot fail. */
const char *article_wire(const struct article *a);

#endif
