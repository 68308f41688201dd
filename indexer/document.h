/* document.h — one passage of an article as one index document: its terms,
 * values and data, exactly as common/schema.h lays them out.  Called by the
 * indexer for every passage it writes.
 */
#ifndef DOCKET_DOCUMENT_H
#define DOCKET_DOCUMENT_H

#include "article.h"
#include "../common/buf.h"

struct stemmer;
struct xap_doc;

#define EVENT_DAYS_MAX 64 /* event dates kept per passage (the first, by day) */

struct doc_builder {
	struct stemmer *st; /* the index's stemmer (not owned) */
	buf term;           /* scratch: one term */
	buf data;           /* scratch: the record */
	buf list;           /* scratch: a list value (engine/valuelist.h) */
	char days[EVENT_DAYS_MAX][11]; /* the passage's event dates, YYYY-MM-DD */
	char ymd[EVENT_DAYS_MAX][9];   /* the same as YYYYMMDD */
	const char *ymdp[EVENT_DAYS_MAX]; /* pointers into YMD, for field_names */
	size_t ndays;       /* how many */
	buf id;             /* the passage id of the last document built */
	buf idterm;         /* its unique term */
	int rc;             /* sticky status while building */
};

/* Fill D (new and empty) with passage P of article A, whose file key is
 * FKEY.  Afterwards B->idterm holds the unique term to replace by.  Returns
 * 0 or DOCKET_NO_MEMORY. */
int document_build(struct doc_builder *b, const struct article *a,
                   const struct passage *p, const char *fkey,
                   struct xap_doc *d);

void doc_builder_free(struct doc_builder *b);

#endif
