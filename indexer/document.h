/* document.h — one passage of an article as one index document: its terms,
 * values and data, exactly as common/schema.h lays them out.  Called by the
 * indexer for every passage it writes.
 */
#ifndef DOCKET_DOCUMENT_H
#define DOCKET_DOCUMENT_H

#include "article.h"
#include "../common/buf.h"

#include <stdint.h>

struct stemmer;
struct xap_doc;

struct copies_sig;

/* What an article's passages share about copies, worked out at its first
 * passage (document.c). */
struct article_copies {
	const struct article *a; /* the article it was worked out for */
	const char *wire;        /* article_wire() */
	struct copies_sig *sig;  /* one per passage, in passage order */
	size_t cap;              /* signatures allocated */
	uint64_t whole;          /* XXH3 of the whole normalised text; 0: none */
};

struct doc_builder {
	struct stemmer *st; /* the index's stemmer (not owned) */
	struct article_copies copies; /* of the article being built */
	buf scratch;        /* scratch: normalised words */
	buf term;           /* scratch: one term */
	buf data;           /* scratch: the record */
	buf id;             /* the passage id of the last document built */
	buf idterm;         /* its unique term */
	int rc;             /* sticky status while building */
};

/* Fill D (new and empty) with passage P of article A (one of
 * A->passages), whose file key is FKEY.  What the passages share (wire
 * agency, whole-article fingerprint) is worked out at the first passage
 * and kept in B for the others.  Afterwards B->idterm holds the unique term to replace by.  Returns
 * 0 or DOCKET_NO_MEMORY. */
int document_build(struct doc_builder *b, const struct article *a,
                   const struct passage *p, const char *fkey,
                   struct xap_doc *d);

void doc_builder_free(struct doc_builder *b);

#endif
